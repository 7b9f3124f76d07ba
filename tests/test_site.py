"""Build the whole site with MkDocs, as `make site` does, and read the pages it made."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pages.words import dose_in_words

from .helpers import (
    FIXTURES,
    copy_project,
    mkdocs_build,
    real_stretches,
    run,
    snapshot,
    visible_text,
)


def test_the_library_has_the_six_starting_stretches() -> None:
    ids = {stretch.id for stretch in real_stretches()}
    starting = {
        "hamstring-stretch",
        "pelvic-tilt",
        "knee-to-chest",
        "cat-cow",
        "childs-pose",
        "lumbar-rotation",
    }
    assert starting <= ids


def test_every_stretch_page_shows_what_a_reader_needs(built: Path) -> None:
    stretches = real_stretches()
    assert stretches
    for stretch in stretches:
        html = (built / "site" / "stretches" / stretch.id / "index.html").read_text()
        text = visible_text(html)
        expected = [
            stretch.name,
            stretch.start,
            dose_in_words(stretch.dose),
            *stretch.steps,
            *stretch.stop_if,
            *stretch.ask_first,
            "Talk to a physical therapist",
            "Stop if",
            "See the warning signs",
            stretch.breathing,
            stretch.feel,
        ]
        for snippet in expected:
            assert snippet in text, f"{stretch.id}: {snippet!r} missing"
        assert 'class="admonition warning stretch-stop-if"' in html


def test_index_lists_every_stretch_and_nav_does_not(built: Path) -> None:
    index = (built / "site" / "stretches" / "index.html").read_text()
    home = (built / "site" / "index.html").read_text()
    nav = home[home.index("md-nav--primary") : home.index('class="md-content"')]
    for stretch in real_stretches():
        assert f'href="{stretch.id}/"' in index
        assert f"stretches/{stretch.id}/" not in nav  # the nav stays short on every page


def test_no_request_leaves_the_site_for_fonts_or_scripts(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        html = page.read_text()
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


def test_clinic_from_mkdocs_yml_appears_in_every_conclusion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_project(tmp_path)
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "extra:\n",
            'extra:\n  clinic:\n    name: Riverside <PT> & Co\n    phone: "+1 555 0100"\n',
            1,
        )
    )
    monkeypatch.chdir(folder)
    assert run("build") == 0
    for page in (folder / "docs" / "stretches").glob("*.md"):
        if page.name != "index.md":
            assert "Riverside &lt;PT&gt; &amp; Co" in page.read_text()
            assert 'href="tel:+15550100"' in page.read_text()


@pytest.mark.site
def test_a_new_file_dropped_in_gets_a_page_and_an_index_entry(project: Path) -> None:
    new = project / "content" / "stretches" / "wall-lean.yaml"
    new.write_text(
        (FIXTURES / "library" / "knee-to-chest.yaml")
        .read_text()
        .replace("name: Knee to chest", "name: Wall lean")
        .replace("aliases: [knee hug, single knee to chest]", "aliases: []")
    )
    assert run("build") == 0
    assert (project / "docs" / "stretches" / "wall-lean.md").is_file()
    assert 'href="wall-lean/"' in (project / "docs" / "stretches" / "index.md").read_text()
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "Wall lean" in (project / "site" / "stretches" / "wall-lean" / "index.html").read_text()


def test_a_broken_file_changes_nothing_on_disk(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("build") == 0
    before = snapshot(project / "docs")
    (project / "content" / "stretches" / "broken.yaml").write_text("name: [oops\n")
    (project / "content" / "stretches" / "knee-to-chest.yaml").unlink()
    assert run("build") == 1
    assert snapshot(project / "docs") == before
    assert "broken.yaml:2:1: file: not valid YAML" in capsys.readouterr().err


def test_a_removed_stretch_loses_its_page_and_hand_written_pages_stay(project: Path) -> None:
    assert run("build") == 0
    hand_written = {p: p.read_bytes() for p in (project / "docs").glob("*.md")}
    (project / "content" / "stretches" / "pelvic-tilt.yaml").unlink()
    (project / "content" / "stretches" / "knee-to-chest.yaml").write_text(
        (project / "content" / "stretches" / "knee-to-chest.yaml")
        .read_text()
        .replace("related: [pelvic-tilt]", "related: []")
    )
    assert run("build") == 0
    assert not (project / "docs" / "stretches" / "pelvic-tilt.md").exists()
    assert {p: p.read_bytes() for p in (project / "docs").glob("*.md")} == hand_written


def test_second_build_rewrites_nothing(project: Path) -> None:
    assert run("build") == 0
    before = snapshot(project / "docs")
    assert run("build") == 0
    assert snapshot(project / "docs") == before
