"""The author's commands as they run them: check, new, and what they print."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.read.load import SCHEMA_LINE_START

from .helpers import ROOT, run

SCHEMA = ROOT / "generator" / "schema" / "stretch.schema.json"


def test_the_schema_is_valid_json_schema_2020_12() -> None:
    schema = json.loads(SCHEMA.read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    for name, field in schema["properties"].items():
        assert len(field.get("description", "")) > 15, f"{name} needs a description for authors"


def test_every_stretch_file_points_its_editor_at_the_schema() -> None:
    for path in sorted((ROOT / "content" / "stretches").glob("*.yaml")):
        first = path.read_text().splitlines()[0]
        assert first.startswith(SCHEMA_LINE_START), path.name
        relative = first.removeprefix(SCHEMA_LINE_START)
        assert (path.parent / relative).resolve() == SCHEMA


def test_check_prints_every_problem_then_a_count(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project / "content" / "stretches"
    text = (folder / "knee-to-chest.yaml").read_text()
    (folder / "knee-to-chest.yaml").write_text(
        text.replace("level: gentle", "level: no").replace("steps:", "stepz:")
    )
    assert run("check") == 1
    output = capsys.readouterr()
    lines = output.err.splitlines()
    where = "content/stretches/knee-to-chest.yaml"
    assert f'{where}:9:8: level: must be one of gentle, moderate (found "no")' in lines
    assert f'{where}:11:1: stepz: is not a known field; did you mean "steps"?' in lines
    assert output.out.splitlines()[-1] == "2 stretches checked: 3 problems, 0 warnings"


def test_check_of_a_good_library_exits_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("check") == 0
    assert capsys.readouterr().out.splitlines() == [
        "content/stretches/knee-to-chest.yaml: reading grade 2.3",
        "content/stretches/pelvic-tilt.yaml: reading grade 7.0",
        "2 stretches checked: 0 problems, 0 warnings",
    ]


def test_wrong_usage_exits_2(project: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("frobnicate")
    assert exit_info.value.code == 2
    assert run("--content", "no/such/folder", "check") == 2


def test_new_writes_a_scaffold_that_check_refuses(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("new", "Piriformis stretch") == 0
    target = project / "content" / "stretches" / "piriformis-stretch.yaml"
    text = target.read_text()
    assert text.startswith(SCHEMA_LINE_START)
    schema = json.loads(SCHEMA.read_text())
    for field in schema["properties"]:
        assert f"\n{field}:" in text, f"the scaffold lacks {field}"
    assert 'name: "Piriformis stretch"' in text
    capsys.readouterr()
    assert run("check") == 1
    problems = [
        line for line in capsys.readouterr().err.splitlines() if "piriformis-stretch.yaml" in line
    ]
    fields = {line.split(": ")[1] for line in problems}
    for field in (
        "summary",
        "position",
        "level",
        "start",
        "steps[0]",
        "dose.repetitions",
        "sources[0].url",
    ):
        assert field in fields, f"check does not point at the {field} placeholder"
    assert run("build") == 1  # a scaffold can never be published by accident
    before = target.read_bytes()
    assert run("new", "Piriformis Stretch!") == 1  # the same id: refuses to overwrite
    assert target.read_bytes() == before


def test_new_keeps_a_tricky_name_as_typed(project: Path) -> None:
    assert run("new", 'Child\'s pose: "easy" # 2') == 0
    text = (project / "content" / "stretches" / "childs-pose-easy-2.yaml").read_text()
    import yaml

    assert yaml.safe_load(text)["name"] == 'Child\'s pose: "easy" # 2'
