"""The JSON API under /api/: every stretch's data for clinics that render their own, its JSON
Schema, and an oEmbed answer per stretch.

Text goes into JSON only through json.dumps, so nothing an author types can break the format.
Every file is deterministic: "generated" is the newest last_reviewed date (or SOURCE_DATE_EPOCH
when set), never the clock.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import os
from functools import cache
from typing import Any

from .figures import figure_images
from .model import Count, Figure, Site, Stretch
from .validate import stretch_schema

API_VERSION = 1
SCHEMA_PATH = "api/stretches.schema.json"
# /api/index.json: enough of every stretch to list and choose it, for pages that then load only
# the chosen ones (/api/stretches.json is 3 KB a stretch: 33 MB at 10,000).
INDEX_PATH = "api/index.json"
INDEX_FIELDS = ("id", "name", "position", "level", "url")
# The iframe's size before embed.js has measured it, and without JavaScript: the width and
# height that embed-snippet.html.j2 writes.
EMBED_WIDTH, EMBED_HEIGHT = 640, 900


def site_address(site: Site, path: str) -> str:
    """A URL of this site: absolute when site_url is set, else root-relative ("/" + path)."""
    return (site.url or "/") + path


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its "$ref" (always "#/$defs/<name>" in ours) followed."""
    reference = schema.get("$ref", "")
    if reference.startswith("#/$defs/"):
        resolved: dict[str, Any] = stretch_schema()["$defs"][reference.removeprefix("#/$defs/")]
        return resolved
    return schema


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


def _plain(value: Any, schema: dict[str, Any]) -> Any:
    """A model value in the shape its stretch file has (`schema` describes it): a Count as 3
    or "20-30", a date as YYYY-MM-DD, tuples as lists, optional fields left out when unset."""
    if isinstance(value, str | int | float) or value is None:
        return value  # most values: text, and it needs no schema
    if isinstance(value, Count):
        return value.low if value.low == value.high else f"{value.low}-{value.high}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    schema = _resolve(schema)
    if isinstance(value, tuple | list):
        return [_plain(item, schema.get("items", {})) for item in value]
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
            data.update((joint, _plain(how, properties.get(joint, {}))) for joint, how in item)
        elif field.name in required or not _left_out(item, field):
            data[field.name] = _plain(item, item_schema)
    return data


def stretch_data(stretch: Stretch, site: Site) -> dict[str, Any]:
    """One stretch as the API gives it: id, addresses, then every field of the contract."""
    from .render import dose_in_words, review_in_words  # render imports this module

    fields = _plain(stretch, stretch_schema())
    return {
        "id": stretch.id,
        "url": site_address(site, f"stretches/{stretch.id}/"),
        "embed_url": site_address(site, f"embed/{stretch.id}/"),
        **{key: value for key, value in fields.items() if key != "id"},
        "dose_in_words": dose_in_words(stretch.dose),
        "review_in_words": review_in_words(stretch.review),
        "figure_images": [
            {"label": image["label"], "alt": image["alt"], "url": site_address(site, image["path"])}
            for image in figure_images(stretch)
        ],
    }


def generated_date(stretches: list[Stretch]) -> str | None:
    """When the data last changed: SOURCE_DATE_EPOCH's day when set (reproducible builds),
    else the newest review.last_reviewed (the date a stretch was last updated or reviewed);
    never today's date, so the same input gives the same file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()
    dates = [stretch.review.last_reviewed for stretch in stretches]
    return max(dates).isoformat() if dates else None


def api_schema(site: Site) -> dict[str, Any]:
    """The JSON Schema of /api/stretches.json; #/$defs/stretch is one /api/stretches/<id>.json.

    Built from the stretch file's schema, so a field added to the contract is described here
    too."""
    file_schema = copy.deepcopy(stretch_schema())
    address = {"type": "string", "minLength": 1}
    stretch = {
        "title": "Stretch",
        "description": "One stretch: every field of its file, plus its id and addresses.",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "id",
            "url",
            "embed_url",
            *file_schema["required"],
            "dose_in_words",
            "review_in_words",
        ],
        "properties": {
            "id": {"description": "The file name and URL slug.", "$ref": "#/$defs/id"},
            "url": {"description": "The stretch's page.", **address},
            "embed_url": {"description": "The page to show in an iframe.", **address},
            **file_schema["properties"],
            "dose_in_words": {
                "description": 'The dose as a reader sees it, e.g. "Hold 20 to 30 seconds · '
                '3 times each side · 1 to 2 times a day".',
                "type": "string",
            },
            "review_in_words": {
                "description": 'The review line as a reader sees it. "Last updated …" while '
                "review.reviewer is empty (no clinician has reviewed the stretch: show it so, "
                'never as "Last reviewed"), "Last reviewed … by …" once one has.',
                "type": "string",
            },
            "figure_images": {
                "description": "The drawn figures (start, stretch, and a second position if "
                "any), each with its caption, its alt text and its image: the stretch's SVG "
                "file and the figure's view in it (figures/<id>.svg#stretch).",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["label", "alt", "url"],
                    "properties": {
                        "label": {"type": "string"},
                        "alt": {"type": "string"},
                        "url": address,
                    },
                },
            },
        },
    }
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{site.name}: stretches API, version {API_VERSION}",
        "description": "Every stretch of the library. Text is plain text: show it as text, "
        "never as HTML. Addresses are absolute when the site sets site_url, else they start "
        "with /.",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "generated", "stretches"],
        "properties": {
            "version": {
                "description": "Changes only when a field is renamed or removed.",
                "const": API_VERSION,
            },
            "generated": GENERATED_SCHEMA,
            "stretches": {
                "description": "Every stretch, sorted by name.",
                "type": "array",
                "items": {"$ref": "#/$defs/stretch"},
            },
        },
        "$defs": {**file_schema["$defs"], "stretch": stretch, "index": _index_schema(stretch)},
    }
    if site.url:
        schema = {"$id": site.url + SCHEMA_PATH, **schema}
    return schema


GENERATED_SCHEMA = {
    "description": "Date of the data: the newest review.last_reviewed (when a stretch was last "
    "updated, or reviewed), or the build's SOURCE_DATE_EPOCH when set.",
    "type": ["string", "null"],
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
}


def _index_schema(stretch: dict[str, Any]) -> dict[str, Any]:
    """The schema of /api/index.json: each stretch cut down to INDEX_FIELDS."""
    entry = {
        "type": "object",
        "additionalProperties": False,
        "required": list(INDEX_FIELDS),
        "properties": {key: stretch["properties"][key] for key in INDEX_FIELDS},
    }
    return {
        "title": "Index",
        "description": f"/{INDEX_PATH}: every stretch, sorted by name, with only "
        f"{', '.join(INDEX_FIELDS)}; the rest is in /api/stretches/<id>.json.",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "generated", "stretches"],
        "properties": {
            "version": {"const": API_VERSION},
            "generated": GENERATED_SCHEMA,
            "stretches": {"type": "array", "items": entry},
        },
    }


def oembed_data(stretch: Stretch, site: Site, snippet: str) -> dict[str, Any]:
    """The oEmbed 1.0 "rich" answer for one stretch; `snippet` is the iframe and script."""
    return {
        "version": "1.0",
        "type": "rich",
        "title": stretch.name,
        "provider_name": site.name,
        "provider_url": site.url or "/",
        "html": snippet,
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    }


def to_json(data: Any, indent: int | None = None) -> str:
    """JSON text: UTF-8 as is, compact unless indented, a final newline."""
    separators = None if indent else (",", ":")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n"


def render_api(stretches: list[Stretch], site: Site, snippets: dict[str, str]) -> dict[str, str]:
    """Every file under api/, keyed by its path relative to docs/; `stretches` in name order,
    `snippets` the embed code of each stretch by id."""
    items = [stretch_data(stretch, site) for stretch in stretches]
    generated = generated_date(stretches)
    library = {"version": API_VERSION, "generated": generated, "stretches": items}
    index = {
        "version": API_VERSION,
        "generated": generated,
        "stretches": [{key: item[key] for key in INDEX_FIELDS} for item in items],
    }
    files = {
        "api/stretches.json": to_json(library),
        INDEX_PATH: to_json(index),
        SCHEMA_PATH: to_json(api_schema(site), indent=2),
    }
    for stretch, item in zip(stretches, items, strict=True):
        files[f"api/stretches/{stretch.id}.json"] = to_json(item)
        oembed = oembed_data(stretch, site, snippets[stretch.id])
        files[f"api/oembed/{stretch.id}.json"] = to_json(oembed)
    return files
