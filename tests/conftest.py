"""Shared fixtures: tiny libraries in tmp_path, the real site built once, and one browser.

Markers: a test that uses the `browser` fixture is marked `browser`, one that uses a built
site (or builds one) `site`, so that `pytest -m "not browser and not site"` is the fast loop."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.secure import secure

from .helpers import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    FIXTURES,
    ROOT,
    copy_project,
    link_only_fixture_stretches,
    mkdocs_build,
    run,
    serve,
)

SITE_FIXTURES = {"built", "site_url", "crawl", "generated", "nginx_url"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by the slow things its fixtures start (others mark themselves)."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        if names & SITE_FIXTURES:
            item.add_marker(pytest.mark.site)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding the two fixture stretches, a docs/ folder and mkdocs.yml."""
    shutil.copytree(FIXTURES / "library", tmp_path / "content" / "stretches")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("stretches"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")  # theme.custom_dir
    link_only_fixture_stretches(tmp_path / "docs", tmp_path / "content" / "stretches")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real library, generated and built once for the whole test run."""
    folder = copy_project(tmp_path_factory.mktemp("site"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert run("build") == 0
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    secure(folder / "site")  # what `make site` does after MkDocs: every page's CSP
    return folder


@pytest.fixture(scope="session")
def site_url(built: Path) -> Iterator[str]:
    """The real library's built site, served."""
    with serve(built / "site") as url:
        yield url


@pytest.fixture(scope="session")
def nginx_url(built: Path) -> Iterator[str]:
    """The real library's built site behind deploy/nginx.conf, on Debian's nginx."""
    from generator.site.nginx import NGINX
    from generator.site.nginx import serve as serve_nginx

    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make test`, which installs it")
    with serve_nginx(built / "site") as url:
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


@pytest.fixture(scope="session")
def crawl(browser: Any, built: Path, site_url: str) -> Any:
    """Every built page visited in light and dark at 375 and 1280 px, with axe-core's findings
    and the request log (tests/crawl.py); shared by the accessibility and privacy tests."""
    from .crawl import crawl_site

    return crawl_site(browser, built / "site", site_url)
