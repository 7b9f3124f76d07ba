"""One page of every stretch's figures beside its start, steps and equipment, with any
implausible figure named: for a reviewer to look at (`make figures`), not part of the site."""

from __future__ import annotations

from generator.figures.draw import figures_of, implausible
from generator.model import Library
from generator.pages.environment import environment


def review_page(library: Library) -> str:
    findings = {}
    for stretch in library.stretches:
        shown = figures_of(stretch)
        figures = [f for f in (shown.start, shown.stretch, shown.alternate) if f is not None]
        findings[stretch.id] = [problem for f in figures for problem in implausible(f)]
    template = environment().get_template("figure-review.html.j2")
    return template.render(stretches=library.stretches, findings=findings)
