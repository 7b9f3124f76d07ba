"""extra.clinic.logo: a readable SVG or PNG under docs/, of a sensible size, or `make site`
(python -m generator build) fails naming the setting and the file, and writes nothing."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from generator.model import Clinic, Site
from generator.pages.environment import environment
from generator.read.languages import english
from generator.read.logo import MAX_BYTES
from generator.read.settings import load_site
from generator.site.pdfs import _logo_src

from .helpers import run, snapshot

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20"/>'
SVG += b"</svg>"
PNG = base64.b64decode(  # a 1 x 1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def settings_with_logo(folder: Path, logo: str) -> Path:
    config = folder / "mkdocs.yml"
    text = config.read_text()
    assert text.count("\nextra:\n") == 1
    clinic = f"\nextra:\n  clinic:\n    name: Riverside Physical Therapy\n    logo: {logo!r}\n"
    config.write_text(text.replace("\nextra:\n", clinic))
    return config


@pytest.mark.parametrize("kind, data", [("svg", SVG), ("png", PNG)])
def test_a_readable_logo_is_kept_and_shown_beside_the_clinics_name(
    project: Path, kind: str, data: bytes
) -> None:
    (project / "docs" / "images").mkdir()
    (project / "docs" / "images" / f"logo.{kind}").write_bytes(data)
    site, problems = load_site(settings_with_logo(project, f"images/logo.{kind}"), "mkdocs.yml")
    assert problems == []
    assert site.clinic.logo == f"images/logo.{kind}"
    assert run("build") == 0
    page = (project / "docs" / "stretches" / "knee-to-chest.md").read_text()
    logo = f'<img class="stretch-clinic-logo" src="../../images/logo.{kind}" alt="">'
    assert re.search(re.escape(logo) + r"\s*(<a [^>]*>)?<strong>Riverside Physical Therapy<", page)
    sheet = (project / "docs" / "sheet" / "index.md").read_text()
    assert f'src="../images/logo.{kind}"' in sheet
    embed = (project / "docs" / "embed" / "knee-to-chest" / "index.html").read_text()
    assert f'src="../../images/logo.{kind}"' in embed


@pytest.mark.parametrize(
    "logo, data, message",
    [
        ("images/missing.svg", None, "the file docs/images/missing.svg does not exist"),
        (
            "images/logo.gif",
            b"GIF89a",
            "must be an SVG or PNG file (docs/images/logo.gif is neither)",
        ),
        ("images/logo.png", b"not a png", "the file docs/images/logo.png is not a PNG image"),
        ("images/logo.svg", b"\xff\xfe<svg", "the file docs/images/logo.svg is not an SVG image"),
        ("images/logo.svg", SVG + b" " * MAX_BYTES, "is 101 KB; a logo may be at most 100 KB"),
        ("../secret.svg", None, "must be a file under docs/ such as images/clinic-logo.svg"),
        ("/etc/logo.svg", None, "must be a file under docs/ such as images/clinic-logo.svg"),
    ],
)
def test_a_missing_unreadable_or_oversized_logo_fails_the_build_by_name(
    project: Path, capsys: pytest.CaptureFixture[str], logo: str, data: bytes | None, message: str
) -> None:
    if data is not None:
        (project / "docs" / logo).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / logo).write_bytes(data)
    settings_with_logo(project, logo)
    before = snapshot(project / "docs")
    assert run("build") == 1
    errors = capsys.readouterr().err
    assert "mkdocs.yml:1:1: extra.clinic.logo: " in errors
    assert message in errors
    assert snapshot(project / "docs") == before  # nothing written


def test_the_booklet_cover_carries_the_logo_in_itself(tmp_path: Path) -> None:
    """The cover is printed from HTML set as content, with no address: the logo is inlined."""
    (tmp_path / "docs" / "images").mkdir(parents=True)
    (tmp_path / "docs" / "images" / "logo.svg").write_bytes(SVG)
    site = Site(clinic=Clinic(name="Riverside", logo="images/logo.svg"))
    source = _logo_src(site, tmp_path / "mkdocs.yml")
    assert base64.b64decode(source.removeprefix("data:image/svg+xml;base64,")) == SVG
    html = (
        environment()
        .get_template("booklet.html.j2")
        .render(
            lang=english(),
            t=english().strings,
            site=site,
            clinic=site.clinic,
            stretches=[],
            logo_src=source,
        )
    )
    assert f'<img class="stretch-clinic-logo" src="{source}" alt="">' in html
    assert _logo_src(Site(), tmp_path / "mkdocs.yml") == ""
