"""The corpus of broken and hostile files in tests/bad/: each is refused with its message.

Each `<case>.yaml` sits beside `<case>.expected`, the problem lines `check` must print for it
(without the path). Every case must also leave docs/ byte-identical and print no traceback.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import run, snapshot

BAD = Path(__file__).parent / "bad"
CASES = sorted(BAD.glob("*.yaml"), key=lambda path: path.name)


def refuse(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, add: Callable[[Path], object]
) -> list[str]:
    """Build once, add the bad file, and check that check and build both refuse it."""
    assert run("build") == 0
    capsys.readouterr()
    before = snapshot(project / "docs")
    add(project / "content" / "stretches" / name)
    assert run("check") == 1
    output = capsys.readouterr()
    assert "Traceback" not in output.err + output.out
    assert run("build") == 1
    assert snapshot(project / "docs") == before
    prefix = f"content/stretches/{name}:"
    return [line[len(prefix) :] for line in output.err.splitlines() if line.startswith(prefix)]


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_bad_file_is_refused_with_its_message(
    project: Path, capsys: pytest.CaptureFixture[str], case: Path
) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case.name} has no expected message"
    printed = refuse(project, capsys, case.name, lambda target: shutil.copy(case, target))
    for line in expected:
        assert line in printed


def test_every_case_has_an_expected_file() -> None:
    assert len(CASES) >= 30
    assert sorted(BAD.glob("*.expected")) == sorted(case.with_suffix(".expected") for case in CASES)


def test_a_file_over_256_kb(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "name: big\nsummary: " + "a" * 300_000 + "\n"
    printed = refuse(project, capsys, "big.yaml", lambda target: target.write_text(text))
    assert printed == ["1:1: file: file is too large (292 KB; at most 256 KB)"]


def test_a_link_to_a_file_outside_content(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = project / "secret.yaml"
    secret.write_text((project / "content" / "stretches" / "knee-to-chest.yaml").read_text())
    printed = refuse(project, capsys, "leak.yaml", lambda target: os.symlink(secret, target))
    assert printed == [
        "1:1: file: is a link to a file outside this folder; copy the file in instead"
    ]


ODD_VALUES = [10.0, -1, 0, [], {}, None, True, "", [[1]], {"a": 1}, float("inf"), float("nan"),
              "2026-02-30", "x" * 700, 10**30]  # fmt: skip


def _leaf_paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _leaf_paths(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _leaf_paths(item, (*path, index))]
    return [path]


def test_any_odd_value_in_any_field_is_a_message_not_a_crash(tmp_path: Path) -> None:
    """Every leaf of a good file, replaced in turn by each odd value: never a traceback."""
    import datetime

    import yaml

    from generator.read.load import load_file
    from generator.read.validate import validate

    good = yaml.safe_load((BAD.parent / "fixtures" / "library" / "knee-to-chest.yaml").read_text())
    target = tmp_path / "knee-to-chest.yaml"
    for path in _leaf_paths(good):
        for odd in ODD_VALUES:
            data = yaml.safe_load(yaml.safe_dump(good))
            holder = data
            for part in path[:-1]:
                holder = holder[part]
            holder[path[-1]] = odd
            target.write_text(yaml.safe_dump(data))
            loaded, problems = load_file(target, target.name)
            if loaded is not None:
                _, problems = validate([loaded], datetime.date(2026, 11, 26), {"pelvic-tilt"})
            for problem in problems:
                assert problem.line >= 1 and problem.message, (path, odd)
