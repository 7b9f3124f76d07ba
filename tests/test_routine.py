"""The routine sheet as a clinic uses it: a therapist's dose and note for each stretch, kept in
the address; the routine's address printed as text and as a QR code that opens the same
routine; buttons to send it; the clinic's logo. All in Debian's chromium."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from generator.pages.sheet import NOTE_MAX, dose_limits
from generator.pages.words import dose_in_words

from .crawl import _check_open_page, violation_lines, visit_at_every_width
from .helpers import ARTIFACTS, ROOT, copy_project, mkdocs_build, real_stretches, run, serve

SITE_URL = "https://stretches.example.org/"
LOGO = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 20" width="60" height="20">
<rect width="60" height="20" fill="#0a5"/><circle cx="10" cy="10" r="6" fill="#fff"/></svg>
"""
EXAMPLE = (
    "?s=knee-to-chest,pelvic-tilt&knee-to-chest.hold=10&knee-to-chest.reps=5"
    "&knee-to-chest.times=2&knee-to-chest.note=Left%20side%20only"
)
STATE = """() => ({
  search: location.search,
  checked: [...document.querySelectorAll('.sheet-choice input:checked')].map(e => e.value),
  notice: document.querySelector('[data-notice]').hidden
    ? '' : document.querySelector('[data-notice]').textContent,
  doses: [...document.querySelectorAll('.sheet-stretch-dose')].map(
    e => e.innerText.split('\\n').filter(line => line.trim()).join('\\n')),
  notes: [...document.querySelectorAll('.sheet-note-text')].map(e => e.textContent),
  ticks: [...document.querySelectorAll('[data-week] tr')].map(
    row => row.querySelector('td').querySelectorAll('.sheet-tick').length),
  address: document.querySelector('[data-address]').textContent,
  fields: [...document.querySelectorAll('[data-dose]')].map(e => e.value),
})"""


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


@pytest.fixture(scope="module")
def clinic_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real library with site_url and a clinic with a logo, built."""
    folder = copy_project(tmp_path_factory.mktemp("clinic-site"))
    (folder / "docs" / "images").mkdir()
    (folder / "docs" / "images" / "clinic-logo.svg").write_bytes(LOGO)
    settings = (folder / "mkdocs.yml").read_text()
    clinic = (
        "\nextra:\n  clinic:\n    name: Riverside Physical Therapy\n"
        '    phone: "+1 555 0100"\n    logo: images/clinic-logo.svg\n'
    )
    settings = settings.replace("\nextra:\n", clinic) + f"site_url: {SITE_URL}\n"
    (folder / "mkdocs.yml").write_text(settings)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert run("build") == 0
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def clinic_site(clinic_built: Path) -> Iterator[str]:
    """That site, served."""
    with serve(clinic_built / "site") as url:
        yield url


def open_sheet(page: Any, base: str, query: str) -> dict[str, Any]:
    page.goto(f"{base}/sheet/{query}", wait_until="networkidle")
    page.locator("[data-form]").wait_for(state="visible")
    page.wait_for_function("() => !document.querySelector('[data-print]').disabled")
    state: dict[str, Any] = page.evaluate(STATE)
    return state


def stretch(stretch_id: str) -> Any:
    return next(s for s in real_stretches() if s.id == stretch_id)


def qr_codes(pdf: bytes) -> list[str]:
    """The text of every QR code on the printed pages, read from the pages drawn at 200 dpi."""
    found = []
    document = pypdfium2.PdfDocument(pdf)
    for index in range(len(document)):
        image = document[index].render(scale=200 / 72).to_pil()
        found += [code.text for code in zxingcpp.read_barcodes(image)]
    return found


# ---- The therapist's dose and note ----


def test_a_therapists_dose_and_note_show_marked_beside_the_sites_dose(
    page: Any, site_url: str
) -> None:
    state = open_sheet(page, site_url, EXAMPLE)
    assert state["search"] == EXAMPLE  # kept as given: readable and stable
    assert state["notice"] == ""
    knee, tilt = stretch("knee-to-chest"), stretch("pelvic-tilt")
    assert state["doses"][0].splitlines() == [
        "Set for you: Hold 10 seconds · 5 times each side · twice a day",
        f"This site's usual dose: {dose_in_words(knee.dose)}",
        "Note: Left side only",
    ]
    assert state["doses"][1] == dose_in_words(tilt.dose)  # unchanged: no mark
    assert state["ticks"] == [2, 3]  # two boxes a day, as the therapist set
    # The step-2 boxes hold the therapist's values, and show the site's where none is set.
    assert state["fields"][:3] == ["10", "5", "2"]
    placeholders = page.locator("[data-dose]").evaluate_all("e => e.map(x => x.placeholder)")
    assert placeholders[3:] == ["2", "5", "3"]
    # "by" names who set it; the mark is drawn as a box on screen and on paper.
    state = open_sheet(page, site_url, EXAMPLE + "&by=Sam%20Lee%2C%20PT")
    assert state["doses"][0].startswith("Set for you by Sam Lee, PT: Hold 10 seconds")
    mark = page.locator(".sheet-set-mark")
    assert mark.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    page.emulate_media(media="print")
    try:
        assert mark.is_visible() and page.locator(".sheet-dose-usual").is_visible()
    finally:
        page.emulate_media(media="null")


def test_the_dose_words_are_the_sites_own(page: Any, site_url: str) -> None:
    """A dose the therapist sets to the site's own values reads exactly as the site's."""
    single = [
        s
        for s in real_stretches()
        if s.dose.repetitions.low == s.dose.repetitions.high
        and s.dose.times_a_day.low == s.dose.times_a_day.high
    ][:6]
    assert len({dose_in_words(s.dose) for s in single}) >= 4
    query = "?s=" + ",".join(s.id for s in single)
    query += "".join(f"&{s.id}.reps={s.dose.repetitions.low}" for s in single)
    state = open_sheet(page, site_url, query)
    assert [dose.splitlines()[0] for dose in state["doses"]] == [
        f"Set for you: {dose_in_words(s.dose)}" for s in single
    ]


def test_doses_outside_the_schemas_limits_malformed_or_for_other_stretches_are_ignored(
    page: Any, site_url: str
) -> None:
    low, high = dose_limits()["min"], dose_limits()["max"]
    kept = f"?s=cat-cow&cat-cow.reps={high}&cat-cow.times={low}"
    ignored = [
        f"cat-cow.hold={high + 1}",
        f"cat-cow.hold={low - 1}",
        "cat-cow.hold=10s",
        "cat-cow.hold=-5",
        "cat-cow.hold=1e2",
        "cat-cow.hold=2.5",
        "sphinx.reps=3",
        "cat-cow.colour=red",
    ]
    state = open_sheet(page, site_url, kept + "&" + "&".join(ignored))
    assert state["search"] == kept
    assert state["notice"].startswith("Some parts of the link were ignored: ")
    assert [part for part in ignored if part not in state["notice"]] == []
    assert f"use a whole number from {low} to {high}" in state["notice"]
    assert "sphinx.reps=3 (that stretch is not in this routine)" in state["notice"]
    assert state["doses"][0].startswith(f"Set for you: {high} times · once a day")
    # A hostile or endless link is named, not shown whole, and never breaks the page.
    state = open_sheet(page, site_url, "?s=cat-cow&%3Cb%3E" + "x" * 5000 + "=1")
    assert "<b>" in state["notice"] and len(state["notice"]) < 200
    assert page.locator("[data-notice] b").count() == 0


def test_typing_a_dose_or_note_changes_the_address_and_keeps_the_focus(
    page: Any, site_url: str
) -> None:
    open_sheet(page, site_url, "?s=knee-to-chest")
    hold = page.locator('[data-id="knee-to-chest"] [data-dose="hold"]')
    hold.fill("12")
    assert page.evaluate("location.search") == "?s=knee-to-chest&knee-to-chest.hold=12"
    assert page.evaluate("document.activeElement.dataset.dose") == "hold"
    assert page.locator(".sheet-dose-set").inner_text().startswith("Set for you: Hold 12 seconds")
    hold.fill("0")
    assert hold.get_attribute("aria-invalid") == "true"
    problem = page.locator("#" + hold.get_attribute("aria-describedby"))
    assert problem.is_visible() and "whole number" in problem.inner_text()
    assert page.evaluate("location.search") == "?s=knee-to-chest"
    assert page.locator(".sheet-dose-set").count() == 0
    note = page.locator('[data-id="knee-to-chest"] .sheet-dose-note input')
    note.fill("Left side & only")
    assert page.evaluate("location.search") == (
        "?s=knee-to-chest&knee-to-chest.note=Left%20side%20%26%20only"
    )
    assert f"{NOTE_MAX - 16} characters left" in page.locator(".sheet-dose-left").inner_text()
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('.sheet-note-text')")
    assert note.input_value() == "Left side & only"
    assert page.locator(".sheet-note-text").inner_text() == "Left side & only"


HOSTILE_NOTES = {
    "html": '<img src=x onerror="window.pwned=1"><b>bold</b>',
    "script": "<script>window.pwned=1</script>",
    "quotes": "\"'; window.pwned=1; //` ${x} {{ 7 * 7 }}",
    "emoji": "Slowly 🧘‍♀️ then rest 💪🏽 👍",
    "rtl": "ارفع ركبتك ببطء ثم استرح",
    "long": "Keep-your-back-flat-" * 12,
}


@pytest.mark.parametrize("kind", list(HOSTILE_NOTES))
def test_a_note_shows_exactly_as_typed(page: Any, site_url: str, kind: str) -> None:
    typed = HOSTILE_NOTES[kind]
    page.dialogs.clear()
    query = "?s=cat-cow&cat-cow.note=" + urllib.parse.quote(typed, safe="")
    state = open_sheet(page, site_url, query)
    shown = typed[:NOTE_MAX]
    assert state["notes"] == [shown]
    assert page.locator(".sheet-dose-note input").input_value() == shown
    if len(typed) > NOTE_MAX:
        assert state["notice"] == (
            f"The note for Cat-cow was longer than {NOTE_MAX} characters and was cut to fit."
        )
        assert "characters left" in page.locator(".sheet-dose-left").inner_text()
    else:
        assert state["notice"] == ""
        # The address holds it again as typed: it round-trips through the page.
        assert urllib.parse.parse_qs(state["search"][1:])["cat-cow.note"] == [typed]
    note = page.locator(".sheet-note-text")
    assert note.locator("*").count() == 0  # text, never elements
    assert page.evaluate("typeof window.pwned") == "undefined" and page.dialogs == []
    expected = "rtl" if kind == "rtl" else "ltr"
    assert note.evaluate("e => getComputedStyle(e).direction") == expected
    # It stays inside the sheet, however long the words.
    paper = page.locator("[data-paper]").bounding_box()
    box = note.bounding_box()
    assert paper and box and box["x"] + box["width"] <= paper["x"] + paper["width"] + 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".sheet-stretch").first.screenshot(path=ARTIFACTS / f"sheet-note-{kind}.png")
    if kind in ("html", "script", "quotes", "long"):
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert re.sub(r"[\s-]", "", shown) in re.sub(r"[\s-]", "", text)


# ---- The QR code and the printed address ----


def test_the_printed_qr_code_opens_the_same_routine(page: Any, clinic_site: str) -> None:
    query = EXAMPLE + "&name=Morning%20routine&by=Sam%20Lee"
    state = open_sheet(page, clinic_site, query)
    assert state["address"] == f"{SITE_URL}sheet/{query}"  # site_url's address, not the test's
    code = page.get_by_role("img", name=re.compile("QR code"))
    assert code.count() == 1 and code.is_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "sheet-qr-A4.pdf").write_bytes(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2
    assert qr_codes(pdf) == [state["address"]]
    # The scanned address, opened (here, on the test's server), is the same routine.
    scanned = qr_codes(pdf)[0].replace(SITE_URL, clinic_site + "/")
    page.goto(scanned, wait_until="networkidle")
    page.wait_for_function("() => !document.querySelector('[data-print]').disabled")
    again = page.evaluate(STATE)
    assert {k: again[k] for k in ("checked", "doses", "notes", "fields", "ticks")} == {
        k: state[k] for k in ("checked", "doses", "notes", "fields", "ticks")
    }
    assert page.locator("[data-title]").inner_text() == "Morning routine"


def test_without_site_url_the_qr_code_holds_the_address_the_browser_shows(
    page: Any, site_url: str
) -> None:
    state = open_sheet(page, site_url, "?s=sphinx&sphinx.note=" + urllib.parse.quote("Slowly 👍"))
    assert state["address"] == page.url
    assert qr_codes(page.pdf(format="Letter", prefer_css_page_size=True)) == [page.url]
    # The code follows the routine: a new stretch, a new code.
    page.locator(".sheet-choice", has_text="Cat-cow").locator("input").check()
    page.wait_for_function("() => !document.querySelector('[data-print]').disabled")
    assert qr_codes(page.pdf(format="A4", prefer_css_page_size=True)) == [page.url]
    assert "cat-cow" in page.url


def test_the_qr_library_is_the_sites_own_copy(page: Any, site_url: str) -> None:
    asked: list[str] = []

    def record(request: Any) -> None:
        asked.append(request.url)

    page.on("request", record)
    try:
        open_sheet(page, site_url, "?s=sphinx")
    finally:
        page.remove_listener("request", record)
    scripts = [url for url in asked if url.endswith((".js", ".mjs"))]
    assert f"{site_url}/vendor/lean-qr/index.js" in scripts
    assert all(url.startswith(site_url) for url in asked)


def test_a_routine_too_long_for_a_qr_code_says_so_and_still_prints(
    page: Any, site_url: str
) -> None:
    ids = [s.id for s in real_stretches()][:6]
    note = urllib.parse.quote("😀" * (NOTE_MAX // 2), safe="")
    state = open_sheet(
        page, site_url, "?s=" + ",".join(ids) + "".join(f"&{i}.note={note}" for i in ids)
    )
    assert len(state["address"]) > 4000
    assert page.get_by_role("img", name=re.compile("QR code")).count() == 0
    assert "too long for a QR code" in page.locator(".sheet-qr-message").inner_text()
    assert not page.locator("[data-print]").is_disabled()


# ---- Sending it ----


def test_the_routine_can_be_copied_emailed_and_texted(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    try:
        page = context.new_page()
        state = open_sheet(page, site_url, EXAMPLE + "&name=Back%20%26%20hips")
        message = f"Back & hips: {state['address']}"
        email = page.get_by_role("link", name="Send by email").get_attribute("href")
        assert email.startswith("mailto:?")
        fields = urllib.parse.parse_qs(email.removeprefix("mailto:?"))
        assert fields == {"subject": ["Back & hips"], "body": [message]}
        sms = page.get_by_role("link", name="Send by text message").get_attribute("href")
        assert sms.startswith("sms:?&body=")
        assert urllib.parse.unquote(sms.removeprefix("sms:?&body=")) == message
        page.get_by_role("button", name="Copy link").click()
        page.get_by_role("status").filter(has_text="Link copied.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == state["address"]
        # The share sheet is offered only where the browser has one (headless Chromium: none).
        has_share = page.evaluate("typeof navigator.share === 'function'")
        assert page.get_by_role("button", name="Share").is_visible() == has_share
        page.emulate_media(media="print")
        assert not page.locator("[data-send]").is_visible()
    finally:
        context.close()


def test_a_daily_reminder_file_opens_the_routine_at_the_time_picked(
    page: Any, site_url: str
) -> None:
    state = open_sheet(page, site_url, EXAMPLE + "&name=" + urllib.parse.quote("Back; hips, é"))
    page.get_by_label("Remind me every day at").fill("18:30")
    with page.expect_download() as download:
        page.get_by_role("button", name="Add a daily reminder to my calendar").click()
    assert download.value.suggested_filename == "stretching-reminder.ics"
    raw = Path(download.value.path()).read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded as RFC 5545 asks
    text = raw.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.replace("\r\n ", "").split("\r\n")  # unfolded
    fields: dict[str, str] = {}  # the first of each: the event's, not its alarm's
    for line in lines:
        name, _, value = line.partition(":")
        fields.setdefault(name, value)
    assert lines[0] == "BEGIN:VCALENDAR" and fields["VERSION"] == "2.0"
    assert fields["RRULE"] == "FREQ=DAILY"
    assert re.fullmatch(r"\d{8}T183000", fields["DTSTART"])  # the patient's own clock
    assert fields["SUMMARY"] == "Back\\; hips\\, é"
    assert fields["URL"] == state["address"]
    assert fields["DESCRIPTION"] == "Time for your stretches: " + state["address"].replace(
        ",", "\\,"
    )
    assert "BEGIN:VALARM" in lines and lines[-2] == "END:VCALENDAR"


# ---- The clinic's logo ----


def test_the_logo_shows_beside_the_clinics_name_on_the_sheet_and_printed_pages(
    page: Any, clinic_site: str
) -> None:
    open_sheet(page, clinic_site, "?s=cat-cow")
    for address in ["/sheet/?s=cat-cow", "/stretches/knee-to-chest/"]:
        page.goto(clinic_site + address, wait_until="networkidle")
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            logo = page.locator(".stretch-clinic-logo").last
            assert logo.evaluate("e => e.complete && e.naturalWidth") > 0
            name = page.locator(".stretch-clinic strong").last.bounding_box()
            box = logo.bounding_box()
            assert box and name and box["height"] > 10
            # Beside the name: on the same line, before it.
            assert box["x"] + box["width"] <= name["x"] + 1
            assert box["y"] < name["y"] + name["height"] and name["y"] < box["y"] + box["height"]
        page.emulate_media(media="null")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    # The stretch page with the logo still prints on one sheet: one side, or both at most.
    assert 1 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 2


# ---- Accessibility of the filled-in sheet (the crawl sees /sheet/ with nothing chosen) ----


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_sheet_with_doses_notes_and_a_qr_code_passes_wcag(
    browser: Any, clinic_site: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        query = EXAMPLE + "&pelvic-tilt.reps=0&name=Morning"
        visits = visit_at_every_width(page, clinic_site, f"/sheet/{query}", scheme)
        assert page.locator(".sheet-qr-code").count() == 1  # axe saw the whole routine
        page.locator('[data-id="knee-to-chest"] [data-dose="hold"]').fill("0")  # an error shown
        visits.append(
            _check_open_page(page, "/sheet/ (a wrong dose typed)", visits[-1].variant, 200)
        )
        assert [line for visit in visits for line in violation_lines(visit)] == []
    finally:
        context.close()


@pytest.mark.browser  # make pdfs prints with Chromium, from a site MkDocs built
@pytest.mark.site
def test_make_pdfs_prints_the_logo_on_every_stretch_and_the_booklets_cover(
    clinic_built: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(clinic_built / "site", site)
    result = subprocess.run(
        [sys.executable, "-m", "generator.site.pdfs", "--site", str(site)],
        cwd=clinic_built,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    green = (0x00, 0xAA, 0x55)  # the logo's colour: nothing else on a page is that green

    def has_logo(pdf: Path, page: int) -> bool:
        image = pypdfium2.PdfDocument(pdf)[page].render(scale=1).to_pil().convert("RGB")
        colours = image.getcolors(maxcolors=1 << 24) or []
        return any(
            count > 50 and all(abs(a - b) < 40 for a, b in zip(colour, green, strict=True))
            for count, colour in colours
        )

    booklet = site / "pdf" / "stretches.pdf"
    assert has_logo(booklet, 0)  # the cover names the clinic, with its logo
    stretch_pdfs = sorted((site / "pdf" / "stretches").glob("*.pdf"))
    assert len(stretch_pdfs) >= 10

    # The logo is beside the clinic's name, which may fall on a stretch's second page.
    def logo_on_a_page(pdf: Path) -> bool:
        return any(has_logo(pdf, page) for page in range(len(pypdfium2.PdfDocument(pdf))))

    assert [pdf.name for pdf in stretch_pdfs if not logo_on_a_page(pdf)] == []
