from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.read.load import load_file
from generator.read.validate import validate

from .helpers import FIXTURES

TODAY = datetime.date(2026, 11, 26)
GOOD = (FIXTURES / "library" / "knee-to-chest.yaml").read_text()


def check(tmp_path: Path, text: str, name: str = "knee-to-chest.yaml", today=TODAY):
    path = tmp_path / name
    path.write_text(text)
    loaded, problems = load_file(path, name)
    assert loaded is not None, problems
    stretches, problems = validate([loaded], today, {"knee-to-chest", "pelvic-tilt"})
    return stretches, [str(problem) for problem in problems]


def test_the_contract_example_is_valid(tmp_path: Path) -> None:
    stretches, problems = check(tmp_path, GOOD)
    assert problems == []
    (stretch,) = stretches
    assert stretch.id == "knee-to-chest"
    assert stretch.dose.hold_seconds is not None and stretch.dose.hold_seconds.high == 30
    assert stretch.review.next_review == datetime.date(2099, 11, 24)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("level: gentle", "level: no", '9:8: level: must be one of gentle, moderate (found "no")'),
        ("steps:", "stepz:", '11:1: stepz: is not a known field; did you mean "steps"?'),
        (
            "  - Repeat with the other leg.",
            "  - [a, list]",
            "15:5: steps[3]: expected text, got a list",
        ),
        ("position: lying on your back", "position: on the floor", "position: must be one of"),
        ("  repetitions: 3", "  repetitions: three", "dose.repetitions: must be a whole number"),
        ("  hold_seconds: 20-30", "  hold_seconds: 30-", '(found "30-")'),
        ("summary: Eases", "summary_: Eases", "3:1: summary: is missing (it is required)"),
        (
            "targets: [lower back, buttocks]",
            "targets: []",
            "targets: needs at least 1 items (found 0)",
        ),
        ("  last_reviewed: 2026-11-24", "  last_reviewed: 24/11/2026", "YYYY-MM-DD"),
        ("  next_review: 2099-11-24", "  next_review: 2026-02-30", "is not a real date"),
        ("  next_review: 2099-11-24", "  next_review: 2025-01-01", "must be after last_reviewed"),
        (
            "url: https://www.nice",
            "url: javascript://www.nice",
            "sources[0].url: must be a web address",
        ),
        ("related: [pelvic-tilt]", "related: [pelvic-tlit]", 'did you mean "pelvic-tilt"?'),
        ("related: [pelvic-tilt]", "related: [knee-to-chest]", "can't be related to itself"),
        ("aliases: [knee hug,", "aliases: [Knee-to-chest,", "also used by this stretch's own name"),
        ("feel: A gentle", "feel: TODO A gentle", "feel: still holds a TODO placeholder"),
        (
            "feel: A gentle stretch in your lower back. It should not hurt.",
            'feel: "A \\u202egentle"',
            "hidden or control character (U+202E)",
        ),
        (
            "breathing: Breathe slowly. Do not hold your breath.",
            "breathing: ''",
            "must not be empty",
        ),
    ],
)
def test_each_mistake_gets_a_plain_message(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in GOOD
    _, problems = check(tmp_path, GOOD.replace(old, new, 1))
    assert any(expected in problem for problem in problems), problems
    assert all(problem.startswith("knee-to-chest.yaml:") for problem in problems)


def test_an_overdue_review_is_a_warning_not_an_error(tmp_path: Path) -> None:
    stretches, problems = check(tmp_path, GOOD, today=datetime.date(2100, 1, 1))
    assert len(stretches) == 1
    assert problems == [
        "knee-to-chest.yaml:36:16: review.next_review: warning: review was due on 2099-11-24;"
        " please review this stretch"
    ]


def test_file_name_must_be_an_id(tmp_path: Path) -> None:
    _, problems = check(tmp_path, GOOD, name="Knee_To_Chest.yaml")
    assert any("file name" in problem for problem in problems)


def test_names_and_aliases_are_unique_across_the_library(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "knee-to-chest.yaml"
    second = tmp_path / "b" / "knee-hug.yaml"
    first.write_text(GOOD)
    second.write_text(GOOD.replace("name: Knee to chest", "name: Knee Hug"))
    files = [load_file(path, path.name)[0] for path in (first, second)]
    _, problems = validate(files, TODAY, {"knee-to-chest", "knee-hug", "pelvic-tilt"})
    messages = [str(problem) for problem in problems]
    assert any(
        'knee-hug.yaml:3:7: name: "Knee Hug" is also used by "knee-to-chest"' in m for m in messages
    ), messages
