"""Long lists in pages: the list of stretches and each tag's page show at most CARDS_PER_PAGE
cards a page, so that opening one stays light however large the library. The pages link to
each other with plain links, so every stretch is reachable without JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.pages import urls

# 250 cards are about 140 KB of HTML with their thumbnails (600 KB is the first load's budget
# at 10,000 stretches) and fewer than 1,500 elements: a long but quick page on a phone.
CARDS_PER_PAGE = 250

Item = TypeVar("Item")


@dataclass(frozen=True)
class ListPage(Generic[Item]):
    """One page of a list: its items, its number and every page's address (from the root)."""

    items: Sequence[Item]
    number: int
    addresses: tuple[str, ...]
    first: int  # the place of its first item in the whole list, from 1
    total: int  # the whole list's length

    @property
    def address(self) -> str:
        return self.addresses[self.number - 1]

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1

    @property
    def paged(self) -> bool:
        return len(self.addresses) > 1


def pages_of(items: Sequence[Item], start: str, first_source: str) -> dict[str, ListPage[Item]]:
    """Each page of the list at `start`, by its Markdown file: the first page is
    `first_source`; one page, maybe empty, when everything fits."""
    size = CARDS_PER_PAGE
    chunks = [items[at : at + size] for at in range(0, len(items), size)] or [items]
    addresses = tuple(urls.list_page(start, number) for number in range(1, len(chunks) + 1))
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        source = first_source if number == 1 else urls.later_page_source(start, number)
        pages[source] = ListPage(chunk, number, addresses, (number - 1) * size + 1, len(items))
    return pages
