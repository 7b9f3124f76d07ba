"""`make bench`: build synthetic libraries, time every stage, print one table and write it,
with the machine and versions, to bench/results.md.

Settings, from the environment: BENCH_SIZES (default 100,1000,10000), BENCH_RUNS (3; one
fewer from 10,000 stretches), BENCH_WATCH_SIZE (1000; 0 skips the `make serve` latency),
BENCH_EDITS (5). A quick look: `make bench BENCH_SIZES=100,1000 BENCH_RUNS=1`.
"""

from __future__ import annotations

import gzip
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.site.pdfs import CHROMIUM, CHROMIUM_FLAGS, serve  # as the browser tests
from support.synth import ROOT, bare_config, make_project, read_library

from . import report
from .measure import (
    GENERATE,
    MKDOCS_BUILD,
    SITE_BUILD,
    Edit,
    Timed,
    first_search_result,
    generated_folders,
    make_serve_options,
    timed,
    watch_edits,
)

QUERY = "hamstring"  # one of the contract's six starting stretches: in every library


@dataclass(frozen=True)
class Row:
    """Everything measured at one library size; timings are lists, one item per run."""

    size: int
    generate: list[Timed]
    build: list[Timed]
    bare: list[Timed]
    stretch_page_bytes: float
    list_page_bytes: int
    index_bytes: int
    index_gzip_bytes: int
    generated_files: int  # what the generator writes: each one a file for the kernel to create
    search: list[float]


def _bare_project(docs: Path, config: Path, target: Path) -> Path:
    """The generated Markdown and the hand-written pages, with bare Material's config."""
    shutil.copytree(docs, target / "docs")
    (target / "mkdocs.yml").write_text(bare_config(config.read_text("utf-8")), "utf-8")
    return target


def measure_size(size: int, runs: int, workdir: Path, browser: Any) -> Row:
    """Generate and build one library `runs` times, beside the bare baseline, in turns.

    Every run gets fresh copies, and nothing is deleted until the whole benchmark ends. On
    ext4 without a journal, the kernel won't reuse an inode for a minute after its file was
    deleted (six while the inode's block waits to be written back), and each new file
    first steps past every such inode. A step run just after the last run's files were
    removed paid 0.3 to 0.6 ms for each file it created, and the generator, which only
    creates files, paid most. A fresh checkout doesn't start that way.
    """
    pristine = make_project(workdir / f"library-{size}", size)
    ids = sorted(path.stem for path in (pristine / "content" / "stretches").glob("*.yaml"))
    generate: list[Timed] = []
    build: list[Timed] = []
    bare: list[Timed] = []
    first_docs = workdir / f"library-{size}-1" / "docs"  # the first run's generated Markdown
    for run in range(runs):
        project = workdir / f"library-{size}-{run + 1}"
        shutil.copytree(pristine, project)
        bare_site = workdir / f"bare-{size}-{run + 1}"
        # Alternate which goes first, so neither always meets a warmer or busier machine.
        # (The first run builds the baseline last: its Markdown is the generator's output.)
        if run % 2:
            _bare_project(first_docs, pristine / "mkdocs.yml", bare_site)
            bare.append(timed(MKDOCS_BUILD, bare_site))
        generate.append(timed(GENERATE, project))
        build.append(timed(SITE_BUILD, project))
        if not run % 2:
            _bare_project(first_docs, pristine / "mkdocs.yml", bare_site)
            bare.append(timed(MKDOCS_BUILD, bare_site))
        print(
            f"  {size} stretches, run {run + 1}: generate {generate[-1].seconds:.2f} s, "
            f"build {build[-1].seconds:.2f} s, bare {bare[-1].seconds:.2f} s",
            flush=True,
        )
    site = project / "site"
    pages = [(site / "stretches" / stretch_id / "index.html").stat().st_size for stretch_id in ids]
    index = (site / "search" / "search_index.json").read_bytes()
    with serve(site) as url:
        search = [first_search_result(browser, url, QUERY) for _ in range(runs)]
    return Row(
        size=size,
        generate=generate,
        build=build,
        bare=bare,
        stretch_page_bytes=statistics.median(pages),
        list_page_bytes=(site / "stretches" / "index.html").stat().st_size,
        index_bytes=len(index),
        index_gzip_bytes=len(gzip.compress(index, 6)),
        generated_files=sum(
            len(files)
            for folder in generated_folders(project / "docs")
            for _, _, files in os.walk(folder)
        ),
        search=search,
    )


def measure_watch(size: int, edits: int, workdir: Path) -> dict[str, list[Edit]]:
    """Edit-to-written and edit-to-served latency of `make serve` in a library of `size`,
    and the same with `mkdocs serve` rebuilding the whole site on every change."""
    as_made = make_serve_options()
    variants = {"make serve: mkdocs serve " + " ".join(as_made): as_made}
    if "--dirty" in as_made:
        full = tuple(option for option in as_made if option != "--dirty")
        variants["the same without --dirty (whole site rebuilt)"] = full
    results = {}
    for number, (label, options) in enumerate(variants.items()):
        project = make_project(workdir / f"watch-{size}", size)
        library = read_library(project / "content" / "stretches")
        try:
            # The comparison needs fewer edits: a whole-site rebuild is slow.
            count = edits if number == 0 else min(edits, 3)
            results[label] = watch_edits(project, library, count, options)
        finally:
            shutil.rmtree(project)
    return results


def _cpu_seconds() -> float:
    """User + system time of this process and every child it has waited for."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _setting(name: str, default: str) -> str:
    return os.environ.get(name, default).strip() or default


def main() -> int:
    sizes = [int(size) for size in _setting("BENCH_SIZES", "100,1000,10000").split(",")]
    runs = int(_setting("BENCH_RUNS", "3"))
    watch_size = int(_setting("BENCH_WATCH_SIZE", "1000"))
    edits = int(_setting("BENCH_EDITS", "5"))
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    machine = report.machine()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="stretch-bench-") as folder:
        workdir = Path(folder)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            machine["Chromium"] = browser.version
            for size in sizes:
                # One run fewer at 10,000 and up keeps the whole benchmark within 15 minutes.
                size_runs = runs if size < 10_000 else max(1, runs - 1)
                print(f"Measuring {size} stretches ({size_runs} runs)", flush=True)
                rows.append(measure_size(size, size_runs, workdir, browser))
            browser.close()
        watched: dict[str, list[Edit]] = {}
        if watch_size:
            print(f"Measuring make serve with {watch_size} stretches ({edits} edits)", flush=True)
            watched = measure_watch(watch_size, edits, workdir)
    machine["Load average during the run"] = report.load_average()
    machine["Whole benchmark took"] = f"{time.perf_counter() - started:.0f} s"
    # On an idle machine the wall time is close to this: the steps run one after another.
    machine["CPU time it used (user + system, all its processes)"] = f"{_cpu_seconds():.0f} s"
    text = report.results(rows, watched, watch_size, machine)
    print()
    print(text)
    (ROOT / "bench" / "results.md").write_text(text, "utf-8")
    print("Written to bench/results.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
