"""/tags/ and /tags/<slug>/: every target and piece of equipment, each with its stretches.

Markdown we generate, not a theme plugin's, so they build the same under any
MkDocs-compatible builder."""

from __future__ import annotations

from generator.model import Library
from generator.pages import urls
from generator.pages.environment import render
from generator.pages.finding import collect_tags

FOLDER = "tags"


def files(library: Library) -> dict[str, str]:
    """tags/index.md and one page per tag, each listing its stretches by name."""
    tags = collect_tags(library.stretches)
    index = render("tags-index.md.j2", library, tags=tags, page=urls.TAGS)
    pages = {urls.index_source(urls.TAGS): index}
    for tag in tags:
        page = urls.tag_page(tag.slug)
        pages[urls.tag_source(tag.slug)] = render("tag.md.j2", library, tag=tag, page=page)
    return pages
