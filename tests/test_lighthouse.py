"""The outside audit: Lighthouse (npm, pinned in package.json and package-lock.json) on
Debian's chromium, in its default mobile emulation, against the built site behind
deploy/nginx.conf, for every kind of page. Three runs a page; the median of each score is
held to the gates, and the scores, the steadier figures and the top findings are printed and
written to tests/artifacts/lighthouse.md.

Slow (about 15 s a run): `make test` runs it last, on its own; `make lighthouse` runs it alone.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.nginx import free_port
from generator.site.nginx import serve as serve_nginx

from .helpers import ARTIFACTS, CHROMIUM, CHROMIUM_FLAGS, ROOT, copy_project

pytestmark = pytest.mark.lighthouse

LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
RUNS = 3
PAGES = {
    "home": "/",
    "stretch page": "/stretches/cat-cow/",
    "list with a filter": "/stretches/?position=standing",
    "tag page": "/tags/lower-back/",
    "routine sheet": "/sheet/?s=pelvic-tilt,knee-to-chest",
    "urgent help": "/urgent-help/",
    "embed page": "/embed/cat-cow/",
}
# The Spanish edition's twins of the first three, once it is built (/es/).
TWINS = ("home", "stretch page", "list with a filter")
# What each gate protects: readers who use a screen reader or keyboard (accessibility); no
# console errors, deprecated APIs or unsafe practices (best practices); pages search engines
# can find and show (SEO); a first view that is quick on a slow phone (performance).
GATES = {"accessibility": 100, "best-practices": 100, "seo": 100, "performance": 90}
# Figures that vary less than the performance score on a shared machine.
FIGURES = {
    "total-byte-weight": ("transfer", 1024, "KB"),
    "first-contentful-paint": ("first paint", 1, "ms"),
    "largest-contentful-paint": ("largest paint", 1, "ms"),
    "total-blocking-time": ("blocking", 1, "ms"),
}
FINDINGS = 4  # the top findings a page lists


def pages_of(site: Path) -> dict[str, str]:
    pages = dict(PAGES)
    if (site / "es/index.html").is_file():
        pages |= {f"{name} (es)": "/es" + PAGES[name] for name in TWINS}
    return pages


def audit(url: str, output: Path) -> dict[str, Any]:
    """One Lighthouse run; its JSON report."""
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--chrome-flags={flags}",
        "--only-categories=" + ",".join(GATES),
    ]
    result = subprocess.run(
        command,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report: dict[str, Any] = json.loads(output.read_text("utf-8"))
    assert not report.get("runtimeError"), report.get("runtimeError")
    return report


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in GATES}


def top_findings(report: dict[str, Any]) -> list[str]:
    """The audits that lost the most, by their weight in the scores, then their savings."""
    weights: dict[str, float] = {}
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            weights[ref["id"]] = max(weights.get(ref["id"], 0), ref["weight"])
    failing = [
        audit
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    failing.sort(key=lambda audit: (-weights.get(audit["id"], 0), audit["score"]))
    return [
        f"{audit['title']}" + (f" ({audit['displayValue']})" if audit.get("displayValue") else "")
        for audit in failing[:FINDINGS]
    ]


def page_summary(name: str, path: str, reports: list[dict[str, Any]]) -> tuple[dict, list[str]]:
    """The median of each score and figure over the runs, and the median run's findings."""
    runs = [scores(report) for report in reports]
    median = {gate: int(statistics.median(run[gate] for run in runs)) for gate in GATES}
    figures = {
        label: statistics.median(report["audits"][key]["numericValue"] for report in reports)
        / divisor
        for key, (label, divisor, _) in FIGURES.items()
    }
    by_performance = sorted(reports, key=lambda report: scores(report)["performance"])
    findings = top_findings(by_performance[len(by_performance) // 2])
    row = {"page": name, "path": path, "median": median, "runs": runs, "figures": figures}
    return row, findings


def report_text(rows: list[tuple[dict, list[str]]], version: str) -> str:
    units = {label: unit for label, _, unit in FIGURES.values()}
    lines = [
        f"# Lighthouse {version}, mobile emulation, median of {RUNS} runs, behind nginx",
        "",
        "| page | performance | accessibility | best practices | SEO | "
        + " | ".join(f"{label} ({units[label]})" for label in units)
        + " |",
        "| --- " * (5 + len(units)) + "|",
    ]
    for row, _ in rows:
        median, figures = row["median"], row["figures"]
        perf_runs = "/".join(str(run["performance"]) for run in row["runs"])
        lines.append(
            f"| {row['page']} `{row['path']}` | {median['performance']} ({perf_runs}) | "
            f"{median['accessibility']} | {median['best-practices']} | {median['seo']} | "
            + " | ".join(f"{figures[label]:.0f}" for label in units)
            + " |"
        )
    lines += ["", "Top findings (the median run of each page):", ""]
    for row, findings in rows:
        lines.append(f"- {row['page']}: " + ("; ".join(findings) if findings else "none"))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real library as it is published: `site_url` set to where nginx serves it, built
    as `make site` builds it (every page's policy included), behind deploy/nginx.conf."""
    folder = copy_project(tmp_path_factory.mktemp("published"))
    port = free_port()
    config = folder / "mkdocs.yml"
    config.write_text(f"site_url: http://127.0.0.1:{port}/\n" + config.read_text("utf-8"))
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    for command in (["-m", "generator", "build"], ["-m", "generator.site.parallel_build"]):
        result = subprocess.run(
            [sys.executable, *command], cwd=folder, env=environment, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
    with serve_nginx(folder / "site", port) as url:
        yield url, folder / "site"


def test_every_kind_of_page_passes_lighthouse(
    published: tuple[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nginx_url, site = published
    if not LIGHTHOUSE.exists():
        pytest.fail(f"{LIGHTHOUSE} is missing: run `make lighthouse`, which installs it")
    rows = []
    version = ""
    for number, (name, path) in enumerate(pages_of(site).items()):
        reports = [
            audit(nginx_url + path, tmp_path / f"{number}-{run}.json") for run in range(RUNS)
        ]
        version = reports[0]["lighthouseVersion"]
        rows.append(page_summary(name, path, reports))
    text = report_text(rows, version)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "lighthouse.md").write_text(text, "utf-8")
    with capsys.disabled():
        print("\n" + text)
    below = [
        f"{row['page']}: {gate} {row['median'][gate]} < {floor}"
        for row, _ in rows
        for gate, floor in GATES.items()
        if row["median"][gate] < floor
    ]
    assert below == [], "\n".join(below)
