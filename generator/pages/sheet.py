"""/sheet/: build your own routine and print it (javascripts/sheet.js fills it from the API)."""

from __future__ import annotations

from generator.model import Library
from generator.pages import urls
from generator.pages.environment import render
from generator.read.languages import english
from generator.stretch_schema import choices

FOLDER = "sheet"
# The most stretches a routine sheet holds. Programmes handed out by physical therapists and
# home-exercise apps are short: people do fewer of their exercises the more they are given.
MAX_ROUTINE = 6


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
        positions=choices("position"),
        sheet_words=_script_words(library),
        root=urls.root_of(urls.SHEET),
    )
    return {urls.index_source(urls.SHEET): page}
