"""/sheet/: build your own routine and print it (javascripts/sheet.js fills it from the API)."""

from __future__ import annotations

from typing import Any

from generator.model import Library
from generator.pages import urls
from generator.pages.environment import environment
from generator.stretch_schema import choices, stretch_schema

FOLDER = "sheet"
# The most stretches a routine sheet holds. Programmes handed out by physical therapists and
# home-exercise apps are short: people do fewer of their exercises the more they are given.
MAX_ROUTINE = 6
# The longest note a therapist can add to one stretch, in characters: a line of instructions
# ("Left side only. Stop if your foot tingles."). It also keeps a routine of six noted
# stretches short enough for its address to fit in a QR code a phone can read.
NOTE_MAX = 120


def dose_limits() -> dict[str, int]:
    """The smallest and largest whole number a dose may hold, as the stretch schema says: a
    therapist's dose in the sheet's address is checked against the same limits as a file's."""
    count: dict[str, Any] = stretch_schema()["$defs"]["count"]
    whole = next(kind for kind in count["oneOf"] if kind.get("type") == "integer")
    return {"min": whole["minimum"], "max": whole["maximum"]}


def files(library: Library) -> dict[str, str]:
    """The sheet's page; its data comes from /api/index.json and /api/stretches/<id>.json."""
    site = library.site
    page = (
        environment()
        .get_template("sheet.md.j2")
        .render(
            site=site,
            clinic=site.clinic,
            max_routine=MAX_ROUTINE,
            note_max=NOTE_MAX,
            dose_limits=dose_limits(),
            positions=choices("position"),
            root=urls.root_of(urls.SHEET),
            sheet_url=site.url + urls.SHEET if site.url else "",
        )
    )
    return {urls.index_source(urls.SHEET): page}
