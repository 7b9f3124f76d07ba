"""The one definition of a stretch file: `schema/stretch.schema.json`, read once.

Authors' editors read the same file (every stretch file names it on its first line); the
validator, the parser's plain form and the API's schema all ask this module for it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

DEFINITIONS = "#/$defs/"


@cache
def stretch_schema() -> dict[str, Any]:
    """The schema, read once from the package."""
    text = resources.files("generator").joinpath("schema/stretch.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its "$ref" (always "#/$defs/<name>" in ours) followed."""
    reference = node.get("$ref", "")
    if reference.startswith(DEFINITIONS):
        resolved: dict[str, Any] = stretch_schema()["$defs"][reference.removeprefix(DEFINITIONS)]
        return resolved
    return node


def inline_refs(node: Any) -> Any:
    """The schema with each local $ref replaced by what it points to (allOf with any siblings),
    for compilers that can't follow references."""
    if isinstance(node, list):
        return [inline_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    skipped = {"$defs", "$id", "$schema"}
    node = {key: inline_refs(value) for key, value in node.items() if key not in skipped}
    if "$ref" not in node:
        return node
    target = inline_refs(stretch_schema()["$defs"][node.pop("$ref").removeprefix(DEFINITIONS)])
    return {"allOf": [target, node]} if node else target


def choices(field: str) -> list[str]:
    """The values a field may take, in the schema's order (lying down first, gentle first)."""
    values: list[str] = stretch_schema()["properties"][field]["enum"]
    return values
