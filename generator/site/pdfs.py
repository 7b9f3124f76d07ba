"""`make pdfs`: every stretch page as a PDF of one sheet (one or two pages), in the standard
size and in large print, and the whole library as a booklet.

A step after `mkdocs build`, not a MkDocs plugin: it serves the built site on a local port,
prints each stretch page with headless Chromium (the print stylesheet that Ctrl+P uses), joins
the pages behind a contents page into one booklet, and only then links each stretch page to
its PDF, so a site built without this step has no link to a missing file. It works on a copy
of the site, which replaces site/ only when every PDF is made (generator/site/staging.py).

    python -m generator.site.pdfs [--site site] [--paper A4|Letter]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import base64
import io
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from generator.pages import urls
from generator.pages.environment import environment
from generator.read.languages import english
from generator.read.settings import load_site
from generator.site.secure import secure
from generator.site.staging import staged

CHROMIUM = "/usr/bin/chromium"
# The flags the browser tests use: no sandbox (CI runs as root), nothing fetched from outside.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MOST_PAGES = 2  # one sheet of paper, both sides
_PDF_LINK = re.compile(r'<span class="stretch-pdf-link"[^>]*>.*?</span>', re.DOTALL)
_BOOKLET_LINK = re.compile(r'<p class="sheet-booklet-link"[^>]*>.*?</p>', re.DOTALL)


@dataclass(frozen=True)
class Printed:
    id: str
    name: str
    position: str
    pdf: bytes
    pages: int
    large: bool = False  # printed in large print


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The folder over HTTP on a free local port: directory URLs and fetch() need a server."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def stretch_ids(site: Path) -> list[str]:
    """The stretches the built site has a page for."""
    folder = site / "stretches"
    return sorted(path.parent.name for path in folder.glob("*/index.html"))


def _print_page(page: Any, url: str, paper: str, large: bool) -> tuple[str, str, bytes]:
    page.goto(url, wait_until="networkidle")
    if large:  # as the page's "Print in large type" button does
        page.evaluate("document.documentElement.dataset.print = 'large'")
    page.evaluate("document.fonts.ready")
    # Without site_url the page would print the address it was read from, and here that is a
    # local port that means nothing on paper.
    page.evaluate("document.querySelectorAll('[data-live-address]').forEach(e => e.remove())")
    name = page.locator("h1.stretch-name").inner_text()
    position = page.locator(".stretch-glance dd").first.inner_text()
    pdf = page.pdf(format=paper, print_background=True)
    return name, position, pdf


def print_stretches(
    browser: Any, base: str, ids: list[str], paper: str, large: bool = False
) -> list[Printed]:
    """Each stretch page printed to PDF, in the order of their names."""
    page = browser.new_page()
    printed = []
    for stretch_id in ids:
        name, position, pdf = _print_page(page, f"{base}/{urls.stretch_page(stretch_id)}", paper, large)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        printed.append(Printed(stretch_id, name, position, pdf, pages, large))
    page.close()
    return sorted(printed, key=lambda item: (item.name.casefold(), item.id))


def first_pages(cover_pages: int, printed: list[Printed]) -> list[int]:
    """The booklet page (from 0) each stretch starts on: always a front side (an even index),
    so that printed on both sides each stretch is one sheet of its own."""
    starts, number = [], cover_pages
    for item in printed:
        number += number % 2
        starts.append(number)
        number += item.pages
    return starts


def _cover(browser: Any, printed: list[Printed], config: Path, paper: str) -> bytes:
    """The contents pages; printed twice when their own length moves the page numbers."""
    site, _ = load_site(config, config.as_posix())
    template = environment().get_template("booklet.html.j2")
    page = browser.new_page()
    cover_pages, pdf = 1, b""
    for _ in range(3):
        rows = [
            {"name": item.name, "position": item.position, "page": first + 1}
            for item, first in zip(printed, first_pages(cover_pages, printed), strict=True)
        ]
        html = template.render(  # the English booklet: the English catalog's words
            lang=english(),
            t=english().strings,
            site=site,
            clinic=site.clinic,
            stretches=rows,
            logo_src=_logo_src(site, config),
        )
        page.set_content(html, wait_until="load")
        pdf = page.pdf(format=paper, print_background=True)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        if pages == cover_pages:
            break
        cover_pages = pages
    page.close()
    return pdf


def _logo_src(site: Any, config: Path) -> str:
    """The clinic's logo as a data: address: the cover is set as content, with no address
    of its own for a relative one to start from. settings.py has checked the file."""
    if not site.clinic.logo:
        return ""
    path = config.parent / "docs" / site.clinic.logo
    kind = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"


def booklet(cover: bytes, printed: list[Printed], title: str) -> bytes:
    """The contents, then every stretch from a front side (a blank back before it if need
    be), with a bookmark for each."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover)))
    width, height = writer.pages[0].mediabox.width, writer.pages[0].mediabox.height
    starts = first_pages(len(writer.pages), printed)
    for item, first in zip(printed, starts, strict=True):
        while len(writer.pages) < first:
            writer.add_blank_page(width, height)
        writer.append(PdfReader(io.BytesIO(item.pdf)))
        writer.add_outline_item(title=item.name, page_number=first)
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _replace_first(path: Path, pattern: re.Pattern[str], html: str) -> None:
    """Put html where the page's placeholder (or an earlier run's link) is."""
    text = path.read_text("utf-8")
    path.write_text(pattern.sub(lambda _: html, text, count=1), "utf-8")


def _pages(count: int) -> str:
    return "one page" if count == 1 else f"{count} pages"


def pdf_link(stretch_id: str, page: str, large: bool = False) -> str:
    return urls.file_link(urls.stretch_pdf(stretch_id, large), page)


def link_pdfs(
    site: Path, printed: list[Printed], booklet_pages: int, large: list[Printed] | None = None
) -> None:
    """Give each stretch page its PDF links, and the sheet page the booklet's."""
    large_pages = {item.id: item.pages for item in large or []}
    for item in printed:
        page = urls.stretch_page(item.id)
        html_path = site / page / "index.html"
        link = (
            f'<span class="stretch-pdf-link"><a href="{pdf_link(item.id, page)}" '
            f"download>Download it as a PDF</a> ({_pages(item.pages)})"
        )
        if item.id in large_pages:
            link += (
                f' or <a href="{pdf_link(item.id, page, large=True)}" download>in large print</a>'
                f" ({_pages(large_pages[item.id])})"
            )
        link += "</span>"
        _replace_first(html_path, _PDF_LINK, link)
    sheet = site / urls.SHEET / "index.html"
    if sheet.is_file():
        link = (
            '<p class="sheet-booklet-link">Or print the whole library: '
            f'<a href="{urls.file_link(urls.PDF_BOOKLET, urls.SHEET)}" download>every stretch as one PDF booklet</a> '
            f"({booklet_pages} pages).</p>"
        )
        _replace_first(sheet, _BOOKLET_LINK, link)


def make_pdfs(site: Path, config: Path, paper: str, chromium: str) -> list[Printed]:
    """Print every stretch and the booklet into site/pdf/ and link them; return the stretches."""
    from playwright.sync_api import sync_playwright  # slow to import; only this step needs it

    ids = stretch_ids(site)
    for in_large_print in (False, True):
        folder = (site / urls.stretch_pdf("-", in_large_print)).parent
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.pdf"):
            stale.unlink()
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            printed = print_stretches(browser, base, ids, paper)
            large = print_stretches(browser, base, ids, paper, large=True)
            cover = _cover(browser, printed, config, paper)
        finally:
            browser.close()
    for item in printed + large:
        (site / urls.stretch_pdf(item.id, item.large)).write_bytes(item.pdf)
    site_name = load_site(config, config.as_posix())[0].name
    whole = booklet(cover, printed, site_name)
    (site / urls.PDF_BOOKLET).write_bytes(whole)
    link_pdfs(site, printed, len(PdfReader(io.BytesIO(whole)).pages), large)
    return printed + large


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.site.pdfs", description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--paper", choices=["A4", "Letter"], default="A4")
    parser.add_argument("--chromium", default=CHROMIUM, help="the Chromium to print with")
    arguments = parser.parse_args(argv)
    if not stretch_ids(arguments.site):
        print(f"error: no stretch pages in {arguments.site}/; run make site first", file=sys.stderr)
        return 2
    if not Path(arguments.chromium).exists():
        print(f"error: {arguments.chromium} is missing; run make chromium", file=sys.stderr)
        return 2
    # Into a copy of the site, put in its place only when every PDF and link is made, so the
    # PDFs, the booklet and the links to them appear together or not at all.
    with staged(arguments.site, arguments.config.parent, "make pdfs") as staging:
        new_site = staging.copy_of_site()
        printed = make_pdfs(new_site, arguments.config, arguments.paper, arguments.chromium)
        too_long = [item for item in printed if item.pages > MOST_PAGES]
        if not too_long:
            secure(new_site, load_site(arguments.config, arguments.config.as_posix())[0].url)
            staging.replace_site(new_site)
    for item in too_long:
        print(
            f"warning: {item.name} ({item.id}) printed on {item.pages} pages"
            + (" in large print" if item.large else "")
            + f", more than one sheet ({MOST_PAGES} pages)"
        )
    if too_long:
        print(f"No PDFs were published: {arguments.site}/ was left as it was.", file=sys.stderr)
        return 1
    print(
        f"{len(printed)} stretches printed to {arguments.site}/pdf/ in both print sizes "
        f"({arguments.paper}), with the booklet {arguments.site}/{urls.PDF_BOOKLET}"
    )
    if not load_site(arguments.config, arguments.config.as_posix())[0].url:
        print("note: site_url is not set in mkdocs.yml, so the PDFs show no web address")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
