"""Privacy gate: opening any page of the site makes no request outside the site's own origin
(no fonts, icons, analytics or CDNs), as the browser's own request log shows."""

from __future__ import annotations

from pathlib import Path

from .crawl import crawl_site, page_paths
from .helpers import serve


def test_no_page_requests_anything_from_another_origin(crawl, built: Path) -> None:
    assert crawl.outside_requests() == []
    # The log is real: every page asked our server for itself and its style sheets.
    asked = {url.removeprefix(crawl.origin) for _, url in crawl.requests}
    assert set(page_paths(built / "site")) <= asked
    assert any(url.endswith(".css") for url in asked)


LEAKY_PAGE = """<!doctype html>
<html lang="en"><head><title>Leaky</title>
<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
<script src="https://cdn.example.com/analytics.js"></script>
</head><body><main>
<p style="height: 3000px">Long page.</p>
<img src="https://images.example.net/late.png" alt="Loaded only when scrolled to" loading="lazy">
</main></body></html>
"""


def test_the_gate_sees_fonts_scripts_and_lazy_images_from_elsewhere(
    browser, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text(LEAKY_PAGE)
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / "index.html").write_text("<!doctype html><title>Ours</title><p>Ours.")
    with serve(tmp_path) as url:
        crawl = crawl_site(browser, tmp_path, url)
    outside = {address for _, address in crawl.outside_requests()}
    assert outside == {
        "https://fonts.googleapis.com/css?family=Roboto",
        "https://cdn.example.com/analytics.js",
        "https://images.example.net/late.png",
    }
    assert {page for page, _ in crawl.outside_requests()} == {"/"}
