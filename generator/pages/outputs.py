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
    script_words,
    sheet,
    snippets,
    stretch_pages,
    tag_pages,
    urls,
    vendor,
)

OUTPUTS = (
    stretch_pages, sheet, embeds, api, tag_pages, figure_files, snippets, vendor, script_words,
)  # fmt: skip
GENERATED_FOLDERS = tuple(output.FOLDER for output in OUTPUTS)


def edition_folders(code: str) -> tuple[str, ...]:
    """The folders under docs/ one language's edition owns: stretches/, ... for English,
    es/stretches/, ... for Spanish."""
    return tuple(urls.language_root(code) + folder for folder in GENERATED_FOLDERS)


def generated_folders(codes: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The folders under docs/ the generator owns: English's, and each other language's
    under its prefix (es/stretches, ...)."""
    others = [code for code in codes if urls.language_root(code)]
    return GENERATED_FOLDERS + tuple(f for code in others for f in edition_folders(code))


def render_site(library: Library) -> dict[str, str]:
    """Every generated file of the library's language, keyed by its path relative to docs/
    (a language other than English under its prefix: es/stretches/...)."""
    code = library.language.code if library.language else urls.SOURCE_LANGUAGE
    prefix = urls.language_root(code)
    pages: dict[str, str] = {}
    for output in OUTPUTS:
        pages.update((prefix + path, text) for path, text in output.files(library).items())
    return pages
