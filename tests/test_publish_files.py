"""The publish path's files, without a server or a browser: the policy each page gets after
MkDocs, the header files, the links Material must not look for a sitemap beside, and the
GitHub Pages workflow."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

import yaml

from generator.pages import csp
from generator.site.nginx import site_config
from generator.site.secure import HEADERS, NGINX_HEADERS, secure

from .helpers import ROOT

PAGE = """<!doctype html>
<html><head>
  <meta charset="utf-8">
  <link rel="alternate" type="application/json+oembed" href="../../api/oembed/a.json">
  <link rel="alternate" hreflang="es" href="../../es/">
  <style>p{color:red}</style>
  <script>var a = 1;</script>
  <script id="__config" type="application/json">{"x": 1}</script>
  <script src="../../assets/x.js"></script>
</head><body><script type="module">import "./m.js";</script></body></html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def make_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "stretches/a").mkdir(parents=True)
    (site / "es").mkdir()
    (site / "assets").mkdir()
    (site / "stretches/a/index.html").write_text(PAGE, "utf-8")
    (site / "es/sitemap.xml").write_text("<urlset/>", "utf-8")
    return site


def meta(page: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert len(found) == 1
    return found[0]


def test_a_page_gets_the_hashes_of_exactly_its_inline_scripts_and_styles(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    secure(site)
    page = (site / "stretches/a/index.html").read_text("utf-8")
    policy = meta(page)
    scripts = sorted([sha("var a = 1;"), sha('import "./m.js";')])
    assert f"script-src 'self' {' '.join(scripts)};" in policy
    assert f"style-src 'self' {sha('p{color:red}')};" in policy
    assert sha('{"x": 1}') not in policy  # data, not a script
    assert "unsafe" not in policy and "frame-ancestors" not in policy
    # First in <head>, right after the charset: a <meta> policy covers only what follows it.
    assert page.index("Content-Security-Policy") < page.index("<link")
    assert page.index('<meta charset="utf-8">') < page.index("Content-Security-Policy")


def test_securing_twice_changes_nothing_and_a_changed_script_changes_the_hash(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path)
    secure(site)
    first = {path: path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
    secure(site)
    assert {path: path.read_bytes() for path in first} == first
    page = site / "stretches/a/index.html"
    page.write_text(page.read_text("utf-8").replace("var a = 1;", "var a = 2;"), "utf-8")
    secure(site)
    assert sha("var a = 2;") in meta(page.read_text("utf-8"))
    assert sha("var a = 1;") not in meta(page.read_text("utf-8"))
    assert sha("var a = 2;") in (site / HEADERS).read_text("utf-8")


def test_a_page_linked_from_a_source_is_replaced_not_edited(tmp_path: Path) -> None:
    """The parts build hard-links generated files into site/: writing through the link
    would change docs/."""
    site = make_site(tmp_path)
    source = tmp_path / "source.html"
    source.write_text(PAGE, "utf-8")
    os.link(source, site / "linked.html")
    secure(site)
    assert source.read_text("utf-8") == PAGE
    assert "Content-Security-Policy" in (site / "linked.html").read_text("utf-8")


def test_only_alternate_links_without_a_sitemap_beside_them_are_marked(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    secure(site, "https://example.org/lib/")
    page = (site / "stretches/a/index.html").read_text("utf-8")
    links = re.findall(r"<link[^>]*>", page)
    oembed = next(link for link in links if "oembed" in link)
    spanish = next(link for link in links if "hreflang" in link)
    assert "data-no-sitemap" in oembed  # api/oembed/sitemap.xml doesn't exist
    assert "data-no-sitemap" not in spanish  # es/sitemap.xml does
    assert 'rel="alternate"' in oembed and 'rel="alternate"' in spanish  # left as written


def test_the_header_files_carry_every_pages_hashes(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    secure(site)
    headers = (site / HEADERS).read_text("utf-8")
    nginx = (site / NGINX_HEADERS).read_text("utf-8")
    for text in (headers, nginx):
        assert sha("var a = 1;") in text and sha("p{color:red}") in text
    rules = [line for line in headers.splitlines() if line.startswith("/")]
    assert rules == ["/", "/assets/*", "/es/*", "/stretches/*"]
    assert "frame-ancestors 'self'" in nginx and "frame-ancestors *" in nginx


def test_the_same_policy_the_generator_gives_embed_pages(tmp_path: Path) -> None:
    assert csp.with_policy(csp.with_policy(PAGE)) == csp.with_policy(PAGE)
    assert csp.with_policy("<p>a fragment</p>") == "<p>a fragment</p>"


def test_the_nginx_configuration_changes_only_its_three_edit_lines(tmp_path: Path) -> None:
    original = (ROOT / "deploy/nginx.conf").read_text("utf-8").splitlines()
    served = site_config(tmp_path, 8123).splitlines()
    changed = [(a, b) for a, b in zip(original, served, strict=True) if a != b]
    assert [b.strip() for _, b in changed] == [
        "listen 127.0.0.1:8123;",
        f"root {tmp_path};",
        f"include {tmp_path / NGINX_HEADERS};",
    ]


WORKFLOW = ROOT / ".github/workflows/pages.yml"
OFFICIAL_PINNED = re.compile(r"actions/[a-z-]+@v\d+\.\d+\.\d+")


def test_the_pages_workflow_builds_with_make_site_and_deploys_site() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert all(OFFICIAL_PINNED.fullmatch(action) for action in uses), uses
    names = [action.split("@")[0] for action in uses]
    assert names == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert any(step.get("run") == "make site" for step in steps)
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "site/"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_a_language_editions_embeds_may_be_framed_too(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (site / "es/embed/a").mkdir(parents=True)
    (site / "es/stretches").mkdir()
    secure(site)
    headers = (site / HEADERS).read_text("utf-8")
    rules = [line for line in headers.splitlines() if line.startswith("/")]
    assert rules == ["/", "/assets/*", "/es/", "/es/embed/*", "/es/sitemap.xml"] + [
        "/es/stretches/*",
        "/stretches/*",
    ]
    blocks = {block.split("\n", 1)[0]: block for block in ("\n" + headers).split("\n/")[1:]}
    assert "frame-ancestors *" in blocks["es/embed/*"]
    assert "frame-ancestors 'self'" in blocks["es/stretches/*"]
