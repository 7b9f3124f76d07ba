"""The library itself: complete, plain and clinically corrected where the blog post was wrong."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

import pytest

from generator.checks.reading_grade import MAX_GRADE, grade_problem, reading_grade
from generator.cli import main
from generator.model import Library, Site, Source, Stretch
from generator.pages.snippets import files as snippet_files
from generator.read.load import load_folder
from generator.read.validate import validate

from .helpers import ROOT

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

    # Enough of the page is hard that the whole page's grade must go over the limit.
    harder = replace(stretch, summary=hard, feel=hard, steps=(hard,) * 3)
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


def patient_sources(stretch: Stretch) -> list[str]:
    """The stretch's source addresses other than NICE's: NICE NG59 recommends exercise in
    general and describes no single stretch, so it cannot be a stretch's only support."""
    hosts = [urlsplit(source.url).hostname or "" for source in stretch.sources]
    return [host for host in hosts if host != "nice.org.uk" and not host.endswith(".nice.org.uk")]


@pytest.mark.parametrize("stretch", library().values(), ids=lambda stretch: stretch.id)
def test_each_stretch_cites_a_source_that_shows_it_not_only_nice(stretch: Stretch) -> None:
    assert patient_sources(stretch), f"{stretch.id} cites only NICE"


def test_a_stretch_citing_only_nice_is_caught() -> None:
    from dataclasses import replace

    stretch = library()["knee-to-chest"]
    nice = Source("Low back pain and sciatica in over 16s (NG59)", "NICE",
                  "https://www.nice.org.uk/guidance/ng59")  # fmt: skip
    assert patient_sources(replace(stretch, sources=(nice,))) == []


def stretch_text(stretch: Stretch) -> str:
    parts = [stretch.summary, stretch.start, stretch.breathing, stretch.feel]
    parts += [*stretch.steps, *stretch.stop_if, *stretch.ask_first]
    parts += [stretch.easier or "", stretch.harder or ""]
    return words(*parts)


@pytest.mark.parametrize("stretch", library().values(), ids=lambda stretch: stretch.id)
def test_sources_and_safety_lines_say_what_the_sources_say(stretch: Stretch) -> None:
    text = stretch_text(stretch)
    # NHS: don't lie flat on your back for long, particularly after 16 weeks (not "about 20").
    assert "20 weeks" not in text
    if stretch.position == "lying on your back":
        assert "more than 16 weeks pregnant" in words(*stretch.ask_first), stretch.id
    # NHS inform moved its exercises page; the old address is not cited.
    assert all("neck-and-back-problems-and-conditions" not in s.url for s in stretch.sources)
    # "Hold for up to 1 minute" had no source.
    assert "up to 1 minute" not in text


def test_ask_first_lines_the_source_check_added() -> None:
    s = library()
    for stretch_id in ("knee-to-chest", "childs-pose", "piriformis-stretch", "hip-flexor-stretch"):
        assert "back surgery" in words(*s[stretch_id].ask_first), stretch_id
    press_up = words(*s["prone-press-up"].ask_first)
    assert "wrist" in press_up and "shoulder" in press_up
    assert "bend your back backwards" in words(*s["cat-cow"].ask_first)
    # Forward bends: only as far as is comfortable, never to the limit.
    for stretch_id in ("knee-to-chest", "childs-pose", "cat-cow", "seated-forward-bend"):
        assert "never to your limit" in stretch_text(s[stretch_id]), stretch_id


@pytest.mark.parametrize("page", ["index.md", "urgent-help.md", "about.md"])
def test_hand_written_pages_read_at_grade_8_or_lower(page: str) -> None:
    import textstat

    text = (ROOT / "docs" / page).read_text().split("---", 2)[2]
    # What the page includes is read with it: the home page's warning box (the generator
    # writes it, from the template of the printed pages' box).
    box = re.sub(r"<[^>]+>", " ", "".join(snippet_files(Library.of([], Site())).values()))
    text = re.sub(r'^--8<-- "snippets/urgent-signs.html"$', box, text, flags=re.MULTILINE)
    assert "--8<--" not in text, "a snippet this test doesn't know"
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)  # comments are not read
    text = re.sub(r"\]\([^)]*\)", "", text)  # link targets are not read
    text = re.sub(r'[#*!\[\]>|]|"[^"]*"$', "", text, flags=re.MULTILINE)
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE
