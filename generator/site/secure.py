"""After MkDocs: every built page gets its Content Security Policy as its first <meta>
(generator/pages/csp.py), and the site the headers servers send with it.

Hosts that read a `_headers` file (Netlify, Cloudflare Pages) get `site/_headers`; nginx gets
`site/_headers.nginx`, which deploy/nginx.conf includes. The header policy allows every inline
script and style of every page (one header for all of them), each page's <meta> only its own;
a browser enforces both, so each page runs under its own.

Also here, for Material's language switcher: it fetches `sitemap.xml` beside the address of
every <link rel="alternate"> in a page, and where no sitemap is (the oEmbed link, a page's twin
in another language) that is a 404 on every visit. Such a link gets `data-no-sitemap`, and
javascripts/alternates.js hides it from Material while the switcher looks.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from generator.pages import csp, urls

HEADERS = "_headers"
NGINX_HEADERS = "_headers.nginx"
ALTERNATE = re.compile(r"<link\b[^>]*\brel=\"alternate\"[^>]*>", re.IGNORECASE)
HREF = re.compile(r'\bhref="([^"]*)"')
# Security headers every answer carries, beside the policy.
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
# Material names the files under assets/ by their content: a new build gives new names.
ASSETS = "assets"
EMBED = urls.EMBED.strip("/")
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=600"  # ten minutes: an update shows soon


def _page_address(site: Path, page: Path) -> str:
    """The page's address from the site's root: "stretches/cat-cow/index.html"."""
    return page.relative_to(site).as_posix()


def _sitemap_missing(site: Path, page_address: str, href: str, site_url: str) -> bool:
    """Whether Material's `new URL("sitemap.xml", href)` names no file of this site."""
    href = html.unescape(href)
    if site_url and href.startswith(site_url):
        href = "/" + href[len(site_url) :]
    elif urlsplit(href).scheme:
        return False  # another site's page: not ours to judge
    base = "/" + posixpath.dirname(page_address) + "/"
    sitemap = urlsplit(urljoin(urljoin(base, href), "sitemap.xml")).path
    return not (site / sitemap.lstrip("/")).is_file()


def mark_alternates(site: Path, page_address: str, page: str, site_url: str) -> str:
    def mark(link: re.Match[str]) -> str:
        tag = link[0]
        href = HREF.search(tag)
        if "data-no-sitemap" in tag or not href:
            return tag
        if not _sitemap_missing(site, page_address, href[1], site_url):
            return tag
        return tag[:5] + " data-no-sitemap" + tag[5:]

    return ALTERNATE.sub(mark, page)


def _write_if_changed(path: Path, text: str) -> None:
    """Replace, never edit in place: a built file may be a hard link to a source."""
    if path.is_file() and path.read_text("utf-8") == text:
        return
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)


def _rules(folder: Path, prefix: str) -> list[str]:
    """One rule per entry of `folder`; a folder holding an embed/ of its own (another
    language's edition, /es/embed/) is split one level further, so its embeds get theirs."""
    rules = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir() and entry.name != EMBED and (entry / EMBED).is_dir():
            rules += [f"{prefix}{entry.name}/", *_rules(entry, f"{prefix}{entry.name}/")]
        else:
            rules.append(f"{prefix}{entry.name}/*" if entry.is_dir() else f"{prefix}{entry.name}")
    return rules


def headers_file(site: Path, scripts: list[str], styles: list[str]) -> str:
    """`_headers` as Netlify and Cloudflare Pages read it. Both join the values of a header
    that several matching rules set, and two policies joined are both enforced; so no two
    rules match one address: one rule per entry at the top of the site."""
    rules = ["/", *_rules(site, "/")]
    lines = [
        "# Written by `make site` (generator/site/secure.py): the policy of every page's <meta>,",
        "# plus who may frame a page, which only a header can say.",
    ]
    for rule in rules:
        parts = rule.strip("/").split("/")
        ancestors = csp.FRAME_ANCESTORS_EMBED if EMBED in parts else csp.FRAME_ANCESTORS_OTHER
        cache = IMMUTABLE if parts[0] == ASSETS else SHORT_CACHE
        lines.append(rule)
        lines += [f"  {name}: {value}" for name, value in COMMON.items()]
        lines.append(f"  Cache-Control: {cache}")
        lines.append(f"  Content-Security-Policy: {csp.policy(scripts, styles, ancestors)}")
    return "\n".join(lines) + "\n"


def nginx_file(scripts: list[str], styles: list[str]) -> str:
    """Variables deploy/nginx.conf sends as the policy header."""
    embed = csp.policy(scripts, styles, csp.FRAME_ANCESTORS_EMBED)
    other = csp.policy(scripts, styles, csp.FRAME_ANCESTORS_OTHER)
    return (
        "# Written by `make site` (generator/site/secure.py); deploy/nginx.conf includes it.\n"
        f'set $stretches_csp_embed "{embed}";\n'
        f'set $stretches_csp_page "{other}";\n'
    )


# Pages a process secures at the least: below that, starting one costs more than it saves.
PAGES_PER_PROCESS = 500


def _secure_pages(site: Path, site_url: str, paths: list[Path]) -> tuple[set[str], set[str]]:
    """Give each page its policy; the hashes of every inline script and style among them."""
    all_scripts: set[str] = set()
    all_styles: set[str] = set()
    for path in paths:
        address = _page_address(site, path)
        page = path.read_text("utf-8")
        page = csp.with_policy(mark_alternates(site, address, page, site_url))
        scripts, styles = csp.inline_hashes(page)
        all_scripts.update(scripts)
        all_styles.update(styles)
        _write_if_changed(path, page)
    return all_scripts, all_styles


def secure(site: Path, site_url: str = "") -> None:
    """Give every page of the built site its policy; write the header files. The pages are
    shared among processes, one per core: at 1,000 stretches this halves its 2 s."""
    paths = sorted(site.rglob("*.html"))
    cores = len(os.sched_getaffinity(0))  # the cores it may use, as parallel_build counts
    workers = max(1, min(cores, len(paths) // PAGES_PER_PROCESS))
    shares = [paths[worker::workers] for worker in range(workers)]
    if workers == 1:
        found = [_secure_pages(site, site_url, paths)]
    else:
        fork = multiprocessing.get_context("fork")  # each starts with the modules loaded
        with ProcessPoolExecutor(workers, mp_context=fork) as pool:
            found = list(pool.map(_secure_pages, [site] * workers, [site_url] * workers, shares))
    scripts = sorted(set().union(*(scripts for scripts, _ in found)))
    styles = sorted(set().union(*(styles for _, styles in found)))
    _write_if_changed(site / HEADERS, headers_file(site, scripts, styles))
    _write_if_changed(site / NGINX_HEADERS, nginx_file(scripts, styles))
