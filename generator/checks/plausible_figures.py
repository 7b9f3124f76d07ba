"""Figures a body could not hold: through the floor, resting on nothing, a limb through the
trunk, a hand short of what it holds. Reported at the figure's line in the stretch file."""

from __future__ import annotations

from collections.abc import Iterator

from generator.figures.draw import implausible
from generator.model import Stretch
from generator.problems import Problem


def check(stretch: Stretch) -> Iterator[Problem]:
    """A warning for each implausible figure of a stretch's own `figures:`."""
    if not stretch.figures:
        return
    for name in ("start", "stretch", "alternate"):
        figure = getattr(stretch.figures, name)
        if figure is None:
            continue
        for finding in implausible(figure):
            message = f"the figure can't be drawn as a body would hold it: {finding}"
            yield Problem(
                stretch.path, figure.line or 1, 3, f"figures.{name}", message, is_warning=True
            )
