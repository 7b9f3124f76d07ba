"""Stage 2, validate: loaded files -> Stretch objects, or Problems an author can act on.

The JSON Schema in `schema/stretch.schema.json` is the one definition of a stretch file:
authors' editors read it, and every per-file rule here comes from it. Only rules that
need more than one file, or today's date, are written in Python below.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    import jsonschema

from generator.model import Stretch
from generator.problems import Problem, errors_in
from generator.read.load import FieldPath, LoadedFile, field_name
from generator.read.parse import parse
from generator.stretch_schema import inline_refs, stretch_schema

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Ids whose pages would replace another: stretches/index.md and embed/index.md are the lists.
RESERVED_IDS = frozenset({"index"})
# Invisible or direction-changing characters can make a page say something other than
# what a reviewer read in the file; authors never need them.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"}
_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a set of fields (name: value)",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "nothing",
}


@cache
def _validator() -> jsonschema.Draft202012Validator:
    # Imported on first use: only a file the fast check refuses needs it, and it takes about
    # 30 ms to import (a sixth of `build` on the real library).
    import jsonschema

    return jsonschema.Draft202012Validator(stretch_schema())


@cache
def _passes_schema() -> Callable[[Any], Any]:
    """The schema compiled to Python: a yes/no check 20x faster than jsonschema, which is most
    of the build's time on a large library. Only files it refuses go to jsonschema, whose
    errors become the messages. Draft 7 reads this schema's keywords as 2020-12 does."""
    schema = inline_refs(stretch_schema())
    draft7 = {"$schema": "http://json-schema.org/draft-07/schema#", **schema}
    return fastjsonschema.compile(draft7, use_formats=False, detailed_exceptions=False)


def _conforms(data: Any) -> bool:
    try:
        _passes_schema()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _found(file: LoadedFile, path: FieldPath, value: Any) -> str:
    if path in file.scalar_texts:
        return f'"{file.scalar_texts[path]}"'
    return _type_name(value)


def _type_name(value: Any) -> str:
    for json_type, words in _TYPE_NAMES.items():
        if _validator().is_type(value, json_type):
            return words
    return "a number"


def _schema_message(file: LoadedFile, error: jsonschema.ValidationError) -> tuple[FieldPath, str]:
    """Say what the schema expected and what the author wrote, in plain words."""
    path: FieldPath = tuple(error.absolute_path)
    # jsonschema types these loosely (they may be "unset"); here they are always set.
    value: Any = error.instance
    rule: Any = error.validator
    schema: Any = error.schema
    rule_value: Any = error.validator_value
    if rule == "required":
        missing = re.search(r"'(.+?)'", error.message)
        return (*path, missing.group(1) if missing else "?"), "is missing (it is required)"
    if rule == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extras = [key for key in value if key not in allowed]
        key = extras[0] if extras else "?"
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f'; did you mean "{close[0]}"?' if close else f"; known fields: {', '.join(allowed)}"
        return (*path, key), f"is not a known field{hint}"
    found = _found(file, path, value)
    if rule == "enum":
        return path, f"must be one of {', '.join(map(str, rule_value))} (found {found})"
    if rule == "type" and value is None:
        return path, "is empty; write it, or delete the line if it is optional"
    if rule == "type":
        expected = _TYPE_NAMES.get(str(rule_value), str(rule_value))
        message = f"expected {expected}, got {_type_name(value)}"
        if path in file.scalar_texts and expected == "text":
            # YAML 1.1 reads yes, no, on, off, ~ and numbers as other things than text.
            message += f" (found {found}; put it in quotes to keep it as text)"
        return path, message
    if rule in {"minItems", "maxItems"}:
        bound = "at least" if rule == "minItems" else "at most"
        return path, f"needs {bound} {rule_value} items (found {len(value)})"
    if rule == "uniqueItems":
        return path, "lists the same item twice"
    if rule == "maxLength":
        return path, f"is too long ({len(value)} characters; at most {rule_value})"
    if rule in {"minLength", "pattern"} and isinstance(value, str) and not value.strip():
        return path, "must not be empty"
    if "x-expected" in schema:
        return path, f"must be {schema['x-expected']} (found {found})"
    return path, f"{error.message} (found {found})"


def _schema_problems(file: LoadedFile) -> list[Problem]:
    if _conforms(file.data):
        return []
    problems: dict[FieldPath, Problem] = {}
    for error in _validator().iter_errors(file.data):
        path, message = _schema_message(file, error)
        is_key = error.validator == "additionalProperties"
        line, column = file.mark_of(path, key=is_key)
        # One message per field: the first is the one an author fixes first.
        problems.setdefault(path, Problem(file.path, line, column, field_name(path), message))
    return sorted(problems.values())


def _text_problems(file: LoadedFile, value: Any, path: FieldPath) -> list[Problem]:
    """Hidden characters and placeholders in an author's text, and decimal numbers anywhere
    (JSON Schema counts 10.0 as a whole number; nothing in a stretch file wants one)."""
    if isinstance(value, float):
        line, column = file.mark_of(path)
        message = f"must be a whole number, such as 10 (found {_found(file, path, value)})"
        return [Problem(file.path, line, column, field_name(path), message)]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _text_problems(file, v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _text_problems(file, v, (*path, i))]
    if isinstance(value, str):
        if "TODO" not in value and value.isprintable():
            return []  # the common case, fast: every hidden category is unprintable
        if "TODO" in value:
            line, column = file.mark_of(path)
            message = "still holds a TODO placeholder; write the real text"
            return [Problem(file.path, line, column, field_name(path), message)]
        for char in value:
            if unicodedata.category(char) in _HIDDEN_CATEGORIES and char not in "\t\n":
                line, column = file.mark_of(path)
                code = f"U+{ord(char):04X}"
                message = f"contains a hidden or control character ({code}); type it again"
                return [Problem(file.path, line, column, field_name(path), message)]
    return []


def _date(
    file: LoadedFile, path: FieldPath, text: str
) -> tuple[datetime.date | None, Problem | None]:
    try:
        return datetime.date.fromisoformat(text), None
    except ValueError:
        line, column = file.mark_of(path)
        message = f'is not a real date (found "{text}")'
        return None, Problem(file.path, line, column, field_name(path), message)


def _file_problems(file: LoadedFile, today: datetime.date) -> list[Problem]:
    """Rules of one file that a JSON Schema can't state."""
    problems: list[Problem] = []
    if not file.path.endswith(".yaml") or not ID_PATTERN.match(file.stem):
        message = (
            f'file name "{file.stem}" must be lower-case letters, digits and single hyphens, '
            "ending in .yaml, such as knee-to-chest.yaml"
        )
        problems.append(Problem(file.path, 1, 1, "", message))
    elif file.stem in RESERVED_IDS:
        message = f'file name "{file.stem}" is taken by the list of stretches; choose another'
        problems.append(Problem(file.path, 1, 1, "", message))
    review = file.data["review"]
    last, last_problem = _date(file, ("review", "last_reviewed"), review["last_reviewed"])
    due, due_problem = _date(file, ("review", "next_review"), review["next_review"])
    problems += [p for p in (last_problem, due_problem) if p]
    if last and due:
        line, column = file.mark_of(("review", "next_review"))
        where = (file.path, line, column, "review.next_review")
        if due <= last:
            problems.append(Problem(*where, f"must be after last_reviewed ({last.isoformat()})"))
        elif due < today:
            late = f"review was due on {due.isoformat()}; please review this stretch"
            problems.append(Problem(*where, late, is_warning=True))
    for key in ("related",):
        for index, related_id in enumerate(file.data.get(key, [])):
            if related_id == file.stem:
                line, column = file.mark_of((key, index))
                message = "a stretch can't be related to itself"
                problems.append(Problem(file.path, line, column, f"{key}[{index}]", message))
    return problems


def _search_key(text: str) -> str:
    """Names that differ only in case, apostrophes or spacing are the same name to a reader."""
    return re.sub(r"[^a-z0-9]+", "", unicodedata.normalize("NFKD", text).casefold())


def _name_problems(files: list[LoadedFile], stretches: list[Stretch]) -> list[Problem]:
    """Names and aliases that two stretches share, reported in both files."""
    uses: dict[str, list[tuple[LoadedFile, FieldPath, str, str]]] = {}
    problems: list[Problem] = []
    for file, stretch in zip(files, stretches, strict=True):
        names: list[tuple[FieldPath, str]] = [(("name",), stretch.name)]
        names += [(("aliases", i), alias) for i, alias in enumerate(stretch.aliases)]
        for path, name in names:
            uses.setdefault(_search_key(name), []).append((file, path, name, stretch.id))
    for same in uses.values():
        for file, path, name, stretch_id in same:
            others = sorted({f'"{other}"' for *_, other in same if other != stretch_id})
            if others:
                where = ", ".join(others)
            elif len(same) > 1 and path != ("name",):
                where = "this stretch's own name or another alias"
            else:
                continue
            line, column = file.mark_of(path)
            message = f'"{name}" is also used by {where}; names and aliases must be unique'
            problems.append(Problem(file.path, line, column, field_name(path), message))
    return problems


def _library_problems(
    files: list[LoadedFile], stretches: list[Stretch], ids: set[str]
) -> list[Problem]:
    """Rules across the library: unique names and aliases, related ids that exist."""
    problems = _name_problems(files, stretches)
    for file, stretch in zip(files, stretches, strict=True):
        for index, related_id in enumerate(stretch.related):
            if related_id not in ids:
                line, column = file.mark_of(("related", index))
                close = difflib.get_close_matches(related_id, sorted(ids), n=1)
                hint = f'; did you mean "{close[0]}"?' if close else ""
                message = f'no stretch has the id "{related_id}"{hint}'
                problems.append(Problem(file.path, line, column, f"related[{index}]", message))
    return problems


def _with_lines(stretch: Stretch, file: LoadedFile) -> Stretch:
    """The stretch with each figure's line in its file, so checks of a figure can point at it."""
    if not stretch.figures:
        return stretch
    lines = {
        name: dataclasses.replace(figure, line=file.mark_of(("figures", name), key=True)[0])
        for name in ("start", "stretch", "alternate")
        if (figure := getattr(stretch.figures, name)) is not None
    }
    return dataclasses.replace(stretch, figures=dataclasses.replace(stretch.figures, **lines))


def validate(
    files: list[LoadedFile], today: datetime.date, ids: set[str] | None = None
) -> tuple[list[Stretch], list[Problem]]:
    """Check every file and the library as a whole; return the valid stretches and all problems.

    `ids` names every stretch file, loadable or not, so that a broken file doesn't also
    make every link to it an error."""
    ids = ids if ids is not None else {file.stem for file in files}
    problems: list[Problem] = []
    good_files: list[LoadedFile] = []
    for file in files:
        file_problems = _schema_problems(file)
        fields_with_problems = {problem.field for problem in file_problems}
        file_problems += [
            problem
            for problem in _text_problems(file, file.data, ())
            if problem.field not in fields_with_problems
        ]
        if not file_problems:
            file_problems = _file_problems(file, today)
        problems += file_problems
        if not errors_in(file_problems):
            good_files.append(file)
    stretches = [_with_lines(parse(file.data, file.stem, file.path), file) for file in good_files]
    problems += _library_problems(good_files, stretches, ids)
    return stretches, sorted(problems)
