"""Embeds for clinics' pages: /embed/<id>/ (a standalone page per stretch, for iframes),
/embed/embed.js (sizes those iframes), the /embed/ page that explains them, and the JSON API.

The embed pages are HTML files, not Markdown: MkDocs copies them as they are, so they carry no
theme (header, navigation, search) and stay out of the search index and the sitemap.
"""

from __future__ import annotations

from jinja2 import Environment

from generator.model import Site, Stretch
from generator.pages.api import SCHEMA_PATH, render_api, site_address


def embed_snippet(environment: Environment, stretch: Stretch, site: Site) -> str:
    """The HTML a clinic pastes into its page to show one stretch (plain text, not Markup)."""
    template = environment.get_template("embed-snippet.html.j2")
    return str(template.render(stretch=stretch, site=site)).strip()


def render_embed_page(environment: Environment, stretch: Stretch, site: Site) -> str:
    """The standalone page shown inside a clinic's iframe."""
    root = "../../"
    canonical = (
        site.url + f"stretches/{stretch.id}/" if site.url else f"{root}stretches/{stretch.id}/"
    )
    return environment.get_template("embed.html.j2").render(
        stretch=stretch, site=site, clinic=site.clinic, root=root, canonical=canonical
    )


def render_embeds(environment: Environment, stretches: list[Stretch], site: Site) -> dict[str, str]:
    """Every file under embed/ and api/ (render's environment; `stretches` in the order the API
    lists them), keyed by its path relative to docs/."""
    snippets = {stretch.id: embed_snippet(environment, stretch, site) for stretch in stretches}
    files = {
        "embed/embed.js": environment.get_template("embed.js").render(),
        "embed/index.md": environment.get_template("embed-index.md.j2").render(
            site=site,
            example=stretches[0] if stretches else None,
            example_snippet=next(iter(snippets.values()), ""),
            schema_path=SCHEMA_PATH,
            embed_base=site_address(site, "embed/"),
        ),
    }
    for stretch in stretches:
        files[f"embed/{stretch.id}/index.html"] = render_embed_page(environment, stretch, site)
    files.update(render_api(stretches, site, snippets))
    return files
