"""`make site`'s build in parts: the same site, byte for byte, as one `mkdocs build --strict`,
and just as strict."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pages import urls
from generator.pages.outputs import render_site
from generator.site.parallel_build import parts_for, stretch_ids

from .helpers import ROOT, copy_project, run

SITE_URL = "https://stretches.example.org/library/"


def parallel_build(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.site.parallel_build", *options],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real library, generated, with site_url set so that the sitemap lists every page."""
    folder = copy_project(tmp_path_factory.mktemp("parts"))
    config = folder / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text("utf-8"), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert run("build") == 0
    return folder


@pytest.fixture(scope="module")
def one_build(generated: Path) -> dict[str, bytes]:
    result = parallel_build(generated, "--parts", "1")
    assert result.returncode == 0, result.stderr
    assert "as one MkDocs build" in result.stdout
    return tree(generated / "site")


def stretch_file_count(project: Path) -> int:
    count = len(list((project / "content" / "stretches").glob("*.yaml")))
    assert count >= 6  # enough for every part to get some
    return count


@pytest.mark.parametrize("parts", [2, 3])
def test_parts_make_the_same_site_as_one_build(
    generated: Path, one_build: dict[str, bytes], parts: int
) -> None:
    result = parallel_build(generated, "--parts", str(parts))
    assert result.returncode == 0, result.stderr
    assert f"as {parts} MkDocs builds side by side" in result.stdout
    in_parts = tree(generated / "site")
    assert sorted(in_parts) == sorted(one_build)
    different = [path for path in one_build if in_parts[path] != one_build[path]]
    assert different == []
    # The merged files are really merged: every stretch page is in the index and sitemap.
    sources = [
        path.relative_to(generated / "docs").as_posix() for path in generated.rglob("docs/**/*")
    ]
    pages = [f"stretches/{stretch_id}/index.html" for stretch_id in stretch_ids(sources)]
    assert len(pages) == stretch_file_count(generated) and all(page in in_parts for page in pages)
    sitemap = in_parts["sitemap.xml"].decode()
    index = in_parts["search/search_index.json"].decode()
    for page in pages:
        address = page.removesuffix("index.html")
        assert f"<loc>{SITE_URL}{address}</loc>" in sitemap
        assert f'"location":"{address}"' in index
    # Nothing is left behind beside site/.
    assert not list(generated.glob(".site[.-]*"))


def test_generated_files_are_linked_in_and_hand_written_ones_copied(
    generated: Path, one_build: dict[str, bytes]
) -> None:
    """In parts, a generated file MkDocs would only copy is a hard link to its source (the
    same bytes, without a new file for the kernel to create); a hand-written one is a copy,
    so nothing that edits site/ in place can change the sources."""
    result = parallel_build(generated, "--parts", "2")
    assert result.returncode == 0, result.stderr
    site, docs = generated / "site", generated / "docs"

    def same_file(path: str) -> bool:
        return (site / path).stat().st_ino == (docs / path).stat().st_ino

    linked = ["embed/cat-cow/index.html", "api/stretches.json", "api/oembed/cat-cow.json"]
    linked += ["figures/cat-cow.svg", "embed/embed.js"]
    assert all(same_file(path) for path in linked)
    assert not any(same_file(path) for path in ["javascripts/filters.js", "stylesheets/extra.css"])
    assert not (site / "api" / ".generated").exists()
    assert tree(site) == one_build


def test_a_site_without_search_builds_the_same_in_parts(generated: Path, tmp_path: Path) -> None:
    """Nothing to merge when mkdocs.yml turns the search plugin off."""
    for name in ("docs", "overrides"):
        shutil.copytree(generated / name, tmp_path / name)
    config = (generated / "mkdocs.yml").read_text("utf-8")
    plugins = re.search(r"^plugins:\n(?:[ #].*\n|\n)*", config, re.MULTILINE)
    assert plugins
    (tmp_path / "mkdocs.yml").write_text(config.replace(plugins[0], "plugins: []\n"), "utf-8")
    sites = []
    for parts in ("1", "2"):
        result = parallel_build(tmp_path, "--parts", parts)
        assert result.returncode == 0, result.stderr
        sites.append(tree(tmp_path / "site"))
    assert "search/search_index.json" not in sites[0]
    assert sites[0] == sites[1]


def test_a_warning_in_any_part_fails_the_build(generated: Path) -> None:
    """--strict holds in every part: a broken Markdown link on a page built by the last part."""
    docs = generated / "docs" / "stretches"
    ids = sorted(path.stem for path in docs.glob("*.md") if path.name != "index.md")
    last = ids[2]  # with 3 parts, the third stretch in id order is the third part's
    page = docs / f"{last}.md"
    original = page.read_text("utf-8")
    try:
        page.write_text(original + "\n[a broken link](no-such-page.md)\n", "utf-8")
        result = parallel_build(generated, "--parts", "3")
    finally:
        page.write_text(original, "utf-8")
    assert result.returncode == 1
    assert "no-such-page.md" in result.stderr
    assert "part 3 of 3: Aborted with 1 warnings in strict mode" in result.stderr
    assert not list(generated.glob(".site[.-]*"))


def test_only_stretch_pages_are_split_between_parts(generated: Path) -> None:
    """Each stretch page goes to its own stretch's part; every other file of docs/ is part 0's
    (or, for the generator's files MkDocs only copies, linked in by the parent)."""
    docs = generated / "docs"
    files = [path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()]
    ids = set(stretch_ids(files))
    assert len(ids) == stretch_file_count(generated)
    for path in files:
        owner = urls.stretch_of_source(path)
        if path.startswith("stretches/") and path.endswith(".md") and path != "stretches/index.md":
            assert owner == path.removeprefix("stretches/").removesuffix(".md"), path
        else:
            assert owner is None, path


def test_ids_that_start_alike_are_told_apart() -> None:
    assert urls.stretch_of_source("stretches/cat-cow-2.md") == "cat-cow-2"
    assert urls.stretch_of_source("stretches/cat-cow.md") == "cat-cow"
    assert urls.stretch_of_source("stretches/index.md") is None
    assert urls.stretch_of_source("tags/cat-cow.md") is None
    assert urls.stretch_of_source("embed/cat-cow/index.html") is None


def test_the_generator_writes_each_stretch_page_where_the_parts_look(project: Path) -> None:
    """The address stretch_ids reads back is the one the generator writes each page to."""
    from generator.cli import Paths, _read_library

    library, _ = _read_library(Paths(Path("content/stretches"), Path("docs"), Path("mkdocs.yml")))
    pages = render_site(library)
    assert stretch_ids(list(pages)) == sorted(stretch.id for stretch in library.stretches)


def test_small_libraries_build_in_one_part() -> None:
    assert parts_for(16, cpus=2) == 1
    assert parts_for(100, cpus=2) == 2
    assert parts_for(1000, cpus=2) == 2
    assert parts_for(1000, cpus=1) == 1
    assert parts_for(10_000, cpus=4) == 4


def test_make_site_builds_with_it() -> None:
    recipe = (ROOT / "Makefile").read_text()
    assert "\t$(BIN)/python -m generator.site.parallel_build\n" in recipe
