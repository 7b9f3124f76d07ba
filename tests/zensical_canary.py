"""Zensical canary: build a copy of the generated tree with Zensical and say how it went.

Zensical is meant to build the same mkdocs.yml and docs/ as MkDocs; this tells us early when it
doesn't. It reports and never fails: `make test` runs it with its exit status ignored, and it
exits 0 itself too. Run it as `python -m tests.zensical_canary PATH_TO_ZENSICAL`.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.cli import main as generator

from .linkcheck import broken_links

ROOT = Path(__file__).resolve().parent.parent
# What a build needs: the hand-written pages, the settings and the theme overrides.
PROJECT = ("content", "docs", "mkdocs.yml", "overrides")
SHOWN = 5  # problems printed of each kind; the counts say how many more
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _copy_project(target: Path) -> None:
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("site"))
        elif source.is_file():
            shutil.copy(source, target / name)
    for config in ROOT.glob("mkdocs.*.yml"):  # each other language's edition
        shutil.copy(config, target / config.name)


def _pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def _build(command: list[str], folder: Path) -> tuple[int, str, float]:
    started = time.monotonic()
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    output = ANSI.sub("", result.stdout + result.stderr)
    return result.returncode, output, time.monotonic() - started


def canary(zensical: Path, work: Path) -> list[str]:
    """The report's lines: Zensical's build, then how its site differs from MkDocs'."""
    if not zensical.is_file():
        return [f"not run: {zensical} is missing (its install failed?)"]
    version = subprocess.run([zensical, "--version"], capture_output=True, text=True).stdout
    lines = [f"zensical {version.split()[-1] if version.split() else '?'}"]
    mkdocs_tree, zensical_tree = work / "mkdocs", work / "zensical"
    _copy_project(mkdocs_tree)
    arguments = ["--content", str(mkdocs_tree / "content" / "stretches")]
    arguments += ["--docs", str(mkdocs_tree / "docs"), "--config", str(mkdocs_tree / "mkdocs.yml")]
    with contextlib.redirect_stdout(io.StringIO()):
        refused = generator([*arguments, "build"])
    if refused:
        return [*lines, "not run: the generator refused the library (see above)"]
    shutil.copytree(mkdocs_tree, zensical_tree)
    # English, then each other language's edition into site/<code>/, as `make site` does.
    configs = ["mkdocs.yml", *sorted(path.name for path in mkdocs_tree.glob("mkdocs.*.yml"))]
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f"]
    for config in configs:
        status, output, seconds = _build([*mkdocs, config], mkdocs_tree)
        if status:
            return [*lines, f"not run: mkdocs build --strict -f {config} failed", output[-2000:]]
    output, seconds = "", 0.0
    for config in configs:
        status, more, took = _build([str(zensical), "build", "-f", config], zensical_tree)
        output, seconds = output + more, seconds + took
        if status:
            tail = [f"  | {line}" for line in more.strip().splitlines()[-15:]]
            return [*lines, f"build of {config}: FAILED (exit {status}) in {took:.1f} s", *tail]
    warnings = [line.strip() for line in output.splitlines() if line.startswith("Warning:")]
    lines.append(f"build: OK in {seconds:.1f} s, {len(warnings)} warnings")
    lines += [f"  | {line}" for line in warnings[:SHOWN]]
    ours, theirs = _pages(mkdocs_tree / "site"), _pages(zensical_tree / "site")
    lines.append(f"pages: MkDocs {len(ours)}, Zensical {len(theirs)}")
    for label, missing in [("only MkDocs made", ours - theirs), ("only Zensical", theirs - ours)]:
        if missing:
            lines.append(f"  {label}: {', '.join(sorted(missing)[:SHOWN])}")
    broken, checked = broken_links(zensical_tree / "site")
    lines.append(f"links in Zensical's site: {checked} checked, {len(broken)} broken")
    lines += [f"  {problem}" for problem in broken[:SHOWN]]
    differs = broken or ours != theirs
    verdict = "DIFFERS from MkDocs (see above)" if differs else "same pages, no broken links"
    lines.append(f"result: {verdict}")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.zensical_canary PATH_TO_ZENSICAL", file=sys.stderr)
        return 0
    print("Zensical canary (reported only: it never fails the build)")
    with tempfile.TemporaryDirectory(prefix="zensical-canary-") as work:
        try:
            lines = canary(Path(argv[0]).absolute(), Path(work))
        except Exception as error:  # a canary reports; it must not stop CI
            lines = [f"crashed: {type(error).__name__}: {error}"]
    for line in lines:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
