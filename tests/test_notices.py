"""Third-party notices: docs/third-party-notices.md lists every file, bundled package and icon
set the built site ships that others wrote, each with a license whose text the page gives, and
lists nothing the site no longer ships."""

from __future__ import annotations

import shutil
from importlib import metadata
from pathlib import Path

import material

from .helpers import ROOT
from .notices import (
    NOTICES,
    bundled_packages,
    icon_sets_used,
    licenses_without_text,
    read_notices,
    unlisted_files,
    unlisted_icon_sets,
    unlisted_packages,
    unshipped_globs,
)

ICONS = Path(material.__file__).parent / "templates" / ".icons"


def test_every_third_party_file_the_site_ships_is_listed(built: Path) -> None:
    notices = read_notices((built / "docs" / NOTICES).read_text())
    assert unlisted_files(built / "site", built / "docs", notices) == []


def test_everything_listed_is_still_shipped(built: Path) -> None:
    notices = read_notices((built / "docs" / NOTICES).read_text())
    assert unshipped_globs(built / "site", notices) == []


def test_every_package_inside_a_shipped_bundle_is_listed(built: Path) -> None:
    notices = read_notices((built / "docs" / NOTICES).read_text())
    assert {"rxjs", "lunr", "clipboard"} <= set(bundled_packages(built / "site"))
    assert unlisted_packages(built / "site", notices) == {}


def test_every_icon_set_on_the_pages_is_listed(built: Path) -> None:
    notices = read_notices((built / "docs" / NOTICES).read_text())
    assert "material" in icon_sets_used(built / "site", ICONS)  # the header's icons are seen
    assert unlisted_icon_sets(built / "site", ICONS, notices) == {}


def test_every_license_named_has_its_text_on_the_page() -> None:
    notices = read_notices((ROOT / "docs" / NOTICES).read_text())
    assert len(notices.parts) > 10
    assert licenses_without_text(notices) == []


def test_the_material_version_listed_is_the_one_installed() -> None:
    notices = read_notices((ROOT / "docs" / NOTICES).read_text())
    listed = [
        p.packages[name] for p in notices.parts for name in p.packages if name == "mkdocs-material"
    ]
    assert listed == [metadata.version("mkdocs-material")]


# Each check can fail: it is run on a copy of the built site or page with one thing wrong.


def _copy(built: Path, tmp_path: Path) -> tuple[Path, Path]:
    site, docs = tmp_path / "site", tmp_path / "docs"
    shutil.copytree(built / "site", site)
    shutil.copytree(built / "docs", docs)
    return site, docs


def _add(folders: tuple[Path, ...], name: str, data: bytes) -> None:
    for folder in folders:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def test_a_new_asset_a_vendored_script_or_a_font_is_caught(built: Path, tmp_path: Path) -> None:
    site, docs = _copy(built, tmp_path)
    notices = read_notices((docs / NOTICES).read_text())
    _add((site,), "assets/javascripts/qrcode.min.js", b"var qr = 1;\n")
    vendored = b"/*! tiny-qr v1.0 | (c) 2024 Someone | MIT License */\nvar q = 2;\n"
    _add((docs, site), "javascripts/tiny-qr.js", vendored)
    _add((docs, site), "fonts/body.woff2", b"wOF2")
    assert unlisted_files(site, docs, notices) == [
        "assets/javascripts/qrcode.min.js",
        "fonts/body.woff2",
        "javascripts/tiny-qr.js",
    ]


def test_a_part_no_longer_shipped_is_caught(built: Path, tmp_path: Path) -> None:
    site, docs = _copy(built, tmp_path)
    notices = read_notices((docs / NOTICES).read_text())
    shutil.rmtree(site / "assets" / "javascripts" / "lunr")
    gone = unshipped_globs(site, notices)
    assert "Lunr languages: assets/javascripts/lunr/min/lunr.*.min.js" in gone
    assert "wordcut: assets/javascripts/lunr/wordcut.js" in gone


def test_an_unlisted_bundled_package_or_icon_set_is_caught(built: Path) -> None:
    text = (built / "docs" / NOTICES).read_text()
    text = text.replace("- Package: `rxjs` 7 (npm)", "- Package: RxJS 7 (npm)")
    text = text.replace("`@fortawesome/fontawesome-free` 7", "Font Awesome 7")
    notices = read_notices(text)
    assert set(unlisted_packages(built / "site", notices)) == {"rxjs"}
    assert set(unlisted_icon_sets(built / "site", ICONS, notices)) == {"fontawesome"}


def test_a_license_without_its_text_is_caught() -> None:
    text = (ROOT / "docs" / NOTICES).read_text()
    text = text.replace("### ISC License (`ISC`)", "### ISC License")
    assert licenses_without_text(read_notices(text)) == ["ISC"]
