"""/sheet/: build your own routine and print it (javascripts/sheet.js fills it from the API)."""

from __future__ import annotations

from generator.model import Library
from generator.pages import urls
from generator.pages.environment import render
from generator.stretch_schema import choices

FOLDER = "sheet"
# The most stretches a routine sheet holds. Programmes handed out by physical therapists and
# home-exercise apps are short: people do fewer of their exercises the more they are given.
MAX_ROUTINE = 6


def files(library: Library) -> dict[str, str]:
    """The sheet's page; its data comes from /api/index.json and /api/stretches/<id>.json."""
    site = library.site
    page = render(
        "sheet.md.j2",
        library,
        site=site,
        clinic=site.clinic,
        max_routine=MAX_ROUTINE,
        positions=choices("position"),
        root=urls.root_of(urls.SHEET),
    )
    return {urls.index_source(urls.SHEET): page}
