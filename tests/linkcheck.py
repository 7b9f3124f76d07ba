"""Every internal link, image and anchor in a built site resolves.

Reads the HTML and CSS files that a builder wrote, not its Markdown, so it judges MkDocs' output
and Zensical's alike. External links are not fetched: a test must not need the internet.
Run it on a built site with `python -m tests.linkcheck site`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# A made-up origin the site is resolved under: a link that leaves it is external.
HOST = "http://site.invalid/"
# Attributes that load or point at a URL; srcset holds several.
URL_ATTRIBUTES = {"href", "src", "poster", "xlink:href"}
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:", "sms:")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass(frozen=True)
class Link:
    source: str  # file under the site, e.g. "stretches/cat-cow/index.html"
    line: int
    url: str  # as written in the file


@dataclass(frozen=True)
class Broken:
    link: Link
    reason: str

    def __str__(self) -> str:
        return f"{self.link.source}:{self.link.line}: {self.link.url}: {self.reason}"


class _Page(HTMLParser):
    """The links and anchor targets of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.anchors: set[str] = set()
        self.base = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.anchors.add(value)
            elif name in URL_ATTRIBUTES:
                self.links.append((line, value))
            elif name in {"srcset", "imagesrcset"}:
                self.links += [(line, part.split()[0]) for part in value.split(",") if part.strip()]
            elif name == "style":
                self.links += [(line, url) for _, url in CSS_URL.findall(value)]
        if tag == "base":
            self.base = dict(attrs).get("href") or ""

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.links += [(self.getpos()[0], url) for _, url in CSS_URL.findall(data)]


@cache
def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text("utf-8", errors="replace"))
    page.close()
    return page


def _url_of(site: Path, file: Path) -> str:
    return urljoin(HOST, file.relative_to(site).as_posix())


def _target(site: Path, path: str) -> Path | None:
    """The file a URL path is served from, as a static host serves it, or None."""
    relative = unquote(path).lstrip("/")
    candidate = site / relative
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(site.resolve())
    except ValueError:
        return None  # outside the site
    return candidate if candidate.is_file() else None


def _check(site: Path, link: Link, base: str, site_url: str) -> Broken | None:
    url = link.url.strip()
    if not url or url.lower().startswith(NOT_FETCHED):
        return None
    if site_url and url.startswith(site_url):
        url = HOST + url[len(site_url) :]
    resolved = urlsplit(urljoin(base, url))
    if f"{resolved.scheme}://{resolved.netloc}/" != HOST:
        return None  # external: not fetched
    target = _target(site, resolved.path)
    if target is None:
        return Broken(link, "no such file in the site")
    fragment = unquote(resolved.fragment)
    # "#top" and "#" scroll to the top by the HTML standard; ":~:" is a text fragment.
    if not fragment or fragment == "top" or fragment.startswith(":~:"):
        return None
    if target.suffix == ".html" and fragment not in _parse(target).anchors:
        return Broken(link, f'no element with id "{fragment}" on that page')
    return None


def links_in(site: Path) -> list[tuple[Link, str]]:
    """Every URL written in the site's HTML and CSS files, with the base it resolves against."""
    found: list[tuple[Link, str]] = []
    for file in sorted(site.rglob("*")):
        source = file.relative_to(site).as_posix()
        if file.suffix == ".html":
            page = _parse(file)
            base = urljoin(_url_of(site, file), page.base) if page.base else _url_of(site, file)
            found += [(Link(source, line, url), base) for line, url in page.links]
        elif file.suffix == ".css":
            text = file.read_text("utf-8", errors="replace")
            for match in CSS_URL.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append((Link(source, line, match.group(2)), _url_of(site, file)))
    return found


def broken_links(site: Path, site_url: str = "") -> tuple[list[Broken], int]:
    """The broken internal links of a built site, and how many links were checked.

    site_url: the address the site is published at (mkdocs.yml's site_url), whose absolute
    links count as internal."""
    _parse.cache_clear()  # a site may be rebuilt between two calls
    found = links_in(site)
    problems = [_check(site, link, base, site_url) for link, base in found]
    return [problem for problem in problems if problem], len(found)


def main(argv: list[str]) -> int:
    if len(argv) not in {1, 2} or not Path(argv[0]).is_dir():
        print("usage: python -m tests.linkcheck SITE_FOLDER [SITE_URL]", file=sys.stderr)
        return 2
    broken, checked = broken_links(Path(argv[0]), argv[1] if len(argv) == 2 else "")
    for problem in broken:
        print(problem)
    print(f"{checked} links checked: {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
