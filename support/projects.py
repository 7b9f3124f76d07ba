"""Copies of the project for tests and benchmarks: its hand-written pages' stretch links."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

STRETCH_LINK = re.compile(r"(stretches/)([a-z0-9-]+)(\.md)")


GENERATED_MARKER = ".generated"  # the generator marks each folder it owns with this file


def hand_written_pages(docs: Path) -> list[Path]:
    """The Markdown pages an author wrote: docs/*.md and each language's docs/<code>/*.md,
    never a page in a folder the generator owns."""
    pages = list(docs.glob("*.md"))
    for folder in sorted(docs.iterdir()):
        if folder.is_dir() and not (folder / GENERATED_MARKER).exists():
            pages += folder.glob("*.md")
    return sorted(pages)


def relink_stretches(docs: Path, new_id: Callable[[str], str]) -> None:
    """In the hand-written pages of a project's docs/ (every language's), link each stretch
    page (`stretches/<id>.md`) at `new_id(<id>)` instead."""

    def relink(match: re.Match[str]) -> str:
        return f"{match[1]}{new_id(match[2])}{match[3]}"

    for page in hand_written_pages(docs):
        page.write_text(STRETCH_LINK.sub(relink, page.read_text("utf-8")), "utf-8")
