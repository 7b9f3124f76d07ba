"""The Zensical canary reports what happened and never fails the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from .zensical_canary import canary, main

FAILING_ZENSICAL = """#!/bin/sh
if [ "$1" = "--version" ]; then echo "zensical, version 9.9.9"; exit 0; fi
echo "Error: this theme is not supported" >&2
exit 3
"""


@pytest.mark.site
def test_a_failing_zensical_build_is_reported_not_raised(tmp_path: Path) -> None:
    zensical = tmp_path / "zensical"
    zensical.write_text(FAILING_ZENSICAL)
    zensical.chmod(0o755)
    lines = canary(zensical, tmp_path / "work")
    assert lines[0] == "zensical 9.9.9"
    assert lines[1].startswith("build of mkdocs.yml: FAILED (exit 3)")
    assert "Error: this theme is not supported" in lines[2]
    # MkDocs built the same tree first, so the failure is Zensical's own.
    assert (tmp_path / "work" / "mkdocs" / "site" / "index.html").is_file()


def test_a_missing_zensical_is_reported_and_the_exit_status_is_0(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path / "no-zensical")]) == 0
    assert "not run: " in capsys.readouterr().out
