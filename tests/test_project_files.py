"""The project's own licenses and contributor files say what the project promises: MIT for the
code, CC BY 4.0 in full for the content, an issue form that asks for a source, a pull-request
checklist with the reviewer rule, and a changelog with an Unreleased section."""

from __future__ import annotations

import re
import tomllib

import yaml

from .helpers import ROOT


def test_pyproject_declares_the_code_license_and_its_file() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert all((ROOT / name).is_file() for name in project["license-files"])


def test_the_code_is_under_mit_with_our_copyright_line() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) 2026 The Stretches for lower back pain")
    assert "Permission is hereby granted, free of charge" in text


def test_the_content_license_is_the_whole_cc_by_4_legal_code() -> None:
    text = (ROOT / "LICENSE-content").read_text()
    assert text.startswith("Attribution 4.0 International\n")
    assert "Creative Commons Attribution 4.0 International Public License" in text
    sections = re.findall(r"^Section (\d) -- ", text, flags=re.MULTILINE)
    assert sections == [str(n) for n in range(1, 9)]
    assert text.endswith("Creative Commons may be contacted at creativecommons.org.\n")


def test_the_readme_says_which_license_covers_what() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "MIT license ([`LICENSE`](LICENSE))" in readme
    assert "Creative Commons Attribution 4.0 ([`LICENSE-content`](LICENSE-content))" in readme


def test_the_wrong_or_unsafe_issue_form_requires_the_page_and_a_source() -> None:
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/page-wrong-or-unsafe.yml").read_text())
    assert form["name"] and form["description"]
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    for required in ("page", "wrong", "source"):
        assert fields[required]["validations"]["required"] is True
    notes = " ".join(i["attributes"]["value"] for i in form["body"] if i["type"] == "markdown")
    assert "call your emergency number" in notes
    assert all(
        item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        for item in form["body"]
    )


def test_the_pull_request_checklist_holds_the_evidence_and_reviewer_rules() -> None:
    checklist = (ROOT / ".github/PULL_REQUEST_TEMPLATE.md").read_text()
    assert "found in a source the page cites" in checklist
    assert "No reviewer's name is added or kept" in checklist
    assert "NICE NG59" in checklist


def test_the_changelog_has_an_unreleased_section_first() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()
    versions = re.findall(r"^## \[([^\]]+)\]", changelog, flags=re.MULTILINE)
    assert versions[0] == "Unreleased"
    assert "0.1.0" in versions


def test_contributing_states_the_evidence_and_reviewer_rules() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    assert "must be found in a source that the page cites" in guide
    assert "Nobody may put a reviewer's name on a stretch they did not review" in guide
    assert "generator new" in guide and "generator check" in guide and "make serve" in guide
