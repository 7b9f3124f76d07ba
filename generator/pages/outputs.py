"""Every output of the generator, in one list: each is a module with a FOLDER under docs/
that it alone writes, and `files(library) -> {path under docs/: text}`. Adding an output is
one module and one line here; the folders `write`, the parts build and .gitignore know of
are these."""

from __future__ import annotations

from generator.model import Library
from generator.pages import (
    api,
    embeds,
    figure_files,
    sheet,
    snippets,
    stretch_pages,
    tag_pages,
    vendor,
)

OUTPUTS = (stretch_pages, sheet, embeds, api, tag_pages, figure_files, snippets, vendor)
GENERATED_FOLDERS = tuple(output.FOLDER for output in OUTPUTS)


def render_site(library: Library) -> dict[str, str]:
    """Every generated file, keyed by its path relative to docs/."""
    pages: dict[str, str] = {}
    for output in OUTPUTS:
        pages.update(output.files(library))
    return pages
