"""Every kind of page under the strict policy, served by deploy/nginx.conf on nginx: no CSP
violation, no console error, no failed request, and the page's feature still works."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.request import urlopen

import pytest

from .crawl import RECORD_CSP_VIOLATIONS
from .helpers import ARTIFACTS, CONTENT_HEIGHT, serve


@dataclass
class Watched:
    page: Any
    problems: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        found = []
        for frame in self.page.frames:
            found += frame.evaluate("window.__violations || []")
        return found

    def clean(self) -> list[str]:
        """Everything that went wrong: console errors and warnings, uncaught errors, 4xx and
        5xx answers, failed requests and CSP violations in any frame."""
        return self.problems + self.violations()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    seen = Watched(page)
    page.on(
        "console",
        lambda message: (
            message.type in ("error", "warning")
            and seen.problems.append(f"console {message.type}: {message.text}")
        ),
    )
    page.on("pageerror", lambda error: seen.problems.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and seen.problems.append(f"{response.status} {response.url}")
        ),
    )
    page.on("requestfailed", lambda request: seen.problems.append(f"failed {request.url}"))
    yield seen
    context.close()


def open_page(watched: Watched, url: str) -> Any:
    response = watched.page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200
    return watched.page


def test_home(watched: Watched, nginx_url: str) -> None:
    page = open_page(watched, nginx_url + "/")
    assert page.locator("h1").first.is_visible()
    # Material's script ran: it sets the colour scheme on <body>.
    assert page.locator("body").get_attribute("data-md-color-scheme") in ("default", "slate")
    assert watched.clean() == []


def test_stretch_page_requests_nothing_that_fails(watched: Watched, nginx_url: str) -> None:
    page = open_page(watched, nginx_url + "/stretches/cat-cow/")
    assert page.locator("h1").inner_text() == "Cat-cow"
    assert page.get_by_role("button", name="Print this stretch").is_visible()  # print.js ran
    # Every <link rel="alternate"> is there as written once Material has looked for sitemaps.
    oembed = page.locator('head link[type="application/json+oembed"]')
    assert oembed.get_attribute("rel") == "alternate"
    assert watched.clean() == []


def test_filtered_list(watched: Watched, nginx_url: str) -> None:
    page = open_page(watched, nginx_url + "/stretches/?position=standing")
    shown = page.locator(".stretch-card:visible")
    every = page.locator(".stretch-card")
    assert 0 < shown.count() < every.count()
    page.locator("#filter-position").select_option("")  # back to every stretch
    assert page.locator(".stretch-card:visible").count() == every.count()
    assert watched.clean() == []


def test_tag_page(watched: Watched, nginx_url: str) -> None:
    page = open_page(watched, nginx_url + "/tags/lower-back/")
    assert page.locator("article a[href*='stretches/']").count() >= 3
    assert watched.clean() == []


def test_search_with_results(watched: Watched, nginx_url: str) -> None:
    page = open_page(watched, nginx_url + "/")
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.locator("input.md-search__input").press_sequentially("knee", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10000)
    assert "Knee to chest" in results.all_inner_texts()[0] or any(
        "Knee to chest" in text for text in results.all_inner_texts()
    )
    dialog = page.get_by_role("dialog", name="Search")
    assert dialog.count() == 1  # the search dialog has an accessible name
    assert watched.clean() == []


def test_sheet_with_print_preview(watched: Watched, nginx_url: str) -> None:
    page = open_page(watched, nginx_url + "/sheet/?s=pelvic-tilt,knee-to-chest&name=Morning")
    names = page.locator(".sheet-stretch-name")
    names.first.wait_for()
    assert names.all_inner_texts() == ["1. Pelvic tilt", "2. Knee to chest"]
    page.emulate_media(media="print")
    assert page.locator(".sheet-stretch-name").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "csp-sheet-print.png", full_page=True)
    assert page.pdf(format="A4")[:5] == b"%PDF-"
    assert watched.clean() == []


def test_urgent_help(watched: Watched, nginx_url: str) -> None:
    page = open_page(watched, nginx_url + "/urgent-help/")
    assert "urgent" in page.locator("h1").inner_text().lower()
    assert watched.clean() == []


# No favicon.ico asked of the clinic's test server (a 404 there is not ours).
HOST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic</title>
<link rel="icon" href="data:,"></head><body><h1>A clinic's page</h1>
{snippet}
</body></html>
"""


def test_an_embed_on_a_page_of_another_origin(
    watched: Watched, nginx_url: str, tmp_path: Any
) -> None:
    with urlopen(f"{nginx_url}/api/oembed/cat-cow.json") as answer:  # our own local server
        snippet = json.loads(answer.read())["html"]
    # Built without site_url, the code names the site's own root: point it at nginx.
    snippet = snippet.replace('src="/', f'src="{nginx_url}/')
    (tmp_path / "index.html").write_text(HOST.format(snippet=snippet), "utf-8")
    with serve(tmp_path) as clinic:
        assert clinic != nginx_url
        page = open_page(watched, clinic + "/")
        frame = next(f for f in page.frames if f.url.startswith(nginx_url + "/embed/cat-cow/"))
        assert frame.locator("h1, h2").first.inner_text().startswith("Cat-cow")
        written = int(page.locator("iframe").get_attribute("height") or 0)
        inner = frame.evaluate(CONTENT_HEIGHT)
        page.wait_for_function(
            f"document.querySelector('iframe').clientHeight === {inner}", timeout=5000
        )
        assert inner != written  # embed.js resized the frame, across origins
        assert watched.clean() == []


def test_no_page_of_the_site_breaks_its_policy_or_logs_an_error(crawl: Any) -> None:
    """Every built page, found by the crawl (a page added later is checked too), in every
    scheme and width: nothing blocked by its own policy, no console error."""
    assert len({visit.path for visit in crawl.visits}) >= 30
    blocked = [f"{visit.path}: {line}" for visit in crawl.visits for line in visit.csp_violations]
    assert blocked == [], "\n".join(blocked)
    errors = [f"{path}: {text}" for path, text in crawl.console_errors]
    assert errors == [], "\n".join(errors)
