"""/stretches/ (every stretch, with its filters) and /stretches/<id>/ (one stretch)."""

from __future__ import annotations

from generator.model import Library, Stretch
from generator.pages import urls
from generator.pages.environment import render
from generator.pages.finding import filters

FOLDER = "stretches"


def render_stretch(stretch: Stretch, library: Library) -> str:
    """The Markdown page of one stretch."""
    related = [library.by_id[other] for other in stretch.related if other in library.by_id]
    site = library.site
    return render(
        "stretch.md.j2",
        library,
        stretch=stretch,
        related=related,
        site=site,
        clinic=site.clinic,
        root=urls.root_of(urls.stretch_page(stretch.id)),
    )


def files(library: Library) -> dict[str, str]:
    """The list and every stretch's page."""
    stretches = library.stretches
    index = render(
        "index.md.j2",
        library,
        stretches=stretches,
        filters=filters(stretches, library.language),
        page=urls.STRETCHES,
    )
    pages = {urls.index_source(urls.STRETCHES): index}
    for stretch in stretches:
        pages[urls.stretch_source(stretch.id)] = render_stretch(stretch, library)
    return pages
