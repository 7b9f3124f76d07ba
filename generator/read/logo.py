"""extra.clinic.logo: a file under docs/ that every printed page shows beside the clinic's
name. Checked before anything is written, so a wrong path fails `make site` by name instead
of printing pages with a broken image."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

# A logo is printed small; 100 KB holds any sensible SVG or PNG logo, and every printed
# stretch page loads it, so a photo-sized file would slow every page.
MAX_BYTES = 100 * 1024
# Each kind of file and how its first bytes look (a PNG's signature; an SVG is XML text).
KINDS = {".png": "a PNG image", ".svg": "an SVG image"}


def logo_problem(value: str, docs: Path) -> str | None:
    """Why the logo setting can't be used, or None when it is a readable SVG or PNG file."""
    relative = PurePosixPath(value.strip())
    if relative.is_absolute() or ".." in relative.parts or not value.strip():
        return f'must be a file under docs/ such as images/clinic-logo.svg (found "{value}")'
    shown = f"docs/{relative}"
    if relative.suffix.lower() not in KINDS:
        return f"must be an SVG or PNG file ({shown} is neither)"
    path = docs / relative
    if not path.is_file():
        return f"the file {shown} does not exist"
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"the file {shown} can't be read ({error.strerror})"
    if len(data) > MAX_BYTES:
        size, most = -(-len(data) // 1024), MAX_BYTES // 1024
        return f"the file {shown} is {size} KB; a logo may be at most {most} KB"
    if not _looks_like(relative.suffix.lower(), data):
        return f"the file {shown} is not {KINDS[relative.suffix.lower()]}"
    return None


def _looks_like(suffix: str, data: bytes) -> bool:
    if suffix == ".png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "<svg" in text[:4096]
