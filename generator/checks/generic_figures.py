"""A stretch drawn with its position's generic figures, for want of a `figures:` field."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Stretch
from generator.problems import Problem


def check(stretch: Stretch) -> Iterator[Problem]:
    """A warning for a stretch file with no `figures:`."""
    if stretch.figures:
        return
    message = (
        f'no figures: field, so the page shows the generic "{stretch.position}" figures; '
        "add figures: with the start and stretch positions (see python -m generator new)"
    )
    yield Problem(stretch.path, 1, 1, "figures", message, is_warning=True)
