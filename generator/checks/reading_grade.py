"""Plain-language check: the reading level of each stretch's patient text, by the formula and
limit its language's catalog names (`reading:` in content/languages/<code>.yaml).

English: Flesch-Kincaid grade, at most 8 (health services aim patient leaflets at US grade 6
to 8). Spanish: Fernández-Huerta, at least 60 (see README: 60-70 is "normal", the grade 7-8
band of its scale). textstat is pinned at 0.7.3 because later versions download a dictionary
at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from generator.model import Language, Stretch
from generator.problems import Problem
from generator.read.parse import patient_texts

MAX_GRADE = 8.0
# textstat's name of each formula, the words a message uses, and textstat's language for it.
FORMULAS = {
    "flesch_kincaid_grade": ("Flesch-Kincaid grade", "en_US"),
    "fernandez_huerta": ("Fernández-Huerta", "es"),
    "szigriszt_pazos": ("Szigriszt-Pazos", "es"),
}
ENGLISH_GATE = ("flesch_kincaid_grade", "max", MAX_GRADE)


def patient_text(stretch: Stretch) -> str:
    """Everything a reader follows with their body, as sentences (list items end with a stop)."""
    return " ".join(
        part if part.endswith((".", "?", "!")) else f"{part}."
        for part in patient_texts(stretch)
        if part
    )


def gate(language: Language | None) -> tuple[str, str, float]:
    """(formula, "max" or "min", limit) of a language; English's when it names none."""
    reading = dict(language.reading) if language else {}
    formula = str(reading.get("formula", ENGLISH_GATE[0]))
    for bound in ("max", "min"):
        if bound in reading:
            return formula, bound, float(str(reading[bound]))
    return ENGLISH_GATE


@cache  # `watch` checks every stretch again on each save; a score changes with its text only
def score(stretch: Stretch, formula: str = ENGLISH_GATE[0]) -> float:
    """The stretch's patient text measured by a textstat formula."""
    # Imported on use: textstat takes 0.13 s to import, and a library with no stretches
    # (or a generator command that checks nothing) needn't pay it.
    import textstat  # type: ignore[import-untyped]

    textstat.set_lang(FORMULAS[formula][1])  # syllables are counted by the language's rules
    return float(getattr(textstat, formula)(patient_text(stretch)))


def reading_grade(stretch: Stretch) -> float:
    """Flesch-Kincaid grade of the (English) patient text."""
    return score(stretch, ENGLISH_GATE[0])


def describe(value: float, formula: str) -> str:
    return f"{FORMULAS[formula][0]} {value:.1f}"


def score_problem(value: float, path: str, language: Language | None = None) -> Problem | None:
    """A problem when the text reads harder than its language's limit."""
    formula, bound, limit = gate(language)
    if (value <= limit) if bound == "max" else (value >= limit):
        return None
    side = "above" if bound == "max" else "below"
    message = (
        f"reads at {describe(value, formula)}, {side} {limit:g}: "
        "use shorter sentences and everyday words"
    )
    return Problem(path, 1, 1, "text", message)


def grade_problem(grade: float, path: str) -> Problem | None:
    """A problem when English text reads above MAX_GRADE."""
    return score_problem(grade, path)


def check(stretch: Stretch) -> Iterator[Problem]:
    """An error when the stretch's patient text reads above MAX_GRADE."""
    problem = grade_problem(reading_grade(stretch), stretch.path)
    if problem:
        yield problem


def check_in(stretch: Stretch, language: Language) -> Iterator[Problem]:
    """An error when a translated stretch reads harder than its language's limit."""
    formula = gate(language)[0]
    problem = score_problem(score(stretch, formula), stretch.path, language)
    if problem:
        yield problem
