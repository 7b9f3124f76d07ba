"""A stretch file's values <-> a Stretch, side by side: `parse` builds the model from values
the validator has passed, `plain` gives a model value back in the shape its file has (the
API serves that form). A new field is added to both here, and nowhere else in Python.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from functools import cache
from typing import Any

from generator.model import Count, Dose, Figure, Figures, Review, Source, Stretch
from generator.stretch_schema import resolve


def _count(value: int | str) -> Count:
    if isinstance(value, int):
        return Count(value, value)
    low, high = (int(part) for part in value.split("-"))
    return Count(low, high)


def text(value: str | None) -> str:
    """Authors' line breaks and runs of spaces mean nothing on a page: one space."""
    return " ".join(value.split()) if value else ""


def _texts(values: list[str] | None) -> tuple[str, ...]:
    return tuple(text(value) for value in values or ())


def _words(values: list[str] | None) -> tuple[str, ...]:
    return tuple(values or ())


def _dose(dose: dict[str, Any]) -> Dose:
    return Dose(
        hold_seconds=_count(dose["hold_seconds"]) if "hold_seconds" in dose else None,
        repetitions=_count(dose["repetitions"]),
        each_side=dose["each_side"],
        times_a_day=_count(dose["times_a_day"]),
    )


def _sources(sources: list[dict[str, str]]) -> tuple[Source, ...]:
    return tuple(Source(text(s["title"]), text(s["publisher"]), s["url"]) for s in sources)


def _review(review: dict[str, str]) -> Review:
    return Review(
        last_reviewed=datetime.date.fromisoformat(review["last_reviewed"]),
        next_review=datetime.date.fromisoformat(review["next_review"]),
        reviewer=text(review["reviewer"]),
    )


def _figure(raw: dict[str, Any]) -> Figure:
    changes = tuple((k, v) for k, v in raw.items() if k not in ("pose", "props", "label"))
    return Figure(raw["pose"], changes, tuple(raw.get("props", [])), text(raw.get("label", "")))


def _figures(raw: dict[str, Any] | None) -> Figures | None:
    """The optional `figures:` field; the schema has checked every angle and word."""
    if raw is None:
        return None
    alternate = _figure(raw["alternate"]) if "alternate" in raw else None
    felt = tuple(raw.get("felt", []))
    view = raw.get("view", "side")
    return Figures(_figure(raw["start"]), _figure(raw["stretch"]), alternate, felt, view)


def _as_is(value: Any) -> Any:
    return value


# How each field of a stretch file becomes its model value (an optional field the file leaves
# out arrives as None). Text is one line of plain text; a list of texts is a tuple of them.
PARSERS: dict[str, Callable[[Any], Any]] = {
    "name": text,
    "summary": text,
    "aliases": _texts,
    "targets": _words,
    "position": _as_is,
    "equipment": _words,
    "level": _as_is,
    "start": text,
    "steps": _texts,
    "dose": _dose,
    "breathing": text,
    "feel": text,
    "stop_if": _texts,
    "ask_first": _texts,
    "easier": text,
    "harder": text,
    "related": _words,
    "sources": _sources,
    "review": _review,
    "figures": _figures,
}

# What a reader follows with their body, in the order a page shows it: the text the reading
# level is measured on.
PATIENT_TEXT = (
    "summary", "start", "steps", "breathing", "feel", "stop_if", "ask_first", "easier", "harder",
)  # fmt: skip


def parse(data: dict[str, Any], stretch_id: str, path: str) -> Stretch:
    """A Stretch from a file's values that passed validation; `path` is the file, as shown."""
    values = {name: parse_field(data.get(name)) for name, parse_field in PARSERS.items()}
    return Stretch(id=stretch_id, path=path, **values)


def patient_texts(stretch: Stretch) -> list[str]:
    """Every PATIENT_TEXT of a stretch, one string per line of text or list item."""
    texts: list[str] = []
    for name in PATIENT_TEXT:
        value = getattr(stretch, name)
        texts += list(value) if isinstance(value, tuple) else [value]
    return texts


def _left_out(value: Any, field: dataclasses.Field[Any]) -> bool:
    """An optional field the file left out: nothing, an empty text, or the model's default
    (a figure's view "side", no props)."""
    if value is None or value == "":
        return True
    return field.default is not dataclasses.MISSING and bool(value == field.default)


@cache
def _fields(model: type) -> tuple[dataclasses.Field[Any], ...]:
    """A model class's fields, or () for any other type (asked once a class, not once a value:
    the API walks about seventy values a stretch)."""
    return dataclasses.fields(model) if dataclasses.is_dataclass(model) else ()


def plain(value: Any, schema: dict[str, Any]) -> Any:
    """A model value in the shape its stretch file has (`schema` describes it): a Count as 3
    or "20-30", a date as YYYY-MM-DD, tuples as lists, optional fields left out when unset.
    Fields the file doesn't have (a stretch's id and path) are left out."""
    if isinstance(value, str | int | float) or value is None:
        return value  # most values: text, and it needs no schema
    if isinstance(value, Count):
        return value.low if value.low == value.high else f"{value.low}-{value.high}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    schema = resolve(schema)
    if isinstance(value, tuple | list):
        return [plain(item, schema.get("items", {})) for item in value]
    kind: type = type(value)
    fields = _fields(kind)
    if not fields:
        return value
    properties, required = schema.get("properties", {}), schema.get("required", [])
    data: dict[str, Any] = {}
    for field in fields:
        item, item_schema = getattr(value, field.name), properties.get(field.name, {})
        if isinstance(value, Figure) and field.name == "changes":
            # A figure's joints are fields of their own in the file.
            data.update((joint, plain(how, properties.get(joint, {}))) for joint, how in item)
        elif isinstance(value, Stretch | Figure) and field.name not in properties:
            continue  # where it came from (a stretch's id and path, a figure's line)
        elif field.name in required or not _left_out(item, field):
            data[field.name] = plain(item, item_schema)
    return data
