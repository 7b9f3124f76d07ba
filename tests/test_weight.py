"""Weight gate: pages stay light enough for old phones on slow connections.

A stretch page's HTML is at most 40 KB (1 KB = 1,000 bytes, the stricter reading). An embed page,
loaded in a clinic's iframe, is at most 60 KB in total: the page and everything it loads, as
the browser fetched it from our test server, which doesn't compress (so a real host that
gzips sends less). Each test prints its numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .helpers import ROOT, serve

STRETCH_HTML_BUDGET = 40_000
EMBED_TRANSFER_BUDGET = 60_000


def transfer_sizes(browser: Any, url: str) -> dict[str, int]:
    """Bytes each URL cost when a fresh browser (empty cache) opened url: body and headers."""
    context = browser.new_context()
    page = context.new_page()
    finished: list[Any] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    sizes = {}
    for request in finished:
        size = request.sizes()
        sizes[request.url] = size["responseBodySize"] + size["responseHeadersSize"]
    context.close()
    return sizes


def _table(rows: list[tuple[str, int]], budget: int) -> str:
    lines = [f"  {size / 1000:6.1f} KB  {name}" for name, size in rows]
    return "\n".join(
        [
            *lines,
            f"  budget {budget / 1000:.0f} KB, largest {max(s for _, s in rows) / 1000:.1f} KB",
        ]
    )


def test_every_stretch_page_is_at_most_40_kb_of_html(built: Path, capsys) -> None:
    pages = sorted((built / "site" / "stretches").glob("*/index.html"))
    stretch_ids = {path.stem for path in (ROOT / "content" / "stretches").glob("*.yaml")}
    assert stretch_ids <= {page.parent.name for page in pages}
    sizes = [(page.parent.name, page.stat().st_size) for page in pages]
    with capsys.disabled():
        print(f"\nstretch page HTML ({len(pages)} pages):\n" + _table(sizes, STRETCH_HTML_BUDGET))
    assert [(name, size) for name, size in sizes if size > STRETCH_HTML_BUDGET] == []


def test_every_embed_page_is_at_most_60_kb_in_total(browser, built: Path, site_url, capsys) -> None:
    pages = sorted((built / "site" / "embed").glob("*/index.html"))
    assert pages, "no embed pages: the contract promises /embed/<id>/"
    totals = []
    for page in pages:
        sizes = transfer_sizes(browser, f"{site_url}/embed/{page.parent.name}/")
        assert f"{site_url}/embed/{page.parent.name}/" in sizes
        totals.append((page.parent.name, sum(sizes.values())))
    with capsys.disabled():
        print(
            f"\nembed page total transfer ({len(pages)} pages, page + everything it loads):\n"
            + _table(totals, EMBED_TRANSFER_BUDGET)
        )
    assert [(name, total) for name, total in totals if total > EMBED_TRANSFER_BUDGET] == []


def test_the_total_counts_everything_a_page_loads(browser, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>Heavy</title><link rel="stylesheet" href="style.css">'
        '<img src="picture.svg" alt="A picture"><script src="app.js"></script>'
    )
    (tmp_path / "style.css").write_text("p { color: black; }\n" * 1000)  # 20,000 bytes
    (tmp_path / "picture.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">' + " " * 30_000 + "</svg>"
    )
    (tmp_path / "app.js").write_text("// " + "x" * 20_000)
    with serve(tmp_path) as url:
        sizes = transfer_sizes(browser, url + "/")
    assert set(sizes) == {url + "/", url + "/style.css", url + "/picture.svg", url + "/app.js"}
    assert sizes[url + "/style.css"] > 20_000
    assert sum(sizes.values()) > EMBED_TRANSFER_BUDGET
