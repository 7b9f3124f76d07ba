"""Plain-language check: the reading grade of each stretch's patient text.

Health services aim patient leaflets at US grade 6 to 8; we fail a stretch above 8.
textstat is pinned at 0.7.3 because later versions download a dictionary at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from generator.model import Stretch
from generator.problems import Problem
from generator.read.parse import patient_texts

MAX_GRADE = 8.0


def patient_text(stretch: Stretch) -> str:
    """Everything a reader follows with their body, as sentences (list items end with a stop)."""
    return " ".join(
        part if part.endswith((".", "?", "!")) else f"{part}."
        for part in patient_texts(stretch)
        if part
    )


@cache  # `watch` checks every stretch again on each save; a grade changes with its text only
def reading_grade(stretch: Stretch) -> float:
    """Flesch-Kincaid grade of the patient text."""
    # Imported on use: textstat takes 0.13 s to import, and a library with no stretches
    # (or a generator command that checks nothing) needn't pay it.
    import textstat  # type: ignore[import-untyped]

    return float(textstat.flesch_kincaid_grade(patient_text(stretch)))


def grade_problem(grade: float, path: str) -> Problem | None:
    """A problem when the text reads above MAX_GRADE."""
    if grade <= MAX_GRADE:
        return None
    message = (
        f"reads at US grade {grade:.1f} (Flesch-Kincaid), above {MAX_GRADE:.0f}: "
        "use shorter sentences and everyday words"
    )
    return Problem(path, 1, 1, "text", message)


def check(stretch: Stretch) -> Iterator[Problem]:
    """An error when the stretch's patient text reads above MAX_GRADE."""
    problem = grade_problem(reading_grade(stretch), stretch.path)
    if problem:
        yield problem
