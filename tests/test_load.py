from __future__ import annotations

from pathlib import Path

from generator.read.load import load_file


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "sample.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    loaded, problems = load_file(path, "sample.yaml")
    return loaded, [problem for problem in problems if not problem.is_warning]


def test_a_missing_schema_line_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text("name: x\n")
    loaded, problems = load_file(path, "sample.yaml")
    assert loaded is not None
    assert [p.is_warning for p in problems] == [True]
    assert "yaml-language-server" in problems[0].message


def test_values_keep_their_line_and_column(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "name: Cat-cow\nsteps:\n  - one\n  - two\n")
    assert problems == [] and loaded is not None
    assert loaded.data == {"name": "Cat-cow", "steps": ["one", "two"]}
    assert loaded.mark_of(("steps", 1)) == (4, 5)
    assert loaded.mark_of(("name",), key=True) == (1, 1)


def test_dates_stay_text_and_yaml_booleans_keep_what_was_typed(tmp_path: Path) -> None:
    loaded, _ = load(tmp_path, "when: 2026-11-24\nlevel: no\n")
    assert loaded is not None
    assert loaded.data == {"when": "2026-11-24", "level": False}
    assert loaded.scalar_texts[("level",)] == "no"


def test_duplicate_keys_are_refused_not_overwritten(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "name: A\nsummary: x\nname: B\n")
    assert loaded is None
    assert [str(p) for p in problems] == ["sample.yaml:3:1: name: appears twice (first on line 1)"]


def test_aliases_are_refused_so_a_small_file_cannot_explode(tmp_path: Path) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghij":
        laughs += f"{level}: &{level} [*{chr(ord(level) - 1)}] \n".replace("[*", "[*")
    loaded, problems = load(tmp_path, laughs)
    assert loaded is None
    assert "anchors and aliases" in problems[0].message


def test_python_tags_are_refused(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "name: !!python/object/apply:os.system [echo hi]\n")
    assert loaded is None
    assert problems[0].line == 1 and "not allowed" in problems[0].message


def test_broken_yaml_reports_where(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "name: [unclosed\nsummary: x\n")
    assert loaded is None
    assert problems[0].message.startswith("not valid YAML")
    assert problems[0].line >= 1


def test_not_utf8_empty_and_huge_files(tmp_path: Path) -> None:
    assert "UTF-8" in load(tmp_path, b"name: caf\xe9\n")[1][0].message
    assert load(tmp_path, b"name: caf\xe9\n")[1][0].column == 10
    assert load(tmp_path, "")[1][0].message == "the file is empty"
    assert "too large" in load(tmp_path, "x: " + "a" * 300_000)[1][0].message


def test_two_documents_in_one_file_are_refused(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "name: A\n---\nname: B\n")
    assert loaded is None and problems
