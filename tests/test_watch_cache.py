"""`watch` keeps what it loaded and parses again only the files that changed."""

from __future__ import annotations

from pathlib import Path

from generator.cli import Paths, build
from generator.read.load import LoadCache, load_folder

from .helpers import FIXTURES, run, snapshot


def test_unchanged_files_are_not_parsed_again(project: Path) -> None:
    folder = project / "content" / "stretches"
    cache: LoadCache = {}
    first, problems = load_folder(folder, cache)
    assert problems == [] and len(first) == len(list(FIXTURES.glob("library/*.yaml")))
    again, _ = load_folder(folder, cache)
    assert [id(file) for file in again] == [id(file) for file in first]

    edited = folder / "knee-to-chest.yaml"
    edited.write_text(edited.read_text().replace("name: Knee to chest", "name: Knee pull"))
    after, _ = load_folder(folder, cache)
    by_stem = {file.stem: file for file in after}
    assert by_stem["knee-to-chest"].data["name"] == "Knee pull"
    assert by_stem["pelvic-tilt"] is {file.stem: file for file in first}["pelvic-tilt"]


def test_a_removed_file_leaves_the_cache_and_the_library(project: Path) -> None:
    folder = project / "content" / "stretches"
    cache: LoadCache = {}
    load_folder(folder, cache)
    (folder / "pelvic-tilt.yaml").unlink()
    files, _ = load_folder(folder, cache)
    assert [file.stem for file in files] == ["knee-to-chest"]
    assert [path.name for path in cache] == ["knee-to-chest.yaml"]


def test_a_rebuild_from_the_cache_matches_a_fresh_build(project: Path) -> None:
    paths = Paths(Path("content/stretches"), Path("docs"), Path("mkdocs.yml"))
    cache: LoadCache = {}
    assert build(paths, cache) == 0
    edited = project / "content" / "stretches" / "knee-to-chest.yaml"
    edited.write_text(edited.read_text().replace("name: Knee to chest", "name: Knee pull"))
    assert build(paths, cache) == 0
    from_cache = {name: text for name, (text, _) in snapshot(project / "docs").items()}
    assert any("Knee pull" in text.decode() for text in from_cache.values())
    assert run("build") == 0
    assert {name: text for name, (text, _) in snapshot(project / "docs").items()} == from_cache
