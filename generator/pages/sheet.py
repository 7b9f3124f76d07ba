"""/sheet/: build your own routine and print it (javascripts/sheet.js fills it from the API)."""

from __future__ import annotations

from typing import Any

from generator.model import Library
from generator.pages import urls
from generator.pages.environment import render
from generator.read.languages import english
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


# What sheet.js writes itself, from the catalog: these strings, and the words of positions
# and levels.
SCRIPT_STRINGS = (
    "sheet_unknown", "sheet_too_many", "sheet_up", "sheet_move_up", "sheet_down",
    "sheet_move_down", "sheet_remove", "sheet_remove_named", "sheet_start", "stop_if",
    "sheet_default_name", "sheet_prepared_by_named", "sheet_load_error", "sheet_the_stretches",
    "sheet_the_list",
)  # fmt: skip


def _script_words(library: Library) -> dict[str, dict[str, str]]:
    language = library.language or english()
    vocabulary = [*choices("position"), *choices("level")]
    return {
        "strings": {key: language.text(key) for key in SCRIPT_STRINGS},
        "words": {text: language.word(text) for text in vocabulary},
    }


def files(library: Library) -> dict[str, str]:
    """The sheet's page; its data comes from /api/index.json and /api/stretches/<id>.json."""
    site = library.site
    page = render(
        "sheet.md.j2",
        library,
        site=site,
        clinic=site.clinic,
        max_routine=MAX_ROUTINE,
        note_max=NOTE_MAX,
        dose_limits=dose_limits(),
        positions=choices("position"),
        sheet_words=_script_words(library),
        root=urls.root_of(urls.SHEET),
        sheet_url=site.url + urls.SHEET if site.url else "",
    )
    return {urls.index_source(urls.SHEET): page}
