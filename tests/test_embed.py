"""Embeds and the JSON API: /embed/<id>/ inside another website's page, /embed/embed.js,
/api/*.json and its JSON Schema, and the "Embed this stretch" code on every stretch page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import jsonschema
import pytest
import yaml

from generator.model import Library, Site
from generator.pages.api import INDEX_FIELDS
from generator.pages.environment import environment
from generator.pages.outputs import render_site
from generator.pages.words import dose_in_words, review_in_words
from generator.stretch_schema import stretch_schema

from .helpers import (
    ARTIFACTS,
    CONTENT_HEIGHT,
    FIXTURES,
    copy_project,
    fixture_stretches,
    mkdocs_build,
    real_stretches,
    run,
    serve,
)

MESSAGE = "stretch-embed:height"
HOSTILE = "pelvic-tilt"  # tests/fixtures/library/pelvic-tilt.yaml: hostile on purpose


def read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


class _Elements(HTMLParser):
    """Every element's tag and attributes, and the text of the first <code id=embed-code>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.code: list[str] = []
        self._in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_code = self._in_code or (tag == "code" and ("id", "embed-code") in attrs)

    def handle_endtag(self, tag: str) -> None:
        self._in_code = self._in_code and tag != "code"

    def handle_data(self, data: str) -> None:
        if self._in_code:
            self.code.append(data)


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def snippet_on_page(html: str) -> str:
    """The embed code as a reader copies it from a stretch page (the text, not the markup)."""
    return "".join(elements(html).code)


# --- The API, from the real library's built site -------------------------------------------


def test_api_lists_every_stretch_with_every_field(built: Path) -> None:
    stretches = sorted(real_stretches(), key=lambda stretch: stretch.name.casefold())
    api = read_json(built / "site" / "api" / "stretches.json")
    assert api["version"] == 1
    newest = max(stretch.review.last_reviewed for stretch in stretches)
    assert api["generated"] == newest.isoformat()
    assert [item["id"] for item in api["stretches"]] == [stretch.id for stretch in stretches]
    for stretch, item in zip(stretches, api["stretches"], strict=True):
        assert item["url"] == f"/stretches/{stretch.id}/"  # the real mkdocs.yml has no site_url
        assert item["embed_url"] == f"/embed/{stretch.id}/"
        assert item["name"] == stretch.name and item["steps"] == list(stretch.steps)
        assert item["dose_in_words"] == dose_in_words(stretch.dose)
        assert item["review"]["last_reviewed"] == stretch.review.last_reviewed.isoformat()
        # No clinician has reviewed the library: the API's label says so.
        assert item["review_in_words"] == review_in_words(stretch.review)
        assert item["review_in_words"].startswith("Last updated ")
        assert "Last reviewed" not in json.dumps(item)
        # Every field the file wrote; `path` is where it was read from, not data.
        written = {k for k, v in stretch.__dict__.items() if v not in (None, "") and k != "path"}
        # Anything more must be in the schema (additionalProperties: false), tested below.
        assert set(item) >= {"url", "embed_url", "dose_in_words", "review_in_words", *written}
        one = read_json(built / "site" / "api" / "stretches" / f"{stretch.id}.json")
        assert one == item


def test_api_validates_against_its_published_schema(built: Path) -> None:
    schema = read_json(built / "site" / "api" / "stretches.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    api = read_json(built / "site" / "api" / "stretches.json")
    assert list(validator.iter_errors(api)) == []
    one = {"$ref": "#/$defs/stretch", "$defs": schema["$defs"]}
    for item in api["stretches"]:
        jsonschema.validate(item, one, cls=jsonschema.Draft202012Validator)
    # The schema can fail: a missing field, a count in another shape, an unknown field.
    broken = json.loads(json.dumps(api))
    del broken["stretches"][0]["name"]
    broken["stretches"][1]["dose"]["repetitions"] = "three"
    broken["stretches"][2]["colour"] = "red"
    assert len(list(validator.iter_errors(broken))) == 3


def test_the_index_lists_every_stretch_in_brief_and_matches_its_schema(built: Path) -> None:
    api = read_json(built / "site" / "api" / "stretches.json")
    index = read_json(built / "site" / "api" / "index.json")
    assert index["version"] == api["version"] and index["generated"] == api["generated"]
    brief = [{key: item[key] for key in INDEX_FIELDS} for item in api["stretches"]]
    assert index["stretches"] == brief
    assert set(INDEX_FIELDS) >= {"id", "name", "position", "level"}
    schema = read_json(built / "site" / "api" / "stretches.schema.json")
    validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/index", "$defs": schema["$defs"]})
    assert list(validator.iter_errors(index)) == []
    index["stretches"][0]["steps"] = ["not in the index"]
    assert len(list(validator.iter_errors(index))) == 1


def test_the_schema_describes_every_field_of_a_stretch_file() -> None:
    schema = render_site(Library.of(fixture_stretches(), Site()))["api/stretches.schema.json"]
    stretch = json.loads(schema)["$defs"]["stretch"]
    assert set(stretch_schema()["properties"]) <= set(stretch["properties"])
    assert set(stretch_schema()["required"]) <= set(stretch["required"])


@pytest.mark.parametrize("stretch_id", [HOSTILE, "knee-to-chest"])
def test_a_stretch_file_round_trips_exactly(project: Path, stretch_id: str) -> None:
    """Every field as written in the file (the hostile one too), figures included."""
    assert run("build") == 0
    typed = yaml.safe_load((FIXTURES / "library" / f"{stretch_id}.yaml").read_text("utf-8"))
    typed["review"] = {key: str(value) for key, value in typed["review"].items()}
    item = read_json(project / "docs" / "api" / "stretches" / f"{stretch_id}.json")
    contract = {key: value for key, value in item.items() if key in stretch_schema()["properties"]}
    assert contract == {"aliases": [], "related": [], **typed}
    assert (item["id"], item["url"]) == (stretch_id, f"/stretches/{stretch_id}/")
    assert item["embed_url"] == f"/embed/{stretch_id}/"
    library = read_json(project / "docs" / "api" / "stretches.json")
    assert item in library["stretches"]
    schema = read_json(project / "docs" / "api" / "stretches.schema.json")
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(library)) == []


def test_generated_is_the_newest_review_or_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_site(Library.of(fixture_stretches(), Site()))
    assert first == render_site(Library.of(fixture_stretches(), Site()))  # same input, same bytes
    assert json.loads(first["api/stretches.json"])["generated"] == "2026-11-24"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    api = json.loads(render_site(Library.of(fixture_stretches(), Site()))["api/stretches.json"])
    assert api["generated"] == "2026-01-01"


def test_addresses_are_absolute_only_when_site_url_is_set() -> None:
    site = Site(url="https://clinic.example/back/")
    files = render_site(Library.of(fixture_stretches(), site))
    item = json.loads(files["api/stretches/knee-to-chest.json"])
    assert item["url"] == "https://clinic.example/back/stretches/knee-to-chest/"
    assert item["embed_url"] == "https://clinic.example/back/embed/knee-to-chest/"
    oembed = json.loads(files["api/oembed/knee-to-chest.json"])
    assert oembed["provider_url"] == "https://clinic.example/back/"
    iframe, script = (attrs for tag, attrs in elements(oembed["html"]).elements)
    assert iframe["src"] == item["embed_url"]
    assert script["src"] == "https://clinic.example/back/embed/embed.js"
    page = files["stretches/knee-to-chest.md"]
    assert 'oembed: "https://clinic.example/back/api/oembed/knee-to-chest.json"' in page
    assert "Set site_url" not in files["embed/index.md"]
    unset = render_site(Library.of(fixture_stretches(), Site()))
    assert json.loads(unset["api/oembed/knee-to-chest.json"])["html"].startswith(
        '<iframe src="/embed/knee-to-chest/"'
    )
    assert "Set site_url" in unset["embed/index.md"]


def test_oembed_of_every_stretch(built: Path) -> None:
    for stretch in real_stretches():
        oembed = read_json(built / "site" / "api" / "oembed" / f"{stretch.id}.json")
        assert oembed["version"] == "1.0" and oembed["type"] == "rich"
        assert oembed["title"] == stretch.name
        assert oembed["width"] > 0 and oembed["height"] > 0
        iframe, script = elements(oembed["html"]).elements
        assert iframe == ("iframe", iframe[1]) and iframe[1]["src"] == f"/embed/{stretch.id}/"
        assert iframe[1]["title"] == f"{stretch.name} (from Stretches for lower back pain)"
        assert (iframe[1]["width"], iframe[1]["height"]) == tuple(
            str(oembed[key]) for key in ("width", "height")
        )
        assert script[1]["src"] == "/embed/embed.js"


# --- The stretch page offers the code -------------------------------------------------------


def test_every_stretch_page_offers_its_embed_code_and_oembed_link(built: Path) -> None:
    site = built / "site"
    for stretch in real_stretches():
        page = site / "stretches" / stretch.id / "index.html"
        html = page.read_text("utf-8")
        assert "Embed this stretch" in html
        oembed = read_json(site / "api" / "oembed" / f"{stretch.id}.json")
        assert snippet_on_page(html) == oembed["html"]  # what the reader copies
        head = html[: html.index("</head>")]
        links = [attrs for tag, attrs in elements(head).elements if tag == "link"]
        discovery = [link for link in links if link.get("type") == "application/json+oembed"]
        assert len(discovery) == 1 and discovery[0]["rel"] == "alternate"
        href = urljoin(f"/stretches/{stretch.id}/", discovery[0]["href"] or "")
        assert href == f"/api/oembed/{stretch.id}.json"


@pytest.mark.site
def test_the_hostile_name_is_escaped_in_the_code_and_its_title(project: Path) -> None:
    assert run("build") == 0
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    name = yaml.safe_load((FIXTURES / "library" / f"{HOSTILE}.yaml").read_text())["name"]
    html = (project / "site" / "stretches" / HOSTILE / "index.html").read_text("utf-8")
    snippet = snippet_on_page(html)
    tags = elements(snippet).elements
    assert [tag for tag, _ in tags] == ["iframe", "script"]  # the name adds no element
    assert tags[0][1]["title"] == f"{name} (from Stretches for lower back pain)"
    embed = (project / "site" / "embed" / HOSTILE / "index.html").read_text("utf-8")
    assert [tag for tag, _ in elements(embed).elements].count("script") == 1
    assert "<b>" not in embed and "<img" not in embed and "<svg onload" not in embed


# --- The embed, in Chromium, inside a page of another origin ---------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real library built with site_url set to where it is served, as a clinic sees it."""
    folder = copy_project(tmp_path_factory.mktemp("published"))
    with serve(folder / "site") as url, pytest.MonkeyPatch.context() as patch:
        config = folder / "mkdocs.yml"
        config.write_text(f"site_url: {url}/\n" + config.read_text("utf-8"), "utf-8")
        patch.chdir(folder)
        assert run("build") == 0
        result = mkdocs_build(folder)
        assert result.returncode == 0, result.stderr
        yield url


HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Riverside clinic</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0">
<h1>Riverside clinic: your exercises</h1>
{snippets}
<iframe id="stranger" src="/stranger.html" title="Not a stretch"></iframe>
<script>
  window.seen = [];
  addEventListener("message", (event) => window.seen.push([event.origin, event.data]));
</script>
</body></html>
"""

# A page of the clinic's origin that the tests make claim to be a stretch.
STRANGER = '<!doctype html><meta charset="utf-8"><title>Stranger</title><p>Not a stretch</p>\n'


def fetch_json(url: str) -> Any:
    from urllib.request import urlopen

    with urlopen(url) as response:  # a local server this test started
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def clinic(published: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A clinic's page, served from another origin, embedding two stretches with their code."""
    folder = tmp_path_factory.mktemp("clinic")
    snippets = [
        fetch_json(f"{published}/api/oembed/{stretch_id}.json")["html"]
        for stretch_id in ("cat-cow", "knee-to-chest")
    ]
    (folder / "index.html").write_text(HOST_PAGE.format(snippets="\n".join(snippets)), "utf-8")
    (folder / "stranger.html").write_text(STRANGER, "utf-8")
    with serve(folder) as url:
        yield url


@pytest.fixture
def host(browser: Any, published: str, clinic: str) -> Iterator[Any]:
    """The clinic's page open in Chromium; page.requests_seen logs every request of every frame."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.requests_seen = []
    context.on("request", lambda request: page.requests_seen.append(request.url))
    page.goto(clinic + "/", wait_until="networkidle")
    yield page
    outside = {urlparse(url).netloc for url in page.requests_seen} - {
        urlparse(published).netloc,
        urlparse(clinic).netloc,
    }
    context.close()
    assert outside == set(), "requests left the two origins"


def stretch_frames(page: Any, published: str) -> list[Any]:
    frames = [frame for frame in page.frames if frame.url.startswith(published + "/embed/")]
    assert len(frames) == 2
    return frames


# The content's height measured inside the frame: the bottom of its body, not the viewport.
def settled_heights(page: Any, frame: Any, index: int) -> tuple[int, int]:
    """(the iframe's height on the clinic's page, its content's height), once they agree or
    after 5 s."""
    outer = inner = -1
    for _ in range(100):
        outer = page.evaluate(f"document.querySelectorAll('iframe')[{index}].clientHeight")
        inner = frame.evaluate(CONTENT_HEIGHT)
        if outer == inner:
            break
        page.wait_for_timeout(50)
    return outer, inner


def test_embed_js_sizes_each_frame_to_its_content(host: Any, published: str) -> None:
    heights: dict[int, list[int]] = {}
    for width in (360, 1000, 320):
        host.set_viewport_size({"width": width, "height": 800})
        for index, frame in enumerate(stretch_frames(host, published)):
            outer, inner = settled_heights(host, frame, index)
            assert outer == inner, f"{width} px, frame {index}: iframe {outer}, content {inner}"
            no_scrollbar = """() => document.documentElement.scrollHeight
                <= document.documentElement.clientHeight
              && document.documentElement.scrollWidth <= document.documentElement.clientWidth"""
            assert frame.evaluate(no_scrollbar), f"{width} px: the frame scrolls"
            heights.setdefault(index, []).append(inner)
        ARTIFACTS.mkdir(exist_ok=True)
        host.screenshot(path=ARTIFACTS / f"embed-clinic-{width}.png", full_page=True)
    # A narrower window makes the text wrap, so the frames had to grow: the resizing follows.
    assert all(sizes[0] > sizes[1] for sizes in heights.values()), heights


def test_the_frame_has_no_site_chrome_and_its_links_leave_it(host: Any, published: str) -> None:
    frame = stretch_frames(host, published)[0]
    chrome = "header, nav, input, [role=search], .md-header, .md-sidebar, .md-search, .md-footer"
    assert frame.locator(chrome).count() == 0
    assert frame.locator("h1").inner_text() == "Cat-cow"
    links = frame.evaluate(
        """() => [...document.links].map((a) => [a.href, a.target
             || (document.querySelector("base[target]") || {}).target || "",
             a.relList.contains("noopener")])"""
    )
    assert len(links) >= 3
    for href, target, noopener in links:
        assert target in {"_blank", "_top"}, href
        assert noopener or target == "_top", href
    with host.context.expect_page() as opened:
        frame.get_by_role("link", name="Stretches for lower back pain").click()
    assert opened.value.url == f"{published}/stretches/cat-cow/"
    assert frame.url == f"{published}/embed/cat-cow/"  # the frame itself did not move


def test_messages_from_other_origins_are_ignored(host: Any, published: str, clinic: str) -> None:
    frames = stretch_frames(host, published)
    for index, frame in enumerate(frames):
        assert settled_heights(host, frame, index)[0] > 100
    post = 'parent.postMessage({type: "stretch-embed:height", version: %d, height: %d}, "*")'
    # Each message reaches the page's own listener after embed.js's, so once the page has
    # seen it, embed.js has already dealt with it.
    seen = 0

    def wait_seen() -> None:
        nonlocal seen
        seen += 1
        host.wait_for_function(f"window.seen.length >= {seen}")

    stranger = next(frame for frame in host.frames if frame.url == clinic + "/stranger.html")
    stranger.evaluate(post % (1, 7))  # a frame of another origin
    wait_seen()
    host.evaluate(post.replace("parent.", "") % (1, 7))  # the clinic's page itself
    wait_seen()
    frames[1].evaluate(post % (2, 7))  # the right frame, an unknown version
    wait_seen()
    frames[0].goto(clinic + "/stranger.html")  # the stretch frame, now showing another origin
    frames[0].evaluate(post % (1, 7))
    wait_seen()
    heights = host.evaluate("[...document.querySelectorAll('iframe')].map((f) => f.clientHeight)")
    assert 7 not in heights, heights
    frames[1].evaluate(post % (1, 321))  # and a real message still works
    wait_seen()
    assert host.evaluate("document.querySelectorAll('iframe')[1].clientHeight") == 321


def test_the_embed_is_small_private_and_self_contained(browser: Any, published: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(published + "/embed/knee-to-chest/", wait_until="networkidle")
    fetched = [r for r in responses if not r.url.endswith("/favicon.ico")]
    assert [r.url for r in fetched] == [published + "/embed/knee-to-chest/"]  # nothing else
    script = page.request.get(published + "/embed/embed.js")
    total = sum(len(r.body()) for r in fetched) + len(script.body())
    assert total <= 60_000, f"{total} bytes"
    assert len(script.body()) < 2_000
    assert context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # readable at 320 px
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "embed-320.png", full_page=True)
    context.close()


DARK_BACKGROUND, LIGHT_BACKGROUND = "rgb(30, 33, 41)", "rgb(255, 255, 255)"
DEFAULT_ACCENT = "rgb(11, 92, 138)"


@pytest.mark.parametrize(
    ("scheme", "query", "background", "accent"),
    [
        ("light", "", LIGHT_BACKGROUND, DEFAULT_ACCENT),
        ("dark", "", DARK_BACKGROUND, "rgb(140, 200, 240)"),
        ("dark", "?theme=light", LIGHT_BACKGROUND, DEFAULT_ACCENT),
        ("light", "?theme=dark&accent=ffcc00", DARK_BACKGROUND, "rgb(255, 204, 0)"),
        ("light", "?accent=%23c0392b", LIGHT_BACKGROUND, "rgb(192, 57, 43)"),
        ("light", "?accent=f00", LIGHT_BACKGROUND, "rgb(255, 0, 0)"),
        ("light", "?theme=purple&accent=red", LIGHT_BACKGROUND, DEFAULT_ACCENT),
        ("light", "?accent=f00;background:red", LIGHT_BACKGROUND, DEFAULT_ACCENT),
        ("light", "?accent=12345g", LIGHT_BACKGROUND, DEFAULT_ACCENT),
    ],
)
def test_theme_and_accent_from_the_address(
    browser: Any, published: str, scheme: str, query: str, background: str, accent: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{published}/embed/cat-cow/{query}", wait_until="networkidle")
    style = "(selector) => getComputedStyle(document.querySelector(selector))"
    assert page.evaluate(f"({style})('html').backgroundColor") == background
    assert page.evaluate(f"({style})('.urgent a').color") == accent
    if query == "?theme=dark&accent=ffcc00":
        page.screenshot(path=ARTIFACTS / "embed-dark.png", full_page=True)
    context.close()


def test_every_embed_page_holds_the_whole_stretch(built: Path) -> None:
    from .helpers import visible_text

    search = read_json(built / "site" / "search" / "search_index.json")
    indexed = {doc["location"].split("#")[0] for doc in search["docs"]}
    sitemap = (built / "site" / "sitemap.xml").read_text("utf-8")
    for stretch in real_stretches():
        html = (built / "site" / "embed" / stretch.id / "index.html").read_text("utf-8")
        parsed = elements(html).elements
        canonical = [a for tag, a in parsed if tag == "link" and a.get("rel") == "canonical"]
        address = urljoin(f"/embed/{stretch.id}/", canonical[0]["href"] or "")
        assert address == f"/stretches/{stretch.id}/"
        assert ("meta", {"name": "description", "content": stretch.summary}) in parsed
        assert not [a for tag, a in parsed if tag in {"script", "link", "img"} and a.get("src")]
        assert [a.get("rel") for tag, a in parsed if tag == "link"] == ["icon", "canonical"]
        assert ("link", {"rel": "icon", "href": "data:,"}) in parsed  # no favicon request
        text = visible_text(html)
        for part in [
            stretch.name,
            dose_in_words(stretch.dose),
            stretch.start,
            *stretch.steps,
            stretch.breathing,
            stretch.feel,
            *stretch.stop_if,
            *stretch.ask_first,
            "Talk to a physical therapist",
            "See the warning signs",
            "Last updated",
            "Not yet reviewed by a clinician",
            f"“{stretch.name}” from Stretches for lower back pain · CC BY 4.0",
        ]:
            assert part in text, f"{stretch.id}: {part!r} missing"
        assert "Last reviewed" not in text
        assert f"embed/{stretch.id}/" not in indexed  # not in the site's search
        assert f"/embed/{stretch.id}/" not in sitemap


@pytest.mark.site
def test_the_hostile_stretch_shows_as_typed_in_its_embed(browser: Any, project: Path) -> None:
    assert run("build") == 0
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    typed = yaml.safe_load((FIXTURES / "library" / f"{HOSTILE}.yaml").read_text())
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(project / "site") as url:
        page.goto(f"{url}/embed/{HOSTILE}/", wait_until="networkidle")
        assert page.locator("h1").inner_text() == typed["name"]
        assert page.title().startswith(typed["name"])
        body = page.locator("body").inner_text()
        for text in [
            typed["summary"],
            typed["start"],
            *typed["steps"],
            *typed["stop_if"],
            *typed["ask_first"],
            typed["easier"],
            typed["harder"],
            typed["review"]["reviewer"],
            typed["sources"][0]["title"],
        ]:
            assert text in body
        assert page.locator("img, table, b, i, script[src], svg[onload]").count() == 0
        svgs_outside_figures = (
            "[...document.querySelectorAll('svg')].filter((svg) => !svg.closest('.figures'))"
        )
        assert page.evaluate(svgs_outside_figures + ".length") == 0
        assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []
    context.close()


def test_the_embed_page_explains_embedding_and_the_api(built: Path) -> None:
    html = (built / "site" / "embed" / "index.html").read_text("utf-8")
    for words in ["Embed this stretch", "?theme=dark", "accent", "stretches.json", "oEmbed"]:
        assert words in html
    assert "Set site_url" in html  # the real mkdocs.yml leaves site_url unset
    assert (built / "site" / "api" / "stretches.schema.json").is_file()
    assert environment().get_template("embed.js").render() == (
        built / "site" / "embed" / "embed.js"
    ).read_text("utf-8")


def test_the_copy_button_copies_the_code(browser: Any, site_url: str, built: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(site_url + "/stretches/cat-cow/", wait_until="networkidle")
    page.get_by_text("Embed this stretch").click()
    page.get_by_role("button", name="Copy the code").click()
    oembed = read_json(built / "site" / "api" / "oembed" / "cat-cow.json")
    copied = ""
    for _ in range(50):  # the clipboard fills a moment after the click
        copied = page.evaluate("navigator.clipboard.readText()")
        if copied:
            break
        page.wait_for_timeout(100)
    assert copied == oembed["html"]
    page.locator("details.stretch-embed").screenshot(path=ARTIFACTS / "embed-this-stretch.png")
    context.close()
