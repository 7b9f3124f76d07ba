"""The JSON API under /api/: every stretch's data for clinics that render their own, its JSON
Schema, and an oEmbed answer per stretch.

Text goes into JSON only through json.dumps, so nothing an author types can break the format.
Every file is deterministic: "generated" is the newest last_reviewed date (or SOURCE_DATE_EPOCH
when set), never the clock.
"""

from __future__ import annotations

import copy
import datetime
import json
import os
from collections.abc import Sequence
from typing import Any

from generator.model import Library, Site, Stretch
from generator.pages import urls
from generator.pages.embeds import EMBED_HEIGHT, EMBED_WIDTH, embed_snippet
from generator.pages.figure_files import figure_images
from generator.pages.words import attribution, dose_in_words, review_in_words
from generator.read.parse import plain
from generator.stretch_schema import stretch_schema

FOLDER = "api"
API_VERSION = 1
INDEX_FIELDS = ("id", "name", "position", "level", "url")
# The content's licence, in every file a re-user may take data from.
LICENSE = {"name": urls.CONTENT_LICENCE, "url": urls.CONTENT_LICENCE_URL}
LICENSE_SCHEMA = {
    "description": "The licence of the content: re-use it freely, crediting it as "
    "`attribution` says.",
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "url"],
    "properties": {"name": {"const": LICENSE["name"]}, "url": {"const": LICENSE["url"]}},
}


def stretch_data(stretch: Stretch, site: Site) -> dict[str, Any]:
    """One stretch as the API gives it: id, addresses, then every field of the contract."""
    fields = plain(stretch, stretch_schema())
    return {
        "id": stretch.id,
        "url": urls.absolute(site, urls.stretch_page(stretch.id)),
        "embed_url": urls.absolute(site, urls.embed_page(stretch.id)),
        **{key: value for key, value in fields.items() if key != "id"},
        "dose_in_words": dose_in_words(stretch.dose),
        "review_in_words": review_in_words(stretch.review),
        "license": LICENSE,
        "attribution": attribution(stretch, site),
        "figure_images": [
            {
                "label": image["label"],
                "alt": image["alt"],
                "url": urls.absolute(site, image["path"]),
            }
            for image in figure_images(stretch)
        ],
    }


def generated_date(stretches: Sequence[Stretch]) -> str | None:
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
            "license",
            "attribution",
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
            "license": LICENSE_SCHEMA,
            "attribution": {
                "description": "The credit to show beside the stretch wherever it is re-used "
                '(CC BY 4.0 asks for it), e.g. \'"Knee to chest" from Stretches for lower back '
                "pain (https://…/stretches/knee-to-chest/), CC BY 4.0'.",
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
        "required": ["version", "generated", "license", "stretches"],
        "properties": {
            "version": {
                "description": "Changes only when a field is renamed or removed.",
                "const": API_VERSION,
            },
            "generated": GENERATED_SCHEMA,
            "license": LICENSE_SCHEMA,
            "stretches": {
                "description": "Every stretch, sorted by name.",
                "type": "array",
                "items": {"$ref": "#/$defs/stretch"},
            },
        },
        "$defs": {**file_schema["$defs"], "stretch": stretch, "index": _index_schema(stretch)},
    }
    if site.url:
        schema = {"$id": site.url + urls.API_SCHEMA, **schema}
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
        "description": f"/{urls.API_INDEX}: every stretch, sorted by name, with only "
        f"{', '.join(INDEX_FIELDS)}; the rest is in /api/stretches/<id>.json.",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "generated", "license", "stretches"],
        "properties": {
            "version": {"const": API_VERSION},
            "generated": GENERATED_SCHEMA,
            "license": LICENSE_SCHEMA,
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
        "author_name": site.credited,
        "license": LICENSE["name"],
        "license_url": LICENSE["url"],
        "attribution": attribution(stretch, site),
        "html": snippet,
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    }


def to_json(data: Any, indent: int | None = None) -> str:
    """JSON text: UTF-8 as is, compact unless indented, a final newline."""
    separators = None if indent else (",", ":")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n"


def files(library: Library) -> dict[str, str]:
    """Every file under api/: the library, its index and schema, each stretch and its oEmbed."""
    stretches, site = library.stretches, library.site
    items = [stretch_data(stretch, site) for stretch in stretches]
    generated = generated_date(stretches)
    whole = {"version": API_VERSION, "generated": generated, "license": LICENSE, "stretches": items}
    index = {
        "version": API_VERSION,
        "generated": generated,
        "license": LICENSE,
        "stretches": [{key: item[key] for key in INDEX_FIELDS} for item in items],
    }
    files = {
        urls.API_LIBRARY: to_json(whole),
        urls.API_INDEX: to_json(index),
        urls.API_SCHEMA: to_json(api_schema(site), indent=2),
    }
    for stretch, item in zip(stretches, items, strict=True):
        files[urls.api_stretch(stretch.id)] = to_json(item)
        oembed = oembed_data(stretch, site, embed_snippet(stretch, site))
        files[urls.api_oembed(stretch.id)] = to_json(oembed)
    return files
