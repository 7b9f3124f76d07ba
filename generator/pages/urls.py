"""Every address the site has, in one place: the page a reader opens (`stretch_page`, ending
in "/"), the file under docs/ that makes it (`stretch_source`), and the files clinics and
scripts fetch (API, oEmbed, figures). Addresses here are relative to the site's root; a
template puts its page's `root` ("../../") or the site's address before them. A language
prefix or a new kind of page is a change here, and templates and the parts build follow.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re

from generator.model import Site

STRETCHES = "stretches/"
STRETCH_SOURCE = re.compile(r"stretches/(?!index\.md$)([^/]+)\.md")
# The list's data for its filters, when the list spans several pages (pages/stretch_pages.py).
LIST_CARDS = "stretches/cards.json"
TAGS = "tags/"
SHEET = "sheet/"
EMBED = "embed/"
EMBED_SCRIPT = "embed/embed.js"
URGENT_HELP = "urgent-help/"
# The content's licence (LICENSE-content); the code is MIT (LICENSE).
CONTENT_LICENCE = "CC BY 4.0"
CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# Text hand-written pages include (pymdownx.snippets); not a page of the site.
URGENT_SIGNS_SNIPPET = "snippets/urgent-signs.html"
API_LIBRARY = "api/stretches.json"
# /api/index.json: enough of every stretch to list and choose it, for pages that then load only
# the chosen ones (/api/stretches.json is 3 KB a stretch: 33 MB at 10,000).
API_INDEX = "api/index.json"
API_SCHEMA = "api/stretches.schema.json"
API_STRETCHES = "api/stretches/"
# The browser libraries the site ships (pages/vendor.py copies them from node_modules/).
VENDOR = "vendor/"
QR_LIBRARY = "vendor/lean-qr/index.js"
QR_SVG = "vendor/lean-qr/extras/svg.js"
# The browser scripts' interface strings in the page's language (pages/script_words.py).
SCRIPT_WORDS = "words/interface.js"
# What `make pdfs` adds to the built site (site/pdfs.py): each stretch as a PDF in both print
# sizes, and the whole library as one booklet.
PDF_BOOKLET = "pdf/stretches.pdf"


def stretch_pdf(stretch_id: str, large: bool = False) -> str:
    return f"pdf/{'large-print' if large else 'stretches'}/{stretch_id}.pdf"


def file_link(address: str, page: str) -> str:
    """A file's address as a link from the page at `page`: file_link("pdf/a.pdf", "sheet/")
    -> "../pdf/a.pdf"."""
    return posixpath.relpath(address, page)


def slug(text: str) -> str:
    """ "Child's pose" -> "childs-pose", "Towel or strap" -> "towel-or-strap": how a name
    becomes a file name and an address."""
    folded = text.casefold().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def stretch_page(stretch_id: str) -> str:
    return f"{STRETCHES}{stretch_id}/"


def list_page(start: str, number: int) -> str:
    """Page `number` of a long list at `start` ("stretches/", "tags/lower-back/"): the first
    is `start` itself, the others start + "page/2/" ... (no stretch id or tag has a "/")."""
    return start if number == 1 else f"{start}page/{number}/"


def later_page_source(start: str, number: int) -> str:
    """The Markdown file of page `number` (from 2) of the list at `start`."""
    return f"{start}page/{number}.md"


def stretch_source(stretch_id: str) -> str:
    return f"{STRETCHES}{stretch_id}.md"


def stretch_of_source(source: str) -> str | None:
    """The id of the stretch whose page `source` (a path under docs/) is, else None."""
    match = STRETCH_SOURCE.fullmatch(source)
    return match[1] if match else None


def tag_page(tag_slug: str) -> str:
    return f"{TAGS}{tag_slug}/"


def tag_source(tag_slug: str) -> str:
    return f"{TAGS}{tag_slug}.md"


def embed_page(stretch_id: str) -> str:
    return f"{EMBED}{stretch_id}/"


def embed_source(stretch_id: str) -> str:
    return f"{EMBED}{stretch_id}/index.html"


def figure_file(stretch_id: str) -> str:
    return f"figures/{stretch_id}.svg"


def api_stretch(stretch_id: str) -> str:
    return f"{API_STRETCHES}{stretch_id}.json"


def api_oembed(stretch_id: str) -> str:
    return f"api/oembed/{stretch_id}.json"


# Material fetches sitemap.xml beside the address of every <link rel="alternate"> in a page's
# head (to map the page's other languages); a stretch page's is its oEmbed answer. An empty
# sitemap there answers that request instead of a 404.
API_OEMBED_SITEMAP = "api/oembed/sitemap.xml"


def index_source(address: str) -> str:
    """The Markdown file of a folder's own page: "sheet/" -> "sheet/index.md"."""
    return f"{address}index.md"


def root_of(address: str) -> str:
    """The way back to the site's root from a page: "stretches/knee-to-chest/" -> "../../"."""
    return "../" * address.count("/")


def relative(address: str, page: str) -> str:
    """`address` as a link from the page at `page`: relative("stretches/a/", "stretches/")
    -> "a/"."""
    return posixpath.relpath(address, page) + "/"


def absolute(site: Site, address: str) -> str:
    """An address of this site: absolute when site_url is set, else from the root ("/...").
    A language's Site has its own prefix in both (see `language_site`)."""
    return (site.url or site.base) + address


# The source language's pages sit at the site's root; every other language's under /<code>/.
SOURCE_LANGUAGE = "en"


def language_root(code: str) -> str:
    """Where a language's pages start, from the site's root: "" for English, "es/"."""
    return "" if code == SOURCE_LANGUAGE else f"{code}/"


def language_site(site: Site, code: str, name: str) -> Site:
    """The site as a language's pages see it: its own name, and addresses under its prefix."""
    prefix = language_root(code)
    if not prefix:
        return site
    url = site.url + prefix if site.url else ""
    return dataclasses.replace(site, name=name, url=url, base=site.base + prefix)


def up_to_source(code: str) -> str:
    """From a language's root to the site's root: "" for English, "../" for Spanish."""
    return root_of(language_root(code))


def in_other_language(address: str, code: str, other: str) -> str:
    """The same page in language `other`, as a link from the page at `address` of language
    `code`: from "stretches/a/" in English, Spanish is "../../es/stretches/a/"."""
    up = root_of(address) + ("../" if language_root(code) else "")
    return up + language_root(other) + address
