"""deploy/nginx.conf on Debian's nginx, serving the real built site: every header and status
the configuration promises, read from the server's answers."""

from __future__ import annotations

import gzip
import http.client
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.pages import csp
from generator.site.nginx import serve as serve_nginx
from generator.site.secure import HEADERS, NGINX_HEADERS, headers_file, secure

YEAR = 31536000


def fetch(base: str, path: str, gzip_ok: bool = False) -> http.client.HTTPResponse:
    """One request, redirects not followed, the body read."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def directives(policy: str) -> dict[str, list[str]]:
    found = {}
    for part in policy.split(";"):
        name, *values = part.split()
        found[name] = values
    return found


def meta_policy(page: str) -> str:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert found, "the page has no policy <meta>"
    return found[1]


PAGES = ["/", "/stretches/", "/stretches/cat-cow/", "/tags/lower-back/", "/sheet/", "/urgent-help/"]


@pytest.mark.parametrize("path", [*PAGES, "/embed/cat-cow/"])
def test_each_page_has_the_security_headers(nginx_url: str, path: str) -> None:
    response = fetch(nginx_url, path)
    assert response.status == 200
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"
    policy = directives(response.getheader("Content-Security-Policy") or "")
    # Only our own origin; no inline code but by hash; nothing evaluated from strings.
    for name in ("script-src", "style-src", "connect-src", "font-src"):
        assert policy[name][0] == "'self'", name
        assert all(value.startswith("'sha256-") for value in policy[name][1:]), name
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["default-src"] == ["'none'"]
    assert not {"'unsafe-inline'", "'unsafe-eval'"} & {v for vs in policy.values() for v in vs}
    ancestors = ["*"] if path.startswith("/embed/") else ["'self'"]
    assert policy["frame-ancestors"] == ancestors
    # The header allows what the page's own <meta> allows (a browser enforces both).
    page_policy = directives(meta_policy(response.body.decode()))  # type: ignore[attr-defined]
    assert "frame-ancestors" not in page_policy  # a <meta> can't say it; browsers warn
    for name, values in page_policy.items():
        assert set(values) <= set(policy[name]), name
    assert response.getheader("Cache-Control") == "public, max-age=600"


def test_assets_are_cached_for_a_year_and_the_rest_briefly(nginx_url: str, built: Path) -> None:
    bundle = next((built / "site/assets/javascripts").glob("bundle.*.min.js")).name
    asset = fetch(nginx_url, f"/assets/javascripts/{bundle}")
    assert asset.status == 200
    assert asset.getheader("Cache-Control") == f"public, max-age={YEAR}, immutable"
    assert asset.getheader("X-Content-Type-Options") == "nosniff"
    for path in ("/api/stretches.json", "/embed/embed.js", "/javascripts/filters.js"):
        assert fetch(nginx_url, path).getheader("Cache-Control") == "public, max-age=600", path


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/stretches/cat-cow/", "text/html"),
        ("/stylesheets/extra.css", "text/css"),
        ("/javascripts/filters.js", "application/javascript"),
        ("/api/stretches.json", "application/json"),
        ("/figures/cat-cow.svg", "image/svg+xml"),
    ],
)
def test_text_is_gzipped(nginx_url: str, built: Path, path: str, kind: str) -> None:
    response = fetch(nginx_url, path, gzip_ok=True)
    assert response.status == 200
    assert (response.getheader("Content-Type") or "").startswith(kind)
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in (response.getheader("Vary") or "")
    file = built / "site" / path.lstrip("/")
    original = (file / "index.html" if path.endswith("/") else file).read_bytes()
    assert gzip.decompress(response.body) == original  # type: ignore[attr-defined]
    # Without Accept-Encoding, the same bytes plainly.
    assert fetch(nginx_url, path).body == original  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["/no-such-page/", "/stretches/no-such-stretch/", "/a.txt"])
def test_a_missing_page_is_the_sites_404_page_with_status_404(
    nginx_url: str, built: Path, path: str
) -> None:
    response = fetch(nginx_url, path)
    assert response.status == 404
    assert response.body == (built / "site/404.html").read_bytes()  # type: ignore[attr-defined]
    assert response.getheader("Content-Security-Policy", "").endswith("frame-ancestors 'self'")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_a_language_editions_embeds_may_be_framed(tmp_path: Path) -> None:
    page = "<!doctype html><html><head><meta charset=utf-8><title>a</title></head></html>"
    for folder in ("es/embed/cat-cow", "pt-br/embed/x", "es/stretches/x", "embedding"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "index.html").write_text(page, "utf-8")
    secure(tmp_path)
    with serve_nginx(tmp_path) as url:
        for path, ancestors in [
            ("/es/embed/cat-cow/", "*"),
            ("/pt-br/embed/x/", "*"),
            ("/es/stretches/x/", "'self'"),
            ("/embedding/", "'self'"),
        ]:
            response = fetch(url, path)
            assert response.status == 200, path
            policy = response.getheader("Content-Security-Policy") or ""
            assert policy.endswith(f"frame-ancestors {ancestors}"), path


@pytest.mark.parametrize("path", ["/stretches/cat-cow", "/stretches", "/embed/cat-cow", "/tags"])
def test_a_folder_without_its_slash_redirects_once_to_it(nginx_url: str, path: str) -> None:
    response = fetch(nginx_url, path)
    assert response.status == 301
    assert response.getheader("Location") == path + "/"  # relative: keeps host and port
    assert fetch(nginx_url, path + "/").status == 200  # and no second redirect


def test_folder_and_index_addresses_answer_without_redirecting(nginx_url: str) -> None:
    for path in ("/", "/stretches/cat-cow/", "/stretches/cat-cow/index.html", "/index.html"):
        assert fetch(nginx_url, path).status == 200, path


@pytest.mark.parametrize("path", [f"/{HEADERS}", f"/{NGINX_HEADERS}", "/.hidden"])
def test_files_for_servers_are_not_served(nginx_url: str, path: str) -> None:
    assert fetch(nginx_url, path).status == 404


def test_the_headers_file_sets_one_policy_per_address(built: Path) -> None:
    """Netlify and Cloudflare join the values of matching rules: no two rules may match."""
    text = (built / "site" / HEADERS).read_text("utf-8")
    assert text == headers_file(built / "site", *_all_hashes(built / "site"))
    rules = [line for line in text.splitlines() if line.startswith("/")]
    assert "/" in rules and "/embed/*" in rules and "/assets/*" in rules
    assert "/*" not in rules
    blocks = text.split("\n/")
    embed = next(block for block in blocks if block.startswith("embed/*"))
    assert "frame-ancestors *" in embed and f"max-age={YEAR}" not in embed
    assets = next(block for block in blocks if block.startswith("assets/*"))
    assert f"max-age={YEAR}, immutable" in assets and "frame-ancestors 'self'" in assets
    assert text.count("X-Content-Type-Options: nosniff") == len(rules)


def _all_hashes(site: Path) -> tuple[list[str], list[str]]:
    scripts: set[str] = set()
    styles: set[str] = set()
    for page in site.rglob("*.html"):
        found = csp.inline_hashes(page.read_text("utf-8"))
        scripts.update(found[0])
        styles.update(found[1])
    return sorted(scripts), sorted(styles)
