"""/stretches/ (every stretch, with its filters) and /stretches/<id>/ (one stretch).

A large library's list is in pages (pages/paging.py: /stretches/, /stretches/page/2/ ...).
Its filters then work on the whole library from stretches/cards.json, which only a list in
pages has."""

from __future__ import annotations

from typing import Any

from generator.model import Library, Stretch
from generator.pages import urls
from generator.pages.api import to_json
from generator.pages.environment import render
from generator.pages.figure_files import thumbnail
from generator.pages.finding import card_data, card_facts, filters
from generator.pages.paging import pages_of

FOLDER = "stretches"


def render_stretch(stretch: Stretch, library: Library) -> str:
    """The Markdown page of one stretch."""
    related = [library.by_id[other] for other in stretch.related if other in library.by_id]
    site = library.site
    return render(
        "stretch.md.j2",
        library,
        stretch=stretch,
        related=related,
        site=site,
        clinic=site.clinic,
        root=urls.root_of(urls.stretch_page(stretch.id)),
    )


def cards_json(library: Library) -> str:
    """What the filters of a paged list need to show any stretch's card: its words as its
    card shows them, its filter values, and its page and thumbnail as addresses relative to
    this file."""
    translated = set(library.translations)
    cards = []
    for stretch in library.stretches:
        figure = thumbnail(stretch)
        card: dict[str, Any] = {
            "id": stretch.id,
            "name": stretch.name,
            "summary": stretch.summary,
            "facts": card_facts(stretch, library.language),
            "url": urls.relative(urls.stretch_page(stretch.id), urls.STRETCHES),
            "figure": [urls.file_link(figure.path, urls.STRETCHES), figure.width, figure.height],
            **card_data(stretch),
        }
        if library.language and library.language.code != urls.SOURCE_LANGUAGE:
            card["english_only"] = stretch.id not in translated
        cards.append(card)
    return to_json({"stretches": cards})


def files(library: Library) -> dict[str, str]:
    """The list, in pages when it is long, and every stretch's page."""
    stretches = library.stretches
    listing = pages_of(stretches, urls.STRETCHES, urls.index_source(urls.STRETCHES))
    choices = filters(stretches, library.language)
    pages = {
        source: render("index.md.j2", library, listed=listed, filters=choices, page=listed.address)
        for source, listed in listing.items()
    }
    if len(listing) > 1:
        pages[urls.LIST_CARDS] = cards_json(library)
    for stretch in stretches:
        pages[urls.stretch_source(stretch.id)] = render_stretch(stretch, library)
    return pages
