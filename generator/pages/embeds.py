"""Embeds for clinics' pages: /embed/<id>/ (a standalone page per stretch, for iframes),
/embed/embed.js (sizes those iframes) and the /embed/ page that explains them and the API.

The embed pages are HTML files, not Markdown: MkDocs copies them as they are, so they carry no
theme (header, navigation, search) and stay out of the search index and the sitemap.
"""

from __future__ import annotations

from generator.model import Library, Stretch
from generator.pages import csp, urls
from generator.pages.environment import environment, render

FOLDER = "embed"
# The iframe's size before embed.js has measured it, and without JavaScript: the width and
# height that embed-snippet.html.j2 writes.
EMBED_WIDTH, EMBED_HEIGHT = 640, 900


def embed_snippet(stretch: Stretch, library: Library) -> str:
    """The HTML a clinic pastes into its page to show one stretch (plain text, not Markup)."""
    return render("embed-snippet.html.j2", library, stretch=stretch, site=library.site).strip()


def render_embed_page(stretch: Stretch, library: Library) -> str:
    """The standalone page shown inside a clinic's iframe."""
    root = urls.root_of(urls.embed_page(stretch.id))
    page = urls.stretch_page(stretch.id)
    site = library.site
    canonical = site.url + page if site.url else root + page
    html = render(
        "embed.html.j2",
        library,
        stretch=stretch,
        site=site,
        clinic=site.clinic,
        root=root,
        canonical=canonical,
    )
    # Its policy now, not after MkDocs: the built site holds this file as a hard link to it.
    return csp.with_policy(html)


def files(library: Library) -> dict[str, str]:
    """Every file under embed/."""
    stretches, site = library.stretches, library.site
    example = stretches[0] if stretches else None
    files = {
        urls.EMBED_SCRIPT: environment().get_template("embed.js").render(),
        urls.index_source(urls.EMBED): render(
            "embed-index.md.j2",
            library,
            site=site,
            example=example,
            example_snippet=embed_snippet(example, library) if example else "",
            schema_path=urls.API_SCHEMA,
            root=urls.root_of(urls.EMBED),
            embed_base=urls.absolute(site, urls.EMBED),
        ),
    }
    for stretch in stretches:
        files[urls.embed_source(stretch.id)] = render_embed_page(stretch, library)
    return files
