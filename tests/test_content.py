"""The library itself: complete, plain and clinically corrected where the blog post was wrong."""

from __future__ import annotations

import datetime
import re

import pytest

from generator.cli import main
from generator.load import load_folder
from generator.model import Site, Stretch
from generator.readability import MAX_GRADE, grade_problem, reading_grade
from generator.render import render_urgent_signs
from generator.validate import validate

from .conftest import ROOT

STARTING = ["hamstring-stretch", "pelvic-tilt", "knee-to-chest", "cat-cow", "childs-pose",
            "lumbar-rotation"]  # fmt: skip


def library() -> dict[str, Stretch]:
    files, problems = load_folder(ROOT / "content" / "stretches")
    assert [p for p in problems if not p.is_warning] == []
    # Overdue reviews are check warnings, never test failures: a test must not start
    # failing on a date.
    stretches, problems = validate(files, datetime.date.today())
    assert [p for p in problems if not p.is_warning] == []
    return {stretch.id: stretch for stretch in stretches}


def test_the_library_passes_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0


def test_at_least_fifteen_distinct_stretches_including_the_six() -> None:
    stretches = library()
    assert len(stretches) >= 15
    assert set(STARTING) <= set(stretches)


@pytest.mark.parametrize("stretch", library().values(), ids=lambda stretch: stretch.id)
def test_each_stretch_is_complete_and_plain(stretch: Stretch) -> None:
    assert reading_grade(stretch) <= MAX_GRADE
    assert stretch.sources and all(s.url.startswith("https://") for s in stretch.sources)
    assert len(stretch.stop_if) >= 2 and len(stretch.ask_first) >= 2
    assert stretch.easier and stretch.harder and stretch.related
    assert 3 <= len(stretch.steps) <= 10
    assert stretch.review.reviewer == "", "only a real clinician's review may be named here"


def test_hard_text_fails_the_grade_check() -> None:
    stretch = library()["knee-to-chest"]
    hard = "Notwithstanding considerable interindividual variability, musculoskeletal " * 5
    from dataclasses import replace

    harder = replace(stretch, summary=hard, feel=hard)
    grade = reading_grade(harder)
    problem = grade_problem(grade, "knee-to-chest.yaml")
    assert grade > MAX_GRADE and problem is not None and "grade" in problem.message


def words(*texts: str) -> str:
    return " ".join(texts).lower()


def test_blog_post_mistakes_stay_corrected() -> None:
    s = library()
    # Knee to chest, lumbar rotation, hamstring and pelvic tilt start with knees bent.
    for stretch_id in ("knee-to-chest", "lumbar-rotation", "hamstring-stretch", "pelvic-tilt"):
        assert re.search(r"(both )?knees bent", s[stretch_id].start.lower()), stretch_id
    # Cat-cow: breathe in with the belly sinking (cow), out while rounding (cat).
    cat_cow = s["cat-cow"]
    breathe_in = next(step for step in cat_cow.steps if "breathe in" in step.lower())
    breathe_out = next(step for step in cat_cow.steps if "breathe out" in step.lower())
    assert "belly" in breathe_in.lower() and "round" in breathe_out.lower()
    assert cat_cow.dose.hold_seconds is None
    # A pelvic tilt is held a few seconds and repeated, not held 30 s.
    tilt = s["pelvic-tilt"].dose
    assert tilt.hold_seconds is not None and tilt.hold_seconds.high <= 10
    assert tilt.repetitions.low >= 5
    # The hamstring stretch uses a towel or strap.
    assert any("towel" in item for item in s["hamstring-stretch"].equipment)
    # Lumbar rotation rolls both knees together; the shoulders stay down.
    assert "both knees" in words(*s["lumbar-rotation"].steps)


def test_ask_first_lines_name_the_risks_of_each_movement() -> None:
    s = library()
    assert "osteoporosis" in words(*s["knee-to-chest"].ask_first)
    assert "pregnan" in words(*s["lumbar-rotation"].ask_first)
    assert "surgery" in words(*s["lumbar-rotation"].ask_first)
    assert "knee" in words(*s["childs-pose"].ask_first)
    assert "hip replacement" in words(*s["piriformis-stretch"].ask_first)


@pytest.mark.parametrize("page", ["index.md", "urgent-help.md", "about.md"])
def test_hand_written_pages_read_at_grade_8_or_lower(page: str) -> None:
    import textstat

    text = (ROOT / "docs" / page).read_text().split("---", 2)[2]
    # What the page includes is read with it: the home page's warning box (the generator
    # writes it, from the template of the printed pages' box).
    box = re.sub(r"<[^>]+>", " ", render_urgent_signs(Site()))
    text = re.sub(r'^--8<-- "snippets/urgent-signs.html"$', box, text, flags=re.MULTILINE)
    assert "--8<--" not in text, "a snippet this test doesn't know"
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)  # comments are not read
    text = re.sub(r"\]\([^)]*\)", "", text)  # link targets are not read
    text = re.sub(r'[#*!\[\]>|]|"[^"]*"$', "", text, flags=re.MULTILINE)
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE
