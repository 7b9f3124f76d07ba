"""What a built site ships that others wrote, held against docs/third-party-notices.md.

The notices page lists each third-party part under a `### ` heading with bullet lines:
`- Files:` (globs under site/, in backticks; `*` also matches `/`), `- Package:` (package
names in backticks, a version after one when known) and `- License:` (SPDX ids in backticks).
Its `## License texts` section has one `### ` heading per license, naming the id in backticks.

A file in the site is the project's own when it comes from docs/ (a copy, or the page MkDocs
renders from a Markdown file) or is one MkDocs writes from our content (sitemap, search index,
404 page). Everything else is third-party, and so is any file from docs/ that carries a
license header or is a font: each must match a glob of the notices page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from generator.site.secure import HEADERS, NGINX_HEADERS

NOTICES = "third-party-notices.md"
LANGUAGES = Path(__file__).resolve().parent.parent / "content" / "languages"
# What MkDocs writes from our own content, not from a file of docs/.
MKDOCS_OUTPUTS = {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}
# What the build writes after MkDocs (generator/site/secure.py): the policy as headers.
OWN_BUILD_OUTPUTS = {HEADERS, NGINX_HEADERS}
# Signs that a script, style sheet or image was written by someone else.
LICENSE_HEADER = re.compile(
    r"@license|@preserve|/\*!|\bcopyright\b|\(c\)\s*\d{4}|SPDX-License-Identifier",
    re.IGNORECASE,
)
HEADER_CHECKED = {".js", ".mjs", ".css", ".svg", ".map"}
FONTS = {".woff", ".woff2", ".ttf", ".otf", ".eot"}
# Material's icon sets (folders of material/templates/.icons) and the packages they come from.
ICON_SET_PACKAGES = {
    "material": "@mdi/svg",
    "octicons": "@primer/octicons",
    "fontawesome": "@fortawesome/fontawesome-free",
    "simple": "simple-icons",
}
BUNDLED_PACKAGE = re.compile(r"node_modules/((?:@[^/]+/)?[^/]+)/")
SVG_PATH = re.compile(r"""<path[^>]*?\sd=(["'])(.+?)\1""", re.DOTALL)
TICKED = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Part:
    """One third-party part of the notices page."""

    name: str
    files: tuple[str, ...]
    packages: dict[str, str]  # package name -> version as written ("" when none)
    licenses: tuple[str, ...]


@dataclass(frozen=True)
class Notices:
    parts: tuple[Part, ...]
    license_texts: frozenset[str]

    def packages(self) -> set[str]:
        return {package for part in self.parts for package in part.packages}


def read_notices(text: str) -> Notices:
    """The parts and license texts of the notices page's Markdown."""
    listed, _, texts = text.partition("\n## License texts")
    parts = []
    for section in re.split(r"^### ", listed, flags=re.MULTILINE)[1:]:
        name, _, body = section.partition("\n")
        fields = dict(re.findall(r"^- (Files|Package|License):(.*(?:\n  .*)*)", body, re.M))
        packages = {
            match[1]: match[2] or ""
            for match in re.finditer(r"`([^`]+)`(?:,?\s+(\d[\w.]*))?", fields.get("Package", ""))
        }
        parts.append(
            Part(
                name.strip(),
                tuple(TICKED.findall(fields.get("Files", ""))),
                packages,
                tuple(TICKED.findall(fields.get("License", ""))),
            )
        )
    headings = re.findall(r"^### .*$", texts, flags=re.MULTILINE)
    license_texts = frozenset(tick for line in headings for tick in TICKED.findall(line))
    return Notices(tuple(parts), license_texts)


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def own_files(docs: Path) -> set[str]:
    """The site paths that docs/ makes: its files copied, and its Markdown rendered."""
    own = set(MKDOCS_OUTPUTS) | OWN_BUILD_OUTPUTS
    for path in docs.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(docs).as_posix()
        if path.suffix != ".md":
            own.add(relative)
        elif path.name == "index.md":
            own.add(relative.removesuffix("index.md") + "index.html")
        else:
            own.add(relative.removesuffix(".md") + "/index.html")
    return own


def _looks_third_party(path: Path) -> bool:
    if path.suffix in FONTS:
        return True
    if path.suffix not in HEADER_CHECKED:
        return False
    return bool(LICENSE_HEADER.search(path.read_text(errors="replace")[:4000]))


@cache  # asked once for every file of the site
def _editions() -> set[str]:
    """The folders of the other language editions (site/<code>/), one per catalog."""
    return {path.stem for path in LANGUAGES.glob("*.yaml")} - {"en"}


def _names(file: str) -> list[str]:
    """A site file's path, and for a language edition's copy (es/assets/...) the English
    path it repeats, which the notices and MkDocs' own outputs name once."""
    edition, _, rest = file.partition("/")
    return [file, rest] if edition in _editions() else [file]


def _covered(file: str, notices: Notices) -> bool:
    return any(
        fnmatchcase(name, glob)
        for name in _names(file)
        for part in notices.parts
        for glob in part.files
    )


def unlisted_files(site: Path, docs: Path, notices: Notices) -> list[str]:
    """Third-party files the site ships that no part of the notices covers."""
    own = own_files(docs)
    return [
        file
        for file in site_files(site)
        if not _covered(file, notices)
        and (own.isdisjoint(_names(file)) or _looks_third_party(site / file))
    ]


def unshipped_globs(site: Path, notices: Notices) -> list[str]:
    """Globs of the notices that match no file of the site: parts no longer shipped."""
    files = site_files(site)
    return [
        f"{part.name}: {glob}"
        for part in notices.parts
        for glob in part.files
        if not any(fnmatchcase(file, glob) for file in files)
    ]


def bundled_packages(site: Path) -> dict[str, str]:
    """Every npm package a shipped source map says its bundle holds -> the first map naming it."""
    found: dict[str, str] = {}
    for source_map in sorted(site.rglob("*.map")):
        sources = json.loads(source_map.read_text()).get("sources", [])
        for source in sources:
            match = BUNDLED_PACKAGE.search(source)
            if match:
                found.setdefault(match[1], source_map.relative_to(site).as_posix())
    return found


@cache
def _icon_sets(icons: Path) -> dict[str, str]:
    """Every path of Material's icons -> the icon set it belongs to."""
    sets: dict[str, str] = {}
    for svg in sorted(icons.rglob("*.svg")):
        icon_set = svg.relative_to(icons).parts[0]
        for match in SVG_PATH.finditer(svg.read_text()):
            sets.setdefault(match[2], icon_set)
    return sets


def icon_sets_used(site: Path, icons: Path) -> dict[str, str]:
    """Each of Material's icon sets the site's pages and style sheets hold -> a file holding it."""
    sets = _icon_sets(icons)
    used: dict[str, str] = {}
    for file in sorted([*site.rglob("*.html"), *site.rglob("*.css")]):
        for match in SVG_PATH.finditer(file.read_text(errors="replace")):
            icon_set = sets.get(match[2])
            if icon_set:
                used.setdefault(icon_set, file.relative_to(site).as_posix())
    return used


def unlisted_packages(site: Path, notices: Notices) -> dict[str, str]:
    """Packages inside a shipped bundle that no part names -> the source map naming each."""
    listed = notices.packages()
    return {p: where for p, where in bundled_packages(site).items() if p not in listed}


def unlisted_icon_sets(site: Path, icons: Path, notices: Notices) -> dict[str, str]:
    """Icon sets the site holds whose package no part names -> a file holding each."""
    listed = notices.packages()
    used = icon_sets_used(site, icons).items()
    return {s: where for s, where in used if ICON_SET_PACKAGES.get(s, s) not in listed}


def licenses_without_text(notices: Notices) -> list[str]:
    """Licenses a part names that the page gives no text of."""
    named = {license for part in notices.parts for license in part.licenses}
    return sorted(named - notices.license_texts)
