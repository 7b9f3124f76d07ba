"""Checks of valid stretches, beyond what makes a file valid: one module a check, each a
function `check(stretch)` yielding Problems located in the stretch's own file. `check` and
`build` run the same list. Adding a check is one module and one line in CHECKS.

`read_edition` makes and checks one language's library: its translations, the reading level
of each in that language, and the catalog's words for every position, level and tag."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from generator.checks import generic_figures, plausible_figures, print_budget, reading_grade
from generator.model import Language, Library, Site, Stretch
from generator.problems import Problem
from generator.read.translations import load_translations
from generator.stretch_schema import choices

CHECKS: tuple[Callable[[Stretch], Iterable[Problem]], ...] = (
    reading_grade.check,
    print_budget.check,
    generic_figures.check,
    plausible_figures.check,
)


def run_checks(stretches: Sequence[Stretch]) -> list[Problem]:
    """Every check on every stretch."""
    return [problem for stretch in stretches for check in CHECKS for problem in check(stretch)]


def _word_problems(language: Language, stretches: Iterable[Stretch]) -> list[Problem]:
    """A word of the vocabulary the catalog doesn't translate shows in English: a warning,
    so that a new body area in an English file never stops the build."""
    message = "is missing: translate it (until then, pages show the English word)"
    needed = {*choices("position"), *choices("level")}
    for stretch in stretches:
        needed.update(stretch.targets, stretch.equipment)
    return [
        Problem(language.path, 1, 1, f"words.{word}", message, is_warning=True)
        for word in sorted(needed)
        if word not in language.words
    ]


# The captions a figure gets when its file names none, by figure: in the page's language.
_DEFAULT_LABELS = {"start": "figure_start", "stretch": "figure_stretch", "alternate": "figure_then"}


def _default_labels(stretch: Stretch, language: Language) -> Stretch:
    """A translated stretch's figures captioned in its language where the file gives none."""
    if not stretch.figures:
        return stretch
    changed = {
        name: dataclasses.replace(figure, label=language.text(key))
        for name, key in _DEFAULT_LABELS.items()
        if (figure := getattr(stretch.figures, name)) and not figure.label
    }
    return dataclasses.replace(stretch, figures=dataclasses.replace(stretch.figures, **changed))


def read_edition(
    folder: Path,
    english: Mapping[str, Stretch],
    site: Site,
    language: Language,
    languages: tuple[Language, ...],
) -> tuple[Library, list[Problem]]:
    """One language's library from content/translations/<code>/, and its problems; `site` is
    as the language's pages see it (its own name and prefix)."""
    translated, translations, problems = load_translations(folder / language.code, english)
    for stretch in translated:
        problems += reading_grade.check_in(stretch, language)
        problems += print_budget.check(stretch)
    problems += _word_problems(language, english.values())
    translated = [_default_labels(stretch, language) for stretch in translated]
    done = {stretch.id for stretch in translated}
    stretches = translated + [stretch for key, stretch in english.items() if key not in done]
    library = Library.of(stretches, site, language, translations, languages)
    return library, problems
