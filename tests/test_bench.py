"""The benchmark's own code: the libraries it synthesises must be valid, or it measures errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.measure import make_serve_options
from support.synth import bare_config, make_project, read_config, read_library, synthesise

from .helpers import ROOT, run


def test_a_synthetic_library_passes_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = read_library()
    count = len(real) + 4  # a second, partial copy: its related stretches may not all exist
    project = make_project(tmp_path / "project", count)
    files = sorted((project / "content" / "stretches").glob("*.yaml"))
    assert len(files) == count
    monkeypatch.chdir(project)
    assert run("check") == 0
    assert f"{count} stretches checked: 0 problems, 0 warnings" in capsys.readouterr().out


def test_copies_are_renamed_and_point_at_copies_that_exist() -> None:
    real = read_library()
    library = synthesise(real, 2 * len(real) + 3)
    assert len(library) == 2 * len(real) + 3
    for stretch_id, data in library.items():
        base, copy = stretch_id.rsplit("-", 1)
        assert data["name"] == f"{real[base]['name']} {copy}"
        assert set(data.get("related", [])) <= set(library)
        assert stretch_id not in data.get("related", [])


def test_the_baseline_config_is_bare_material_with_the_same_pages() -> None:
    text = (ROOT / "mkdocs.yml").read_text()
    project, bare = read_config(text), read_config(bare_config(text))
    assert bare["nav"] == project["nav"]
    assert bare["site_name"] == project["site_name"]
    assert bare["theme"]["name"] == "material" and bare["theme"]["font"] is False
    assert bare["plugins"] == ["search"]
    assert not {"extra_css", "extra_javascript", "hooks", "extra"} & set(bare)


def test_the_serve_latency_is_measured_with_the_makefiles_options() -> None:
    options = make_serve_options()
    lines = (ROOT / "Makefile").read_text().splitlines()
    recipe = next(line for line in lines if line.startswith("\t") and "mkdocs serve" in line)
    assert options and all(option in recipe for option in options)
    assert "--dev-addr" not in options
