"""The list of stretches in pages, for a large library: every stretch on one page of it and
reachable without JavaScript, the first load light whatever the library's size, and the
filters working on the whole library (stretches/cards.json) from any page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import pytest

from generator.model import Library, Site, Stretch
from generator.pages import paging, urls
from generator.pages.finding import card_data
from generator.pages.outputs import render_site
from support.synth import make_project

from .helpers import ROOT, fixture_stretches, serve

# Two pages of the list, and of the lower back tag (most stretches have it), in each edition.
SYNTHETIC = paging.CARDS_PER_PAGE + 150
FIRST_LOAD_BUDGET = 600_000  # bytes of HTML when /stretches/ opens, at any library size


def test_a_library_that_fits_one_page_has_no_pages_and_no_cards_file() -> None:
    files = render_site(Library.of(fixture_stretches(), Site()))
    assert urls.LIST_CARDS not in files
    assert not [path for path in files if path.startswith("stretches/page/")]
    assert '<nav class="stretch-pages"' not in files["stretches/index.md"]
    assert "data-cards=" not in files["stretches/index.md"]


@pytest.fixture
def one_per_page(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Stretch], dict[str, str]]:
    """The fixture library's files with one card a page: two pages of each list."""
    monkeypatch.setattr(paging, "CARDS_PER_PAGE", 1)
    stretches = fixture_stretches()
    return stretches, render_site(Library.of(stretches, Site()))


def test_a_long_list_is_paged_with_plain_links_between_its_pages(
    one_per_page: tuple[list[Stretch], dict[str, str]],
) -> None:
    stretches, files = one_per_page
    first, second = files["stretches/index.md"], files["stretches/page/2.md"]
    assert "stretches/page/3.md" not in files
    for page in (first, second):  # each page names the library's size and links every page
        assert f"{len(stretches)} stretches for lower back pain" in page
        assert page.count('<nav class="stretch-pages"') == 1
    assert '<a href="page/2/" rel="next">Next page</a>' in first
    assert '<a href="../../" rel="prev">Previous page</a>' in second
    assert '<a href="../../" aria-label="Page 1 of 2">1</a>' in second
    assert "Page 2 of 2: stretches 2 to 2 of 2" in second
    # Each stretch on exactly one page, linked from where that page is.
    assert f'<a href="{stretches[0].id}/">' in first
    assert f'<a href="../../{stretches[1].id}/">' in second
    assert stretches[1].id not in first.split('<ul class="stretch-list"')[1]
    # Search finds the list by its first page; the others would only repeat it.
    assert "search:\n  exclude: true" in second and "exclude" not in first.split("---")[1]
    assert 'data-cards="cards.json"' in first and 'data-cards="../../cards.json"' in second


def test_a_tag_many_stretches_have_is_paged_too(
    one_per_page: tuple[list[Stretch], dict[str, str]],
) -> None:
    stretches, files = one_per_page
    first, second = files["tags/lower-back.md"], files["tags/lower-back/page/2.md"]
    for page in (first, second):  # the whole tag's count, on every page
        assert "2 stretches work on this part of your body:" in page
    assert '<a href="page/2/" rel="next">Next page</a>' in first
    assert '<a href="../../" rel="prev">Previous page</a>' in second
    assert f'<a href="../../../../stretches/{stretches[1].id}/">' in second
    assert f"stretches/{stretches[1].id}/" not in first
    assert "search:\n  exclude: true" in second
    assert "tags/lower-back/page/3.md" not in files


def test_the_cards_file_carries_each_card_as_the_list_shows_it(
    one_per_page: tuple[list[Stretch], dict[str, str]],
) -> None:
    stretches, files = one_per_page
    cards = json.loads(files[urls.LIST_CARDS])["stretches"]
    assert [card["id"] for card in cards] == [stretch.id for stretch in stretches]
    for stretch, card in zip(stretches, cards, strict=True):
        assert {name: card[name] for name in card_data(stretch)} == card_data(stretch)
        assert (card["name"], card["summary"]) == (stretch.name, stretch.summary)
        # Addresses are relative to the file, and name the stretch's page and figure file.
        base = "https://example.org/" + urls.LIST_CARDS
        assert urljoin(base, card["url"]) == "https://example.org/" + urls.stretch_page(stretch.id)
        figure, width, height = card["figure"]
        assert urljoin(base, figure).startswith(
            "https://example.org/" + urls.figure_file(stretch.id)
        )
        assert width > 0 and height > 0
        assert card["facts"] in files["stretches/index.md"] + files["stretches/page/2.md"]
        assert "english_only" not in card  # English's cards never say it


# ---- A built synthetic library of two pages ----


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _links(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.hrefs


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic library one page longer than the list holds, generated and built."""
    folder = make_project(tmp_path_factory.mktemp("paged") / "library", SYNTHETIC)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    for command in (["generator", "build"], ["generator.site.parallel_build"]):
        done = subprocess.run(
            [sys.executable, "-m", *command], cwd=folder, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def paged_url(paged: Path) -> Iterator[str]:
    with serve(paged) as url:
        yield url


def _follow(site: Path, start: str) -> tuple[set[str], set[str]]:
    """The pages of the list at `start` and the stretch pages they link to, found by following
    its own links from its first page, as a reader without JavaScript can."""
    seen, to_visit, stretches = set(), [start], set()
    while to_visit:
        address = to_visit.pop()
        seen.add(address)
        html = site / address.strip("/") / "index.html"
        assert html.stat().st_size < FIRST_LOAD_BUDGET, f"{address} is {html.stat().st_size} bytes"
        for href in _links(html):
            target = urldefrag(urljoin("https://example.org" + address, href)).url
            target = target.removeprefix("https://example.org")
            if target.startswith(start + "page/") and target not in seen:
                to_visit.append(target)
            elif "/stretches/" in target and target.count("/") == 3 + target.startswith("/es/"):
                stretches.add(target.rsplit("/", 2)[1])
    return seen, stretches


@pytest.mark.site
@pytest.mark.parametrize("edition", ["", "es/"])
def test_every_stretch_is_reachable_from_the_list_without_javascript(
    paged: Path, edition: str
) -> None:
    pages, stretches = _follow(paged, f"/{edition}stretches/")
    assert len(pages) == 2
    built = {p.parent.name for p in (paged / edition / "stretches").glob("*/index.html")}
    assert stretches == built - {"page"}
    assert len(stretches) == SYNTHETIC


@pytest.mark.site
def test_a_tag_of_the_whole_library_is_paged_and_reaches_its_stretches(paged: Path) -> None:
    pages, stretches = _follow(paged, "/tags/lower-back/")
    having = {card["id"] for card in _library(paged) if "lower-back" in card["target"].split()}
    assert len(having) > paging.CARDS_PER_PAGE and len(pages) == 2
    assert stretches == having


@pytest.mark.site
def test_the_first_page_weighs_the_same_whatever_the_library_size(paged: Path) -> None:
    first = (paged / "stretches" / "index.html").read_text(encoding="utf-8")
    assert first.count('<li class="stretch-card"') == paging.CARDS_PER_PAGE
    assert len(first.encode()) < FIRST_LOAD_BUDGET


def _shown(page: Any) -> list[str]:
    """The names of the cards a reader sees, in order."""
    return page.locator(".stretch-list .stretch-card:visible a strong").all_inner_texts()


def _library(paged: Path, edition: str = "") -> list[dict[str, Any]]:
    data = json.loads((paged / edition / urls.LIST_CARDS).read_text(encoding="utf-8"))
    return data["stretches"]


def test_a_filter_on_any_page_shows_the_matches_of_the_whole_library(
    browser: Any, paged: Path, paged_url: str
) -> None:
    library = _library(paged)
    standing = [card["name"] for card in library if card["position"] == "standing"]
    page = browser.new_page()
    page.goto(f"{paged_url}/stretches/page/2/?position=standing", wait_until="networkidle")
    assert _shown(page) == standing
    assert page.locator(".stretch-count").inner_text() == f"{len(standing)} stretches"
    assert page.locator(".stretch-pages").is_hidden()
    # A card from another page opens its stretch, and shows its thumbnail.
    card = page.locator(".stretch-list .stretch-card").first
    figure = card.locator("img.stretch-card-figure")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=figure.element_handle()
    )
    card.locator("a").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == standing[0]
    # Back on the list, "Show all" gives the page its own cards and its links again.
    page.go_back(wait_until="networkidle")
    page.get_by_role("button", name="Show all").click()
    own = [card["name"] for card in library[paging.CARDS_PER_PAGE :]]
    assert _shown(page) == own
    assert page.locator(".stretch-pages").is_visible()
    assert page.locator(".stretch-count").inner_text() == f"{len(library)} stretches"
    assert "position" not in page.url
    page.close()


def test_a_filter_chosen_by_the_reader_loads_the_library_once(
    browser: Any, paged_url: str, paged: Path
) -> None:
    library = _library(paged)
    gentle = [card["name"] for card in library if card["level"] == "gentle"]
    page = browser.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{paged_url}/stretches/", wait_until="networkidle")
    assert not [url for url in asked if url.endswith(urls.LIST_CARDS)]  # not before a filter
    page.select_option("#filter-level", "gentle")
    page.wait_for_function(
        "document.querySelector('.stretch-count').textContent.includes('stretches')"
    )
    assert _shown(page) == gentle
    page.select_option("#filter-position", "standing")
    page.select_option("#filter-position", "")
    assert _shown(page) == gentle
    assert len([url for url in asked if url.endswith(urls.LIST_CARDS)]) == 1
    assert "level=gentle" in page.url
    page.close()


def test_the_spanish_list_says_which_cards_are_in_english_only(
    browser: Any, paged: Path, paged_url: str
) -> None:
    library = _library(paged, "es/")
    assert all(card["english_only"] for card in library)  # the copies have no translations
    gentle = [card for card in library if card["level"] == "gentle"]
    page = browser.new_page()
    page.goto(f"{paged_url}/es/stretches/page/2/?level=gentle", wait_until="networkidle")
    assert _shown(page) == [card["name"] for card in gentle]
    assert page.locator(".stretch-count").inner_text() == f"{len(gentle)} estiramientos"
    first = page.locator(".stretch-list .stretch-card").first
    assert first.locator(".stretch-english-only").inner_text() == "(solo en inglés)"
    assert first.locator(".stretch-card-facts").inner_text() == gentle[0]["facts"]
    assert "Suave" in gentle[0]["facts"]
    page.close()


def test_without_the_library_file_the_filters_cover_the_page_and_say_so(
    browser: Any, paged: Path, paged_url: str
) -> None:
    own = _library(paged)[: paging.CARDS_PER_PAGE]
    gentle = [card["name"] for card in own if card["level"] == "gentle"]
    page = browser.new_page()
    page.route("**/" + urls.LIST_CARDS, lambda route: route.fulfill(status=503, body="down"))
    page.goto(f"{paged_url}/stretches/?level=gentle", wait_until="networkidle")
    page.wait_for_function("!document.querySelector('.stretch-list').hidden")
    assert _shown(page) == gentle and gentle
    status = page.locator(".stretch-count").inner_text()
    assert status.startswith("The whole list could not be loaded")
    assert status.endswith(f"{len(gentle)} stretches")
    page.close()
