"""/stretches/ (every stretch, with its filters) and /stretches/<id>/ (one stretch).

A large library's list is paged, so that opening it stays light: CARDS_PER_PAGE cards a page
at /stretches/, /stretches/page/2/ ..., linked to each other, so every stretch is reachable
without JavaScript. The filters then work on the whole library from stretches/cards.json,
which only a paged list has."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model import Library, Stretch
from generator.pages import urls
from generator.pages.api import to_json
from generator.pages.environment import render
from generator.pages.figure_files import thumbnail
from generator.pages.finding import card_data, card_facts, filters

FOLDER = "stretches"
# 250 cards are about 130 KB of HTML with their thumbnails (600 KB is the first load's budget
# at 10,000 stretches) and fewer than 1,500 elements, a long but quick page on a phone.
CARDS_PER_PAGE = 250


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


def list_pages(stretches: Sequence[Stretch]) -> list[Sequence[Stretch]]:
    """The stretches of each page of the list; one page, maybe empty, when they all fit."""
    starts = range(0, len(stretches), CARDS_PER_PAGE)
    return [stretches[start : start + CARDS_PER_PAGE] for start in starts] or [stretches]


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
    chunks = list_pages(stretches)
    addresses = [urls.list_page(number) for number in range(1, len(chunks) + 1)]
    pages: dict[str, str] = {}
    for number, (chunk, address) in enumerate(zip(chunks, addresses, strict=True), start=1):
        pages[urls.list_source(number)] = render(
            "index.md.j2",
            library,
            stretches=chunk,
            total=len(stretches),
            number=number,
            addresses=addresses,
            first=(number - 1) * CARDS_PER_PAGE + 1,
            filters=filters(stretches, library.language),
            page=address,
        )
    if len(chunks) > 1:
        pages[urls.LIST_CARDS] = cards_json(library)
    for stretch in stretches:
        pages[urls.stretch_source(stretch.id)] = render_stretch(stretch, library)
    return pages
