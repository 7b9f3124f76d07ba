"""Stage 4, write: page texts -> files, touching only what changed.

Each generated folder under docs/ belongs to the generator: files in it that the current
library did not produce are stale and removed. A marker file proves a folder is ours, so a
wrong path can never make us delete someone's hand-written pages. Nothing is written before
every page has been rendered in memory, so a failed build leaves docs/ as it was.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

MARKER = ".generated"
MARKER_TEXT = "Written by `python -m generator build`. Everything here is replaced on each build.\n"


class NotOurFolder(Exception):
    """The output folder holds files we did not write."""


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def write_if_changed(path: Path, text: str) -> bool:
    """Write text to path unless it already holds exactly that; atomic, so a reader never
    sees half a file. Returns whether it wrote."""
    data = text.encode("utf-8")
    with contextlib.suppress(FileNotFoundError, NotADirectoryError, IsADirectoryError):
        if path.read_bytes() == data:
            return False
    # A temporary name of this process's own, short whatever the file's name is. Not
    # mkstemp's: its random name and the chmod after it cost 0.07 s of CPU per 1,000 stretches.
    # O_NOFOLLOW refuses a planted link; O_TRUNC overwrites what a killed run left.
    temporary = path.with_name(f".tmp-{os.getpid()}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW
    try:
        handle = os.open(temporary, flags, 0o644)
    except FileNotFoundError:  # a new folder: made here, not checked before every file
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(temporary, flags, 0o644)
    try:
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(handle, 0o644)  # the same mode whatever the umask: MkDocs copies it
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return True


def check_ownership(docs: Path, owned: tuple[str, ...]) -> None:
    """Raise NotOurFolder if a folder the generator would write under `docs` holds files it
    did not write."""
    for name in owned:
        folder = docs / name
        if not folder.exists() or (folder / MARKER).is_file():
            continue
        # A temporary file alone is what a run killed while writing a new folder's marker leaves.
        if any(not path.name.startswith(".tmp-") for path in folder.iterdir()):
            message = f"{folder} has files the generator did not write; refusing to touch it"
            raise NotOurFolder(message)


def write_pages(docs: Path, owned: tuple[str, ...], pages: dict[str, str]) -> WriteReport:
    """Make each owned folder under `docs` hold exactly its share of `pages`
    (path relative to docs -> text), rewriting only what changed."""
    strays = [path for path in pages if not any(path.startswith(f"{name}/") for name in owned)]
    if strays:
        raise ValueError(f"pages outside the generated folders {owned}: {strays[:3]}")
    check_ownership(docs, owned)
    report = WriteReport()
    for name in owned:
        write_if_changed(docs / name / MARKER, MARKER_TEXT)
    for relative, text in sorted(pages.items()):
        if write_if_changed(docs / relative, text):
            report.written.append(relative)
        else:
            report.unchanged += 1
    wanted = set(pages) | {f"{name}/{MARKER}" for name in owned}
    for name in owned:
        # Strings and os.walk, not Paths and rglob: at 10,000 stretches this walks 60,000
        # files, and comparing and stat-ing Path objects took a second of it.
        root = docs / name
        for folder, _, files in os.walk(root, topdown=False):  # children before folders
            relative_folder = Path(folder).relative_to(docs).as_posix()
            for file in files:
                if f"{relative_folder}/{file}" not in wanted:
                    os.unlink(os.path.join(folder, file))
                    report.removed.append(f"{relative_folder}/{file}")
            if folder != str(root) and not os.listdir(folder):
                os.rmdir(folder)
    report.removed.sort()
    return report
