"""The one way every stage reports a content mistake: a Problem value, never a print or exit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in an author's file, located as path:line:column (1-based)."""

    path: str
    line: int
    column: int
    field: str
    message: str
    is_warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.is_warning else ""
        field = self.field or "file"
        return f"{self.path}:{self.line}:{self.column}: {field}: {prefix}{self.message}"


def errors_in(problems: list[Problem]) -> list[Problem]:
    """The problems that must stop a build (warnings don't)."""
    return [problem for problem in problems if not problem.is_warning]
