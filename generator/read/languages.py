"""Interface-string catalogs: content/languages/<code>.yaml -> Language, or Problems.

English (en.yaml) is the source: every other catalog must have exactly its keys, with the
same {placeholders}, so a page never shows a missing string or a key in place of words.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator.model import Language
from generator.problems import Problem
from generator.read.load import MISSING_SCHEMA_LINE, LoadedFile, load_file, shown_path

SOURCE = "en"
FIELDS = ("code", "name", "months", "date", "reading", "strings", "words")
REQUIRED = ("code", "name", "months", "date", "strings")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
_BUNDLED = Path(__file__).resolve().parents[2] / "content" / "languages"


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def _problem(file: LoadedFile, path: tuple[str | int, ...], field: str, message: str) -> Problem:
    line, column = file.mark_of(path, key=len(path) > 1)
    return Problem(file.path, line, column, field, message)


def _texts(file: LoadedFile, name: str) -> tuple[dict[str, str], list[Problem]]:
    """A mapping of text to text (`strings`, `words`), or the problems with it."""
    value = file.data.get(name, {})
    if not isinstance(value, dict):
        return {}, [_problem(file, (name,), name, "expected a set of fields (key: text)")]
    problems = [
        _problem(file, (name, key), f"{name}.{key}", "expected text")
        for key, text in value.items()
        if not isinstance(text, str) or not text.strip()
    ]
    return {k: v for k, v in value.items() if isinstance(v, str)}, problems


def _shape_problems(file: LoadedFile) -> list[Problem]:
    data = file.data
    if not isinstance(data, dict):
        return [Problem(file.path, 1, 1, "", "expected a set of fields (name: value)")]
    problems = [
        _problem(file, (key,), key, f"is not a known field; known fields: {', '.join(FIELDS)}")
        for key in data
        if key not in FIELDS
    ]
    problems += [
        Problem(file.path, 1, 1, key, "is missing (it is required)")
        for key in REQUIRED
        if key not in data
    ]
    if data.get("code", file.stem) != file.stem:
        problems.append(
            _problem(file, ("code",), "code", f'must be the file\'s name, "{file.stem}"')
        )
    months = data.get("months", [])
    if not (
        isinstance(months, list) and len(months) == 12 and all(isinstance(m, str) for m in months)
    ):
        problems.append(_problem(file, ("months",), "months", "expected the 12 month names"))
    date = data.get("date", "")
    if not isinstance(date, str) or placeholders(date) != {"day", "month", "year"}:
        problems.append(_problem(file, ("date",), "date", "must use {day}, {month} and {year}"))
    return problems


def _against_source(file: LoadedFile, strings: dict[str, str], source: Language) -> list[Problem]:
    problems = [
        Problem(
            file.path, *file.mark_of(("strings",)), f"strings.{key}", "is missing: translate it"
        )
        for key in source.strings
        if key not in strings
    ]
    for key, text in strings.items():
        field = f"strings.{key}"
        if key not in source.strings:
            problems.append(_problem(file, ("strings", key), field, "is not a key of en.yaml"))
        elif placeholders(text) != placeholders(source.strings[key]):
            wanted = ", ".join(f"{{{name}}}" for name in sorted(placeholders(source.strings[key])))
            problems.append(
                _problem(file, ("strings", key), field, f"must use exactly {wanted or 'no {…}'}")
            )
    return problems


def load_language(path: Path, source: Language | None) -> tuple[Language | None, list[Problem]]:
    """One catalog; `source` is English's, which the others are held to (None for English)."""
    file, problems = load_file(path, shown_path(path))
    problems = [p for p in problems if p.message != MISSING_SCHEMA_LINE]
    if file is None:
        return None, problems
    problems += _shape_problems(file)
    if problems:
        return None, problems
    strings, string_problems = _texts(file, "strings")
    words, word_problems = _texts(file, "words")
    problems += string_problems + word_problems
    if source is not None:
        problems += _against_source(file, strings, source)
    if problems:
        return None, problems
    data: dict[str, Any] = file.data
    language = Language(
        code=data["code"],
        name=data["name"],
        strings=MappingProxyType(strings),
        months=tuple(data["months"]),
        date=data["date"],
        words=MappingProxyType(words),
        reading=MappingProxyType(dict(data.get("reading", {}))),
        path=file.path,
    )
    return language, []


def load_languages(folder: Path) -> tuple[list[Language], list[Problem]]:
    """English first, then every other catalog in the folder by code."""
    english, problems = load_language(folder / f"{SOURCE}.yaml", None)
    if english is None:
        return [], problems
    languages = [english]
    for path in sorted(folder.glob("*.yaml")):
        if path.stem != SOURCE:
            language, more = load_language(path, english)
            problems += more
            if language:
                languages.append(language)
    return languages, problems


@cache
def english() -> Language:
    """The project's English catalog, for a Library made without a language (tests, tools)."""
    language, problems = load_language(_BUNDLED / f"{SOURCE}.yaml", None)
    if language is None:
        raise ValueError("; ".join(map(str, problems)))
    return language
