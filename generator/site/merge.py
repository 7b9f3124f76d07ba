"""Joining the parts of a parallel build (generator/site/parallel_build.py) into one site/: each
part's folders moved in, the search indexes and sitemaps every part writes merged in the order
one build writes them, and the generator's files that MkDocs would only copy linked in."""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

SEARCH_INDEX = "search/search_index.json"
SITEMAP = "sitemap.xml"
MERGED = {SEARCH_INDEX, SITEMAP, SITEMAP + ".gz"}


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
