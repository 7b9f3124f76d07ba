"""Synthetic libraries: the real stretches copied and renamed until there are as many as asked.

Copy number c of `cat-cow` is `cat-cow-c`, named "Cat-cow c", with every alias numbered the
same way, so ids, names and aliases stay unique; `related` points at the same copy of each
related stretch (or the copy before, when the last copy is partial). The text an author wrote
is kept, so pages, reading grades and search index entries are as large as real ones.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .projects import GENERATED_MARKER, relink_stretches

ROOT = Path(__file__).resolve().parent.parent
REAL_LIBRARY = ROOT / "content" / "stretches"
SCHEMA_LINE = "# yaml-language-server: $schema=../../generator/schema/stretch.schema.json\n"
# What a benchmark project needs from the repository: everything but these (the generator
# itself is run from the repository through PYTHONPATH).
NOT_COPIED = {
    ".git", ".venv", "site", "content", "tests", "bench", "generator", "node_modules",
    "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis", ".ci",
    ".venv-zensical",
}  # fmt: skip

Library = dict[str, dict[str, Any]]  # stretch id -> the stretch file's values


def read_library(folder: Path = REAL_LIBRARY) -> Library:
    """Every stretch file in a folder, as plain values, by id."""
    return {
        path.stem: yaml.safe_load(path.read_text("utf-8")) for path in sorted(folder.glob("*.yaml"))
    }


def _search_key(text: str) -> str:
    """How the generator compares names: case, spaces and punctuation don't count."""
    return re.sub(r"[^a-z0-9]+", "", unicodedata.normalize("NFKD", text).casefold())


def synthesise(originals: Library, count: int) -> Library:
    """`count` stretches made of numbered copies of the originals, ids and names unique."""
    bases = sorted(originals)
    chosen = [(bases[index % len(bases)], index // len(bases) + 1) for index in range(count)]
    ids = {f"{base}-{copy}" for base, copy in chosen}
    library: Library = {}
    for base, copy in chosen:
        data = dict(originals[base])
        data["name"] = f"{data['name']} {copy}"
        if "aliases" in data:
            data["aliases"] = [f"{alias} {copy}" for alias in data["aliases"]]
        if "related" in data:
            related = [_copy_of(other, copy, ids) for other in data["related"]]
            data["related"] = [other for other in related if other]
            if not data["related"]:
                del data["related"]
        library[f"{base}-{copy}"] = data
    _check_unique_names(library)
    return library


def _copy_of(stretch_id: str, copy: int, ids: set[str]) -> str | None:
    """The same copy of a related stretch, or the one before when the last copy is partial."""
    for candidate in (f"{stretch_id}-{copy}", f"{stretch_id}-{copy - 1}"):
        if candidate in ids:
            return candidate
    return None


def _check_unique_names(library: Library) -> None:
    seen: dict[str, str] = {}
    for stretch_id, data in library.items():
        for name in [data["name"], *data.get("aliases", [])]:
            other = seen.setdefault(_search_key(name), stretch_id)
            if other != stretch_id:
                raise ValueError(f'"{name}" of {stretch_id} clashes with a name of {other}')


def stretch_text(data: dict[str, Any]) -> str:
    """A stretch file's text, as an author's editor would save it."""
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
    return SCHEMA_LINE + body


def write_library(library: Library, folder: Path) -> None:
    """Write one YAML file per stretch into folder (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stretch_id, data in library.items():
        (folder / f"{stretch_id}.yaml").write_text(stretch_text(data), "utf-8")


def _not_generated(folder: str, names: list[str]) -> set[str]:
    """shutil.copytree's ignore: skip the generator's own output folders and caches."""
    return {
        name
        for name in names
        if name == "__pycache__" or (Path(folder, name) / GENERATED_MARKER).is_file()
    }


def make_project(target: Path, count: int, source: Path = ROOT) -> Path:
    """A project folder like the repository's, whose library holds `count` synthetic stretches."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        if entry.name in NOT_COPIED:
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, ignore=_not_generated)
        else:
            shutil.copy2(entry, target / entry.name)
    library = synthesise(read_library(source / "content" / "stretches"), count)
    write_library(library, target / "content" / "stretches")
    # Every language's interface catalog, so that each edition is built as in the repository.
    # The copies have no translations (their ids are new): the other editions list every
    # stretch as English only, which makes pages of the same size.
    shutil.copytree(source / "content" / "languages", target / "content" / "languages")
    # Hand-written pages link real stretches (`stretches/cat-cow.md`): point them at the first
    # copy, so that `mkdocs build --strict` finds every link it checks.
    ids = set(library)

    def first_copy(linked: str) -> str:
        return f"{linked}-1" if f"{linked}-1" in ids else linked

    relink_stretches(target / "docs", first_copy)
    return target


class _Tagged:
    """A value under a tag we don't construct (!ENV, !!python/name:...), kept as written."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class _TolerantLoader(yaml.SafeLoader):
    pass


class _TolerantDumper(yaml.SafeDumper):
    pass


for _prefix in ("!", "tag:yaml.org,2002:python/"):
    _TolerantLoader.add_multi_constructor(_prefix, lambda loader, suffix, node: _Tagged(node))
_TolerantDumper.add_representer(_Tagged, lambda dumper, value: value.node)

# The settings a bare Material site needs to build the same Markdown the same way.
BARE_KEYS = ("site_name", "docs_dir", "use_directory_urls", "nav", "markdown_extensions")


def read_config(config_text: str) -> dict[str, Any]:
    """mkdocs.yml as values, keeping any tagged value (!ENV, !!python/name:) as written."""
    config: dict[str, Any] = yaml.load(config_text, Loader=_TolerantLoader)  # noqa: S506
    return config


def bare_config(config_text: str) -> str:
    """The project's mkdocs.yml cut down to bare Material: same pages, nav and Markdown
    extensions; no extra CSS or JavaScript, hooks, theme overrides or other plugins."""
    config = read_config(config_text)
    bare = {key: config[key] for key in BARE_KEYS if key in config}
    theme = config.get("theme", {})
    bare["theme"] = {"name": "material", "language": theme.get("language", "en"), "font": False}
    bare["plugins"] = ["search"]
    # Leave warnings as they are, so that --strict judges both builds alike.
    if "validation" in config:
        bare["validation"] = config["validation"]
    text: str = yaml.dump(bare, Dumper=_TolerantDumper, sort_keys=False, allow_unicode=True)
    return text
