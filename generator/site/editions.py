"""A site's language editions: mkdocs.<code>.yml beside mkdocs.yml, each INHERITing it and
built into site/<code>/ (parallel_build.py builds them)."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.pages import urls


def language_configs(config_file: Path) -> list[tuple[str, Path]]:
    """Each other language's edition: mkdocs.<code>.yml beside mkdocs.yml (it INHERITs it),
    built into site/<code>/ with a search index of its own."""
    stem, suffix = config_file.stem, config_file.suffix
    found = sorted(config_file.parent.glob(f"{stem}.*{suffix}"))
    return [(path.name[len(stem) + 1 : -len(suffix)], path) for path in found]


def edition_site_url(config: MkDocsConfig, config_file: Path) -> None:
    """A language's edition (mkdocs.<code>.yml) INHERITs mkdocs.yml's site_url, the English
    edition's address: unless its file sets one, its pages' canonical and sitemap addresses
    are under <code>/, as the generator's are (pages/urls.py language_site)."""
    code = {path: code for code, path in language_configs(_main_config(config_file))}
    own = re.search(r"^site_url:", config_file.read_text("utf-8"), re.MULTILINE)
    if config_file in code and config.site_url and not own:
        config.site_url = config.site_url + urls.language_root(code[config_file])


def _main_config(config_file: Path) -> Path:
    """mkdocs.yml for mkdocs.es.yml (and for itself)."""
    return config_file.with_name(config_file.name.split(".", 1)[0] + config_file.suffix)
