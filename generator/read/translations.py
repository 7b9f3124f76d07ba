"""Translations of stretches: content/translations/<code>/<id>.yaml -> translated Stretches.

A translation holds only the text a reader reads; numbers, figures' poses, related stretches
and sources stay in the English file, so a dose is never written twice. It records who made
it, who reviewed it clinically (empty until someone does), when, and a fingerprint of the
English text it was made from: when the English text changes, `check` warns and the page
says so.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.model import Stretch, Translation
from generator.problems import Problem
from generator.read.load import (
    MISSING_SCHEMA_LINE,
    FieldPath,
    LoadedFile,
    field_name,
    load_file,
    shown_path,
)
from generator.read.parse import text
from generator.read.validate import _schema_message, _text_problems

TEXTS = ("name", "summary", "start", "breathing", "feel", "easier", "harder")
LISTS = ("aliases", "steps", "stop_if", "ask_first")
# Lists a translation says item for item, so a step is never lost or merged (aliases may differ).
SAME_LENGTH = ("steps", "stop_if", "ask_first")
FIGURES = ("start", "stretch", "alternate")
_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["translation", "name", "summary", "start", "steps", "breathing", "feel",
                 "stop_if", "ask_first"],
    "properties": {
        **{name: _TEXT for name in TEXTS},
        **{name: {"type": "array", "items": _TEXT} for name in LISTS},
        "figures": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                name: {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["label"],
                    "properties": {"label": _TEXT},
                }
                for name in FIGURES
            },
        },
        "translation": {
            "type": "object",
            "additionalProperties": False,
            "required": ["translator", "reviewer", "date", "english"],
            "properties": {
                "translator": _TEXT,
                "reviewer": {"type": "string"},
                "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                         "x-expected": "a date written YYYY-MM-DD"},
                "english": {"type": "string", "pattern": r"^[0-9a-f]{12}$",
                            "x-expected": "the 12-letter fingerprint `check` gives"},
            },
        },
    },
}  # fmt: skip


def english_text(stretch: Stretch) -> dict[str, Any]:
    """What a translation translates, from the English stretch."""
    texts: dict[str, Any] = {name: getattr(stretch, name) for name in (*TEXTS, *LISTS)}
    if stretch.figures:
        for name in FIGURES:
            figure = getattr(stretch.figures, name)
            texts[f"figures.{name}"] = figure.label if figure else ""
    return texts


def fingerprint(stretch: Stretch) -> str:
    """12 hex digits that change whenever any English text a translation holds changes."""
    canonical = json.dumps(english_text(stretch), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def _problem(file: LoadedFile, path: FieldPath, message: str, warn: bool = False) -> Problem:
    line, column = file.mark_of(path)
    return Problem(file.path, line, column, field_name(path), message, is_warning=warn)


def _schema_problems(file: LoadedFile) -> list[Problem]:
    import jsonschema

    problems: dict[FieldPath, Problem] = {}
    for error in jsonschema.Draft202012Validator(SCHEMA).iter_errors(file.data):
        path, message = _schema_message(file, error)
        line, column = file.mark_of(path, key=error.validator == "additionalProperties")
        problems.setdefault(path, Problem(file.path, line, column, field_name(path), message))
    return sorted(problems.values())


def _against_english(file: LoadedFile, english: Stretch) -> list[Problem]:
    data = file.data
    problems = []
    for name in SAME_LENGTH:
        mine, theirs = len(data.get(name, [])), len(getattr(english, name))
        if mine != theirs:
            problems.append(
                _problem(
                    file, (name,), f"has {mine} items; the English has {theirs}: translate each one"
                )
            )
    for name in ("easier", "harder"):
        if bool(data.get(name)) != bool(getattr(english, name)):
            has = "has" if getattr(english, name) else "has no"
            problems.append(_problem(file, (name,), f"the English {has} `{name}`: so must this"))
    for name in FIGURES:
        figure = getattr(english.figures, name, None) if english.figures else None
        if name in data.get("figures", {}) and not (figure and figure.label):
            problems.append(_problem(file, ("figures", name), "the English has no label here"))
    return problems


def _translated(english: Stretch, data: dict[str, Any], path: str) -> Stretch:
    values: dict[str, Any] = {name: text(data.get(name)) for name in TEXTS}
    values |= {name: tuple(text(item) for item in data.get(name, [])) for name in LISTS}
    figures = english.figures
    labels = data.get("figures", {})
    if figures and labels:
        changed: dict[str, Any] = {}
        for name in FIGURES:
            figure = getattr(figures, name)
            if figure and name in labels:
                changed[name] = dataclasses.replace(figure, label=text(labels[name]["label"]))
        figures = dataclasses.replace(figures, **changed)
    return dataclasses.replace(english, **values, figures=figures, path=path)


def load_translations(
    folder: Path, english: Mapping[str, Stretch]
) -> tuple[list[Stretch], dict[str, Translation], list[Problem]]:
    """Every translation in `folder` (content/translations/<code>/), applied to its English
    stretch; a stretch with no valid translation stays English (listed as English only)."""
    stretches, translations, problems = [], {}, []
    for path in sorted(folder.glob("*.yaml")):
        file, loaded = load_file(path, shown_path(path))
        problems += [p for p in loaded if p.message != MISSING_SCHEMA_LINE]
        if file is None:
            continue
        source = english.get(file.stem)
        if source is None:
            problems.append(
                Problem(
                    file.path,
                    1,
                    1,
                    "file",
                    f'translates "{file.stem}", a stretch that does not exist',
                )
            )
            continue
        found = _schema_problems(file) or _text_problems(file, file.data, ())
        found = found or _against_english(file, source)
        problems += found
        if found:
            continue
        record = file.data["translation"]
        try:
            date = datetime.date.fromisoformat(record["date"])
        except ValueError:
            problems.append(
                _problem(
                    file, ("translation", "date"), f'is not a real date (found "{record["date"]}")'
                )
            )
            continue
        now = fingerprint(source)
        stale = record["english"] != now
        if stale:
            message = (
                f"the English text changed since this translation was made: update it, "
                f"then set english: {now}"
            )
            problems.append(_problem(file, ("translation", "english"), message, warn=True))
        translations[file.stem] = Translation(
            text(record["translator"]),
            text(record["reviewer"]),
            date,
            record["english"],
            stale,
            file.path,
        )
        stretches.append(_translated(source, file.data, file.path))
    return stretches, translations, problems
