"""`make site`'s build: `mkdocs build --strict`, split across the machine's cores when the
library is large enough for that to pay.

MkDocs builds one page after another on one core. Each part here is MkDocs' own strict build
of the whole project in a process of its own, told to leave out the other parts' stretches
(MkDocs' "excluded" files: links to them still resolve, and a missing file still fails).
Part 0 also builds every page that is not one stretch's (home, lists, tags, theme files).
The parts' folders are then moved into site/, and their search indexes and sitemaps merged
in the order one build writes them. The generator's files that MkDocs would only copy are
hard-linked in instead (see link_into). The result is byte for byte what one
`mkdocs build --strict` makes (tests/test_parallel_build.py holds it to that).

Usage: python -m generator.parallel_build [--parts N]   (default: as many as pay, up to the CPUs)
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import logging
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .write import MARKER

# Below this many stretch pages a part, another part saves too little to be worth it. Measured
# on 2 cores: at 100 stretches two parts took 1.2 s against 1.7 s for one (a fork starts with
# MkDocs already imported), at 500 2.4 s against 3.9 s, for 5% more CPU time.
STRETCHES_PER_PART = 50
SEARCH_INDEX = "search/search_index.json"
SITEMAP = "sitemap.xml"
MERGED = {SEARCH_INDEX, SITEMAP, SITEMAP + ".gz"}
STRETCH_PAGE = re.compile(r"stretches/(?!index\.md$)([^/]+)\.md")


def stretch_ids(src_uris: list[str]) -> list[str]:
    """The ids of the stretch pages among a docs folder's files."""
    return sorted(match[1] for uri in src_uris if (match := STRETCH_PAGE.fullmatch(uri)))


def stretch_of(src_uri: str, ids: set[str]) -> str | None:
    """The stretch a generated file belongs to, by its name (`stretches/<id>.md`,
    `embed/<id>/index.html`, `api/oembed/<id>.json`, `figures/<id>.svg`, or `<id>-<more>`),
    or None for a file of the whole site. A file this misses is built by part 0: slower,
    never wrong."""
    parts = src_uri.split("/")
    name = parts[-2] if parts[-1] == "index.html" and len(parts) > 2 else parts[-1]
    stem = name.rsplit(".", 1)[0]
    if stem in ids:
        return stem
    # figures/<id>-<figure>.svg: the longest id the name starts with.
    while "-" in stem:
        stem = stem.rsplit("-", 1)[0]
        if stem in ids:
            return stem
    return None


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
            stretch = stretch_of(file.src_uri, owned)
            if (part_of[stretch] if stretch else 0) != self.part:
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


def link_into(site: Path, to_link: list[tuple[str, str]]) -> None:
    """Put each generated file MkDocs would have copied into site/ as a hard link to it: the
    same bytes, for a fraction of the kernel's time to create a file and copy it (at 10,000
    stretches that is 40,000 files). A copy where links can't be made (another disk)."""
    folders: set[Path] = set()
    for source, destination in to_link:
        target = site / destination
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        try:
            os.link(source, target)
        except FileExistsError:
            raise RuntimeError(f"two files of the build are both {destination}") from None
        except OSError:
            shutil.copyfile(source, target)


@dataclass(frozen=True)
class PartResult:
    ok: bool
    page_order: list[str]  # every page's URL, in the order one build writes them
    to_link: list[tuple[str, str]]  # generated files for the parent to link into site/


def _build_part(config_file: str, part: int, parts: int, site_dir: str) -> PartResult:
    """One part: what `mkdocs build --strict` does, with the other parts' files excluded."""
    config = load_config(config_file, strict=True, site_dir=site_dir)
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


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def merge_search_indexes(indexes: list[dict[str, Any]], page_order: list[str]) -> str:
    """One index with every part's entries, in the order of the pages in one build."""
    rank = {url: number for number, url in enumerate(page_order)}
    entries = [entry for index in indexes for entry in index["docs"]]
    entries.sort(key=lambda entry: rank.get(_page_of(entry["location"]), len(rank)))
    # As Material writes it (material/plugins/search/plugin.py).
    data = {"config": indexes[0]["config"], "docs": entries}
    return json.dumps(data, separators=(",", ":"), default=str)


SITEMAP_URL = re.compile(r"\s*<url>.*?</url>", re.DOTALL)
LOC = re.compile(r"<loc>(.*?)</loc>")


def merge_sitemaps(texts: list[str], page_order: list[str], site_url: str) -> str:
    """One sitemap with every part's pages, in the order of the pages in one build."""
    first = list(SITEMAP_URL.finditer(texts[0]))
    if not first:  # without site_url MkDocs lists no pages, in any part
        return texts[0]
    rank = {urljoin(site_url, url): number for number, url in enumerate(page_order)}

    def position(block: str) -> int:
        loc = LOC.search(block)
        return rank.get(html.unescape(loc[1]) if loc else "", len(rank))

    blocks = sorted((block for text in texts for block in SITEMAP_URL.findall(text)), key=position)
    return texts[0][: first[0].start()] + "".join(blocks) + texts[0][first[-1].end() :]


def _move_into(source: Path, target: Path, merged: set[str], top: Path) -> None:
    """Move what a part built into the site; a file both built must be the same."""
    for entry in sorted(source.iterdir()):
        destination = target / entry.name
        relative = entry.relative_to(top).as_posix()
        if relative in merged:
            continue
        if not destination.exists():
            os.replace(entry, destination)  # a whole folder at once, when it is new
        elif entry.is_dir() and destination.is_dir():
            _move_into(entry, destination, merged, top)
        elif (
            entry.is_dir() or destination.is_dir() or entry.read_bytes() != destination.read_bytes()
        ):
            raise RuntimeError(f"two parts of the build wrote different {relative}")


def _write_sitemap(site: Path, texts: list[str], page_order: list[str], site_url: str) -> None:
    text = merge_sitemaps(texts, page_order, site_url)
    (site / SITEMAP).write_text(text, "utf-8")
    # As MkDocs writes it (mkdocs/commands/build.py): the gzip header keeps part 0's time.
    gz_path = site / (SITEMAP + ".gz")
    mtime = int.from_bytes(gz_path.read_bytes()[4:8], "little")
    with (
        open(gz_path, "wb") as stream,
        gzip.GzipFile(fileobj=stream, filename=str(gz_path), mode="wb", mtime=mtime) as gz,
    ):
        gz.write(text.encode("utf-8"))


def merge(site: Path, part_dirs: list[Path], page_order: list[str], site_url: str) -> None:
    """Move parts 1.. into part 0's site/, merging the files every part writes."""
    folders = [site, *part_dirs]
    # Each is there unless mkdocs.yml turned it off (no search plugin, no sitemap template).
    has_index, has_sitemap = (site / SEARCH_INDEX).is_file(), (site / SITEMAP).is_file()
    indexes = [json.loads((f / SEARCH_INDEX).read_text("utf-8")) for f in folders if has_index]
    sitemaps = [(f / SITEMAP).read_text("utf-8") for f in folders if has_sitemap]
    for folder in part_dirs:
        _move_into(folder, site, MERGED, folder)
    if has_index:
        (site / SEARCH_INDEX).write_text(merge_search_indexes(indexes, page_order), "utf-8")
    if has_sitemap:
        _write_sitemap(site, sitemaps, page_order, site_url)


def parts_for(stretch_count: int, cpus: int) -> int:
    return max(1, min(cpus, stretch_count // STRETCHES_PER_PART))


def run(config_file: Path, parts: int, config: MkDocsConfig) -> int:
    """Build the site in `parts` parts side by side; 0 when it built, 1 when it failed."""
    site = Path(config.site_dir)
    if parts == 1:
        return 0 if _build_part(str(config_file), 0, 1, str(site)).ok else 1
    # Beside site/, on the same disk, so that moving a part's folders in is only a rename.
    work = Path(tempfile.mkdtemp(prefix=".site-parts-", dir=site.parent))
    try:
        folders = [site, *(work / str(part) for part in range(1, parts))]
        jobs = [(str(config_file), part, parts, str(folders[part])) for part in range(parts)]
        # fork: each part starts with MkDocs and the theme already imported.
        with multiprocessing.get_context("fork").Pool(parts) as pool:
            results = pool.starmap(_build_part, jobs)
        if not all(result.ok for result in results):
            return 1
        merge(site, folders[1:], results[0].page_order, config.site_url or "")
        link_into(site, results[0].to_link)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _stretch_count(config: MkDocsConfig) -> int:
    pages = Path(config.docs_dir, "stretches").glob("*.md")
    return sum(1 for page in pages if page.name != "index.md")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.parallel_build", description=__doc__)
    parser.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--parts", type=int, help="how many MkDocs builds to run side by side")
    arguments = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    config = load_config(str(arguments.config_file))
    cpus = len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    parts = arguments.parts or parts_for(_stretch_count(config), cpus)
    start = time.perf_counter()
    status = run(arguments.config_file, parts, config)
    took = time.perf_counter() - start
    if status == 0:
        how = "one MkDocs build" if parts == 1 else f"{parts} MkDocs builds side by side"
        print(f"Built site/ with `mkdocs build --strict` as {how}, in {took:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
