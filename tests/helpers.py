"""What the tests share besides fixtures: the project's folders, the CLI run as an author runs
it, copies and builds of the project, the libraries the tests read, and one browser setup."""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pypdf import PdfReader

from generator.cli import main
from generator.model import Stretch
from generator.read.load import load_folder
from generator.read.validate import validate

# One server and one set of browser flags for the tests and `make pdfs`.
from generator.site.pdfs import CHROMIUM, CHROMIUM_FLAGS, serve
from support.projects import relink_stretches

__all__ = ["CHROMIUM", "CHROMIUM_FLAGS", "serve"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def link_only_fixture_stretches(docs: Path, library: Path) -> None:
    """Hand-written pages link real stretches the fixture library lacks: point those links at
    its first stretch, so that `mkdocs build --strict` has nothing to warn about."""
    ids = sorted(path.stem for path in library.glob("*.yaml"))
    relink_stretches(docs, lambda linked: linked if linked in ids else ids[0])


def run(*argv: str) -> int:
    """Run `python -m generator ...` in the current folder and return its exit status."""
    return main(list(argv))


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under folder with its bytes and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("stretches"))
    for config in ROOT.glob("mkdocs*.yml"):  # mkdocs.yml and each language's mkdocs.<code>.yml
        shutil.copy(config, target / config.name)
    shutil.copytree(ROOT / "overrides", target / "overrides")  # theme.custom_dir
    return target


def mkdocs_build(folder: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict`, then the same of each other language's mkdocs.<code>.yml
    (into site/<code>/), as `make site` does; the first that fails is the result. Never with
    --quiet: MkDocs then drops its warnings before --strict counts them, and the build passes."""
    result = None
    for config in ["mkdocs.yml", *sorted(p.name for p in folder.glob("mkdocs.*.yml"))]:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config],
            cwd=folder,
            capture_output=True,
            text=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
        )
        if result.returncode != 0:
            break
    assert result is not None
    return result


def fixture_stretches() -> list[Stretch]:
    """The fixture library (tests/fixtures/library), validated as on its review date."""
    files, problems = load_folder(FIXTURES / "library")
    stretches, problems = validate(files, datetime.date(2026, 11, 26))
    assert problems == []
    return stretches


def real_stretches() -> list[Stretch]:
    """The project's own library, validated as of today."""
    files, problems = load_folder(ROOT / "content" / "stretches")
    assert problems == []
    stretches, problems = validate(files, datetime.date.today())
    assert [p for p in problems if not p.is_warning] == []
    return stretches


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in {"script", "style"}

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in {"script", "style"}

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@contextlib.contextmanager
def built_and_watched(browser: Any, project: Path, viewport: dict[str, int]) -> Iterator[Any]:
    """The project generated, built and served, and a page that records every dialog a
    script opens (an injected alert() is how a payload would show it ran)."""
    assert run("build") == 0
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        with serve(project / "site") as url:
            yield page, url, dialogs
    finally:
        context.close()


# ---- Printed PDFs: the text Chromium wrote, with the size it printed at ----


def printed_runs(pdf: bytes) -> list[list[tuple[str, float]]]:
    """Each page's runs of text with the size they print at, in points: the font size times
    the scale of the text and page matrices (Chromium writes sizes in CSS pixels, then
    scales the page)."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[str, float]] = []

        def visit(
            text: str, cm: list[float], tm: list[float], font: Any, size: float, into: Any = runs
        ) -> None:
            if text.strip():
                scale = abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5
                scale *= abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5
                into.append((text, size * scale))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def text_of_runs(runs: list[tuple[str, float]], at_least: float = 0.0) -> str:
    return squashed("".join(text for text, size in runs if size >= at_least - 0.05))


def squashed(text: str) -> str:
    """Text without its spaces: a line broken at "hip-width" prints as "hip-" and "width"."""
    return "".join(text.split())


# ---- Shared by several test modules (no test module imports another) ----


# Material's search worker, given the built index, answering queries as it does for the
# search box (the same worker and index; only the typing and drawing are skipped).
WORKER_SEARCH = """async ([queries]) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const worker = new Worker(new URL(config.search, new URL(config.base, location.href)));
  const index = await (await fetch(new URL("search/search_index.json",
                                           new URL(config.base, location.href)))).json();
  const ask = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {}}});
  const answers = {};
  for (const query of queries) {
    const result = await ask({type: 2, data: query});
    answers[query] = result.data.items.map(group => group[0].location);
  }
  worker.terminate();
  return answers;
}"""


def stretch_id(address: str) -> str:
    """A result's address -> the stretch's id, or the address's path for other pages."""
    path = urlparse(address).path
    match = re.search(r"/stretches/([a-z0-9-]+)/$", path)
    return match.group(1) if match else path


CONTENT_HEIGHT = """() => Math.ceil(document.body.getBoundingClientRect().bottom + scrollY
  + parseFloat(getComputedStyle(document.body).marginBottom))"""


def pdf_pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF with every run of spaces and line breaks made one space."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def print_page(page: Any, url: str, paper: str) -> bytes:
    """The page as Ctrl+P prints it: the CSS page (margins), the paper, no backgrounds."""
    page.goto(url, wait_until="networkidle")
    pdf: bytes = page.pdf(format=paper, prefer_css_page_size=True, print_background=False)
    return pdf


def built_ids(site: Path) -> list[str]:
    return sorted(path.parent.name for path in (site / "stretches").glob("*/index.html"))
