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

from generator.model import Site
from generator.pages.render import render_site
from generator.site.parallel_build import parts_for, stretch_ids, stretch_of

from .conftest import ROOT, copy_project, run

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
    assert len(pages) >= 16 and all(page in in_parts for page in pages)
    sitemap = in_parts["sitemap.xml"].decode()
    index = in_parts["search/search_index.json"].decode()
    for page in pages:
        address = page.removesuffix("index.html")
        assert f"<loc>{SITE_URL}{address}</loc>" in sitemap
        assert f'"location":"{address}"' in index
    # Nothing is left behind beside site/.
    assert not list(generated.glob(".site-parts-*"))


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
    assert not list(generated.glob(".site-parts-*"))


def test_every_file_of_a_stretch_is_built_by_that_stretchs_part(
    generated: Path, tmp_path: Path
) -> None:
    """stretch_of must know every per-stretch file the generator writes; a file it misses
    would still be built (by part 0), but the parts would be uneven."""
    docs = generated / "docs"
    files = [path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()]
    ids = set(stretch_ids(files))
    assert len(ids) >= 16
    for path in files:
        owner = stretch_of(path, ids)
        mentions = [stretch_id for stretch_id in ids if stretch_id in path]
        if path.startswith(("stretches/", "embed/", "api/stretches/", "api/oembed/", "figures/")):
            expected = max(mentions, key=len) if mentions else None
            assert owner == expected, path
        else:
            assert owner is None, path


def test_ids_that_start_alike_are_told_apart() -> None:
    ids = {"cat-cow", "cat-cow-2", "bridge"}
    assert stretch_of("figures/cat-cow-2-start.svg", ids) == "cat-cow-2"
    assert stretch_of("figures/cat-cow-start.svg", ids) == "cat-cow"
    assert stretch_of("embed/cat-cow-2/index.html", ids) == "cat-cow-2"
    assert stretch_of("api/oembed/bridge.json", ids) == "bridge"
    assert stretch_of("stretches/index.md", ids) is None
    assert stretch_of("embed/embed.js", ids) is None
    assert stretch_of("api/stretches.json", ids) is None


def test_the_generator_names_every_stretch_file_after_its_stretch(project: Path) -> None:
    """The rule stretch_of relies on, checked against what render_site writes."""
    from generator.cli import Paths, _read_library

    stretches, _, _ = _read_library(
        Paths(Path("content/stretches"), Path("docs"), Path("mkdocs.yml"))
    )
    pages = render_site(stretches, Site())
    ids = {stretch.id for stretch in stretches}
    for stretch in stretches:
        own = [path for path in pages if stretch_of(path, ids) == stretch.id]
        assert f"stretches/{stretch.id}.md" in own and f"embed/{stretch.id}/index.html" in own
        assert len(own) == len([path for path in pages if re.search(rf"\b{stretch.id}\b", path)])


def test_small_libraries_build_in_one_part() -> None:
    assert parts_for(16, cpus=2) == 1
    assert parts_for(100, cpus=2) == 2
    assert parts_for(1000, cpus=2) == 2
    assert parts_for(1000, cpus=1) == 1
    assert parts_for(10_000, cpus=4) == 4


def test_make_site_builds_with_it() -> None:
    recipe = (ROOT / "Makefile").read_text()
    assert "\t$(BIN)/python -m generator.site.parallel_build\n" in recipe
