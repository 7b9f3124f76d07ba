from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from generator.model import Clinic, Count, Dose, Library, Review, Site
from generator.pages.outputs import render_site
from generator.pages.words import dose_in_words, review_in_words

from .helpers import fixture_stretches

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        (
            Dose(Count(20, 30), Count(3, 3), True, Count(1, 2)),
            "Hold 20 to 30 seconds · 3 times each side · 1 to 2 times a day",
        ),
        (
            Dose(Count(5, 5), Count(8, 12), False, Count(1, 1)),
            "Hold 5 seconds · 8 to 12 times · once a day",
        ),
        (Dose(None, Count(10, 10), False, Count(2, 2)), "10 times · twice a day"),
        (
            Dose(Count(1, 1), Count(1, 1), True, Count(3, 3)),
            "Hold 1 second · once each side · 3 times a day",
        ),
    ],
)
def test_dose_in_words(dose: Dose, words: str) -> None:
    assert dose_in_words(dose) == words


def test_golden_page() -> None:
    """The knee-to-chest page, byte for byte. UPDATE_GOLDEN=1 rewrites it; review the diff."""
    clinic = Clinic(
        "Riverside Physical Therapy", "+1 555 0100", "care@example.org", "https://example.org"
    )
    page = render_site(Library.of(fixture_stretches(), Site(clinic=clinic)))[
        "stretches/knee-to-chest.md"
    ]
    golden = GOLDEN / "knee-to-chest.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


def test_sections_come_in_the_promised_order() -> None:
    page = render_site(Library.of(fixture_stretches(), Site()))["stretches/knee-to-chest.md"]
    order = [
        "stretch-summary",
        "stretch-glance",
        "## Before you start",
        "## Starting position",
        "## Steps",
        "## Breathing",
        "## What you should feel",
        "Stop if",
        "## Easier and harder",
        "## Related stretches",
        "## Sources",
        "stretch-review",
        "## Talk to a physical therapist",
    ]
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "Last updated 24 November 2026 · Next review due 24 November 2099 · Not yet" in page
    assert "Last reviewed" not in page  # no clinician has reviewed it
    assert "stretch-clinic" not in page  # no clinic configured: no contact block


@pytest.mark.parametrize(
    ("reviewer", "words"),
    [
        ("", "Last updated 24 November 2026 · Next review due 1 March 2027"
         " · Not yet reviewed by a clinician"),
        ("Sam Lee, PT", "Last reviewed 24 November 2026 by Sam Lee, PT"
         " · Next review due 1 March 2027"),
    ],
)  # fmt: skip
def test_a_page_says_reviewed_only_when_a_clinician_reviewed_it(reviewer: str, words: str) -> None:
    review = Review(datetime.date(2026, 11, 24), datetime.date(2027, 3, 1), reviewer)
    assert review_in_words(review) == words


def test_the_reviewer_shows_as_typed() -> None:
    page = render_site(Library.of(fixture_stretches(), Site()))["stretches/pelvic-tilt.md"]
    assert "Last reviewed 24 November 2026 by Dr &lt;Someone&gt;, PT · Next review due" in page
    assert "Last updated" not in page


def test_author_text_shows_exactly_as_typed_never_as_markup() -> None:
    page = render_site(Library.of(fixture_stretches(), Site()))["stretches/pelvic-tilt.md"]
    body = page.split("---", 2)[2]
    for raw in ("<script>", "<img", "<b>", "<i>", "<Someone>"):
        assert raw not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "{{ 7 * 7 }}" in body and "{% raw %}" in body  # never run as a template
    # Every author text sits inside an HTML block, so no line of it starts as Markdown.
    for line in body.splitlines():
        assert not line.startswith(("!!!", "|", "--8<--", "*", "[")), line


def test_same_input_same_bytes() -> None:
    first = render_site(Library.of(fixture_stretches(), Site()))
    second = render_site(Library.of(list(reversed(fixture_stretches())), Site()))
    assert first == second
