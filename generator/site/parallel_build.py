"""`make site`'s build: `mkdocs build --strict`, split across the machine's cores when the
library is large enough for that to pay.

MkDocs builds one page after another on one core. Each part here is MkDocs' own strict build
of the whole project in a process of its own, told to leave out the other parts' stretches
(MkDocs' "excluded" files: links to them still resolve, and a missing file still fails).
Part 0 also builds every page that is not one stretch's (home, lists, tags, theme files).
The parts' folders are then moved into site/, and their search indexes and sitemaps merged
in the order one build writes them. The generator's files that MkDocs would only copy are
hard-linked in instead (merge.link_into). The result is byte for byte what one
`mkdocs build --strict` makes (tests/test_parallel_build.py holds it to that). All of it is
built beside site/ and replaces it only when whole (generator/site/staging.py).

Usage: python -m generator.site.parallel_build [--parts N]   (default: as many as pay, up to the CPUs)
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.pages import urls
from generator.site.editions import edition_site_url, language_configs
from generator.site.merge import link_into, merge
from generator.site.secure import secure
from generator.write import MARKER
from generator.site.staging import Staging, staged

# Below this many stretch pages a part, another part saves too little to be worth it. Measured
# on 2 cores: at 100 stretches two parts took 1.2 s against 1.7 s for one (a fork starts with
# MkDocs already imported), at 500 2.4 s against 3.9 s, for 5% more CPU time.
STRETCHES_PER_PART = 50


def stretch_ids(src_uris: list[str]) -> list[str]:
    """The ids of the stretch pages among a docs folder's files."""
    return sorted(stretch_id for uri in src_uris if (stretch_id := urls.stretch_of_source(uri)))


# It has no settings of its own; MkDocs' BasePlugin has no type hints for that case.
class _KeepOnlyPart(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Marks as excluded every file another part builds, and every generated file MkDocs
    would only copy (the parent links those in); records the order of all pages."""

    def __init__(self, part: int, parts: int) -> None:
        super().__init__()
        self.part, self.parts = part, parts
        self.page_order: list[str] = []
        self.to_link: list[tuple[str, str]] = []  # (source path, path under site/)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # As Page.url has it: the home page is "" (its File.url is "./").
        self.page_order = [
            "" if file.url in (".", "./") else file.url for file in files.documentation_pages()
        ]
        ids = stretch_ids([file.src_uri for file in files])
        part_of = {stretch_id: number % self.parts for number, stretch_id in enumerate(ids)}
        owned = set(part_of)
        generated = _generated_folders(config.docs_dir)
        for file in files:
            if _only_copied(file, generated):
                self.to_link.append((file.abs_src_path or "", file.dest_uri))
                file.inclusion = InclusionLevel.EXCLUDED
                continue
            # Only stretch pages are split; every other page is part 0's (the generator's
            # other per-stretch files are only copied, so linked above).
            stretch = urls.stretch_of_source(file.src_uri)
            if (part_of[stretch] if stretch in owned else 0) != self.part:
                file.inclusion = InclusionLevel.EXCLUDED
        return files


def _generated_folders(docs_dir: str) -> set[str]:
    """The folders of docs/ that the generator writes (write.py marks each one)."""
    return {
        entry.name
        for entry in os.scandir(docs_dir)
        if entry.is_dir() and os.path.isfile(os.path.join(entry.path, MARKER))
    }


def _only_copied(file: File, generated: set[str]) -> bool:
    """A file of the generator's that MkDocs would copy as it is (embed pages, API JSON,
    figures). Hand-written ones are left to MkDocs: a hard link to them would let a tool that
    edits site/ in place edit the sources too."""
    return (
        not file.is_documentation_page()
        and file.inclusion not in (InclusionLevel.EXCLUDED, InclusionLevel.DRAFT)
        and file.abs_src_path is not None
        and file.src_uri.split("/", 1)[0] in generated
    )


@dataclass(frozen=True)
class PartResult:
    ok: bool
    page_order: list[str]  # every page's URL, in the order one build writes them
    to_link: list[tuple[str, str]]  # generated files for the parent to link into site/


def _build_part(config_file: str, part: int, parts: int, site_dir: str) -> PartResult:
    """One part: what `mkdocs build --strict` does, with the other parts' files excluded."""
    config = load_config(config_file, strict=True, site_dir=site_dir)
    edition_site_url(config, Path(config_file))
    keep = _KeepOnlyPart(part, parts)
    if parts > 1:
        config.plugins["stretch-parts"] = keep
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except Abort as error:
        print(f"part {part + 1} of {parts}: {error}", file=sys.stderr)
        return PartResult(False, [], [])
    finally:
        config.plugins.on_shutdown()
    return PartResult(True, keep.page_order, keep.to_link)


class PartDied(Exception):
    """A part's process ended without sending its result."""


def _send_result(sender: Connection, job: tuple[str, int, int, str]) -> None:
    sender.send(_build_part(*job))  # an exception: printed by multiprocessing, and no result


def _in_processes(jobs: list[tuple[str, int, int, str]]) -> list[PartResult]:
    """Each part in a forked process of its own, side by side; the results in order. Not a
    pool: when a worker dies, Pool waits for its job forever, and ProcessPoolExecutor, if it
    died while sending its result, for the rest of the result."""
    context = multiprocessing.get_context("fork")
    receivers, processes, finished = [], [], False
    try:
        for job in jobs:
            receiver, sender = context.Pipe(duplex=False)
            receivers.append(receiver)
            processes.append(context.Process(target=_send_result, args=(sender, job)))
            processes[-1].start()
            sender.close()  # the child's copy alone is left: when it dies, the pipe ends
        results = []
        for number, receiver in enumerate(receivers, 1):
            try:
                results.append(receiver.recv())
            except (EOFError, OSError):
                raise PartDied(f"part {number} of {len(jobs)} ended before it finished") from None
        finished = True
        return results
    finally:
        for process in (process for process in processes if process.pid is not None):
            if not finished:  # a part failed, or a signal stops the build: stop the others
                process.terminate()
            process.join()


def _all_built(jobs: list[tuple[str, int, int, str]]) -> list[PartResult] | None:
    """Each job's result, or None when any failed or its process died (said on stderr)."""
    try:
        results = _in_processes(jobs)  # fork: each starts with MkDocs already imported
    except PartDied as error:
        print(f"error: {error}", file=sys.stderr)
        return None
    return results if all(result.ok for result in results) else None


@contextlib.contextmanager
def _work_folder(staging: Staging) -> Iterator[Path]:
    """A folder beside site/, on the same disk, so that moving what a job built into the new
    site is only a rename; removed whatever happens."""
    work = staging.folder("parts")
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def parts_for(stretch_count: int, cpus: int) -> int:
    return max(1, min(cpus, stretch_count // STRETCHES_PER_PART))


def run(config_file: Path, parts: int, config: MkDocsConfig) -> int:
    """Build the site into a staging folder and put it in site/'s place only when all of it
    built (generator/site/staging.py); 0 when it built, 1 when it failed (site/ as it was)."""
    project = Path(config.config_file_path or config_file).parent
    with staged(Path(config.site_dir), project, "make site") as staging:
        new_site = staging.folder()
        languages = language_configs(config_file)
        if parts <= 1 and languages:  # a small library: each edition one build, side by side
            status = _editions_side_by_side(config_file, languages, new_site, staging)
        else:
            status = _build(config_file, parts, config, new_site, staging)
            for code, language_file in languages:
                if status == 0:  # after English's: MkDocs empties its site folder first
                    language_site = new_site / code
                    language = load_config(str(language_file), site_dir=str(language_site))
                    edition_site_url(language, language_file)
                    count = parts_for(_stretch_count(language), parts)
                    status = _build(language_file, count, language, language_site, staging)
        if status == 0:
            secure(new_site, config.site_url or "")  # every page's CSP; the header files
            staging.replace_site(new_site)
    return status


def _editions_side_by_side(
    config_file: Path, languages: list[tuple[str, Path]], site: Path, staging: Staging
) -> int:
    """Every edition as one MkDocs build, all at once (each on a core of its own): the other
    languages' into folders beside site/, moved into site/<code>/ once all have built."""
    with _work_folder(staging) as work:
        jobs = [(str(config_file), 0, 1, str(site))]
        jobs += [(str(path), 0, 1, str(work / code)) for code, path in languages]
        if _all_built(jobs) is None:
            return 1
        for code, _ in languages:
            (work / code).rename(site / code)
    return 0


def _build(
    config_file: Path, parts: int, config: MkDocsConfig, site: Path, staging: Staging
) -> int:
    """Build the site into `site` in `parts` parts side by side; 0 when it built."""
    if parts <= 1:
        return 0 if _build_part(str(config_file), 0, 1, str(site)).ok else 1
    with _work_folder(staging) as work:
        folders = [site, *(work / str(part) for part in range(1, parts))]
        jobs = [(str(config_file), part, parts, str(folders[part])) for part in range(parts)]
        results = _all_built(jobs)
        if results is None:
            return 1
        merge(site, folders[1:], results[0].page_order, config.site_url or "")
        link_into(site, results[0].to_link)
    return 0


def _stretch_count(config: MkDocsConfig) -> int:
    pages = Path(config.docs_dir, "stretches").glob("*.md")
    return sum(1 for page in pages if page.name != "index.md")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.site.parallel_build", description=__doc__)
    parser.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--parts", type=int, help="how many MkDocs builds to run side by side")
    arguments = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    config = load_config(str(arguments.config_file))
    cpus = len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    count = _stretch_count(config)
    parts = arguments.parts or parts_for(count, cpus)
    # A small library builds each edition as one build, all side by side: faster than each
    # in parts in turn at 100 stretches (1.9 s against 2.4 s), slower at 400 (6.0 against 5.7).
    editions = language_configs(arguments.config_file)
    parts = 1 if arguments.parts is None and count < 250 and editions else parts
    start = time.perf_counter()
    status = run(arguments.config_file, parts, config)
    took = time.perf_counter() - start
    if status == 0:
        how = "one MkDocs build" if parts == 1 else f"{parts} MkDocs builds side by side"
        how = "one MkDocs build per language, side by side" if parts == 1 and editions else how
        print(f"Built site/ with `mkdocs build --strict` as {how}, in {took:.1f} s")
    else:
        print("The build failed, so site/ was left as it was.", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
