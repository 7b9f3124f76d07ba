"""Shared fixtures: tiny libraries in tmp_path, and the CLI run as an author runs it."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.synth import relink_stretches
from generator.cli import main

# One server and one set of browser flags for the tests and `make pdfs`.
from generator.site.pdfs import CHROMIUM, CHROMIUM_FLAGS, serve

__all__ = ["CHROMIUM", "CHROMIUM_FLAGS", "serve"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding the two fixture stretches, a docs/ folder and mkdocs.yml."""
    shutil.copytree(FIXTURES / "library", tmp_path / "content" / "stretches")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("stretches"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")  # theme.custom_dir
    _link_only_fixture_stretches(tmp_path / "docs", tmp_path / "content" / "stretches")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _link_only_fixture_stretches(docs: Path, library: Path) -> None:
    """Hand-written pages link real stretches the fixture library lacks: point those links at
    its first stretch, so that `mkdocs build --strict` has nothing to warn about."""
    ids = sorted(path.stem for path in library.glob("*.yaml"))
    relink_stretches(docs, lambda linked: linked if linked in ids else ids[0])


def run(*argv: str) -> int:
    """Run `python -m generator ...` in the current folder and return its exit status."""
    return main(list(argv))


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under folder with its bytes and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("stretches"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")  # theme.custom_dir
    return target


def mkdocs_build(folder: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict`. Never with --quiet: MkDocs then drops its warnings before
    --strict counts them, and the build passes."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real library, generated and built once for the whole test run."""
    folder = copy_project(tmp_path_factory.mktemp("site"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert run("build") == 0
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="session")
def site_url(built: Path) -> Iterator[str]:
    """The real library's built site, served."""
    with serve(built / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright (which can't download its own here)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="session")
def crawl(browser: Any, built: Path, site_url: str) -> Any:
    """Every built page visited in light and dark at 375 and 1280 px, with axe-core's findings
    and the request log (tests/crawl.py); shared by the accessibility and privacy tests."""
    from .crawl import crawl_site

    return crawl_site(browser, built / "site", site_url)


@contextlib.contextmanager
def built_and_watched(browser: Any, project: Path, viewport: dict[str, int]) -> Iterator[Any]:
    """The project generated, built and served, and a page that records every dialog a
    script opens (an injected alert() is how a payload would show it ran)."""
    assert run("build") == 0
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        with serve(project / "site") as url:
            yield page, url, dialogs
    finally:
        context.close()
