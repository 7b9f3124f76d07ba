"""Tag pages, the list's filter choices and each stretch page's search keywords: rendered from
the fixture library (one of whose stretches is hostile), and read back from the built site."""

from __future__ import annotations

import dataclasses
import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from generator.model import Library, Site, Stretch
from generator.pages.finding import card_data, collect_tags, filters, search_keywords, tag_slug
from generator.pages.outputs import render_site
from generator.read.load import load_folder
from generator.read.validate import validate

from .helpers import FIXTURES, ROOT


def fixture_stretches() -> list[Stretch]:
    files, problems = load_folder(FIXTURES / "library")
    stretches, problems = validate(files, datetime.date(2026, 11, 26))
    assert problems == []
    return sorted(stretches, key=lambda stretch: stretch.id)


def real_stretches() -> list[Stretch]:
    files, problems = load_folder(ROOT / "content" / "stretches")
    stretches, problems = validate(files, datetime.date.today())
    assert [problem for problem in problems if not problem.is_warning] == []
    return stretches


def front_matter(page: str) -> dict[str, object]:
    _, matter, _ = page.split("---\n", 2)
    values = yaml.safe_load(matter)
    assert isinstance(values, dict)
    return values


class _Links(HTMLParser):
    """Every <a href> of a page, with the classes of the element it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (href, its class, its parent's class)
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append((values["href"] or "", values.get("class") or "", self._inside()))
        if tag not in {"a", "br", "img", "input", "meta", "link"}:
            self._open.append(values.get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag not in {"a", "br", "img", "input", "meta", "link"} and self._open:
            self._open.pop()

    def _inside(self) -> str:
        return " ".join(self._open)


def links_of(html: str) -> list[tuple[str, str, str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("lower back", "lower-back"),
        ("towel or strap", "towel-or-strap"),
        ("child's toy", "childs-toy"),
        ("half-kneeling", "half-kneeling"),
        ("lying on your back", "lying-on-your-back"),
    ],
)
def test_tag_slug(text: str, slug: str) -> None:
    assert tag_slug(text) == slug


def test_every_tag_page_lists_exactly_the_stretches_with_that_tag() -> None:
    stretches = fixture_stretches()
    pages = render_site(Library.of(stretches, Site()))
    tag_pages = {path for path in pages if path.startswith("tags/")}
    texts = {text for stretch in stretches for text in (*stretch.targets, *stretch.equipment)}
    assert tag_pages == {"tags/index.md"} | {f"tags/{tag_slug(text)}.md" for text in texts}
    for text in texts:
        page = pages[f"tags/{tag_slug(text)}.md"]
        listed = set(re.findall(r'href="\.\./\.\./stretches/([a-z0-9-]+)/"', page))
        having = {s.id for s in stretches if text in s.targets or text in s.equipment}
        assert listed == having, text
        assert f"tags/{tag_slug(text)}/" in pages["tags/index.md"].replace('href="', 'href="tags/')


def test_tag_pages_show_author_text_as_typed() -> None:
    pages = render_site(Library.of(fixture_stretches(), Site()))
    page = pages["tags/lower-back.md"]
    assert "Pelvic tilt &lt;b&gt;&amp; &#34;friends&#34;&lt;/b&gt; {{ 7 * 7 }}" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>" not in page and "<b>" not in page
    assert front_matter(page)["title"] == "Lower back"


def test_spellings_with_one_slug_share_a_page_and_index_is_not_a_tag_slug() -> None:
    knee, pelvic = fixture_stretches()[0], fixture_stretches()[1]
    stretches = [
        dataclasses.replace(knee, targets=("back of thigh", "index")),
        dataclasses.replace(pelvic, targets=("back-of-thigh",)),
    ]
    tags = {tag.slug: tag for tag in collect_tags(stretches)}
    assert set(tags) == {"back-of-thigh", "index-tag", "towel-or-strap"}
    assert [stretch.id for stretch in tags["back-of-thigh"].targeted_by] == [knee.id, pelvic.id]
    # The same label whatever the order the files come in.
    assert tags["back-of-thigh"].label == "back of thigh"
    reversed_tags = {tag.slug: tag for tag in collect_tags(list(reversed(stretches)))}
    assert reversed_tags["back-of-thigh"].label == "back of thigh"
    pages = render_site(Library.of(stretches, Site()))
    assert "tags/index-tag.md" in pages and pages["tags/index.md"].startswith("---\ntitle:")


def test_filter_choices_are_what_the_library_has_in_a_stable_order() -> None:
    stretches = real_stretches()
    by_name = {choice_filter.name: choice_filter for choice_filter in filters(stretches)}
    assert list(by_name) == ["position", "equipment", "target", "level"]
    contract_order = [
        "lying on your back",
        "lying on your front",
        "lying on your side",
        "hands and knees",
        "kneeling",
        "sitting",
        "standing",
    ]
    used = [p for p in contract_order if any(s.position == p for s in stretches)]
    assert [c.value for c in by_name["position"].choices] == [p.replace(" ", "-") for p in used]
    equipment = sorted({text for s in stretches for text in s.equipment})
    assert [c.value for c in by_name["equipment"].choices] == ["none"] + [
        tag_slug(text) for text in equipment
    ]
    targets = sorted({text for s in stretches for text in s.targets})
    assert [c.label for c in by_name["target"].choices] == [t.capitalize() for t in targets]
    assert [c.value for c in by_name["level"].choices] == sorted({s.level for s in stretches})
    # No "No equipment" choice when every stretch needs something.
    towel = [dataclasses.replace(s, equipment=("towel",)) for s in stretches]
    assert [c.value for c in filters(towel)[1].choices] == ["towel"]


def test_card_data_and_search_keywords() -> None:
    knee, pelvic = fixture_stretches()
    assert card_data(knee) == {
        "position": "lying-on-your-back",
        "equipment": "none",
        "target": "lower-back buttocks",
        "level": "gentle",
    }
    assert card_data(pelvic)["equipment"] == "towel-or-strap"
    assert search_keywords(knee) == [
        "knee hug",
        "single knee to chest",
        "lower back",
        "buttocks",
        "lying on your back",
        "gentle",
    ]


def test_stretch_page_gives_search_its_keywords_escaped_and_boosted() -> None:
    knee, pelvic = fixture_stretches()
    hostile = ("<img src=x onerror=alert(1)>", 'a "quote", a \\ and 🧘', "child's pose & co")
    stretches = [knee, dataclasses.replace(pelvic, aliases=hostile)]
    pages = render_site(Library.of(stretches, Site()))
    matter = front_matter(pages["stretches/pelvic-tilt.md"])
    assert matter["tags"] == [
        "&lt;img src=x onerror=alert(1)&gt;",
        "a &#34;quote&#34;, a \\ and 🧘",
        "child&#39;s pose &amp; co",
        "lower back",
        "lying on your back",
        "towel or strap",
        "moderate",
    ]
    assert matter["search"] == {"boost": 2}
    assert front_matter(pages["stretches/knee-to-chest.md"])["tags"] == search_keywords(knee)


def test_list_cards_carry_what_the_filters_compare() -> None:
    stretches = fixture_stretches()
    page = render_site(Library.of(stretches, Site()))["stretches/index.md"]
    for stretch in stretches:
        data = " ".join(f'data-{name}="{value}"' for name, value in card_data(stretch).items())
        card = f'<li class="stretch-card" {data}>\n<img class="stretch-card-figure" '
        assert card + f'src="../figures/{stretch.id}.svg#stretch" alt=""' in page
        assert f'<a href="{stretch.id}/">' in page.split(card, 1)[1].split("</li>")[0]
    assert '<form class="stretch-filters"' in page and " hidden " in page.split("<form")[1][:120]
    assert page.count('role="status" aria-live="polite"') == 1


def _page_of(site: Path, href: str, base: str) -> Path:
    address = urljoin(base, href).split("?")[0]
    return site / address.lstrip("/") / "index.html"


def test_built_stretch_pages_link_each_tag_to_a_page_listing_them(built: Path) -> None:
    site = built / "site"
    for stretch in real_stretches():
        base = f"/stretches/{stretch.id}/"
        html = (site / "stretches" / stretch.id / "index.html").read_text("utf-8")
        tags = [(href, cls) for href, cls, inside in links_of(html) if "stretch-tags" in inside]
        assert [href for href, _ in tags] == [
            f"../../tags/{tag_slug(text)}/" for text in (*stretch.equipment, *stretch.targets)
        ]
        for href, cls in tags:
            assert cls == "md-tag"
            tag_page = _page_of(site, href, base).read_text("utf-8")
            listed = [other for other, _, inside in links_of(tag_page) if "stretch-card" in inside]
            assert f"../../stretches/{stretch.id}/" in listed, (stretch.id, href)
        # Position and level link to the list, filtered to stretches like this one.
        glance = [href for href, _, inside in links_of(html) if "stretch-glance" in inside]
        assert f"../../stretches/?position={stretch.position.replace(' ', '-')}" in glance
        assert f"../../stretches/?level={stretch.level}" in glance
