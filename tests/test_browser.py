"""What a reader sees, in headless Chromium: phone-sized pages, search, no outside requests."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
import yaml

from .helpers import ARTIFACTS, FIXTURES, built_and_watched

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
PAGES = ["/", "/stretches/", "/stretches/cat-cow/", "/urgent-help/", "/about/"]


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_with_no_request_outside_the_site(page, site_url: str, path: str) -> None:
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None and response.ok
    site = urlparse(site_url).netloc
    outside = [
        url
        for url in page.requests_seen
        if urlparse(url).netloc not in {site, ""} and not url.startswith(("data:", "blob:"))
    ]
    assert outside == []


def test_a_stretch_page_on_a_phone(page, site_url: str) -> None:
    page.goto(site_url + "/stretches/cat-cow/", wait_until="networkidle")
    assert page.locator("h1").inner_text() == "Cat-cow"
    steps = page.locator("ol.stretch-steps > li")
    assert steps.count() >= 3 and steps.first.is_visible()
    stop_if = page.locator(".stretch-stop-if")
    assert stop_if.is_visible() and "Stop if" in stop_if.inner_text()
    # Nothing is wider than the phone's screen: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "cat-cow-phone.png", full_page=True)


def test_stretch_list_on_a_desktop(browser, site_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "/stretches/", wait_until="networkidle")
    cards = page.locator(".stretch-card")
    assert cards.count() >= 15
    page.locator(".stretch-card a", has_text="Knee to chest").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/stretches/knee-to-chest/")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "knee-to-chest-desktop.png", full_page=True)
    context.close()


def test_search_finds_a_stretch_by_its_alias(page, site_url: str) -> None:
    page.goto(site_url + "/", wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut to the search box
    # Typed key by key, as a person types: Material searches on key events.
    page.locator("input.md-search__input").press_sequentially("knee rolls", delay=20)
    results = page.locator(".md-search-result__item > .md-search-result__link h1")
    results.first.wait_for(timeout=10_000)
    assert "Lumbar rotation" in results.all_inner_texts()[:3]


def test_text_that_looks_like_code_is_shown_not_run(browser, project, tmp_path) -> None:
    """The hostile fixture stretch: every payload must read as typed, and none may run."""
    hostile = yaml.safe_load((FIXTURES / "library" / "pelvic-tilt.yaml").read_text())
    with built_and_watched(browser, project, DESKTOP) as (page, url, dialogs):
        page.goto(url + "/stretches/pelvic-tilt/", wait_until="networkidle")
        assert page.locator("h1").count() == 1
        assert page.locator("h1").inner_text() == hostile["name"]
        assert page.title().startswith(hostile["name"])
        body = page.locator("article").inner_text()
        for text in [
            hostile["summary"],
            hostile["start"],
            *hostile["steps"],
            *hostile["stop_if"],
            *hostile["ask_first"],
            hostile["sources"][0]["title"],
            hostile["easier"],
            hostile["harder"],
        ]:
            assert text in body
        assert page.locator("article img, article script, article table").count() == 0
        assert page.locator('article a[href^="javascript"]').count() == 0
        assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []
