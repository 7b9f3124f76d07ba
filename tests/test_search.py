"""Finding a stretch in headless Chromium: queries typed into Material's search box key by key,
every name and alias through Material's own search worker, the search index itself, and the
filters of the list page driven through their addresses and the keyboard."""

from __future__ import annotations

import datetime
import json
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from generator.model import Stretch
from generator.read.load import load_folder
from generator.read.validate import validate

from .helpers import ARTIFACTS, ROOT, WORKER_SEARCH, built_and_watched, stretch_id

DESKTOP = {"width": 1280, "height": 900}
SEARCH_BOX = "input.md-search__input"
RESULT_LINKS = ".md-search-result__item > .md-search-result__link"

# Words people type -> the stretch that must be in the first three results. Aliases, the
# name's apostrophe left out or typed as a curly quote, plurals, positions, equipment and body
# areas, in the reader's words.
QUERIES = [
    ("knee rolls", "lumbar-rotation"),
    ("knee hug", "knee-to-chest"),
    ("figure four stretch", "piriformis-stretch"),
    ("McKenzie press-up", "prone-press-up"),
    ("prayer stretch", "childs-pose"),
    ("cat camel", "cat-cow"),
    ("psoas", "hip-flexor-stretch"),
    ("hip lift", "glute-bridge"),
    ("childs pose", "childs-pose"),
    ("child's pose", "childs-pose"),
    ("child’s pose", "childs-pose"),
    ("childs", "childs-pose"),
    ("hamstrings", "hamstring-stretch"),
    ("hamstring", "hamstring-stretch"),
    ("glutes", "glute-bridge"),
    ("bridges", "glute-bridge"),
    ("hip flexors", "hip-flexor-stretch"),
    ("press ups", "prone-press-up"),
    ("pelvic tilts", "pelvic-tilt"),
    ("standing", "standing-back-extension"),
    ("kneeling", "hip-flexor-stretch"),
    ("lying on your front", "sphinx"),
    ("towel", "hamstring-stretch"),
    ("strap", "hamstring-stretch"),
    ("pillow", "hip-flexor-stretch"),
    ("chair", "seated-twist"),
    ("twist", "seated-twist"),
    ("twist", "lumbar-rotation"),
    ("tummy muscles", "pelvic-tilt"),
    ("front of thigh", "hip-flexor-stretch"),
]


def library() -> list[Stretch]:
    files, problems = load_folder(ROOT / "content" / "stretches")
    stretches, problems = validate(files, datetime.date.today())
    assert [problem for problem in problems if not problem.is_warning] == []
    return stretches


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.replace("'", "")).strip("-")


def search(page: Any, query: str, timeout: float = 10) -> list[str]:
    """Type a query into the search box key by key, as a reader does; the results in order.

    Material searches on each key, so the list is read once it has stopped changing."""
    box = page.locator(SEARCH_BOX)
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=15)
    seen: list[str] = []
    steady = 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        links = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(link => link.href)")
        results = [stretch_id(link) for link in links]
        steady = steady + 1 if results and results == seen else 0
        if steady == 3:
            return results
        seen = results
        page.wait_for_timeout(100)
    return seen


@pytest.fixture(scope="module")
def search_page(browser: Any, site_url: str) -> Any:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "/", wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut to the search box
    yield page
    context.close()


def test_the_query_table_is_about_real_stretches() -> None:
    ids = {stretch.id for stretch in library()}
    assert len({query for query, _ in QUERIES}) >= 20
    assert {expected for _, expected in QUERIES} <= ids


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_typed_query_finds_the_stretch_in_the_top_three(
    search_page: Any, query: str, expected: str
) -> None:
    results = search(search_page, query)
    assert expected in results[:3], (query, results[:5])


def test_search_results_show_the_keywords_that_matched(search_page: Any) -> None:
    search(search_page, "knee rolls")
    first = search_page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == "Lumbar rotation"
    tags = first.locator(".md-tag").evaluate_all("tags => tags.map(tag => tag.textContent)")
    assert "knee rolls" in tags
    ARTIFACTS.mkdir(exist_ok=True)
    search_page.screenshot(path=ARTIFACTS / "search-knee-rolls.png")


def test_every_name_and_alias_finds_its_stretch_in_the_top_three(
    search_page: Any, site_url: str
) -> None:
    wanted = {
        text: stretch.id for stretch in library() for text in (stretch.name, *stretch.aliases)
    }
    answers = search_page.evaluate(WORKER_SEARCH, [sorted(wanted)])
    misses = {}
    for text, expected in wanted.items():
        top = [stretch_id(site_url + "/" + location) for location in answers[text][:3]]
        if expected not in top:
            misses[text] = (expected, top)
    assert misses == {}


def test_each_stretch_is_one_lean_entry_whose_keywords_weigh_most(built: Path) -> None:
    index = json.loads((built / "site" / "search" / "search_index.json").read_text("utf-8"))
    fields = index["config"]["fields"]
    assert fields["tags"]["boost"] > fields["title"]["boost"] > fields["text"]["boost"]
    for stretch in library():
        entries = [e for e in index["docs"] if e["location"].startswith(f"stretches/{stretch.id}/")]
        assert len(entries) == 1, [entry["location"] for entry in entries]
        entry = entries[0]
        keywords = [*stretch.aliases, *stretch.targets, stretch.position, *stretch.equipment]
        assert set(keywords) <= {tag.replace("&#39;", "'") for tag in entry["tags"]}
        assert entry["boost"] > 1
        assert stretch.summary.replace("'", "") in entry["text"].replace("'", "")
        assert "Also called" not in entry["text"]  # the aliases are there once, as tags


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        return {}
    values = yaml.safe_load(text.split("---\n", 2)[1])
    return values if isinstance(values, dict) else {}


def test_embeds_and_pages_excluded_from_search_are_not_in_the_index(built: Path) -> None:
    index = json.loads((built / "site" / "search" / "search_index.json").read_text("utf-8"))
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    embeds = [path.parent.name for path in (built / "site" / "embed").glob("*/index.html")]
    assert sorted(embeds) == sorted(stretch.id for stretch in library())
    assert [page for page in pages if page.startswith("embed/") and page != "embed/"] == []
    docs = built / "docs"
    for path in docs.rglob("*.md"):
        search_settings = _front_matter(path).get("search") or {}
        if search_settings.get("exclude"):
            address = path.relative_to(docs).with_suffix("").as_posix() + "/"
            address = address.removesuffix("index/")
            assert address not in pages, path
    assert "tags/lower-back/" in pages and "stretches/" in pages


def test_hostile_keywords_show_as_text_in_search_results(browser: Any, project: Path) -> None:
    stretch_file = project / "content" / "stretches" / "pelvic-tilt.yaml"
    hostile = ["<img src=x onerror=window.pwned=1>", "<b>bold</b> & co"]
    text = stretch_file.read_text("utf-8")
    stretch_file.write_text(
        text.replace("\ntargets:", f"\naliases: {json.dumps(hostile)}\ntargets:")
    )
    with built_and_watched(browser, project, DESKTOP) as (page, url, dialogs):
        page.goto(url + "/", wait_until="networkidle")
        page.keyboard.press("/")
        assert "pelvic-tilt" in search(page, "pelvic")[:1]
        chips = page.locator(".md-search-result__item").first.locator(".md-tag")
        texts = chips.evaluate_all("tags => tags.map(tag => tag.textContent)")
        assert set(hostile) <= set(texts)
        assert page.locator(".md-search-result img, .md-search-result b").count() == 0
        assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []


# Filter addresses -> which stretches they show (computed from the library, not listed).
FILTERS = [
    {"position": "standing"},
    {"position": "lying-on-your-back", "level": "gentle"},
    {"equipment": "none"},
    {"equipment": "sturdy-chair", "level": "gentle"},
    {"target": "lower-back", "position": "hands-and-knees"},
    {"target": "buttocks", "level": "moderate", "position": "lying-on-your-back"},
]


def shown_by(params: dict[str, str]) -> set[str]:
    def values(stretch: Stretch, name: str) -> list[str]:
        texts = {
            "position": [stretch.position],
            "equipment": list(stretch.equipment) or ["none"],
            "target": list(stretch.targets),
            "level": [stretch.level],
        }[name]
        return [slug(text) for text in texts]

    return {
        stretch.id
        for stretch in library()
        if all(value in values(stretch, name) for name, value in params.items())
    }


def count_text(count: int) -> str:
    return "1 stretch" if count == 1 else f"{count} stretches"


def visible_cards(page: Any) -> set[str]:
    links = page.locator(".stretch-card:visible > a")
    return {
        href.strip("/") for href in links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    }


@pytest.fixture
def list_page(browser: Any) -> Any:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("params", FILTERS, ids=lambda params: "&".join(params.values()))
def test_a_filter_address_shows_exactly_its_stretches(
    list_page: Any, site_url: str, params: dict[str, str]
) -> None:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    list_page.goto(f"{site_url}/stretches/?{query}", wait_until="networkidle")
    expected = shown_by(params)
    assert expected, "a filter case that shows nothing tests little"
    assert visible_cards(list_page) == expected
    assert list_page.locator(".stretch-count").inner_text() == count_text(len(expected))
    for name, value in params.items():
        assert list_page.locator(f"#filter-{name}").input_value() == value


def test_filters_are_labelled_keyboard_usable_and_kept_in_the_address(
    list_page: Any, site_url: str
) -> None:
    page = list_page
    page.goto(site_url + "/stretches/", wait_until="networkidle")
    everything = shown_by({})
    assert visible_cards(page) == everything
    status = page.locator(".stretch-count")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == count_text(len(everything))
    for label in ["Position", "Equipment", "Works on", "Level"]:
        assert page.get_by_label(label, exact=True).evaluate("e => e.tagName") == "SELECT"

    # Focus moves through the controls in the order they are shown.
    page.locator("#filter-position").focus()
    order = [page.evaluate("document.activeElement.id")]
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
    assert order == ["filter-position", "filter-equipment", "filter-target", "filter-level"]

    # Choose a level with the keyboard alone: the list, the count and the address follow.
    page.keyboard.press("ArrowDown")
    level = page.locator("#filter-level").input_value()
    assert level
    expected = shown_by({"level": level})
    assert visible_cards(page) == expected
    assert status.inner_text() == count_text(len(expected))
    assert parse_qs(urlparse(page.url).query) == {"level": [level]}

    page.select_option("#filter-position", "lying-on-your-back")
    both = {"level": level, "position": "lying-on-your-back"}
    assert visible_cards(page) == shown_by(both)
    assert parse_qs(urlparse(page.url).query) == {name: [value] for name, value in both.items()}

    # The address opens the same choice.
    page.reload(wait_until="networkidle")
    assert visible_cards(page) == shown_by(both)
    assert page.locator("#filter-position").input_value() == "lying-on-your-back"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "stretches-filtered.png", full_page=True)

    page.get_by_role("button", name="Show all").click()
    assert visible_cards(page) == everything
    assert urlparse(page.url).query == ""
    assert page.evaluate("document.activeElement.id") == "filter-position"


def test_a_filter_nothing_matches_says_so(list_page: Any, site_url: str) -> None:
    stretches = library()
    positions = {slug(stretch.position) for stretch in stretches}
    levels = {stretch.level for stretch in stretches}
    empty = [
        (position, level)
        for position in sorted(positions)
        for level in sorted(levels)
        if not shown_by({"position": position, "level": level})
    ]
    if not empty:
        pytest.fail("every position has every level: pick another empty combination")
    position, level = empty[0]
    list_page.goto(f"{site_url}/stretches/?position={position}&level={level}")
    assert visible_cards(list_page) == set()
    assert list_page.locator(".stretch-count").inner_text().startswith("No stretches match")


def test_an_unknown_filter_value_is_ignored(list_page: Any, site_url: str) -> None:
    list_page.goto(site_url + "/stretches/?position=flying&level=gentle", wait_until="networkidle")
    assert visible_cards(list_page) == shown_by({"level": "gentle"})
    assert parse_qs(urlparse(list_page.url).query) == {"level": ["gentle"]}


def test_without_javascript_the_list_is_complete(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/stretches/?position=standing", wait_until="load")
    assert visible_cards(page) == shown_by({})
    assert not page.locator("form.stretch-filters").is_visible()
    context.close()
