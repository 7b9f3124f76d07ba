"""words/interface.js: the interface strings the browser scripts write themselves (the text
size control, Follow along, the routine sheet's doses, QR code and sending), taken from the
language's catalog, so that a Spanish page's buttons are in Spanish. mkdocs.yml loads it
before the scripts that use it; each language's edition writes its own."""

from __future__ import annotations

import json
from collections.abc import Mapping

from generator.model import Library
from generator.pages import urls
from generator.read.languages import english

FOLDER = urls.SCRIPT_WORDS.split("/")[0]
# Catalog key prefix -> the object the scripts read (`window.stretchesWords.<name>`); a key
# loses its prefix and is written in camelCase: reading_follow_step_of -> follow.stepOf.
GROUPS = {"reading_follow_": "follow", "reading_": "reading", "sheet_tool_": "sheet"}
SIZE_NAME = "reading_size_name_"  # numbered: the text sizes' names, smallest first


def _camel(snake: str) -> str:
    first, *rest = snake.split("_")
    return first + "".join(word.capitalize() for word in rest)


def script_words(strings: Mapping[str, str]) -> dict[str, dict[str, object]]:
    """The scripts' strings, grouped by the prefix of their catalog keys."""
    found: dict[str, dict[str, object]] = {name: {} for name in GROUPS.values()}
    sizes = sorted(key for key in strings if key.startswith(SIZE_NAME))
    found["reading"]["sizeNames"] = [strings[key] for key in sizes]
    for key, text in sorted(strings.items()):
        if key.startswith(SIZE_NAME):
            continue
        prefix = next((prefix for prefix in GROUPS if key.startswith(prefix)), None)
        if prefix:
            found[GROUPS[prefix]][_camel(key.removeprefix(prefix))] = text
    found["reading"]["follow"] = found.pop("follow")
    return found


def files(library: Library) -> dict[str, str]:
    language = library.language or english()
    words = json.dumps(script_words(language.strings), ensure_ascii=False, sort_keys=True)
    return {urls.SCRIPT_WORDS: f"window.stretchesWords = {words};\n"}
