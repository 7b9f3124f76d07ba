"""Accessibility gate: axe-core's WCAG 2.1 A and AA rules find nothing on any built page,
in light and dark colour schemes, on a phone and on a laptop."""

from __future__ import annotations

from pathlib import Path

import pytest

from .crawl import (
    MATERIAL_SCHEME,
    VARIANTS,
    Variant,
    page_paths,
    violation_lines,
    visit_page,
)
from .helpers import serve


def test_every_page_passes_wcag_2_1_a_and_aa_in_every_variant(crawl, built: Path, capsys) -> None:
    paths = page_paths(built / "site")
    assert {"/", "/stretches/", "/stretches/cat-cow/", "/urgent-help/"} <= set(paths)
    visited = {(visit.path, visit.variant) for visit in crawl.visits}
    assert visited == {(path, variant) for path in paths for variant in VARIANTS}
    not_ok = [(visit.path, visit.status) for visit in crawl.visits if visit.status != 200]
    assert not_ok == []
    with capsys.disabled():
        print(
            f"\naxe-core WCAG 2.1 A+AA and best practices: {len(paths)} pages"
            f" x {len(VARIANTS)} variants "
            f"({len(crawl.visits)} runs) in {crawl.seconds:.1f} s"
        )
    problems = [line for visit in crawl.visits for line in violation_lines(visit)]
    assert problems == [], "\n".join(problems)


def test_each_visit_shows_the_scheme_the_reader_asked_for(crawl) -> None:
    """A dark run that silently showed the light scheme would prove nothing."""
    wrong = [
        (visit.path, str(visit.variant), visit.applied_scheme)
        for visit in crawl.visits
        if visit.applied_scheme is not None
        and visit.applied_scheme != MATERIAL_SCHEME[visit.variant.scheme]
    ]
    assert wrong == []
    home = {
        visit.variant.scheme: visit.applied_scheme for visit in crawl.visits if visit.path == "/"
    }
    assert home == MATERIAL_SCHEME


@pytest.mark.parametrize(("system", "chosen"), [("light", "dark"), ("dark", "light")])
def test_a_scheme_chosen_with_the_toggle_is_kept_and_passes(
    browser, site_url: str, system: str, chosen: str
) -> None:
    """Material's toggle stores the reader's choice, which then beats the system preference
    on every page: check the pages a reader sees after choosing against their system."""
    context = browser.new_context(color_scheme=system, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/", wait_until="load")
    page.locator(f'label[title="Switch to {chosen} mode"]').click()
    scheme = "document.body.dataset.mdColorScheme"
    assert page.evaluate(scheme) == MATERIAL_SCHEME[chosen]
    for path in ["/stretches/", "/stretches/cat-cow/"]:
        visit = visit_page(page, site_url, path, Variant(chosen, 1280))
        assert visit.applied_scheme == MATERIAL_SCHEME[chosen]
        assert violation_lines(visit) == []
    context.close()


BAD_PAGE = """<!doctype html>
<html><head><title>Bad</title>
<style>
  body { background: #fff; color: #000; }
  .faint { color: #bbb; }
  @media (prefers-color-scheme: dark) { body { background: #000; } .faint { color: #333; } }
</style></head>
<body><main>
  <p class="faint">Grey text that is hard to read.</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <a href="/x/"></a>
</main></body></html>
"""


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_the_gate_finds_faint_text_and_missing_names(
    browser, tmp_path: Path, variant: Variant
) -> None:
    (tmp_path / "index.html").write_text(BAD_PAGE)
    context = browser.new_context(color_scheme=variant.scheme)
    page = context.new_page()
    with serve(tmp_path) as url:
        visit = visit_page(page, url, "/", variant)
    context.close()
    found = {violation["id"] for violation in visit.violations}
    assert {"color-contrast", "image-alt", "link-name", "html-has-lang"} <= found
    assert visit.applied_scheme is None  # not a Material page
