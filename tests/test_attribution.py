"""The content's licence and credit travel with it: every page's footer, the API, the oEmbed
answer, every embed and every printed page, all from one setting (extra.attribution)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.model import Library
from generator.pages import urls
from generator.pages.outputs import render_site
from generator.read.languages import load_languages
from generator.read.settings import load_site

from .helpers import ROOT, fixture_stretches

FORK = """site_name: Stretches
site_url: https://fork.example/back/
extra:
  attribution:
    name: Fork & Sons <Library>
    url: https://fork.example/
"""


def fork_files(tmp_path: Path, config: str = FORK) -> dict[str, str]:
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    site, problems = load_site(tmp_path / "mkdocs.yml", "mkdocs.yml")
    assert problems == []
    return render_site(Library.of(fixture_stretches(), site))


def test_one_setting_credits_the_fork_in_every_output(tmp_path: Path) -> None:
    files = fork_files(tmp_path)
    page = "https://fork.example/back/stretches/knee-to-chest/"
    credit = f"“Knee to chest” from Fork & Sons <Library> ({page}), CC BY 4.0"
    licence = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    library = json.loads(files[urls.API_LIBRARY])
    assert library["license"] == licence
    assert json.loads(files[urls.API_INDEX])["license"] == licence
    one = json.loads(files[urls.api_stretch("knee-to-chest")])
    assert (one["license"], one["attribution"]) == (licence, credit)
    assert one in library["stretches"]
    oembed = json.loads(files[urls.api_oembed("knee-to-chest")])
    assert oembed["author_name"] == "Fork & Sons <Library>"
    assert (oembed["license_url"], oembed["attribution"]) == (licence["url"], credit)
    # The embed's one line names the stretch, links its page (the frame's <base target>
    # opens it outside the frame) and the licence, with the fork's name escaped.
    embed = files[urls.embed_source("knee-to-chest")]
    assert '<base target="_blank">' in embed
    footer = re.search(r'<footer class="from">(.*?)</footer>', embed, re.DOTALL)
    assert footer, "no credit line in the embed"
    assert f'<a href="{page}" rel="noopener">Fork &amp; Sons &lt;Library&gt;</a>' in footer[1]
    assert f'<a href="{licence["url"]}" rel="noopener license">CC BY 4.0</a>' in footer[1]
    printed = "From Fork &amp; Sons &lt;Library&gt; · CC BY 4.0 (https://creativecommons.org/"
    assert printed in files[urls.stretch_source("knee-to-chest")]
    assert printed in files[urls.index_source(urls.SHEET)]


def test_without_the_setting_the_site_name_is_credited(tmp_path: Path) -> None:
    files = fork_files(tmp_path, "site_name: Back Stretches Library\n")
    one = json.loads(files[urls.api_stretch("knee-to-chest")])
    assert one["attribution"] == "“Knee to chest” from Back Stretches Library, CC BY 4.0"
    assert "From Back Stretches Library · CC BY 4.0" in files[urls.stretch_source("knee-to-chest")]


@pytest.mark.parametrize(
    ("attribution", "field", "message"),
    [
        ("[a, b]", "extra.attribution", "expected name and url"),
        ("{who: me}", "extra.attribution.who", "is not a known field"),
        ("{name: 3}", "extra.attribution.name", "expected text"),
        ("{url: 'ftp://x'}", "extra.attribution.url", "must be a web address"),
    ],
)
def test_a_bad_attribution_setting_is_named(
    tmp_path: Path, attribution: str, field: str, message: str
) -> None:
    (tmp_path / "mkdocs.yml").write_text(f"extra:\n  attribution: {attribution}\n", "utf-8")
    _, problems = load_site(tmp_path / "mkdocs.yml", "mkdocs.yml")
    assert [(p.field, message in p.message) for p in problems] == [(field, True)]


def test_the_footer_template_links_the_same_licence() -> None:
    footer = (ROOT / "overrides" / "partials" / "copyright.html").read_text("utf-8")
    link = f'<a href="{urls.CONTENT_LICENCE_URL}" rel="license">{urls.CONTENT_LICENCE}</a>'
    assert link in footer


@pytest.mark.site
def test_every_built_page_names_the_licence_in_its_footer(built: Path) -> None:
    site, _ = load_site(built / "mkdocs.yml", "mkdocs.yml")
    languages, problems = load_languages(built / "content" / "languages")
    assert problems == [] and len(languages) > 1
    # Each edition credits the site by its own name (es/: the Spanish catalog's site_name).
    credited = {
        language.code: site.credit_name or language.text("site_name") for language in languages
    }
    credited["en"] = site.credited
    pages = [path for path in (built / "site").rglob("*.html") if "embed" not in path.parts]
    assert len(pages) > 20
    for path in pages:
        edition = path.relative_to(built / "site").parts[0]
        html = path.read_text("utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect page, which has no footer
        footer = re.search(r'<div class="md-copyright">(.*?)</div>\s*</div>', html, re.DOTALL)
        assert footer, f"{path}: no footer"
        assert f'rel="license">{urls.CONTENT_LICENCE}</a>' in footer[1], path
        assert credited.get(edition, credited["en"]) in footer[1], path
