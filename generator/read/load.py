"""Stage 1, load: YAML files -> plain values plus the line and column of every value.

We compose PyYAML nodes and build the values ourselves instead of calling `safe_load`,
because `safe_load` forgets where each value came from, silently keeps the last of two
duplicate keys, expands aliases (a "billion laughs" file) and turns dates into objects
that a JSON Schema can't check.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem

# The C parser is ~10x faster; both give the same nodes and marks.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.SafeLoader("")

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 8
_YAML_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {f"{_YAML_TAG}{name}" for name in ("str", "int", "bool", "null", "float")}
_STR_TAG = f"{_YAML_TAG}str"

FieldPath = tuple[str | int, ...]
SCHEMA_LINE_START = "# yaml-language-server: $schema="
MISSING_SCHEMA_LINE = (
    "the first line should be "
    "# yaml-language-server: $schema=../../generator/schema/stretch.schema.json "
    "so your editor can check the file as you type"
)


@dataclass(frozen=True)
class LoadedFile:
    """One author's file as plain values, with where each value and key sits in the file."""

    path: str
    stem: str
    data: Any
    value_marks: dict[FieldPath, tuple[int, int]] = field(repr=False)
    key_marks: dict[FieldPath, tuple[int, int]] = field(repr=False)
    scalar_texts: dict[FieldPath, str] = field(repr=False)

    def mark_of(self, path: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """The line and column of a value (or its key), else of its nearest parent."""
        marks = self.key_marks if key else self.value_marks
        while path not in marks and path:
            path = path[:-1]
        return marks.get(path, (1, 1))


def field_name(path: FieldPath) -> str:
    """`("steps", 2)` -> `steps[2]`, the way the contract names a field."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


class _ContentError(Exception):
    def __init__(self, node: yaml.Node, path: FieldPath, message: str) -> None:
        super().__init__(message)
        self.node, self.path, self.message = node, path, message


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a node tree into plain values, refusing what an author file has no use for."""

    def __init__(self) -> None:
        self.value_marks: dict[FieldPath, tuple[int, int]] = {}
        self.key_marks: dict[FieldPath, tuple[int, int]] = {}
        self.scalar_texts: dict[FieldPath, str] = {}
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if len(path) > MAX_DEPTH:
            raise _ContentError(node, path, "nested too deeply")
        self.value_marks[path] = _position(node)
        if isinstance(node, yaml.ScalarNode):
            self.scalar_texts[path] = node.value  # as typed, for "found ..." in messages
            return self._scalar(node, path)
        # An alias is the same node object met twice: expanding it is how a tiny file
        # becomes gigabytes, and authors never need it.
        if id(node) in self._seen:
            raise _ContentError(node, path, "anchors and aliases (& and *) are not allowed")
        self._seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            self._plain_tag(node, path, "seq")
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        self._plain_tag(node, path, "map")
        return self._mapping(node, path)

    def _plain_tag(self, node: yaml.Node, path: FieldPath, kind: str) -> None:
        if node.tag != f"{_YAML_TAG}{kind}":
            raise _ContentError(node, path, _tag_message(node))

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # what the str constructor returns; most values are text
        if node.tag == f"{_YAML_TAG}timestamp":
            return node.value  # keep dates as text; the schema checks their form
        if node.tag not in _PLAIN_TAGS:
            raise _ContentError(node, path, _tag_message(node))
        # Call the tag's constructor directly: construct_object would cache every node.
        return _constructor.yaml_constructors[node.tag](_constructor, node)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.value == "<<":
                raise _ContentError(key_node, path, "merge keys (<<) are not allowed")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != f"{_YAML_TAG}str":
                raise _ContentError(key_node, path, "every key must be a plain name")
            key = key_node.value
            if key in mapping:
                line = self.key_marks[(*path, key)][0]
                raise _ContentError(key_node, (*path, key), f"appears twice (first on line {line})")
            self.key_marks[(*path, key)] = _position(key_node)
            mapping[key] = self.build(value_node, (*path, key))
        return mapping


def _tag_message(node: yaml.Node) -> str:
    tag = node.tag.replace(_YAML_TAG, "!!")
    return f"tags such as {tag} are not allowed; write plain text, numbers and lists"


# PyYAML's words for the mistakes authors make most, and what to do about each.
_YAML_HINTS = {
    "mapping values are not allowed": 'a text with ": " in it must be in quotes',
    "found a tab character": "indent with spaces, not tabs",
    "found character '\\t'": "indent with spaces, not tabs",
    "but found another document": "a stretch file holds one stretch; remove the second ---",
    "could not find expected ':'": 'write "name: value"; a text with ": " must be in quotes',
}


def _yaml_message(reason: str) -> str:
    hints = [hint for words, hint in _YAML_HINTS.items() if words in reason]
    return f"not valid YAML: {reason}" + (f" ({hints[0]})" if hints else "")


def _read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        size = f"{len(raw) // 1024} KB"
        return None, [Problem(shown, 1, 1, "", f"file is too large ({size}; at most 256 KB)")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(shown, line, column, "", "text must be UTF-8")]
    if "\x00" in text:
        return None, [Problem(shown, 1, 1, "", "file contains a NUL byte; is it really text?")]
    return text, []


def load_file(path: Path, shown: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one stretch file; on any problem, return no file and the problems."""
    text, problems = _read_text(path, shown)
    if text is None:
        return None, problems
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or "this is not valid YAML"
        return None, [Problem(shown, line, column, "", _yaml_message(reason))]
    except yaml.YAMLError as error:
        return None, [Problem(shown, 1, 1, "", f"not valid YAML: {error}")]
    if node is None:
        return None, [Problem(shown, 1, 1, "", "the file is empty")]
    builder = _Builder()
    try:
        data = builder.build(node, ())
    except _ContentError as error:
        line, column = _position(error.node)
        return None, [Problem(shown, line, column, field_name(error.path), error.message)]
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        return None, [Problem(shown, 1, 1, "", f"a value can't be read: {error}")]
    if not text.startswith(SCHEMA_LINE_START):
        problems.append(Problem(shown, 1, 1, "", MISSING_SCHEMA_LINE, is_warning=True))
    loaded = LoadedFile(
        shown, path.stem, data, builder.value_marks, builder.key_marks, builder.scalar_texts
    )
    return loaded, problems


def shown_path(path: Path) -> str:
    """The path as an author will recognise it: relative to where they ran the command."""
    return _shown_folder(path.parent, os.getcwd()) + path.name


@functools.lru_cache(maxsize=64)
def _shown_folder(folder: Path, cwd: str) -> str:
    """A folder as shown_path shows it, ending in "/" (resolving it for every file of a
    library took a tenth of loading it). Resolve the folder, not the file: a link must be
    shown under its own name."""
    try:
        relative = folder.resolve().relative_to(Path(cwd).resolve()).as_posix()
    except ValueError:
        relative = folder.as_posix()
    return "" if relative == "." else relative + "/"


def stretch_files(folder: Path) -> list[Path]:
    """Every stretch file in the folder, in a stable order (.yml is caught by validate)."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in {".yaml", ".yml"} and (path.is_file() or path.is_symlink())
    )


# A file's modification time and size, and what loading it gave: lets `watch` reload only
# the files that changed (parsing is a third of a rebuild of 1,000 stretches).
LoadCache = dict[Path, tuple[tuple[int, int], "LoadedFile | None", list[Problem]]]


def load_folder(
    folder: Path, cache: LoadCache | None = None
) -> tuple[list[LoadedFile], list[Problem]]:
    """Load every stretch file in a folder, collecting every problem; with a cache, files
    whose time and size it remembers are not read again."""
    loaded: list[LoadedFile] = []
    problems: list[Problem] = []
    real_folder = folder.resolve()
    paths = stretch_files(folder)
    if cache is not None:
        for gone in cache.keys() - set(paths):
            del cache[gone]
    for path in paths:
        # Only a link can lead out of the folder (resolving every path costs ~10% of a load).
        if path.is_symlink() and not path.resolve().is_relative_to(real_folder):
            # A link to a file elsewhere would publish whatever it points at.
            message = "is a link to a file outside this folder; copy the file in instead"
            problems.append(Problem(shown_path(path), 1, 1, "", message))
            continue
        if cache is None:
            file, file_problems = load_file(path, shown_path(path))
        else:
            file, file_problems = _cached_load(path, cache)
        problems.extend(file_problems)
        if file is not None:
            loaded.append(file)
    return loaded, problems


def _cached_load(path: Path, cache: LoadCache) -> tuple[LoadedFile | None, list[Problem]]:
    status = path.stat()
    stamp = (status.st_mtime_ns, status.st_size)
    if path in cache and cache[path][0] == stamp:
        return cache[path][1], cache[path][2]
    file, problems = load_file(path, shown_path(path))
    cache[path] = (stamp, file, problems)
    return file, problems
