from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.write import MARKER, NotOurFolder, write_if_changed, write_pages


def test_writes_only_what_changed_and_removes_stale_pages(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    owned = ("out",)
    report = write_pages(tmp_path, owned, {"out/a.md": "A", "out/b.md": "B", "out/sub/c.md": "C"})
    assert report.written == ["out/a.md", "out/b.md", "out/sub/c.md"]
    before = (folder / "a.md").stat().st_mtime_ns

    report = write_pages(tmp_path, owned, {"out/a.md": "A", "out/b.md": "B2"})
    assert report.written == ["out/b.md"] and report.unchanged == 1
    assert report.removed == ["out/sub/c.md"]
    assert (folder / "a.md").stat().st_mtime_ns == before
    assert not (folder / "sub").exists()
    assert sorted(p.name for p in folder.iterdir()) == [MARKER, "a.md", "b.md"]
    assert (folder / "b.md").stat().st_mode & 0o777 == 0o644


def test_folders_left_empty_are_removed_all_the_way_up(tmp_path: Path) -> None:
    """A deleted stretch takes its embed/<id>/ folder with it, however deep."""
    pages = {"out/keep.md": "K", "out/a/b/c/d.md": "D", "out/a/e.md": "E"}
    write_pages(tmp_path, ("out",), pages)
    report = write_pages(tmp_path, ("out",), {"out/keep.md": "K"})
    assert report.removed == ["out/a/b/c/d.md", "out/a/e.md"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [MARKER, "keep.md"]
    # The owned folder itself stays, with its marker, even when nothing else is left.
    write_pages(tmp_path, ("out",), {})
    assert [p.name for p in (tmp_path / "out").iterdir()] == [MARKER]


def test_a_killed_runs_leftover_is_overwritten_and_a_planted_link_is_refused(
    tmp_path: Path,
) -> None:
    page = tmp_path / "new" / "page.md"
    assert write_if_changed(page, "first")  # its folder didn't exist: made on the way
    leftover = page.with_name(f".tmp-{os.getpid()}")
    leftover.write_text("half a page from a run that was killed")
    old_umask = os.umask(0o077)
    try:
        assert write_if_changed(page, "whole")
    finally:
        os.umask(old_umask)
    assert page.read_text() == "whole" and not leftover.exists()
    assert page.stat().st_mode & 0o777 == 0o644  # readable by the web server, whatever the umask

    long_name = page.with_name("a" * 250 + ".json")  # the longest a stretch's files get
    assert write_if_changed(long_name, "{}") and long_name.read_text() == "{}"

    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    leftover.symlink_to(outside)
    with pytest.raises(OSError):
        write_if_changed(page, "changed")
    assert outside.read_text() == "not ours" and page.read_text() == "whole"


def test_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "index.md").write_text("hand-written")
    with pytest.raises(NotOurFolder):
        write_pages(tmp_path, ("docs",), {"docs/a.md": "A"})
    assert (folder / "index.md").read_text() == "hand-written"
    assert not (folder / "a.md").exists()


def test_never_writes_outside_its_folders(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_pages(tmp_path, ("out",), {"index.md": "would overwrite a hand-written page"})
    assert list(tmp_path.iterdir()) == []


def test_every_generated_folder_is_ignored_by_git() -> None:
    from generator.pages.outputs import GENERATED_FOLDERS

    ignored = (Path(__file__).parent.parent / ".gitignore").read_text().splitlines()
    for folder in GENERATED_FOLDERS:
        assert f"docs/{folder}/" in ignored, f"add docs/{folder}/ to .gitignore"
