"""The measurements: a command's time and peak memory, first search results in Chromium, and
the edit-to-written latency of `make serve`'s two processes."""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support.projects import GENERATED_MARKER
from support.synth import ROOT, Library, stretch_text

PYTHON = sys.executable
GENERATE = [PYTHON, "-m", "generator", "build"]
# Not --quiet: it stops MkDocs logging warnings, so --strict would then pass them.
MKDOCS_BUILD = [PYTHON, "-m", "mkdocs", "build", "--strict"]
# What `make site` runs after generating: the same strict build, in parts on a large library.
SITE_BUILD = [PYTHON, "-m", "generator.site.parallel_build"]
SEARCH_BOX = "input.md-search__input"
SEARCH_RESULT = ".md-search-result__item"


def environment() -> dict[str, str]:
    """The environment of every command: the generator importable from the repository."""
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONUNBUFFERED": "1",
    }


@dataclass(frozen=True)
class Timed:
    seconds: float  # wall-clock
    user_seconds: float  # CPU time in the process itself
    system_seconds: float  # CPU time in the kernel for it: mostly creating files
    peak_mb: float


def timed(argv: list[str], cwd: Path) -> Timed:
    """Run a command to the end; its wall time and its own peak resident memory."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, cwd=cwd, env=environment(), stdout=subprocess.DEVNULL, stderr=errors
        )
        # wait4, not wait: it returns the rusage of this child alone (RUSAGE_CHILDREN
        # would be the peak of every child so far).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-3000:]
            raise RuntimeError(f"{' '.join(argv[1:])} failed in {cwd}:\n{message}")
    return Timed(seconds, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024)  # KiB


def generated_folders(docs: Path) -> list[Path]:
    """The folders under docs/ that the generator owns (it marks each one): English's, and
    each other edition's under docs/<code>/."""
    marks = [*docs.glob(f"*/{GENERATED_MARKER}"), *docs.glob(f"*/*/{GENERATED_MARKER}")]
    return sorted(path.parent for path in marks)


def generated_files(docs: Path) -> dict[str, tuple[int, int]]:
    """Every generated file with its modification time and size."""
    return {
        path.relative_to(docs).as_posix(): (path.stat().st_mtime_ns, path.stat().st_size)
        for folder in generated_folders(docs)
        for path in folder.rglob("*")
        if path.is_file()
    }


def first_search_result(browser: Any, url: str, query: str) -> float:
    """Seconds from opening the home page in a fresh browser (empty cache) until Material
    shows the first result for `query`, typed key by key as soon as the box exists."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url + "/", wait_until="domcontentloaded")
        page.locator(SEARCH_BOX).press_sequentially(query)
        page.locator(SEARCH_RESULT).first.wait_for(state="visible", timeout=120_000)
        return time.perf_counter() - start
    finally:
        context.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            text: str = response.read().decode("utf-8", "replace")
            return text
    except OSError:
        return ""


def _wait_until(condition: Any, timeout: float, what: str, step: float = 0.005) -> float:
    """Poll until condition() holds; the time it did, by perf_counter."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(step)
    return time.perf_counter()


@dataclass(frozen=True)
class Edit:
    written: float  # seconds from saving the YAML file to its page holding the new text
    served: float  # ... to `mkdocs serve` serving the page with the new text
    changed: tuple[str, ...]  # generated files rewritten, the stretch's id shown as <id>
    unrelated: tuple[str, ...]  # rewritten files that neither are the stretch's nor mention it


def _lines(stream: Any, lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


def make_serve_options() -> tuple[str, ...]:
    """The options `make serve` gives `mkdocs serve`, as the Makefile says (but the address)."""
    for line in (ROOT / "Makefile").read_text("utf-8").splitlines():
        if line.startswith("\t") and "mkdocs serve" in line:  # the recipe, not a comment
            words = line.split("mkdocs serve", 1)[1].split()
            address = words.index("--dev-addr") if "--dev-addr" in words else len(words)
            return tuple(words[:address] + words[address + 2 :])
    raise LookupError("no `mkdocs serve` in the Makefile")


def watch_edits(
    project: Path, library: Library, edits: int, serve_options: tuple[str, ...]
) -> list[Edit]:
    """Run `make serve`'s two processes (generator watch, mkdocs serve) on a library, save
    one stretch file at a time and time how long its change takes to be written and served."""
    docs = project / "docs"
    port = _free_port()
    watcher = subprocess.Popen(
        [PYTHON, "-m", "generator", "watch"],
        cwd=project,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    printed: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(watcher.stdout, printed), daemon=True).start()
    server = None
    try:
        # The watcher prints one line after its first build, then one per rebuild.
        printed.get(timeout=600)
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "mkdocs",
                "serve",
                *serve_options,
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            cwd=project,
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        site = f"http://127.0.0.1:{port}"
        _wait_until(lambda: bool(_fetch(site + "/")), 600, "mkdocs serve", step=0.2)
        ids = sorted(library)
        results = []
        for number in range(edits):
            stretch_id = ids[(number * 7919) % len(ids)]
            results.append(_edit(project, docs, site, library, stretch_id, number, printed))
        return results
    finally:
        for process in (server, watcher):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def _edit(
    project: Path,
    docs: Path,
    site: str,
    library: Library,
    stretch_id: str,
    number: int,
    printed: queue.Queue[str],
) -> Edit:
    while not printed.empty():
        printed.get_nowait()
    before = generated_files(docs)
    marker = f"Edited {number} times"
    data = {**library[stretch_id], "summary": f"{marker}. {library[stretch_id]['summary']}"}
    path = project / "content" / "stretches" / f"{stretch_id}.yaml"
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(stretch_text(data), "utf-8")
    start = time.perf_counter()
    os.replace(temporary, path)  # an editor's atomic save
    page = docs / "stretches" / f"{stretch_id}.md"
    written = _wait_until(lambda: marker in page.read_text("utf-8"), 120, "the page")
    printed.get(timeout=120)  # the rebuild's summary line: every file is written
    url = f"{site}/stretches/{stretch_id}/"
    served = _wait_until(lambda: marker in _fetch(url), 300, "the served page", step=0.05)
    after = generated_files(docs)
    changed = sorted(name for name in after if before.get(name) != after[name])
    changed += sorted(f"{name} (removed)" for name in before if name not in after)
    # The id as a whole word: bird-dog-1 is not in bird-dog-10.
    own = re.compile(rf"(?<![a-z0-9-]){re.escape(stretch_id)}(?![a-z0-9])")
    unrelated = [
        name for name in changed if not own.search(name) and not own.search(_text(docs / name))
    ]
    return Edit(
        written - start,
        served - start,
        tuple(own.sub("<id>", name) for name in changed),
        tuple(unrelated),
    )


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace") if path.is_file() else ""
