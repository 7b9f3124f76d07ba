"""/tags/ and /tags/<slug>/: every target and piece of equipment, each with its stretches; a
tag that many stretches have is in pages (pages/paging.py: /tags/<slug>/page/2/ ...).

Markdown we generate, not a theme plugin's, so they build the same under any
MkDocs-compatible builder."""

from __future__ import annotations

from generator.model import Library
from generator.pages import urls
from generator.pages.environment import render
from generator.pages.finding import collect_tags
from generator.pages.paging import pages_of

FOLDER = "tags"


def files(library: Library) -> dict[str, str]:
    """tags/index.md and each tag's pages, each listing its stretches by name: first those
    that work on it, then those that need it."""
    tags = collect_tags(library.stretches)
    index = render("tags-index.md.j2", library, tags=tags, page=urls.TAGS)
    pages = {urls.index_source(urls.TAGS): index}
    for tag in tags:
        listed = [("tag_targets", s) for s in tag.targeted_by]
        listed += [("tag_needs", s) for s in tag.needed_by]
        start = urls.tag_page(tag.slug)
        for source, listing in pages_of(listed, start, urls.tag_source(tag.slug)).items():
            pages[source] = render(
                "tag.md.j2", library, tag=tag, listed=listing, page=listing.address
            )
    return pages
