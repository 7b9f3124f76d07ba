"""bench/results.md: the machine, the versions, one table of measurements, and each target of
the scale issue against what was measured."""

from __future__ import annotations

import os
import platform
import statistics
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .measure import Edit, Timed
    from .run import Row

PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "Jinja2", "PyYAML", "jsonschema", "playwright")


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    return "unknown"


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min) at the end"


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    facts = {
        "CPUs available": str(len(os.sched_getaffinity(0))),
        "CPU": _cpu_model(),
        "Memory": _memory(),
        "System": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Load average at the start": f"{os.getloadavg()[0]:.2f} (1 min)",
    }
    for package in PACKAGES:
        facts[package] = metadata.version(package)
    return facts


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _whole(row: Row, user: bool = False) -> list[float]:
    pairs = zip(row.generate, row.build, strict=True)
    return [_time(generate, user) + _time(build, user) for generate, build in pairs]


def _time(timed: Timed, user: bool) -> float:
    return timed.user_seconds if user else timed.seconds


def _ratio(row: Row, user: bool = False) -> float:
    """Generate + build over the bare build, run by run, then the median."""
    pairs = zip(_whole(row, user), row.bare, strict=True)
    return _median([whole / _time(bare, user) for whole, bare in pairs])


def _share(row: Row, user: bool = False) -> float:
    pairs = zip(row.generate, _whole(row, user), strict=True)
    return _median([_time(generate, user) / whole for generate, whole in pairs])


def _seconds(timings: list[Timed]) -> str:
    """Median wall time, and median user CPU time in brackets."""
    wall = _median([t.seconds for t in timings])
    return f"{wall:.2f} ({_median([t.user_seconds for t in timings]):.2f})"


def _table(rows: list[Row]) -> list[str]:
    lines = [
        "| Stretches (runs) | Generate | MkDocs build | Generate + build | Bare Material "
        "| (Generate + build) / bare | Generator share | Per stretch (ms) "
        "| Peak memory MB: generate / build / bare | Stretch page HTML (KB) "
        "| List page HTML (KB) | Search index MB (gzip) | First search result (s) |",
        "|" + "---:|" * 13,
    ]
    for row in rows:
        peak = " / ".join(
            f"{max(t.peak_mb for t in timings):.0f}"
            for timings in (row.generate, row.build, row.bare)
        )
        whole = f"{_median(_whole(row)):.2f} ({_median(_whole(row, user=True)):.2f})"
        lines.append(
            f"| {row.size:,} ({len(row.generate)}) | {_seconds(row.generate)} "
            f"| {_seconds(row.build)} | {whole} "
            f"| {_seconds(row.bare)} | {_ratio(row):.2f} ({_ratio(row, user=True):.2f}) "
            f"| {_share(row):.1%} ({_share(row, user=True):.1%}) "
            f"| {_median(_whole(row)) / row.size * 1000:.1f} | {peak} "
            f"| {row.stretch_page_bytes / 1024:.1f} | {row.list_page_bytes / 1024:.0f} "
            f"| {row.index_bytes / 1e6:.2f} ({row.index_gzip_bytes / 1e6:.2f}) "
            f"| {_median(row.search):.2f} |"
        )
    return lines


def _system_times(rows: list[Row]) -> list[str]:
    """The kernel's share: creating, copying and removing files."""
    if not rows:
        return []
    parts = [
        f"{row.size:,}: "
        + " / ".join(
            f"{_median([t.system_seconds for t in timings]):.2f}"
            for timings in (row.generate, row.build, row.bare)
        )
        for row in rows
    ]
    per_file = [
        f"{row.size:,}: {row.generated_files:,} files, "
        f"{_median([t.system_seconds for t in row.generate]) / row.generated_files * 1000:.2f} ms"
        for row in rows
    ]
    return [
        "System CPU seconds (the kernel creating, copying and removing files) of generate / "
        f"build / bare: {'; '.join(parts)}.",
        "Files the generator creates, and its kernel time per file: " + "; ".join(per_file) + ".",
        "Kernel time depends on what the file system did just before. On ext4 without a",
        "journal, a file created within a minute (up to six) of a large deletion costs 0.3 to",
        "0.6 ms, because the kernel first steps past every inode freed since; that is why no run",
        "deletes anything until the benchmark ends. Even so it varies more than user time, which",
        "is why the brackets show user time.",
        "",
    ]


def _verdict(met: bool | None) -> str:
    return "not measured" if met is None else ("met" if met else "**not met**")


def _targets(rows: list[Row], edits: list[Edit]) -> list[str]:
    by_size = {row.size: row for row in rows}
    small, medium, large = by_size.get(100), by_size.get(1000), by_size.get(10_000)
    found: list[tuple[str, str, bool | None]] = []
    # What a user waits for: `make site` no slower than one bare MkDocs build of the same pages.
    for row in rows:
        ratio, user = _ratio(row), _ratio(row, user=True)
        target = f"Generate + build no slower than bare Material ({row.size:,})"
        found.append((target, f"{ratio:.2f}× (user CPU {user:.2f}×)", ratio <= 1.0))
    if small and large:
        per = (_median(_whole(large)) / large.size) / (_median(_whole(small)) / small.size)
        target = "Per-stretch build time at 10,000 ≤ 1.3× that at 100"
        found.append((target, f"{per:.2f}×", per <= 1.3))
    if len(rows) > 1:
        sizes = [row.stretch_page_bytes for row in rows]
        spread = max(sizes) / rows[0].stretch_page_bytes - 1
        low, high = min(sizes) / 1024, max(sizes) / 1024
        target = "Stretch page HTML independent of library size (± 20%)"
        found.append((target, f"{low:.1f} to {high:.1f} KB ({spread:+.0%})", abs(spread) <= 0.2))
    if large:  # the list of stretches opens light whatever the library's size (paged)
        size = large.list_page_bytes
        target = "List of stretches under 600 KB of HTML at 10,000"
        found.append((target, f"{size / 1000:.0f} KB", size < 600_000))
        whole = _median(_whole(large))
        kernel = _median(
            [
                g.system_seconds + b.system_seconds
                for g, b in zip(large.generate, large.build, strict=True)
            ]
        )
        value = f"{whole:.1f} s ({kernel:.1f} s of kernel CPU creating files)"
        found.append(("10,000 built (generate + build) under 60 s", value, whole < 60))
    for searched, limit in ((medium, 1.5), (large, 2.0)):
        if searched:
            seconds = _median(searched.search)
            target = f"First search results ≤ {limit} s at {searched.size:,}"
            found.append((target, f"{seconds:.2f} s", seconds <= limit))
    if edits:
        written = _median([edit.written for edit in edits])
        only_its_own = not any(edit.unrelated for edit in edits)
        target = "Saving one YAML file rewrites only its stretch's files and the pages listing it"
        found.append((target, f"{written:.2f} s to written", only_its_own))
    lines = ["| Target | Measured | |", "|---|---:|---|"]
    lines += [f"| {target} | {value} | {_verdict(met)} |" for target, value, met in found]
    return lines


def _edits(watched: dict[str, list[Edit]], size: int) -> list[str]:
    first = next(iter(watched.values()))
    lines = [
        f"In a library of {size:,} stretches, running `make serve`'s two processes "
        "(`python -m generator watch`, `mkdocs serve`), one stretch file saved at a time "
        f"({len(first)} edits, each to a different stretch's summary). Seconds from the save:",
        "",
        "| | Markdown written: median | slowest | Page served: median | slowest |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, edits in watched.items():
        written = [edit.written for edit in edits]
        served = [edit.served for edit in edits]
        lines.append(
            f"| {label} | {_median(written):.2f} | {max(written):.2f} "
            f"| {_median(served):.2f} | {max(served):.2f} |"
        )
    rewritten: Counter[str] = Counter(name for edit in first for name in edit.changed)
    lines += [
        "",
        "Generated files rewritten (`<id>` is the edited stretch), out of every edit:",
        "",
    ]
    lines += [f"- `{name}`: {count} of {len(first)}" for name, count in sorted(rewritten.items())]
    unrelated = sorted({name for edits in watched.values() for e in edits for name in e.unrelated})
    lines += [
        "",
        "Rewritten files that neither are the edited stretch's nor mention its id: "
        + (", ".join(f"`{name}`" for name in unrelated) if unrelated else "none."),
    ]
    return lines


def results(
    rows: list[Row],
    watched: dict[str, list[Edit]],
    watch_size: int,
    machine: dict[str, str],
) -> str:
    """The whole of bench/results.md."""
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.py); run it again to refresh. Synthetic libraries are",
        "the real stretches copied and renamed. Times are medians of the runs (in brackets after",
        "each size); ratios are taken run by run (each run measures generate, build and bare back",
        "to back) and then the median. Other work on the machine makes absolute times noisy:",
        "compare the ratios.",
        "",
        "Each time is wall-clock seconds, with the process's user CPU seconds in brackets: CPU",
        "time is steadier than wall time when other work shares the machine.",
        "",
        "- **Generate**: `python -m generator build` from an empty output folder, in a fresh copy",
        "  of the project for every run.",
        "- **MkDocs build**: what `make site` runs after generating, `python -m",
        "  generator.site.parallel_build`: `mkdocs build --strict`, run as several parts side",
        "  by side (one per 50 stretches, up to one per CPU) and merged. Generate + build is what",
        "  `make site` runs once its virtual environment exists. Its CPU time adds up every part.",
        "- **Bare Material**: the same Markdown, built by `mkdocs build --strict` with a bare",
        "  Material config (same nav and Markdown extensions; no extra CSS or JavaScript, hooks,",
        "  overrides or plugins but search) and no generator.",
        "- **Peak memory**: the largest resident set of each command (`wait4` rusage).",
        "- **Stretch page HTML**: median size of `site/stretches/<id>/index.html`.",
        "- **First search result**: headless Chromium, fresh browser context (empty cache), home",
        "  page served over local HTTP: seconds from navigation start until Material shows the",
        '  first result for "hamstring", typed key by key as soon as the search box exists.',
        "",
        *_table(rows),
        "",
        *_system_times(rows),
        "## Against the targets",
        "",
        *_targets(rows, next(iter(watched.values()), [])),
        "",
    ]
    if watched:
        lines += ["## Editing with `make serve`", "", *_edits(watched, watch_size), ""]
    lines += ["## Machine and versions", ""]
    lines += [f"- {name}: {value}" for name, value in machine.items()]
    return "\n".join(lines) + "\n"
