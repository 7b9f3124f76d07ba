"""Printing: every stretch page on one sheet of A4 and of Letter (one or two pages, in the
standard size and in large print), the routine sheet at /sheet/, and `make pdfs`
(python -m generator.site.pdfs), all printed by Debian's chromium. Font sizes are measured in
the PDF Chromium prints, not read from the CSS."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import html as html_module
import io
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from generator.checks import print_budget
from generator.checks.print_budget import LARGE, PAGES, SIZES, WARN_ABOVE, page_share
from generator.model import Stretch
from generator.pages import urls
from generator.pages.sheet import MAX_ROUTINE
from generator.pages.words import dose_in_words
from generator.read.load import SCHEMA_LINE_START, load_folder
from generator.read.validate import validate
from generator.site import pdfs

from .helpers import (
    ARTIFACTS,
    FIXTURES,
    ROOT,
    built_ids,
    copy_project,
    fixture_stretches,
    mkdocs_build,
    pdf_pages,
    pdf_text,
    print_page,
    printed_runs,
    real_stretches,
    run,
    serve,
    squashed,
    text_of_runs,
)

PAPERS = ("A4", "Letter")
SITE_URL = "https://stretches.example.org/"
CLINIC = {
    "name": "Riverside Physical Therapy",
    "phone": "+1 555 0100",
    "email": "care@example.org",
    "url": "https://example.org",
}
FITS, TOO_LONG = "fits-just-stretch", "too-long-stretch"
HOSTILE = "pelvic-tilt"  # tests/fixtures/library/pelvic-tilt.yaml: hostile on purpose
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def words(text: str) -> str:
    return " ".join(text.split())


# What each print size promises (print.css): body text (steps, start, stop if) at least this
# many points, and nothing a reader needs under the smaller size.
BODY_POINTS = {"standard": 12.0, "large": 14.0}
SMALLEST_POINTS = {"standard": 11.0, "large": 12.0}


def print_stretch(page: Any, url: str, paper: str, size: str) -> tuple[bytes, list[str]]:
    """A stretch page printed in one size (large print as its button asks for it), and the
    captions of its figures."""
    page.goto(url, wait_until="networkidle")
    if size == "large":
        page.evaluate("document.documentElement.dataset.print = 'large'")
    captions = page.locator(".stretch-figures figcaption").all_inner_texts()
    pdf: bytes = page.pdf(format=paper, prefer_css_page_size=True, print_background=False)
    return pdf, captions


def printable_stretches(folder: Path) -> list[Stretch]:
    files, problems = load_folder(folder / "content" / "stretches")
    assert problems == []
    stretches, problems = validate(files, datetime.date.today())
    assert [p for p in problems if not p.is_warning] == []
    return stretches


def pagination_problems(
    stretch: Stretch, pdf: bytes, size: str, captions: list[str] | None = None
) -> list[str]:
    """Everything the printed stretch gets wrong: more than one sheet, a page without its
    number, a step or the "Stop if" box cut across two pages, the figures' captions away from
    page 1, body text under its size, anything under the smallest size."""
    pages = printed_runs(pdf)
    problems = [f"{len(pages)} pages"] if len(pages) > PAGES else []
    texts = [text_of_runs(runs) for runs in pages]
    for number, text in enumerate(texts, 1):
        if f"{number}/{len(pages)}" not in text:  # "1 / 2": turn the sheet over
            problems.append(f"page {number} is not numbered {number} of {len(pages)}")
    for item in [*stretch.steps, *stretch.ask_first]:
        if not any(squashed(item) in text for text in texts):
            problems.append(f"split across pages: {item}")
    box = [squashed(item) for item in ["STOP IF", *stretch.stop_if]]
    if not any(all(line in text for line in box) for text in texts):
        problems.append("the Stop if box is split across pages")
    if not all(squashed(label) in texts[0] for label in captions or []):
        problems.append("a figure's caption is not on page 1 with the figures")
    body = text_of_runs([run for runs in pages for run in runs], BODY_POINTS[size])
    for item in [stretch.start, *stretch.steps, *stretch.stop_if]:
        if squashed(item) not in body:
            problems.append(f"under {BODY_POINTS[size]} pt: {item}")
    smallest = min(points for runs in pages for _, points in runs)
    if smallest < SMALLEST_POINTS[size] - 0.05:
        problems.append(f"text at {smallest:.1f} pt")
    return problems


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


# ---- Every stretch page of the real library (no site_url, no clinic, as in the repository) ----


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("size", ["standard", "large"])
@pytest.mark.parametrize("settings", ["as shipped", "with site_url and a clinic"])
def test_every_stretch_page_prints_on_one_sheet_in_large_enough_type(
    page: Any, request: pytest.FixtureRequest, paper: str, size: str, settings: str
) -> None:
    if settings == "as shipped":
        folder, url = request.getfixturevalue("built"), request.getfixturevalue("site_url")
        stretches = {s.id: s for s in real_stretches()}
    else:
        folder, url, _ = request.getfixturevalue("printable")
        stretches = {s.id: s for s in printable_stretches(folder)}
    ids = [stretch_id for stretch_id in built_ids(folder / "site") if stretch_id != TOO_LONG]
    assert len(ids) >= 15
    problems = {}
    for stretch_id in ids:
        pdf, captions = print_stretch(page, f"{url}/stretches/{stretch_id}/", paper, size)
        assert captions
        problems[stretch_id] = pagination_problems(stretches[stretch_id], pdf, size, captions)
        if stretch_id == "piriformis-stretch":  # the longest
            ARTIFACTS.mkdir(exist_ok=True)
            name = f"{stretch_id}-{paper}-{size}-{settings.split()[0]}.pdf"
            (ARTIFACTS / name).write_bytes(pdf)
    assert {stretch_id: found for stretch_id, found in problems.items() if found} == {}


def test_the_pagination_check_finds_small_type_and_a_split_box(browser: Any, site_url: str) -> None:
    """The check above can fail: the same page printed with smaller type, and with its Stop
    if box free to split, is caught."""
    # The page's own policy forbids inline styles; this test plants them on purpose.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    stretch = next(s for s in real_stretches() if s.id == "piriformis-stretch")
    url = f"{site_url}/stretches/{stretch.id}/"
    page.goto(url, wait_until="networkidle")
    page.add_style_tag(
        content="@media print { .md-typeset .stretch-review { font-size: 9pt !important } }"
    )
    pdf: bytes = page.pdf(format="A4", prefer_css_page_size=True)
    assert pagination_problems(stretch, pdf, "standard") == ["text at 9.0 pt"]
    assert "under 14.0 pt" in " ".join(pagination_problems(stretch, pdf, "large"))
    page.goto(url, wait_until="networkidle")
    page.add_style_tag(
        content="@media print { .md-typeset .admonition.stretch-stop-if { break-inside: auto;"
        " margin-top: 150mm !important } }"
    )
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert "the Stop if box is split across pages" in pagination_problems(stretch, pdf, "standard")
    context.close()


def test_a_printed_stretch_has_what_the_reader_needs_and_nothing_else(
    page: Any, site_url: str
) -> None:
    stretch = next(s for s in real_stretches() if s.id == "cat-cow")
    text = pdf_text(print_page(page, f"{site_url}/stretches/cat-cow/", "A4"))
    wanted = [
        stretch.name,
        dose_in_words(stretch.dose),
        stretch.start,
        *stretch.steps,
        stretch.breathing,
        stretch.feel,
        "STOP IF",  # the box title, upper case in print
        *stretch.stop_if,
        *stretch.ask_first,
        stretch.easier,
        stretch.harder,
        "Talk to a physical therapist",
        "GET URGENT HELP Call 911 (US) or 999 (UK)",  # the title, upper case in print
        "Chest pain.",
        "Last updated",
        # No site_url here: print.js writes the address the page was read from.
        f"This page online: {site_url}/stretches/cat-cow/",
    ]
    missing = [line for line in wanted if words(line) not in text]
    assert missing == []
    unwanted = [
        "Search",  # the header's search box
        "Make a routine to print",  # the navigation
        "Related stretches",
        "Sources",
        "Embed this stretch",
        "Print this stretch",
        "Add it to a routine",
        "See the warning signs",  # a link that means nothing on paper
        "See all the warning signs",
        "Last reviewed",  # no clinician has reviewed it
        "Material for MkDocs",
    ]
    assert [line for line in unwanted if line in text] == []


URGENT_BOX = """(box) => box && box.checkVisibility() && {
  now: box.querySelector('.urgent-signs-now').innerText,
  signs: [...box.querySelectorAll('li')].map((item) => item.innerText),
  today: box.querySelector('.urgent-signs-today').innerText.split('. ')[0],
}"""


def test_the_warning_box_is_the_same_on_the_home_page_printed_pages_and_the_sheet(
    page: Any, site_url: str
) -> None:
    """The home page's box (docs/index.md includes the file the generator writes), a printed
    stretch page's and the printed routine sheet's come from one template, so they can't
    drift apart: each shows the same signs, as a reader sees them."""
    page.goto(f"{site_url}/", wait_until="networkidle")
    home = page.locator("article .urgent-signs").evaluate(URGENT_BOX)
    assert home and len(home["signs"]) >= 5
    assert any("both legs" in sign for sign in home["signs"])
    assert any("loss of bladder or bowel control" in sign for sign in home["signs"])
    assert page.locator("article .urgent-signs a", has_text="See all the warning signs").count()
    page.goto(f"{site_url}/stretches/cat-cow/", wait_until="networkidle")
    assert page.locator(".urgent-signs").evaluate(URGENT_BOX) is False  # paper only
    page.emulate_media(media="print")
    try:
        printed = page.locator(".stretch-print .urgent-signs").evaluate(URGENT_BOX)
    finally:
        page.emulate_media(media="null")
    open_sheet(page, site_url, "?s=cat-cow")
    page.emulate_media(media="print")
    try:
        sheet = page.locator("[data-paper] .urgent-signs").evaluate(URGENT_BOX)
    finally:
        page.emulate_media(media="null")
    assert printed == home
    assert sheet == home
    # And on paper: every sign is in the printed page's text.
    text = pdf_text(print_page(page, f"{site_url}/stretches/cat-cow/", "Letter"))
    assert [sign for sign in home["signs"] if words(sign) not in text] == []


def test_the_print_button_prints_and_the_sheet_link_preselects(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/stretches/sphinx/", wait_until="networkidle")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print this stretch").click()
    assert page.evaluate("window.printed") is True
    page.get_by_role("link", name="Add it to a routine you can print").click()
    page.locator("[data-form]").wait_for(state="visible")
    assert page.url.endswith("/sheet/?s=sphinx")
    assert page.locator(".sheet-choice input:checked").evaluate_all("e => e.map(x => x.value)") == [
        "sphinx"
    ]


def test_stop_if_is_a_black_box_on_paper(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/stretches/knee-to-chest/", wait_until="networkidle")
    page.emulate_media(media="print")
    try:
        box = page.evaluate(
            """() => {
              const style = getComputedStyle(document.querySelector('.stretch-stop-if'));
              return [style.borderTopStyle, style.borderTopColor, parseFloat(style.borderTopWidth),
                      parseFloat(style.borderLeftWidth)];
            }"""
        )
    finally:
        page.emulate_media(media="null")
    style, colour, top, left = box
    assert style == "solid" and colour == "rgb(0, 0, 0)"
    assert top >= 2 and left >= 6  # CSS pixels: a frame, and a thick bar down its left


def test_dark_mode_prints_black_on_white(browser: Any, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{site_url}/stretches/sphinx/", wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    colours = page.evaluate(
        """() => [...document.querySelectorAll('article p, article li, article h1, article h2')]
              .map(e => getComputedStyle(e).color)"""
    )
    context.close()
    assert colours and set(colours) <= {"rgb(0, 0, 0)", "rgb(34, 34, 34)"}


def test_without_site_url_the_build_says_a_qr_code_needs_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("build") == 0
    assert "set site_url in mkdocs.yml to add a QR code" in capsys.readouterr().out
    page = (project / "docs" / "stretches" / "knee-to-chest.md").read_text()
    assert "stretch-qr" not in page and "data-live-address" in page


# ---- A site with site_url, a clinic, and two stretches made to test the one-page budget ----


def _grow(data: dict[str, Any], share_wanted: float, at_most: bool) -> tuple[dict[str, Any], float]:
    """The knee-to-chest fixture with list items added until its estimated page share is
    just at most (or at least) share_wanted; and that share."""
    knee = next(s for s in fixture_stretches() if s.id == "knee-to-chest")
    base = dataclasses.replace(knee, aliases=())
    extra = [
        "Keep your shoulders and neck relaxed on the floor while you hold the stretch.",
        "If your lower back lifts off the floor, ease off a little until it rests again.",
        "Let the other leg stay relaxed, with the foot flat and the knee pointing up.",
        "Move slowly into the stretch and slowly out of it again, without any bouncing.",
    ]
    if not at_most:  # longer items, to grow far past two pages within the lists' limits
        extra = [f"{line} {line}" for line in extra]
    limits = {"steps": 12, "ask_first": 10, "stop_if": 10}
    grown = {key: list(data[key]) for key in limits}

    def share(fields: dict[str, list[str]]) -> float:
        grown = dataclasses.replace(base, **{k: tuple(v) for k, v in fields.items()})
        return max(page_share(grown, size) for size in SIZES)

    for count in range(60):
        key = list(limits)[count % 3]
        if len(grown[key]) >= limits[key]:
            continue
        trial = {**grown, key: [*grown[key], extra[count % 4]]}
        if at_most and share(trial) > share_wanted:
            break
        grown = trial
        if not at_most and share(grown) >= share_wanted:
            break
    return {**data, **grown}, share(grown)


@pytest.fixture(scope="module")
def printable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, str]]:
    """The real library with site_url and a clinic (the most a page prints), its pelvic tilt
    swapped for the hostile fixture, and two stretches grown from the fixture knee to chest:
    one that just fits the budget (two pages, in large print too) and one far over it. Built
    and served: (folder, address, build output)."""
    folder = tmp_path_factory.mktemp("printable")
    copy_project(folder)
    content = folder / "content" / "stretches"
    (content / f"{HOSTILE}.yaml").write_text((FIXTURES / "library" / f"{HOSTILE}.yaml").read_text())
    # Its Spanish translation is of the real stretch's steps: a swapped stretch has none.
    (folder / "content" / "translations" / "es" / f"{HOSTILE}.yaml").unlink(missing_ok=True)
    knee = yaml.safe_load((FIXTURES / "library" / "knee-to-chest.yaml").read_text())
    knee.update(aliases=[], related=[])
    fits, fits_share = _grow({**knee, "name": "Fits just"}, WARN_ABOVE, at_most=True)
    too_long, too_long_share = _grow({**knee, "name": "Too long"}, 2.25, at_most=False)
    assert WARN_ABOVE - 0.04 < fits_share <= WARN_ABOVE < 2.25 <= too_long_share
    schema_line = SCHEMA_LINE_START + "../../generator/schema/stretch.schema.json\n"
    for stretch_id, data in [(FITS, fits), (TOO_LONG, too_long)]:
        text = schema_line + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        (content / f"{stretch_id}.yaml").write_text(text)
    settings = (folder / "mkdocs.yml").read_text()
    assert "\nsite_url:" not in settings and settings.count("\nextra:\n") == 1
    clinic = "".join(f"    {key}: {value!r}\n" for key, value in CLINIC.items())
    settings = settings.replace("\nextra:\n", f"\nextra:\n  clinic:\n{clinic}")
    (folder / "mkdocs.yml").write_text(settings + f"site_url: {SITE_URL}\n")
    output = io.StringIO()
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.redirect_stdout(output),
        contextlib.redirect_stderr(output),
    ):
        patch.chdir(folder)
        assert run("build") == 0
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    with serve(folder / "site") as url:
        yield folder, url, output.getvalue()


def test_site_url_prints_the_address_and_its_qr_code(page: Any, printable: Any) -> None:
    folder, url, output = printable
    address = f"{SITE_URL}stretches/knee-to-chest/"
    assert "set site_url" not in output
    html = (folder / "site" / "stretches" / "knee-to-chest" / "index.html").read_text()
    assert re.search(
        rf'<svg viewBox="0 0 (\d+) \1" class="stretch-qr"><title>{address}</title>', html
    )
    text = pdf_text(print_page(page, f"{url}/stretches/knee-to-chest/", "Letter"))
    assert f"This page online: {address}" in text
    for value in CLINIC.values():
        assert value in text  # the clinic's web address printed after its name
    page.emulate_media(media="print")
    try:
        size = page.locator("svg.stretch-qr").bounding_box()
    finally:
        page.emulate_media(media="null")
    assert size is not None and 60 < size["width"] < 90  # about 19 mm: big enough to scan


def test_the_budget_warns_about_a_stretch_that_would_not_fit(printable: Any) -> None:
    folder, _, output = printable
    warned = re.findall(
        r"content/stretches/(\S+)\.yaml:1:1: text: warning: (.+) may not print on one sheet",
        output,
    )
    assert warned == [(TOO_LONG, "Too long")]  # neither the one that just fits nor any other


@pytest.mark.parametrize("paper", PAPERS)
def test_the_budget_agrees_with_the_printed_pages(page: Any, printable: Any, paper: str) -> None:
    """What the budget lets through prints on one sheet (two pages) in both sizes; what it
    warns about would not, in large print."""
    _, url, _ = printable
    for size in ("standard", "large"):
        for stretch_id in (FITS, HOSTILE):
            pdf, _ = print_stretch(page, f"{url}/stretches/{stretch_id}/", paper, size)
            assert pdf_pages(pdf) <= PAGES, (stretch_id, size)
    pdf, _ = print_stretch(page, f"{url}/stretches/{TOO_LONG}/", paper, "large")
    assert pdf_pages(pdf) > PAGES


def test_every_real_stretch_is_within_the_budget() -> None:
    stretches = real_stretches()
    assert [p for s in stretches for p in print_budget.check(s)] == []
    shares = [page_share(stretch, LARGE) for stretch in stretches]
    assert min(shares) > 1.0 and max(shares) < WARN_ABOVE
    assert all(page_share(s) < page_share(s, LARGE) for s in stretches)


def test_hostile_text_prints_as_typed(page: Any, printable: Any) -> None:
    _, url, _ = printable
    hostile = yaml.safe_load((FIXTURES / "library" / f"{HOSTILE}.yaml").read_text())
    text = pdf_text(print_page(page, f"{url}/stretches/{HOSTILE}/", "A4"))
    for typed in [hostile["name"], *hostile["steps"], *hostile["stop_if"], hostile["harder"]]:
        assert words(typed) in text


# ---- /sheet/: build a routine, print it ----


def sheet_state(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => ({
          checked: [...document.querySelectorAll('.sheet-choice input:checked')].map(e => e.value),
          disabled: document.querySelectorAll('.sheet-choice input:disabled').length,
          order: [...document.querySelectorAll('.sheet-order-name')].map(e => e.textContent),
          blocks: [...document.querySelectorAll('.sheet-stretch-name')].map(e => e.textContent),
          rows: document.querySelectorAll('[data-week] tr').length,
          search: location.search,
          notice: document.querySelector('[data-notice]').hidden
            ? '' : document.querySelector('[data-notice]').textContent,
        })"""
    )


def open_sheet(page: Any, base: str, query: str) -> None:
    page.goto(f"{base}/sheet/{query}", wait_until="networkidle")
    page.locator("[data-form]").wait_for(state="visible")


def test_the_sheet_preselects_the_stretches_in_its_address(page: Any, site_url: str) -> None:
    names = {s.id: s.name for s in real_stretches()}
    open_sheet(page, site_url, "?s=sphinx,cat-cow,no-such-stretch,cat-cow")
    state = sheet_state(page)
    assert sorted(state["checked"]) == ["cat-cow", "sphinx"]
    assert state["order"] == [names["sphinx"], names["cat-cow"]]
    assert state["blocks"] == [f"1. {names['sphinx']}", f"2. {names['cat-cow']}"]
    assert state["rows"] == 2
    assert "no-such-stretch" in state["notice"]
    assert state["search"] == "?s=sphinx,cat-cow"  # the unknown and the repeated id dropped
    # The checkboxes are grouped by position, in the contract's order.
    legends = page.locator(".sheet-group > legend").all_inner_texts()
    assert legends[:2] == ["Lying on your back", "Lying on your front"]


def test_the_sheet_loads_the_index_and_only_the_chosen_stretches(page: Any, site_url: str) -> None:
    """However large the library, the sheet asks for the small index and one file a chosen
    stretch, never the whole API (33 MB at 10,000 stretches)."""
    asked: list[str] = []

    def record(request: Any) -> None:
        asked.append(request.url.removeprefix(site_url))

    page.on("request", record)
    try:
        open_sheet(page, site_url, "?s=sphinx,cat-cow")
        api = sorted(address for address in asked if address.startswith("/api/"))
        chosen = ["/api/stretches/cat-cow.json", "/api/stretches/sphinx.json"]
        assert api == ["/api/index.json", *chosen]
        assert not page.locator("[data-print]").is_disabled()
        # The figure is the stretch's view of its SVG file: drawn at that view's shape.
        with urllib.request.urlopen(f"{site_url}/figures/sphinx.svg") as response:
            sprite = response.read().decode()
        view = re.search(r'<view id="stretch" viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"', sprite)
        assert view
        figure = page.locator(".sheet-stretch-figure").first
        assert figure.get_attribute("src") == "../figures/sphinx.svg#stretch"
        box = figure.bounding_box()
        assert box and box["height"] > 20
        shape = float(view[1]) / float(view[2])
        assert box["width"] / box["height"] == pytest.approx(shape, rel=0.03)
        page.locator(".sheet-choice", has_text="Pelvic tilt").locator("input").check()
        blocks = page.locator(".sheet-stretch-name")
        blocks.nth(2).wait_for()
        assert blocks.all_inner_texts()[2].endswith("Pelvic tilt")
        assert "/api/stretches/pelvic-tilt.json" in asked
        assert page.locator("[data-paper]").get_attribute("aria-busy") == "false"
    finally:
        page.remove_listener("request", record)


def test_the_sheet_says_when_the_stretches_cant_be_loaded(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/api/stretches/sphinx.json", lambda route: route.fulfill(status=503))
        open_sheet(page, site_url, "?s=sphinx")
        page.wait_for_function("() => !document.querySelector('[data-status]').hidden")
        assert page.locator("[data-status]").inner_text() == (
            "The stretches could not be loaded. Check your connection and reload the page."
        )
        assert page.locator("[data-print]").is_disabled()
        assert page.locator("[data-paper]").get_attribute("aria-busy") == "true"

        page = context.new_page()
        page.route("**/api/index.json", lambda route: route.fulfill(status=503))
        page.goto(f"{site_url}/sheet/", wait_until="networkidle")
        assert page.locator("[data-status]").inner_text() == (
            "The list of stretches could not be loaded. Check your connection and reload the page."
        )
        assert page.locator("[data-form]").is_hidden()
    finally:
        context.close()


def test_the_address_follows_every_choice(page: Any, site_url: str) -> None:
    open_sheet(page, site_url, "?s=cat-cow")
    page.locator(".sheet-choice", has_text="Pelvic tilt").locator("input").check()
    assert sheet_state(page)["search"] == "?s=cat-cow,pelvic-tilt"
    # Reordering from the keyboard: the focus stays on the moved stretch's button.
    page.locator('button[aria-label="Move Pelvic tilt up"]').focus()
    page.keyboard.press("Enter")
    assert sheet_state(page)["search"] == "?s=pelvic-tilt,cat-cow"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith(
        "Move Pelvic tilt"
    )
    page.locator("#sheet-name").fill("Morning & evening")
    page.locator("#sheet-by").fill("Sam Lee, PT")
    assert sheet_state(page)["search"] == (
        "?s=pelvic-tilt,cat-cow&name=Morning%20%26%20evening&by=Sam%20Lee%2C%20PT"
    )
    page.locator('button[aria-label="Remove Cat-cow"]').click()
    assert sheet_state(page)["search"].startswith("?s=pelvic-tilt&")
    page.reload(wait_until="networkidle")  # the address alone brings it all back
    assert page.locator("#sheet-name").input_value() == "Morning & evening"
    assert page.locator("[data-by]").inner_text() == "Prepared by Sam Lee, PT"


def test_a_routine_holds_at_most_a_few_stretches_and_says_why(page: Any, site_url: str) -> None:
    stretches = sorted(real_stretches(), key=lambda stretch: stretch.id)
    assert len(stretches) > MAX_ROUTINE
    open_sheet(page, site_url, "?s=" + ",".join(s.id for s in stretches))
    state = sheet_state(page)
    kept = stretches[:MAX_ROUTINE]  # the first ones the link names, in its order
    assert sorted(state["checked"]) == [s.id for s in kept]
    assert state["order"] == [s.name for s in kept]
    assert state["disabled"] == len(stretches) - MAX_ROUTINE  # nothing more can be ticked
    assert f"more than {MAX_ROUTINE}" in state["notice"]
    reason = page.locator("[data-limit]")
    assert reason.is_visible()
    assert f"up to {MAX_ROUTINE} stretches" in reason.inner_text()
    assert "fewer of their exercises the more they are given" in reason.inner_text()


def test_three_stretches_print_on_two_a4_pages_at_most(page: Any, site_url: str) -> None:
    longest = sorted(real_stretches(), key=page_share)[-3:]
    query = "?s=" + ",".join(s.id for s in longest) + "&name=Morning%20routine&by=Sam%20Lee"
    open_sheet(page, site_url, query)
    pdf: bytes = page.pdf(format="A4", prefer_css_page_size=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "sheet-A4.pdf").write_bytes(pdf)
    assert 1 <= pdf_pages(pdf) <= 2
    text = pdf_text(pdf)
    wanted = ["Morning routine", "Prepared by Sam Lee", "STOP IF", *WEEKDAYS, "Get urgent help"]
    wanted += ["Talk to a physical therapist", "Chest pain."]
    for stretch in longest:
        wanted += [stretch.name, dose_in_words(stretch.dose), stretch.steps[0], stretch.stop_if[0]]
    assert [line for line in wanted if words(line) not in text] == []
    unwanted = ["Choose your stretches", "Put them in order", "Print this routine", "Search"]
    assert [line for line in unwanted if line in text] == []


def test_the_sheet_shows_hostile_text_as_typed(page: Any, printable: Any) -> None:
    _, url, _ = printable
    hostile = yaml.safe_load((FIXTURES / "library" / f"{HOSTILE}.yaml").read_text())
    typed_name = '<img src=x onerror="window.pwned=1">'
    page.dialogs.clear()
    open_sheet(page, url, f"?s={HOSTILE}&name=" + urllib.request.quote(typed_name))
    paper = page.locator("[data-paper]")
    assert page.locator("[data-title]").inner_text() == typed_name
    assert page.locator(".sheet-stretch-name").inner_text() == f"1. {hostile['name']}"
    for typed in [hostile["start"], *hostile["steps"], *hostile["stop_if"]]:
        assert words(typed) in words(paper.inner_text())
    # No element from the text: the one SVG is the sheet's own QR code (a path, a rect).
    assert paper.locator("script, svg:not(.sheet-qr-code), [onerror], [onload]").count() == 0
    assert paper.locator(".sheet-qr-code *:not(path, rect)").count() == 0
    # The only pictures are the site's own drawings.
    sources = paper.locator("img").evaluate_all("images => images.map(image => image.src)")
    assert all(source.startswith(f"{url}/figures/") for source in sources)
    assert page.evaluate("typeof window.pwned") == "undefined" and page.dialogs == []
    # The clinic of mkdocs.yml is in the printed conclusion.
    assert CLINIC["phone"] in paper.locator(".sheet-conclusion").inner_text()


# ---- make pdfs ----


def stretch_name(html: str) -> str:
    found = re.search(r'<h1 class="stretch-name"[^>]*>(.*?)</h1>', html)
    assert found is not None
    return html_module.unescape(found.group(1))


@pytest.mark.site
def test_make_pdfs_prints_each_stretch_and_a_booklet_and_links_them(
    printable: Any, tmp_path: Path
) -> None:
    folder, _, _ = printable
    site = tmp_path / "site"
    shutil.copytree(folder / "site", site)
    ids = built_ids(site)
    names = {i: stretch_name((site / "stretches" / i / "index.html").read_text()) for i in ids}
    assert all(
        "pdf/stretches/" not in (site / "stretches" / i / "index.html").read_text() for i in ids
    )  # no link to a PDF that doesn't exist

    def make_pdfs() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator.site.pdfs", "--site", str(site), "--paper", "Letter"],
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
        )

    # The stretch made too long is the one the step warns about; it fails, and publishes
    # nothing: the site is as it was, byte for byte, and the step's copy of it is gone.
    before = {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in site.rglob("*.*")}
    result = make_pdfs()
    assert result.returncode == 1, result.stderr
    warnings = re.findall(r"^warning: (.*)$", result.stdout, re.MULTILINE)
    assert len(warnings) == 1
    assert re.fullmatch(
        rf"Too long \({TOO_LONG}\) printed on \d pages in large print, more than one sheet "
        r"\(2 pages\)",
        warnings[0],
    )
    assert f"No PDFs were published: {site}/ was left as it was." in result.stderr
    assert {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in site.rglob("*.*")} == (
        before
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    # Without it, every PDF, the booklet and the links to them appear together.
    shutil.rmtree(site / "stretches" / TOO_LONG)
    ids.remove(TOO_LONG)
    del names[TOO_LONG]
    result = make_pdfs()
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    counts, large = {}, {}
    for stretch_id in ids:
        pdf = (site / "pdf" / "stretches" / f"{stretch_id}.pdf").read_bytes()
        counts[stretch_id] = pdf_pages(pdf)
        large_pdf = (site / urls.stretch_pdf(stretch_id, large=True)).read_bytes()
        large[stretch_id] = pdf_pages(large_pdf)
        if stretch_id == "knee-to-chest":  # printed at 14 pt and more
            stretch = next(s for s in printable_stretches(folder) if s.id == stretch_id)
            assert pagination_problems(stretch, large_pdf, "large") == []
    assert [i for i, count in counts.items() if count > PAGES] == []
    assert [i for i, count in large.items() if count > PAGES] == []
    booklet = PdfReader(site / urls.PDF_BOOKLET)
    outline = [(item.title, booklet.get_destination_page_number(item)) for item in booklet.outline]
    assert [title for title, _ in outline] == sorted(names.values(), key=str.casefold)
    assert outline[0][1] == 2  # one or two pages of contents, then the first front side
    # Each stretch starts on a front side, so printed on both sides it is one sheet.
    assert [index % 2 for _, index in outline] == [0] * len(outline)
    by_name = {names[i]: counts[i] for i in ids}
    ends = [index for _, index in outline[1:]] + [len(booklet.pages)]
    for (title, index), following in zip(outline, ends, strict=True):
        assert following - index in (by_name[title], by_name[title] + 1)  # a blank back at most
    cover = words(" ".join(page.extract_text() for page in booklet.pages[: outline[0][1]]))
    for title, index in outline:
        assert f"{words(title)} " in cover and f" {index + 1}" in cover
    assert CLINIC["phone"] in cover and "Get urgent help" in cover
    # The booklet's warning signs are the home page's (one template writes both).
    home = (site / "index.html").read_text()
    signs = re.findall(r"<li>(.*?)</li>", home.split('class="urgent-signs', 1)[1].split("</ul>")[0])
    assert len(signs) >= 5
    assert [s for s in signs if words(html_module.unescape(s)) not in cover] == []
    with serve(site) as url:
        for stretch_id in ids:
            html = (site / "stretches" / stretch_id / "index.html").read_text()
            link = re.findall(r'href="(\.\./\.\./pdf/[a-z-]+/[a-z0-9-]+\.pdf)"', html)
            assert link == [
                f"../../pdf/stretches/{stretch_id}.pdf",
                f"../../pdf/large-print/{stretch_id}.pdf",
            ]
            for each in link:
                with urllib.request.urlopen(f"{url}/stretches/{stretch_id}/{each}") as response:
                    assert response.read(5) == b"%PDF-"
        sheet = (site / "sheet" / "index.html").read_text()
        assert 'href="../pdf/stretches.pdf"' in sheet
    # Linking again (a second make pdfs) leaves one link on each page.
    printed = [pdfs.Printed(i, names[i], "", b"", counts[i]) for i in ids]
    pdfs.link_pdfs(site, printed, len(booklet.pages))
    html = (site / "stretches" / "knee-to-chest" / "index.html").read_text()
    assert html.count("pdf/stretches/knee-to-chest.pdf") == 1


def test_make_pdfs_is_a_phony_target_after_the_site() -> None:
    makefile = (Path(__file__).parent.parent / "Makefile").read_text()
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE)
    assert phony is not None and "pdfs" in phony.group(1).split()
    assert re.search(r"^pdfs: .*\bsite\b", makefile, re.MULTILINE)
    assert "-m generator.site.pdfs" in makefile
