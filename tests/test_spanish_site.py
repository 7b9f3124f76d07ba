"""The Spanish edition in headless Chromium: lang attributes, the language switch both ways,
no failed request, Spanish search (stemmed, accents optional) and Spanish filters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from generator.checks.print_budget import PAGES as SHEET_PAGES

from .helpers import (
    ARTIFACTS,
    WORKER_SEARCH,
    built_ids,
    pdf_pages,
    pdf_text,
    print_page,
    stretch_id,
)

DESKTOP = {"width": 1280, "height": 900}
PAGES = ["", "stretches/", "stretches/childs-pose/", "tags/lower-back/", "sheet/", "urgent-help/"]

# What a Spanish reader types -> the stretch that must be in the first three results: names,
# aliases and body areas, with and without accents, and plurals the stemmer folds.
SPANISH_QUERIES = [
    ("isquiotibiales", "hamstring-stretch"),
    ("rodillas al pecho", "knee-to-chest"),
    ("gato-vaca", "cat-cow"),
    ("gato vaca", "cat-cow"),
    ("postura del niño", "childs-pose"),
    ("postura del nino", "childs-pose"),
    ("nino", "childs-pose"),
    ("rotación lumbar", "lumbar-rotation"),
    ("rotacion", "lumbar-rotation"),
    ("puente", "glute-bridge"),
    ("esfinge", "sphinx"),
    ("figura 4", "piriformis-stretch"),
    ("psoas", "hip-flexor-stretch"),
    ("gluteos", "glute-bridge"),
    ("costados", "seated-twist"),
]


@pytest.fixture(scope="module")
def page(browser: Any) -> Any:
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    yield opened
    context.close()


def failed_requests(page: Any, address: str) -> list[tuple[int, str]]:
    failed: list[tuple[int, str]] = []

    def note(response: Any) -> None:
        if response.status >= 400:
            failed.append((response.status, response.url))

    page.on("response", note)
    try:
        response = page.goto(address, wait_until="networkidle")
        assert response is not None and response.ok
    finally:
        page.remove_listener("response", note)
    return failed


@pytest.mark.parametrize("path", PAGES)
def test_each_spanish_page_is_in_spanish_and_switches_to_the_same_english_page(
    page: Any, site_url: str, path: str
) -> None:
    assert failed_requests(page, f"{site_url}/es/{path}") == []
    assert page.evaluate("document.documentElement.lang") == "es"
    switch = page.locator('.language-switch a[hreflang="en"]')
    assert switch.get_attribute("lang") == "en"
    switch.click()
    page.wait_for_load_state("networkidle")
    assert urlparse(page.url).path == f"/{path}"
    assert page.evaluate("document.documentElement.lang") == "en"
    back = page.locator('.language-switch a[hreflang="es"]')
    back.click()
    page.wait_for_load_state("networkidle")
    assert urlparse(page.url).path == f"/es/{path}"


def test_a_spanish_stretch_page_reads_in_spanish_and_loads_nothing_that_fails(
    page: Any, site_url: str
) -> None:
    assert failed_requests(page, f"{site_url}/es/stretches/knee-to-chest/") == []
    text = page.locator("article").inner_text()
    for words in ("Antes de empezar", "Pasos", "Pare si", "Traducción no revisada por un clínico"):
        assert words in text
    assert "de diciembre de 2026" in text  # the date in words, in Spanish
    assert "Before you start" not in text
    assert page.locator(".md-search__input").get_attribute("placeholder") == "Búsqueda"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "es-knee-to-chest.png", full_page=True)


def test_spanish_search_finds_names_aliases_and_body_areas_without_accents(
    page: Any, site_url: str, built: Path
) -> None:
    config = json.loads((built / "site" / "es" / "search" / "search_index.json").read_text())
    assert config["config"]["lang"] == ["es"]  # Spanish stemming, its own index
    page.goto(f"{site_url}/es/", wait_until="networkidle")
    answers = page.evaluate(WORKER_SEARCH, [[query for query, _ in SPANISH_QUERIES]])
    misses = {}
    for query, expected in SPANISH_QUERIES:
        top = [stretch_id(f"{site_url}/es/{location}") for location in answers[query][:3]]
        if expected not in top:
            misses[query] = top
    assert misses == {}


def test_the_spanish_list_filters_in_spanish(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/es/stretches/?position=sitting", wait_until="networkidle")
    assert page.locator(".stretch-count").inner_text() == "2 estiramientos"
    options = page.locator("#filter-position option").all_inner_texts()
    assert "Sentado" in options and "Cualquier posición" in options
    page.goto(f"{site_url}/es/stretches/?position=sitting&level=moderate", wait_until="networkidle")
    assert page.locator(".stretch-count").inner_text().startswith("Ningún estiramiento")


def test_the_spanish_routine_sheet_speaks_spanish(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/es/sheet/?s=cat-cow,sphinx", wait_until="networkidle")
    paper = page.locator("[data-paper]").text_content() or ""
    assert "Gato-vaca" in paper and "Esfinge" in paper and "Pare si" in paper
    assert "Posición inicial:" in paper and "Stop if" not in paper
    assert page.locator("[data-order] button").first.inner_text() == "Subir"


# As in English: one sheet of paper, one side when it fits and both when it doesn't.
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_spanish_stretch_page_prints_on_one_sheet(
    page: Any, site_url: str, built: Path, paper: str
) -> None:
    pages = {}
    for page_id in built_ids(built / "site" / "es"):
        pdf = print_page(page, f"{site_url}/es/stretches/{page_id}/", paper)
        pages[page_id] = pdf_pages(pdf)
        if page_id == "cat-cow":
            text = pdf_text(pdf)
            assert "PARE SI" in text.upper() and "Busque ayuda urgente" in text
            assert "Esta página en:" not in text  # the language switch is not printed
    assert len(pages) >= 10
    too_long = {page_id: count for page_id, count in pages.items() if count > SHEET_PAGES}
    assert too_long == {} and min(pages.values()) >= 1


def test_the_reading_tools_speak_spanish(page: Any, site_url: str) -> None:
    """The text size control and Follow along take their words from the Spanish catalog."""
    page.goto(f"{site_url}/es/stretches/knee-to-chest/", wait_until="networkidle")
    for name in ("Texto más grande", "Texto más pequeño", "Imprimir en letra grande"):
        assert page.get_by_role("button", name=name).is_visible(), name
    assert page.get_by_role("button", name="Larger text").count() == 0
    page.get_by_role("button", name="Hágalo paso a paso").click()
    dialog = page.get_by_role("dialog", name="Paso a paso: Rodilla al pecho")
    dialog.wait_for()
    assert dialog.get_by_role("button", name="Siguiente").is_visible()
    assert "Next" not in dialog.inner_text()
    page.keyboard.press("Escape")


def test_the_routine_sheets_doses_and_sending_speak_spanish(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/es/sheet/?s=cat-cow&cat-cow.reps=4", wait_until="networkidle")
    page.locator("[data-form]").wait_for(state="visible")
    assert page.get_by_label("Repeticiones").first.input_value() == "4"
    assert page.get_by_role("button", name="Copiar el enlace").is_visible()
    paper = page.locator("[data-paper]").inner_text()
    assert "Indicado para usted" in paper and "Set for you" not in paper


@pytest.mark.site  # builds both editions with MkDocs
def test_with_site_url_each_sitemap_links_every_page_in_both_languages(tmp_path: Path) -> None:
    import re

    from .helpers import copy_project, mkdocs_build, run

    folder = copy_project(tmp_path)
    for name, address in [
        ("mkdocs.yml", "https://example.org/"),
        ("mkdocs.es.yml", "https://example.org/es/"),
    ]:
        config = folder / name
        config.write_text(config.read_text("utf-8") + f"site_url: {address}\n", "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert run("build") == 0
    result = mkdocs_build(folder)
    assert result.returncode == 0, result.stderr
    for sitemap, own in [("sitemap.xml", ""), ("es/sitemap.xml", "es/")]:
        text = (folder / "site" / sitemap).read_text("utf-8")
        entries = re.findall(r"<url>.*?</url>", text, re.S)
        assert len(entries) > 20
        for entry in entries:
            loc = re.search(r"<loc>https://example.org/(.*?)</loc>", entry)
            assert loc and loc[1].startswith(own)
            page = loc[1].removeprefix(own)
            links = dict(re.findall(r'hreflang="(\w+)" href="https://example.org/([^"]*)"', entry))
            assert links == {"en": page, "es": "es/" + page}, entry


@pytest.mark.site  # builds both editions as `make site` does
def test_site_url_in_mkdocs_yml_alone_gives_each_edition_its_own_addresses(tmp_path: Path) -> None:
    """mkdocs.es.yml INHERITs mkdocs.yml's site_url; the Spanish pages' canonical links and
    sitemap must still name the Spanish addresses, not the English pages."""
    import re
    import subprocess
    import sys

    from .helpers import ROOT, copy_project

    folder = copy_project(tmp_path)
    config = folder / "mkdocs.yml"
    config.write_text("site_url: https://example.org/back/\n" + config.read_text("utf-8"), "utf-8")
    environment = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "PATH": ""}
    for command in (["generator", "build"], ["generator.site.parallel_build"]):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=folder, env=environment, capture_output=True
        )
        assert result.returncode == 0, result.stderr
    site = folder / "site"
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)"')
    for page, address in [
        ("es/index.html", "https://example.org/back/es/"),
        ("es/stretches/cat-cow/index.html", "https://example.org/back/es/stretches/cat-cow/"),
        ("stretches/cat-cow/index.html", "https://example.org/back/stretches/cat-cow/"),
    ]:
        found = canonical.search((site / page).read_text("utf-8"))
        assert found and found[1] == address, page
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "es" / "sitemap.xml").read_text("utf-8"))
    assert locations and all(loc.startswith("https://example.org/back/es/") for loc in locations)
