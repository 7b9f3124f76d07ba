"""Checks of valid stretches, beyond what makes a file valid: one module a check, each a
function `check(stretch)` yielding Problems located in the stretch's own file. `check` and
`build` run the same list. Adding a check is one module and one line in CHECKS."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from generator.checks import generic_figures, plausible_figures, print_budget, reading_grade
from generator.model import Stretch
from generator.problems import Problem

CHECKS: tuple[Callable[[Stretch], Iterable[Problem]], ...] = (
    reading_grade.check,
    print_budget.check,
    generic_figures.check,
    plausible_figures.check,
)


def run_checks(stretches: Sequence[Stretch]) -> list[Problem]:
    """Every check on every stretch."""
    return [problem for stretch in stretches for check in CHECKS for problem in check(stretch)]
