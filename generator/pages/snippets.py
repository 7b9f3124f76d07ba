"""snippets/: text that hand-written pages include with pymdownx.snippets, so that a box on
the home page says what the same box says on paper. It has no address: mkdocs.yml excludes the
folder from the site."""

from __future__ import annotations

from generator.model import Library
from generator.pages import urls
from generator.pages.environment import render

FOLDER = "snippets"


def files(library: Library) -> dict[str, str]:
    """The home page's warning box (docs/index.md sits at the site's root)."""
    text = render("urgent-signs.html.j2", library, box="home", site=library.site, root="")
    return {urls.URGENT_SIGNS_SNIPPET: text}
