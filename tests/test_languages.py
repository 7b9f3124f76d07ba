"""Languages as data: the interface catalogs (content/languages/), the translations of
stretches (content/translations/<code>/), what `check` says of each, and a made-up third
language (tests/fixtures/languages/zz.yaml) built with no change to code or templates."""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import write_editions
from generator.model import Count, Dose, Library, Review
from generator.pages.words import dose_in_words, long_date, review_in_words
from generator.read.languages import load_language, load_languages
from generator.read.translations import fingerprint

from .helpers import FIXTURES, ROOT, run, snapshot

LANGUAGES = ROOT / "content" / "languages"
PROBLEM = re.compile(r"^(\S+):(\d+):(\d+): (\S+): (.+)$")


def languages() -> dict[str, object]:
    found, problems = load_languages(LANGUAGES)
    assert problems == []
    return {language.code: language for language in found}


def check_output(folder: Path) -> tuple[int, str]:
    output = io.StringIO()
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.redirect_stdout(output),
        contextlib.redirect_stderr(output),
    ):
        patch.chdir(folder)
        status = run("check")
    return status, output.getvalue()


@pytest.fixture
def bilingual(project: Path) -> Path:
    """The fixture project with the real catalogs and a Spanish translation of one stretch."""
    shutil.copytree(LANGUAGES, project / "content" / "languages")
    target = project / "content" / "translations" / "es"
    target.mkdir(parents=True)
    source = (FIXTURES / "translations" / "zz" / "knee-to-chest.yaml").read_text("utf-8")
    (target / "knee-to-chest.yaml").write_text(source.replace("Zz ", "Es "), "utf-8")
    return project


def test_every_catalog_has_exactly_the_english_keys() -> None:
    found = languages()
    assert {"en", "es"} <= set(found)
    english = found["en"].strings  # type: ignore[attr-defined]
    for language in found.values():
        assert set(language.strings) == set(english)  # type: ignore[attr-defined]


def test_spanish_dates_and_doses_are_in_words_without_a_locale() -> None:
    spanish = languages()["es"]
    day = datetime.date(2026, 11, 26)
    assert long_date(day, spanish) == "26 de noviembre de 2026"  # type: ignore[arg-type]
    assert long_date(day) == "26 November 2026"
    dose = Dose(Count(20, 30), Count(3, 3), True, Count(1, 2))
    assert dose_in_words(dose, spanish) == (  # type: ignore[arg-type]
        "Mantenga 20 a 30 segundos · 3 veces de cada lado · 1 a 2 veces al día"
    )
    review = Review(day, datetime.date(2027, 11, 26), "")
    assert "Todavía no revisado por un clínico" in review_in_words(review, spanish)  # type: ignore[arg-type]


CATALOG_MISTAKES = [
    (("  see_warning_signs:", "  see_warnings:"), "strings.see_warnings", "not a key of en.yaml"),
    (("{names}", "{nombres}"), "strings.also_called", "must use exactly {names}"),
    (("\nname: Español", "\nname: Español\ncolour: red"), "colour", "is not a known field"),
]
TRANSLATION_MISTAKES = [
    (("\nfeel:", "\nfeeling:"), "feeling", "not a known field"),
    (("  - Es repeat with the other leg.\n", ""), "steps", "has 3 items; the English has 4"),
    (("  date: 2026-12-01", "  date: 2026-13-01"), "translation.date", "not a real date"),
]


@pytest.mark.parametrize(("edit", "field", "message"), CATALOG_MISTAKES)
def test_a_wrong_catalog_is_named_by_file_line_and_field(
    tmp_path: Path, edit: tuple[str, str], field: str, message: str
) -> None:
    english, _ = load_language(LANGUAGES / "en.yaml", None)
    path = tmp_path / "es.yaml"
    text = (LANGUAGES / "es.yaml").read_text("utf-8")
    assert edit[0] in text
    path.write_text(text.replace(*edit), "utf-8")
    language, problems = load_language(path, english)
    assert language is None
    wanted = [p for p in problems if p.field == field]
    assert wanted and message in wanted[0].message, problems
    assert wanted[0].line > 1  # the line of the key, not the file's start


@pytest.mark.parametrize(("edit", "field", "message"), TRANSLATION_MISTAKES)
def test_a_wrong_translation_fails_check_with_file_line_column(
    bilingual: Path, edit: tuple[str, str], field: str, message: str
) -> None:
    path = bilingual / "content" / "translations" / "es" / "knee-to-chest.yaml"
    text = path.read_text("utf-8")
    assert edit[0] in text
    path.write_text(text.replace(*edit), "utf-8")
    status, output = check_output(bilingual)
    assert status == 1, output
    lines = [m for line in output.splitlines() if (m := PROBLEM.match(line)) and m[4] == field]
    assert lines, output
    assert lines[0][1].endswith("translations/es/knee-to-chest.yaml") and int(lines[0][2]) > 1
    assert message in lines[0][5]


def test_a_translation_of_a_stretch_that_does_not_exist_is_an_error(bilingual: Path) -> None:
    folder = bilingual / "content" / "translations" / "es"
    shutil.copy(folder / "knee-to-chest.yaml", folder / "no-such-stretch.yaml")
    status, output = check_output(bilingual)
    assert status == 1
    assert "no-such-stretch.yaml:1:1: file: translates" in output


def test_a_changed_english_text_warns_and_the_page_says_so(bilingual: Path) -> None:
    english = bilingual / "content" / "stretches" / "knee-to-chest.yaml"
    english.write_text(english.read_text("utf-8").replace("Breathe slowly.", "Breathe gently."))
    status, output = check_output(bilingual)
    assert status == 0, output
    warning = [line for line in output.splitlines() if "translations/es/knee-to-chest.yaml" in line]
    assert any("warning: the English text changed" in line for line in warning), output
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(bilingual)
        assert run("build") == 0
    page = (bilingual / "docs" / "es" / "stretches" / "knee-to-chest.md").read_text("utf-8")
    notice = re.search(r'<p class="stretch-translation-stale".*?</p>', page)
    assert notice and 'href="../../../stretches/knee-to-chest/"' in notice[0]
    fresh = (bilingual / "docs" / "es" / "stretches" / "pelvic-tilt.md").read_text("utf-8")
    assert "stretch-translation-stale" not in fresh


def test_spanish_pages_say_who_translated_and_that_no_clinician_reviewed(bilingual: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(bilingual)
        assert run("build") == 0
    docs = bilingual / "docs" / "es"
    page = (docs / "stretches" / "knee-to-chest.md").read_text("utf-8")
    assert "Traducción no revisada por un clínico." in page and "The test suite" in page
    assert '<h1 class="stretch-name" data-search-exclude>Es Knee to chest</h1>' in page
    listing = (docs / "stretches" / "index.md").read_text("utf-8")
    untranslated = re.search(r'href="pelvic-tilt/"><strong>[^\n]*', listing)
    assert untranslated and "(solo en inglés)" in untranslated[0]
    translated = re.search(r'href="knee-to-chest/"><strong>[^\n]*', listing)
    assert translated and "solo en inglés" not in translated[0]


def test_the_real_translations_match_their_english_text() -> None:
    """Every Spanish file was made from today's English: its fingerprint is current."""
    from .helpers import real_stretches

    english = {stretch.id: stretch for stretch in real_stretches()}
    folder = ROOT / "content" / "translations" / "es"
    files = sorted(folder.glob("*.yaml"))
    assert {path.stem for path in files} == set(english)
    for path in files:
        recorded = yaml.safe_load(path.read_text("utf-8"))["translation"]
        assert recorded["english"] == fingerprint(english[path.stem]), path.name
        assert recorded["reviewer"] == ""  # no clinician has reviewed them: never claim one


def test_a_made_up_language_is_only_data(project: Path) -> None:
    """Zedish: a catalog and a translation folder, and the generator writes its edition."""
    languages_folder = project / "content" / "languages"
    shutil.copytree(LANGUAGES, languages_folder)
    shutil.copy(FIXTURES / "languages" / "zz.yaml", languages_folder / "zz.yaml")
    shutil.copytree(FIXTURES / "translations", project / "content" / "translations")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert run("build") == 0
    docs = project / "docs" / "zz"
    page = (docs / "stretches" / "knee-to-chest.md").read_text("utf-8")
    assert "Zz Knee to chest" in page and "Zz Before you start" in page
    assert "Zz Hold Zz 20 to 30 Zz seconds" in page  # the dose in the catalog's words
    assert "zz-lying-on-your-back" in page.casefold() and "2026.Zdec.4" not in page
    assert (docs / "embed" / "knee-to-chest" / "index.html").read_text("utf-8").count(
        'lang="zz"'
    ) == 1
    assert (docs / "api" / "stretches.json").is_file() and (docs / "tags" / "index.md").is_file()
    listing = (docs / "stretches" / "index.md").read_text("utf-8")
    assert "(Zz English only)" in listing  # pelvic tilt has no Zedish translation
    # Spanish has no translations in this project: every stretch listed as English only.
    assert (project / "docs" / "es" / "stretches" / "index.md").read_text("utf-8").count(
        "(solo en inglés)"
    ) == 2


@pytest.mark.parametrize("cores", [1, 2])
@pytest.mark.parametrize("failing", ["en", "es"])
def test_an_edition_that_fails_to_render_leaves_docs_as_it_was(
    bilingual: Path, monkeypatch: pytest.MonkeyPatch, failing: str, cores: int
) -> None:
    """Editions render side by side (write_editions), and nothing is written until all have."""
    assert run("build") == 0
    before = snapshot(bilingual / "docs")
    stretch = bilingual / "content" / "stretches" / "knee-to-chest.yaml"
    stretch.write_text(
        stretch.read_text("utf-8").replace("Lie on your back", "Lie down on your back")
    )
    real = write_editions.render_site

    def render(edition: Library) -> dict[str, str]:
        if edition.language and edition.language.code == failing:
            raise RuntimeError("a bug in a template")
        return real(edition)

    monkeypatch.setattr(write_editions, "render_site", render)
    monkeypatch.setattr(write_editions.os, "sched_getaffinity", lambda pid: set(range(cores)))
    with pytest.raises(RuntimeError, match="a bug in a template"):
        run("build")
    assert snapshot(bilingual / "docs") == before
    monkeypatch.setattr(write_editions, "render_site", real)
    assert run("build") == 0 and snapshot(bilingual / "docs") != before
