"""Copies of the project for tests and benchmarks: its hand-written pages' stretch links."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

STRETCH_LINK = re.compile(r"(stretches/)([a-z0-9-]+)(\.md)")


def relink_stretches(docs: Path, new_id: Callable[[str], str]) -> None:
    """In the hand-written pages of a project's docs/, link each stretch page
    (`stretches/<id>.md`) at `new_id(<id>)` instead."""

    def relink(match: re.Match[str]) -> str:
        return f"{match[1]}{new_id(match[2])}{match[3]}"

    for page in sorted(docs.glob("*.md")):
        page.write_text(STRETCH_LINK.sub(relink, page.read_text("utf-8")), "utf-8")
