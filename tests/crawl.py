"""Visit every page of a built site in Chromium, as readers do, and record what each visit did.

One crawl serves two gates: the accessibility test reads each visit's axe-core violations and
the privacy test reads its request log. Pages are found in the built site itself, so a page
that a later change adds is checked without editing any test.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT

# WCAG 2.0 and 2.1, levels A and AA: what the accessibility gate promises; and axe-core's
# best practices, which Lighthouse's accessibility audit also runs (its aria-dialog-name
# found Material's unnamed search dialog, a rule the WCAG tags leave out).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_TAGS = [*WCAG_TAGS, "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
# Each frame records what its Content Security Policy blocked, before any of its scripts run.
RECORD_CSP_VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
  + ` at ${event.sourceFile}:${event.lineNumber}`));"""
SCHEMES = ("light", "dark")
WIDTHS = (375, 1280)  # an old phone, a laptop
HEIGHT = {375: 812, 1280: 900}
# The Material scheme each OS preference must end up applied to <body>.
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
NO_REQUEST = ("data:", "blob:", "about:")
# Material fades colours when it switches scheme, and its header title when the page
# scrolls; axe must read the colours they end on. Two frames first, so that transitions a
# scroll or resize starts have started; then wait for every one that ends.
SETTLE = """new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)))
  .then(() => Promise.all(document.getAnimations()
    .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
    .map(animation => animation.finished.catch(() => null))))"""
SCROLL_TO_END = "window.scrollTo(0, document.documentElement.scrollHeight)"
EAGER = "document.querySelectorAll('[loading=lazy]').forEach(e => { e.loading = 'eager' })"


@dataclass(frozen=True)
class Variant:
    scheme: str
    width: int

    def __str__(self) -> str:
        return f"{self.scheme} {self.width}px"


VARIANTS = tuple(Variant(scheme, width) for scheme in SCHEMES for width in WIDTHS)


@dataclass
class Visit:
    path: str
    variant: Variant
    status: int
    applied_scheme: str | None  # <body data-md-color-scheme>, None on pages without Material
    violations: list[dict[str, Any]]
    csp_violations: list[str] = field(default_factory=list)


@dataclass
class Crawl:
    origin: str
    visits: list[Visit] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (page path, URL)
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (page path, text)
    seconds: float = 0.0

    def outside_requests(self) -> list[tuple[str, str]]:
        """Requests that left the site's origin, with the page that was open."""
        return [
            (path, url)
            for path, url in self.requests
            if not url.startswith(NO_REQUEST) and origin_of(url) != self.origin
        ]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def page_paths(site: Path) -> list[str]:
    """The URL path of every HTML file under site/: each is a page a reader can open.

    404.html is included: a static host shows it for every mistyped address."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        paths.append("/" + relative)
    return paths


def violation_lines(visit: Visit) -> list[str]:
    """One readable line per element that breaks a rule."""
    return [
        f"{visit.path} ({visit.variant}): {violation['id']}: {node['target']}: "
        + " ".join(node.get("failureSummary", "").split())
        for violation in visit.violations
        for node in violation["nodes"]
    ]


class _RequestLog:
    """Every URL the browser asked for, with the page that was open at the time."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        self.entries = entries
        self.path = ""

    def request(self, request: Any) -> None:
        self.entries.append((self.path, request.url))

    def websocket(self, socket: Any) -> None:
        self.entries.append((self.path, socket.url))

    def console(self, errors: list[tuple[str, str]]) -> Any:
        def record(message: Any) -> None:
            if message.type == "error":
                errors.append((self.path, message.text))

        return record


def _block_outside(origin: str) -> Any:
    """A route handler: requests to our origin go ahead; any other is logged and aborted,
    so a test run never reaches the internet."""

    def handle(route: Any) -> None:
        if origin_of(route.request.url) == origin:
            route.continue_()
        else:
            route.abort()

    return handle


def _check_open_page(page: Any, path: str, variant: Variant, status: int) -> Visit:
    """Run axe-core's WCAG 2.1 A and AA rules and best practices on the page open in the
    browser; collect what its policy blocked."""
    page.set_viewport_size({"width": variant.width, "height": HEIGHT[variant.width]})
    # Lazy images and frames load now, so they show in the request log: made eager (which
    # starts them at once), and the page scrolled down and back up for any that load on view.
    page.evaluate(EAGER)
    page.evaluate(SCROLL_TO_END)
    page.evaluate(SETTLE)
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate(SETTLE)
    applied = page.evaluate("document.body && document.body.dataset.mdColorScheme || null")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)  # from the installed package: no request
    violations = page.evaluate("options => axe.run(options).then(r => r.violations)", AXE_OPTIONS)
    blocked = [
        line for frame in page.frames for line in frame.evaluate("window.__violations || []")
    ]
    return Visit(path, variant, status, applied, violations, blocked)


def visit_page(page: Any, url: str, path: str, variant: Variant) -> Visit:
    """Open one page at one width and run axe-core on it."""
    page.set_viewport_size({"width": variant.width, "height": HEIGHT[variant.width]})
    response = page.goto(url + path, wait_until="load")
    return _check_open_page(page, path, variant, response.status if response else 0)


def visit_at_every_width(page: Any, url: str, path: str, scheme: str) -> list[Visit]:
    """Open a page on the narrowest screen, then widen it, as a reader turns a phone: the page
    is laid out afresh, and the browser fetches any larger image a srcset offers."""
    first = visit_page(page, url, path, Variant(scheme, WIDTHS[0]))
    wider = [Variant(scheme, width) for width in WIDTHS[1:]]
    return [first, *(_check_open_page(page, path, variant, first.status) for variant in wider)]


def crawl_site(browser: Any, site: Path, url: str) -> Crawl:
    """Every page in every variant: each colour scheme in a context of its own, because
    Material stores the scheme it first applies and reuses it on every later page."""
    crawl = Crawl(origin=origin_of(url))
    paths = page_paths(site)
    started = time.monotonic()
    for scheme in SCHEMES:
        context = browser.new_context(color_scheme=scheme)
        context.route("**/*", _block_outside(crawl.origin))
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        page = context.new_page()
        log = _RequestLog(crawl.requests)
        context.on("request", log.request)
        page.on("websocket", log.websocket)
        page.on("console", log.console(crawl.console_errors))
        for path in paths:
            log.path = path
            crawl.visits += visit_at_every_width(page, url, path, scheme)
        page.wait_for_load_state("networkidle")
        context.close()
    crawl.seconds = time.monotonic() - started
    return crawl
