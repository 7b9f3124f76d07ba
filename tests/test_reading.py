"""Reading tools in headless Chromium: the "Text size" buttons on every page (kept on the
device, set before the page is drawn, nothing cut off at the largest size), large print on
stretch pages and the routine sheet, and "Follow along" on stretch pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .crawl import Variant, violation_lines, visit_page
from .helpers import printed_runs, squashed, text_of_runs

KEY = "stretches-text-size"
LARGEST = "3"
# Every element of the page that sticks out of the screen (Material hides what overflows
# sideways, so it would be cut off, not scrollable), or is covered by the text-size buttons.
CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (e) => e.closest('.sheet-week-scroll, .md-typeset__scrollwrap, pre, dialog');
  const out = [...document.querySelectorAll('article *')]
    .filter((e) => e.getClientRects().length && !scrolls(e))
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.left < -1 || r.right > width + 1;
    })
    .map((e) => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40));
  const control = document.querySelector('.text-size').getBoundingClientRect();
  const next = document.querySelector('.text-size').nextElementSibling.getBoundingClientRect();
  if (next.top < control.bottom - 1) out.push('the text-size buttons cover the page');
  return out;
}"""
PAGES = ["/", "/stretches/", "/stretches/piriformis-stretch/", "/sheet/?s=cat-cow", "/tags/"]


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    yield context
    context.close()


def largest(context: Any) -> None:
    context.add_init_script(f"localStorage.setItem('{KEY}', '{LARGEST}')")


def test_the_text_size_buttons_change_the_size_and_it_is_kept(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/stretches/cat-cow/", wait_until="networkidle")
    step = "document.documentElement.dataset.textSize"
    size = "parseFloat(getComputedStyle(document.querySelector('.stretch-start')).fontSize)"
    assert page.evaluate(step) == "0"
    standard = page.evaluate(size)
    assert standard >= 16
    group = page.get_by_role("group", name="Text size")
    larger = group.get_by_role("button", name="Larger text")
    smaller = group.get_by_role("button", name="Smaller text")
    assert smaller.get_attribute("aria-disabled") == "true"
    larger.focus()
    sizes = [standard]
    for _ in range(4):  # one more press than there are steps: nothing past the largest
        page.keyboard.press("Enter")
        sizes.append(page.evaluate(size))
    assert sizes[0] < sizes[1] < sizes[2] < sizes[3] == sizes[4]
    assert sizes[3] >= 1.7 * standard
    assert page.evaluate("document.activeElement.textContent").endswith("Larger text")
    assert larger.get_attribute("aria-disabled") == "true"
    assert group.locator("[aria-live=polite]").inner_text() == "Largest (4 of 4)"
    # Kept on this device: the next page, and the same page later, open at that size.
    page.goto(f"{site_url}/urgent-help/", wait_until="networkidle")
    assert page.evaluate(step) == LARGEST
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == LARGEST
    smaller = page.get_by_role("group", name="Text size").get_by_role("button", name="Smaller text")
    smaller.click()
    page.goto(f"{site_url}/stretches/cat-cow/", wait_until="networkidle")
    assert page.evaluate(step) == "2" and page.evaluate(size) == sizes[2]


def test_every_page_has_the_text_size_control(built: Path) -> None:
    """Every page a reader can land on, the "not found" pages of both editions included
    (embeds are the clinic's page: they have none)."""
    pages = [path for path in (built / "site").rglob("*.html") if "embed" not in path.parts]
    missing = [
        path.relative_to(built / "site").as_posix()
        for path in pages
        if 'http-equiv="refresh"' not in (html := path.read_text("utf-8"))
        and "data-text-size-control" not in html
    ]
    assert len(pages) > 50 and missing == []
    assert "404 - Página no encontrada" in (built / "site" / "es" / "404.html").read_text("utf-8")


def test_the_size_is_set_before_the_page_is_drawn(context: Any, site_url: str) -> None:
    """The head's own script sets it: the first frame is already at the chosen size."""
    largest(context)
    page = context.new_page()
    page.add_init_script(
        """document.addEventListener('readystatechange', () => {
             if (!window.firstStep) window.firstStep = document.documentElement.dataset.textSize;
           });"""
    )
    page.goto(f"{site_url}/stretches/cat-cow/", wait_until="networkidle")
    assert page.evaluate("window.firstStep") == LARGEST
    scripts = page.evaluate(
        "[...document.head.querySelectorAll('script')].map(s => s.src || s.textContent)"
    )
    early = [s for s in scripts if s.endswith("text-size-early.js")]
    assert early, "the size is set by a script file in the head, not inline"


def test_without_javascript_there_are_no_dead_buttons(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/stretches/cat-cow/")
    assert page.locator(".text-size").is_hidden()
    assert page.get_by_role("button", name="Follow along").count() == 0
    context.close()


@pytest.mark.parametrize("width", [375, 640])  # a phone; a 1280 px window at 200% zoom
def test_nothing_is_cut_off_at_the_largest_size(browser: Any, site_url: str, width: int) -> None:
    scale = 2 if width == 640 else 1  # zoomed: 640 CSS pixels drawn on 1280 screen pixels
    context = browser.new_context(
        viewport={"width": width, "height": 800}, device_scale_factor=scale
    )
    largest(context)
    page = context.new_page()
    found = {}
    for path in PAGES:
        page.goto(site_url + path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.dataset.textSize") == LARGEST
        found[path] = page.evaluate(CUT_OFF)
    context.close()
    assert {path: out for path, out in found.items() if out} == {}


def test_the_cut_off_check_can_fail(browser: Any, site_url: str) -> None:
    # The page's own policy forbids inline styles; this test plants one on purpose.
    context = browser.new_context(viewport={"width": 375, "height": 812}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{site_url}/stretches/cat-cow/", wait_until="networkidle")
    page.add_style_tag(content=".stretch-start { width: 900px; }")
    assert any(line.startswith("P.stretch-start") for line in page.evaluate(CUT_OFF))
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_accessibility_gate_passes_at_the_largest_size(
    browser: Any, site_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    largest(context)
    page = context.new_page()
    problems = []
    for path in PAGES:
        for width in (375, 1280):
            visit = visit_page(page, site_url, path, Variant(scheme, width))
            assert page.evaluate("document.documentElement.dataset.textSize") == LARGEST
            problems += violation_lines(visit)
    context.close()
    assert problems == []


def test_large_print_button_prints_in_large_type(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/stretches/sphinx/", wait_until="networkidle")
    assert page.get_by_role("button", name="Print in large type").is_visible()
    page.evaluate(
        """window.print = () => {
             window.printedAs = document.documentElement.dataset.print || 'standard';
             window.printedSize = parseFloat(getComputedStyle(
               document.querySelector('.stretch-start')).fontSize);
           }"""
    )
    page.emulate_media(media="print")  # so the computed size is the printed one
    try:
        # Buttons don't print, so they are clicked as the reader did before printing.
        page.locator("[data-print-large]").dispatch_event("click")
        assert page.evaluate("window.printedAs") == "large"
        assert page.evaluate("window.printedSize") >= 14 * 96 / 72 - 0.1  # 14 pt in CSS px
        assert page.evaluate("document.documentElement.dataset.print") is None  # restored
        page.locator("[data-print-page]").dispatch_event("click")
        assert page.evaluate("window.printedAs") == "standard"
        assert page.evaluate("window.printedSize") == pytest.approx(12 * 96 / 72, abs=0.1)
    finally:
        page.emulate_media(media="null")


def test_the_sheet_keeps_large_print_in_its_address(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/sheet/?s=cat-cow", wait_until="networkidle")
    page.locator("[data-form]").wait_for(state="visible")
    choice = page.get_by_label("Print in large type")
    assert not choice.is_checked()
    choice.check()
    assert page.evaluate("location.search") == "?s=cat-cow&print=large"
    page.locator(".sheet-choice", has_text="Pelvic tilt").locator("input").check()
    assert page.evaluate("location.search") == "?s=cat-cow,pelvic-tilt&print=large"
    page.reload(wait_until="networkidle")
    page.locator("[data-form]").wait_for(state="visible")
    assert page.get_by_label("Print in large type").is_checked()
    assert page.evaluate("document.documentElement.dataset.print") == "large"
    # print=large is the sheet's own parameter: never named as an ignored part of the link.
    assert page.locator("[data-notice]").is_hidden()
    steps = page.locator(".sheet-stretch-steps li").all_inner_texts()
    assert len(steps) >= 4
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    sizes = [size for runs in printed_runs(pdf) for _, size in runs]
    assert min(sizes) >= 12 - 0.05
    body = text_of_runs([run for runs in printed_runs(pdf) for run in runs], 14)
    assert [step for step in steps if squashed(step) not in body] == []
    page.get_by_label("Print in large type").uncheck()
    assert page.evaluate("location.search") == "?s=cat-cow,pelvic-tilt"
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    sizes = [size for runs in printed_runs(pdf) for _, size in runs]
    assert 11 - 0.05 <= min(sizes) < 12 - 0.05


# ---- Follow along ----


def open_follow(page: Any, url: str) -> Any:
    page.goto(url, wait_until="networkidle")
    page.get_by_role("button", name="Follow along").click()
    dialog = page.get_by_role("dialog", name=re.compile("^Follow along: "))
    dialog.wait_for()
    return dialog


def test_follow_along_steps_through_by_keyboard_and_closes_with_escape(
    context: Any, site_url: str
) -> None:
    requests: list[str] = []
    page = context.new_page()
    page.goto(f"{site_url}/stretches/knee-to-chest/", wait_until="networkidle")
    steps = page.locator(".stretch-steps > li").all_inner_texts()
    start = page.locator(".stretch-start").inner_text()
    page.on("request", lambda request: requests.append(request.url))
    opener = page.get_by_role("button", name="Follow along")
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Follow along: Knee to chest")
    dialog.wait_for()
    assert page.evaluate("document.activeElement.textContent") == "Next"
    step = dialog.locator(".follow-step")
    assert step.inner_text() == f"Starting position: {start}"
    assert step.get_attribute("aria-live") == "polite"
    assert dialog.locator(".follow-progress").inner_text() == f"Step 1 of {len(steps) + 1}"
    page.keyboard.press("Enter")
    assert step.inner_text() == steps[0]
    page.keyboard.press("Enter")
    assert step.inner_text() == steps[1]
    dialog.get_by_role("button", name="Back").click()
    assert step.inner_text() == steps[0]
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Follow along"
    assert requests == []  # nothing fetched


def test_follow_along_counts_down_the_hold_pauses_and_counts(context: Any, site_url: str) -> None:
    page = context.new_page()
    page.clock.install()
    dialog = open_follow(page, f"{site_url}/stretches/knee-to-chest/")
    timer = dialog.get_by_role("timer")
    assert timer.get_attribute("aria-live") == "polite"
    hold = int(page.locator("[data-follow]").get_attribute("data-hold-low"))
    assert timer.inner_text() == f"{hold} seconds left"
    slot = page.locator("[data-follow]")
    low, high = (int(slot.get_attribute(f"data-reps-{end}")) for end in ("low", "high"))
    aim = str(high) if low == high else f"{low}\u2013{high}"
    count = dialog.locator(".follow-count")
    assert count.inner_text() == f"Side 1 of 2. Done: 0 of {aim}"
    dialog.get_by_role("button", name="Start the hold").click()
    page.clock.run_for(2000)
    assert timer.inner_text() == f"{hold - 2} seconds left"
    dialog.get_by_role("button", name="Pause").click()
    page.clock.run_for(5000)
    assert timer.inner_text() == f"Paused: {hold - 2} seconds left"
    dialog.get_by_role("button", name="Go on").click()
    page.clock.run_for((hold - 2) * 1000)
    assert count.inner_text() == f"Side 1 of 2. Done: 1 of {aim}"
    for _ in range(high - 1):
        dialog.get_by_role("button", name="Start the hold").click()
        page.clock.run_for(hold * 1000)
    assert count.inner_text() == f"Side 2 of 2. Done: 0 of {aim}"
    assert dialog.get_by_role("status").inner_text() == "Now the other side."


def test_a_moving_exercise_counts_repetitions_without_a_timer(context: Any, site_url: str) -> None:
    page = context.new_page()
    dialog = open_follow(page, f"{site_url}/stretches/cat-cow/")
    assert dialog.get_by_role("timer").count() == 0
    before = dialog.locator(".follow-count").inner_text()
    dialog.get_by_role("button", name="I did one").click()
    after = dialog.locator(".follow-count").inner_text()
    assert before.startswith("Done: 0 of") and after.startswith("Done: 1 of")


def test_read_aloud_speaks_in_the_page_language_only_where_it_can(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context()
    context.add_init_script(
        """window.spoken = [];
           window.speechSynthesis.speak = (u) => window.spoken.push([u.text, u.lang]);"""
    )
    page = context.new_page()
    dialog = open_follow(page, f"{site_url}/stretches/knee-to-chest/")
    speak = dialog.get_by_role("button", name="Read aloud")
    assert speak.get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.spoken") == []  # silent until asked
    speak.click()
    assert speak.get_attribute("aria-pressed") == "true"
    dialog.get_by_role("button", name="Next").click()
    first_step = page.locator(".stretch-steps > li").first.inner_text()
    assert page.evaluate("window.spoken")[-1] == [first_step, "en"]
    # The countdown says when to hold and when to relax.
    hold = int(page.locator("[data-follow]").get_attribute("data-hold-low"))
    page.clock.install()
    dialog.get_by_role("button", name="Start the hold").click()
    assert page.evaluate("window.spoken")[-1] == [f"Hold for {hold} seconds", "en"]
    page.clock.run_for(hold * 1000)
    assert page.evaluate("window.spoken")[-1][0] in ("Relax.", "Now the other side.")
    assert ["Relax.", "en"] in page.evaluate("window.spoken")
    context.close()

    context = browser.new_context()
    context.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance")
    page = context.new_page()
    dialog = open_follow(page, f"{site_url}/stretches/knee-to-chest/")
    assert dialog.get_by_role("button", name="Read aloud").count() == 0
    dialog.get_by_role("button", name="Next").click()  # everything else still works
    assert dialog.locator(".follow-progress").inner_text().startswith("Step 2 of")
    context.close()


def test_stretch_pages_stay_small_with_the_reading_tools(built: Any) -> None:
    sizes = {
        path.parent.name: path.stat().st_size
        for path in (built / "site" / "stretches").glob("*/index.html")
    }
    assert len(sizes) >= 15 and max(sizes.values()) < 40_000
