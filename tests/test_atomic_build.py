"""A build that fails, is stopped or runs beside another leaves site/ a whole build: the last
good one or the new one, never part of one (generator/staging.py). The faults are real: a
broken link, a part's process killed, SIGTERM, Ctrl-C and SIGKILL at points of a build in
parts, two builds at once, and `python -m generator build` killed while it writes docs/."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main as generator_main
from generator.site import staging
from generator.site.pdfs import CHROMIUM
from support.synth import make_project

ROOT = Path(__file__).resolve().parent.parent
# parts_for(120, 2 cores) is 2, and every test asks for 2 parts: the build a large library gets.
STRETCHES = 120
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def start(folder: Path, *command: str, stderr: Any = subprocess.PIPE) -> subprocess.Popen[str]:
    """A command of the project's, in its own session (so that a group signal is ours only)."""
    return subprocess.Popen(
        [sys.executable, "-m", *command],
        cwd=folder,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        start_new_session=True,
    )


def site_build(folder: Path) -> subprocess.Popen[str]:
    return start(folder, "generator.site.parallel_build", "--parts", "2")


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)  # a build that hangs fails here
    return process.returncode, out, err


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def untouched(folder: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """Every file and folder with its inode, time and bytes: equal only if nothing was
    written, added, removed or renamed anywhere in it."""
    found = {}
    for path in [folder, *sorted(folder.rglob("*"))]:
        status = path.lstat()
        data = path.read_bytes() if path.is_file() else None
        found[path.relative_to(folder).as_posix()] = (status.st_ino, status.st_mtime_ns, data)
    return found


def staging_folders(folder: Path) -> list[str]:
    """What builds make beside site/ (the lock file, kept, is not among them)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".site.", ".site-")))


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in task.read_text().split()]
    return found


def running(pid: int) -> bool:
    """Alive, and not a zombie waiting for a parent (or an init that never reaps)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def says(log: Path, text: str) -> bool:
    return text in log.read_text()


def when(process: subprocess.Popen[str], condition: Callable[[], bool]) -> None:
    """Return as soon as condition() holds; fail if the process ends first."""
    deadline = time.monotonic() + 60
    while not condition():
        assert process.poll() is None, f"the build ended first: {process.communicate()}"
        assert time.monotonic() < deadline, "the build never got there"
        time.sleep(0.001)


@dataclass
class Library:
    folder: Path
    known_good: dict[str, bytes]  # site/ as one complete build of it

    @property
    def site(self) -> Path:
        return self.folder / "site"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A synthetic library large enough to be built in parts, generated and built once."""
    folder = make_project(tmp_path_factory.mktemp("atomic") / "library", STRETCHES)
    assert finish(start(folder, "generator", "build"))[0] == 0
    status, out, err = finish(site_build(folder))
    assert status == 0, err
    assert "as 2 MkDocs builds side by side" in out
    assert staging_folders(folder) == []
    return Library(folder, tree(folder / "site"))


def staging_of(library: Library, kind: str = "new") -> list[Path]:
    return sorted(library.folder.glob(f".site.{kind}-*"))


def half_built(library: Library) -> bool:
    """Part 0 has written a third of its stretch pages."""
    new = staging_of(library)
    return bool(new) and len(list(new[0].glob("stretches/*/index.html"))) >= STRETCHES // 6


def part_0_done(library: Library) -> bool:
    """Part 0 has finished (the search plugin writes its index last); merging is next."""
    new = staging_of(library)
    return bool(new) and (new[0] / "search" / "search_index.json").is_file()


def point(name: str, library: Library, site_inode: int) -> bool:
    """The points of a build in parts where the tests stop it."""
    if name == "staging made":
        return bool(staging_of(library))
    if name == "parts building":
        return any(
            path.is_dir() and any(path.iterdir()) for path in library.folder.glob(".site.parts-*/1")
        )
    if name == "half built":
        return half_built(library)
    if name == "part 0 done":
        return part_0_done(library)
    assert name == "site replaced, old being deleted"
    return library.site.stat().st_ino != site_inode


POINTS = ["staging made", "parts building", "half built", "part 0 done"]
POINTS += ["site replaced, old being deleted"]


def stop_at(
    library: Library, name: str, signum: int, *, group: bool = False
) -> tuple[int, str, list[int]]:
    """Start a build, send it signum at the named point; its status, stderr and part pids."""
    inode = library.site.stat().st_ino
    process = site_build(library.folder)
    when(process, lambda: point(name, library, inode))
    parts = children(process.pid)
    if group:  # as Ctrl-C in a terminal: the build and its parts all get it
        os.killpg(process.pid, signum)
    else:
        os.kill(process.pid, signum)
    status, _, err = finish(process)
    deadline = time.monotonic() + 5
    while any(running(pid) for pid in parts) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(running(pid) for pid in parts), "a part outlived its build"
    return status, err, parts


@pytest.mark.site
@pytest.mark.parametrize("name", POINTS)
def test_sigterm_stops_the_parts_and_leaves_a_whole_site(library: Library, name: str) -> None:
    status, err, _ = stop_at(library, name, signal.SIGTERM)
    assert status == 128 + signal.SIGTERM, err
    state = "holds the new build" if name.startswith("site replaced") else "is as it was"
    assert f"make site: stopped by SIGTERM; site/ {state}" in err
    assert tree(library.site) == library.known_good
    assert staging_folders(library.folder) == []


@pytest.mark.site
def test_ctrl_c_stops_the_build_and_its_parts(library: Library) -> None:
    before = untouched(library.site)
    status, err, parts = stop_at(library, "half built", signal.SIGINT, group=True)
    assert len(parts) == 2
    assert status == 128 + signal.SIGINT, err
    assert "make site: stopped by SIGINT; site/ is as it was" in err
    assert "Traceback" not in err
    assert untouched(library.site) == before
    assert staging_folders(library.folder) == []


@pytest.mark.site
@pytest.mark.parametrize("name", POINTS)
def test_after_sigkill_the_site_is_whole_and_the_next_build_removes_the_leftovers(
    library: Library, name: str
) -> None:
    status, _, _ = stop_at(library, name, signal.SIGKILL)
    assert status == -signal.SIGKILL
    assert tree(library.site) == library.known_good
    left = staging_folders(library.folder)
    assert left  # a killed build can't clean up: the next one must
    status, out, err = finish(site_build(library.folder))
    assert status == 0, err
    for name_left in left:
        assert f"Removed {name_left}, left by a build that was stopped" in out
    assert tree(library.site) == library.known_good
    assert staging_folders(library.folder) == []


@pytest.mark.site
def test_a_part_whose_process_dies_fails_the_build(library: Library) -> None:
    before = untouched(library.site)
    process = site_build(library.folder)
    when(process, lambda: half_built(library) and len(children(process.pid)) == 2)
    # Both parts, so that one which happens to have finished already (on a busy machine the
    # parts' pace differs) can't let the build succeed.
    for child in children(process.pid):
        os.kill(child, signal.SIGKILL)
    status, _, err = finish(process)  # with a multiprocessing Pool, this waited forever
    assert status == 1
    assert re.search(r"error: part [12] of 2 ended before it finished", err), err
    assert "The build failed, so site/ was left as it was." in err
    assert untouched(library.site) == before
    assert staging_folders(library.folder) == []


def _a_stretch_of_part_2(library: Library) -> str:
    pages = sorted((library.folder / "docs" / "stretches").glob("*.md"))
    return f"stretches/{[page for page in pages if page.name != 'index.md'][1].name}"


@pytest.mark.site
@pytest.mark.parametrize("parts", ["1", "2"])
@pytest.mark.parametrize("page", ["about.md", "a stretch of part 2"])
def test_a_broken_link_fails_the_build_and_leaves_the_site_untouched(
    library: Library, parts: str, page: str
) -> None:
    relative = _a_stretch_of_part_2(library) if page.startswith("a stretch") else page
    path = library.folder / "docs" / relative
    original = path.read_text("utf-8")
    before = untouched(library.site)
    try:
        path.write_text(original + "\n[a broken link](no-such-page.md)\n", "utf-8")
        process = start(library.folder, "generator.site.parallel_build", "--parts", parts)
        status, _, err = finish(process)
    finally:
        path.write_text(original, "utf-8")
    assert status == 1
    assert untouched(library.site) == before
    assert "no-such-page.md" in err and "Aborted with 1 warnings in strict mode" in err
    assert "The build failed, so site/ was left as it was." in err
    assert staging_folders(library.folder) == []


@pytest.mark.site
def test_two_builds_at_once_one_waits(library: Library) -> None:
    first, second = site_build(library.folder), site_build(library.folder)
    results = [finish(first), finish(second)]
    assert [status for status, _, _ in results] == [0, 0], results
    waited = [err for _, _, err in results if "Waiting for another build to finish" in err]
    assert len(waited) == 1 and "make site (pid " in waited[0]
    assert tree(library.site) == library.known_good
    assert staging_folders(library.folder) == []


@pytest.mark.site
def test_builds_wait_for_the_lock_and_one_stopped_while_waiting_changes_nothing(
    library: Library, tmp_path: Path
) -> None:
    """While another build holds the lock, a site build and `generator build` wait (the
    generator must not rewrite docs/ while MkDocs reads it); one stopped while it waits
    leaves everything as it was, and the other goes on once the lock is free."""
    before = untouched(library.site)
    logs = [tmp_path / "site.log", tmp_path / "generator.log"]
    with staging.project_lock(library.folder, "the test"):
        with logs[0].open("w") as site_log, logs[1].open("w") as generator_log:
            waiting = start(library.folder, "generator.site.parallel_build", stderr=site_log)
            generator = start(library.folder, "generator", "build", stderr=generator_log)
        for process, log in zip([waiting, generator], logs, strict=True):
            when(process, functools.partial(says, log, "Waiting for another build"))
            assert f"the test (pid {os.getpid()}) holds " in log.read_text()
        os.kill(waiting.pid, signal.SIGTERM)
        assert finish(waiting)[0] == 128 + signal.SIGTERM
        assert "make site: stopped by SIGTERM; site/ is as it was" in logs[0].read_text()
        assert generator.poll() is None  # still waiting
    assert finish(generator)[0] == 0
    assert untouched(library.site) == before
    assert staging_folders(library.folder) == []


def descendants(pid: int) -> list[int]:
    found = children(pid)
    return found + [grandchild for child in found for grandchild in descendants(child)]


@pytest.mark.browser
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_make_pdfs_stopped_while_printing_publishes_nothing(library: Library, signum: int) -> None:
    """The PDFs, the booklet and the links to them appear together or not at all."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make chromium`"
    before = untouched(library.site)
    process = start(library.folder, "generator.site.pdfs")
    # Printing: its copy of the site made, Chromium started (the driver's child).
    when(process, lambda: bool(staging_of(library)) and len(descendants(process.pid)) > 1)
    time.sleep(1)
    started = descendants(process.pid)
    os.kill(process.pid, signum)
    status, _, err = finish(process)
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(running(pid) for pid in started), "Chromium outlived make pdfs"
    assert untouched(library.site) == before
    if signum == signal.SIGTERM:
        assert status == 128 + signal.SIGTERM
        assert "make pdfs: stopped by SIGTERM; site/ is as it was" in err
        assert staging_folders(library.folder) == []
    else:
        assert status == -signal.SIGKILL
        (left,) = staging_folders(library.folder)
        status, out, err = finish(site_build(library.folder))  # the next build of either kind
        assert status == 0, err
        assert f"Removed {left}, left by a build that was stopped" in out
        assert tree(library.site) == library.known_good
        assert staging_folders(library.folder) == []


# ---- the swap itself, without MkDocs ----


@contextlib.contextmanager
def no_exchange(monkeypatch: pytest.MonkeyPatch, exchange: bool) -> Iterator[None]:
    if not exchange:

        def unsupported(first: Path, second: Path) -> None:
            raise OSError(errno.EINVAL, "not on this file system")

        monkeypatch.setattr(staging, "_exchange", unsupported)
    yield


def a_site(folder: Path, text: str) -> Path:
    site = folder / "site"
    (site / "stretches").mkdir(parents=True)
    (site / "index.html").write_text(text)
    (site / "stretches" / "index.html").write_text(text)
    return site


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two renames"])
def test_the_new_site_replaces_the_old_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    site = a_site(tmp_path, "old")
    site.chmod(0o750)  # as the web server's group was given it
    with no_exchange(monkeypatch, exchange), staging.staged(site, tmp_path, "test") as stage:
        new = stage.folder()
        (new / "index.html").write_text("new")
        stage.replace_site(new)
    assert tree(site) == {"index.html": b"new"}
    assert site.stat().st_mode & 0o777 == 0o750
    assert staging_folders(tmp_path) == []


def test_a_build_that_raises_leaves_the_site_and_removes_its_folders(tmp_path: Path) -> None:
    site = a_site(tmp_path, "old")
    before = untouched(site)
    with pytest.raises(RuntimeError), staging.staged(site, tmp_path, "test") as stage:
        (stage.folder() / "index.html").write_text("half")
        stage.folder("parts")
        raise RuntimeError("a part failed")
    assert untouched(site) == before
    assert staging_folders(tmp_path) == []


def test_a_site_left_aside_between_the_two_renames_is_put_back(tmp_path: Path) -> None:
    """Where there is no exchange, a build killed between its renames leaves no site/."""
    aside = a_site(tmp_path, "old").rename(tmp_path / ".site.old-1234-abcdef")
    (tmp_path / ".site.new-1234-123456").mkdir()
    with staging.staged(tmp_path / "site", tmp_path, "test"):
        assert tree(tmp_path / "site") == {"index.html": b"old", "stretches/index.html": b"old"}
        assert staging_folders(tmp_path) == []
    assert not aside.exists()


def test_a_site_that_is_a_link_keeps_its_link(tmp_path: Path) -> None:
    target = a_site(tmp_path / "www", "old")
    (tmp_path / "site").symlink_to(target)
    with staging.staged(tmp_path / "site", tmp_path, "test") as stage:
        new = stage.folder()
        (new / "index.html").write_text("new")
        stage.replace_site(new)
    assert (tmp_path / "site").readlink() == target
    assert tree(target) == {"index.html": b"new"}
    assert staging_folders(target.parent) == []


# ---- generated Markdown: `python -m generator build` killed while it writes docs/ ----


@dataclass
class Versions:
    folder: Path
    old: dict[str, bytes]  # docs/ as the first library generates it
    new: dict[str, bytes]  # ...and as the second one does
    changed: list[str]  # files the second build writes, in the order it writes them
    stale: list[str]  # files it removes


def generate(folder: Path, version: str) -> subprocess.Popen[str]:
    return start(folder, "generator", "--content", version, "--config", f"{version}.yml", "build")


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    """One project, two libraries: `old` (120 stretches) and `new` (8 fewer, and a site_url
    that changes every page that prints its address)."""
    folder = make_project(tmp_path_factory.mktemp("generate") / "project", STRETCHES)
    library = folder / "content" / "stretches"
    library.rename(folder / "old")
    (folder / "new").mkdir()
    for path in sorted((folder / "old").glob("*.yaml")):
        if not path.stem.endswith("-8"):
            (folder / "new" / path.name).write_bytes(path.read_bytes())
    config = (folder / "mkdocs.yml").read_text("utf-8")
    (folder / "old.yml").write_text(config, "utf-8")
    (folder / "new.yml").write_text("site_url: https://example.org/back/\n" + config, "utf-8")
    trees = {}
    for version in ("new", "old"):
        assert finish(generate(folder, version))[0] == 0
        trees[version] = tree(folder / "docs")
    old, new = trees["old"], trees["new"]
    changed = sorted(path for path in new if old.get(path) != new[path])
    stale = sorted(path for path in old if path not in new)
    assert len(changed) > 300 and len(stale) >= 8 * 3
    return Versions(folder, old, new, changed, stale)


def signature(path: Path) -> tuple[int, int, int] | None:
    """Changes when the file is replaced, written to or removed."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return found.st_ino, found.st_mtime_ns, found.st_size


@pytest.mark.parametrize("at", ["first write", "a third written", "two thirds written", "removing"])
def test_a_killed_generator_leaves_each_file_old_or_new_and_the_next_run_repairs(
    versions: Versions, at: str
) -> None:
    folder, docs = versions.folder, versions.folder / "docs"
    assert finish(generate(folder, "old"))[0] == 0 and tree(docs) == versions.old
    if at == "removing":  # stretches/ is the first folder it cleans
        watched = docs / [path for path in versions.stale if path.startswith("stretches/")][0]
    else:
        fraction = {"first write": 0, "a third written": 1 / 3, "two thirds written": 2 / 3}[at]
        watched = docs / versions.changed[int(fraction * len(versions.changed))]
    before = signature(watched)
    process = generate(folder, "new")
    while signature(watched) == before:  # no sleep: kill it within microseconds of that file
        assert process.poll() is None, "the build ended first"
    process.kill()
    assert finish(process)[0] == -signal.SIGKILL
    now = tree(docs)
    temporary = [path for path in now if path.rsplit("/", 1)[-1].startswith(".tmp-")]
    wrong = [
        path
        for path, data in now.items()
        if path not in temporary and data not in (versions.old.get(path), versions.new.get(path))
    ]
    assert wrong == []
    missing = [path for path in versions.old.keys() & versions.new.keys() if path not in now]
    assert missing == []
    # Stopped midway: some files already new, some still old.
    assert any(now.get(path) == versions.new[path] for path in versions.changed)
    assert any(
        now.get(path) == versions.old.get(path) for path in versions.changed + versions.stale
    )
    # What a run killed between writing a file and renaming it leaves; the next one removes it.
    (docs / "stretches" / ".tmp-99999").write_text("half a page")
    assert finish(generate(folder, "new"))[0] == 0
    assert tree(docs) == versions.new


def test_a_new_folder_holding_only_a_killed_runs_temporary_file_is_still_ours(
    versions: Versions, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run killed while writing a new folder's marker leaves it with only `.tmp-<pid>`; the
    next run must not take it for someone else's folder."""
    monkeypatch.chdir(versions.folder)
    docs = versions.folder / "docs"
    assert generator_main(["--content", "new", "--config", "new.yml", "build"]) == 0
    for path in sorted((docs / "figures").iterdir()):
        path.unlink()
    (docs / "figures" / ".tmp-4242").write_text("")
    assert generator_main(["--content", "new", "--config", "new.yml", "build"]) == 0
    assert tree(docs) == versions.new
