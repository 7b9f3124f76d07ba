"""What the routine sheet's page hands its script: the dose limits of the one schema and the
note's length, and the QR library the site ships, pinned and listed in the notices."""

from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.model import Library, Site
from generator.pages import sheet, urls, vendor
from generator.stretch_schema import stretch_schema

from .helpers import ROOT, fixture_stretches
from .notices import NOTICES, read_notices


def sheet_data(page: str) -> dict[str, str]:
    tag = re.search(r"<div class=\"sheet\" data-sheet ([^>]*)>", page)
    assert tag is not None
    found = re.findall(r"data-([a-z-]+)=(?:\"([^\"]*)\"|'([^']*)')", tag[1])
    return {name: html.unescape(double or single) for name, double, single in found}


def render(library: Library) -> dict[str, str]:
    return sheet_data(sheet.files(library)[urls.index_source(urls.SHEET)])


def test_the_sheet_gets_its_dose_limits_from_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library.of(fixture_stretches(), Site())
    count = stretch_schema()["$defs"]["count"]["oneOf"][0]
    data = render(library)
    assert json.loads(data["limits"]) == {"min": count["minimum"], "max": count["maximum"]}
    assert data["note-max"] == str(sheet.NOTE_MAX)
    # A change to the schema is a change to the sheet: nothing is copied into the script.
    changed: dict[str, Any] = copy.deepcopy(stretch_schema())
    changed["$defs"]["count"]["oneOf"][0].update(minimum=2, maximum=90)
    monkeypatch.setattr(sheet, "stretch_schema", lambda: changed)
    assert json.loads(render(library)["limits"]) == {"min": 2, "max": 90}
    script = (ROOT / "docs" / "javascripts" / "sheet.js").read_text()
    assert str(count["maximum"]) not in script


def test_the_sheet_knows_its_own_address_only_with_site_url() -> None:
    assert render(Library.of(fixture_stretches(), Site()))["sheet-url"] == ""
    site = Site(url="https://clinic.example/back/")
    data = render(Library.of(fixture_stretches(), site))
    assert data["sheet-url"] == "https://clinic.example/back/sheet/"
    assert data["qr"] == "../" + urls.QR_LIBRARY and data["qr-svg"] == "../" + urls.QR_SVG


def test_the_qr_library_is_pinned_copied_whole_and_listed() -> None:
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = package["dependencies"]["lean-qr"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned)  # exactly one version, no range
    locked = lock["packages"]["node_modules/lean-qr"]
    assert locked["version"] == pinned and locked["integrity"].startswith("sha512-")
    installed = json.loads((vendor.NODE_MODULES / "lean-qr" / "package.json").read_text())
    assert installed["version"] == pinned and installed["license"] == "MIT"
    copied = vendor.files(Library.of(fixture_stretches(), Site()))
    for target, source in vendor.FILES.items():
        assert copied[target] == (vendor.NODE_MODULES / source).read_text()
    notices = read_notices((ROOT / "docs" / NOTICES).read_text())
    part = next(part for part in notices.parts if "lean-qr" in part.packages)
    assert part.packages["lean-qr"] == pinned and part.licenses == ("MIT",)
    assert sorted(part.files) == sorted(vendor.FILES)


def test_without_node_modules_the_build_says_what_to_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(vendor, "NODE_MODULES", tmp_path / "node_modules")
    with pytest.raises(vendor.MissingVendorFile, match=r"run `make site` \(it runs `npm ci`\)"):
        vendor.files(Library.of(fixture_stretches(), Site()))
