from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.model import Clinic, Count, Dose, Library, Site
from generator.pages.outputs import render_site
from generator.pages.words import dose_in_words

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
        "Last reviewed",
        "## Talk to a physical therapist",
    ]
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "Not yet reviewed by a clinician" in page
    assert "stretch-clinic" not in page  # no clinic configured: no contact block


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
