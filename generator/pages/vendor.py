"""/vendor/: the browser libraries the site ships, copied from node_modules/.

package.json pins each one exactly and package-lock.json holds its checksum; `make site`
runs `npm ci` before the generator, so the site serves its own copy (no CDN, nothing fetched
when a page opens). docs/third-party-notices.md lists each file.
"""

from __future__ import annotations

from pathlib import Path

from generator.model import Library
from generator.pages import urls

FOLDER = urls.VENDOR.rstrip("/")
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
# Path under docs/ -> its file in node_modules/. lean-qr draws the routine sheet's QR code.
# Its ES modules are served as .js: servers (Debian's nginx among them) that know no .mjs
# type send application/octet-stream, which browsers refuse for a module script.
FILES = {
    urls.QR_LIBRARY: "lean-qr/index.mjs",
    urls.QR_SVG: "lean-qr/extras/svg.mjs",
    f"{urls.VENDOR}lean-qr/LICENSE.txt": "lean-qr/LICENSE",
}


class MissingVendorFile(SystemExit):
    """node_modules/ has not been installed: said plainly, not as a traceback."""


def files(library: Library) -> dict[str, str]:
    copied = {}
    for target, source in FILES.items():
        path = NODE_MODULES / source
        if not path.is_file():
            raise MissingVendorFile(
                f"node_modules/{source} is missing: run `make site` (it runs `npm ci`)"
            )
        copied[target] = path.read_text("utf-8")
    return copied
