"""The site's Content Security Policy: only our own origin, and no inline script or style
except the exact ones a page carries, each allowed by its SHA-256 hash.

Pure text in, text out: the generator puts the policy into the embed pages it writes, and the
step after MkDocs (generator/site/secure.py) into every other built page, and writes the same
policy as headers for servers. A page's <meta> lists its own hashes; a header, which serves
every page, lists every page's.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable

META_NAME = "Content-Security-Policy"
# Browsers run a <script> only without a type or with a JavaScript one; any other type
# (Material's `application/json` settings) is data, and CSP does not apply to it.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.DOTALL | re.IGNORECASE)
TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
OUR_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
# The policy goes first in <head>: a <meta> policy covers only what comes after it.
HEAD_START = re.compile(r"<head\b[^>]*>(\s*<meta charset=[^>]*>)?", re.IGNORECASE)

# Material's stylesheet draws its icons (admonitions, search, checkboxes) as `data:` SVG
# images inside the CSS: no request, so nothing leaves the page, but img-src must allow them.
FIXED = {
    "default-src": "'none'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",  # Material's search runs in a worker from assets/
    "manifest-src": "'self'",
    "frame-src": "'self'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "object-src": "'none'",
}
# Where the policy comes as a header (a <meta> can't say who may frame the page).
FRAME_ANCESTORS_EMBED = "*"  # /embed/: any clinic's page may frame a stretch
FRAME_ANCESTORS_OTHER = "'self'"


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _script_type(attributes: str) -> str:
    found = TYPE.search(attributes)
    return next((group for group in found.groups() if group is not None), "") if found else ""


def inline_hashes(page: str) -> tuple[list[str], list[str]]:
    """The hashes of a page's inline scripts and inline styles, sorted, without repeats."""
    scripts = {
        sha256(body)
        for attributes, body in SCRIPT.findall(page)
        if not SRC.search(attributes) and _script_type(attributes).strip().lower() in SCRIPT_TYPES
    }
    styles = {sha256(body) for body in STYLE.findall(page)}
    return sorted(scripts), sorted(styles)


def policy(scripts: Iterable[str], styles: Iterable[str], frame_ancestors: str = "") -> str:
    """The policy text; with `frame_ancestors` only where it comes as a header."""
    directives = {
        "default-src": FIXED["default-src"],
        "script-src": " ".join(["'self'", *scripts]),
        "style-src": " ".join(["'self'", *styles]),
        **{name: value for name, value in FIXED.items() if name != "default-src"},
    }
    if frame_ancestors:
        directives["frame-ancestors"] = frame_ancestors
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def without_policy(page: str) -> str:
    """The page without our policy <meta> and the white space before it. Found by plain
    text first: a pattern starting with white space tries every run of it in the page."""
    start = page.find('<meta http-equiv="Content-Security-Policy"')
    found = OUR_META.match(page, start) if start != -1 else None
    if found is None:
        return page
    return page[:start].rstrip() + page[found.end() :]


def with_policy(page: str) -> str:
    """The page with its own policy as the first thing in <head> (replacing an older one).
    A page without <head> (a fragment) is returned as it is."""
    page = without_policy(page)
    head = HEAD_START.search(page)
    if head is None:
        return page
    content = html.escape(policy(*inline_hashes(page)), quote=False)
    meta = f'\n<meta http-equiv="{META_NAME}" content="{content}">'
    return page[: head.end()] + meta + page[head.end() :]
