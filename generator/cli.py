"""The commands authors and `make` run: thin, they wire the stages and own printing and exits."""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from generator.checks import read_edition, run_checks
from generator.checks.reading_grade import describe, gate, reading_grade, score
from generator.model import Library
from generator.pages.figure_review import review_page
from generator.pages.scaffold import render_new
from generator.pages.urls import language_site, slug
from generator.problems import Problem, errors_in
from generator.read.languages import english, load_languages
from generator.read.load import LoadCache, load_folder, stretch_files
from generator.read.settings import load_site
from generator.read.validate import validate
from generator.site.staging import project_lock
from generator.write import NotOurFolder, write_if_changed
from generator.write_editions import write_editions

OK, CONTENT_PROBLEMS, WRONG_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Paths:
    content: Path
    docs: Path
    config: Path

    @property
    def languages(self) -> Path:
        """content/languages/: one catalog of interface strings per language."""
        return self.content.parent / "languages"

    @property
    def translations(self) -> Path:
        """content/translations/<code>/: one translation per stretch."""
        return self.content.parent / "translations"


def _read_library(paths: Paths, cache: LoadCache | None = None) -> tuple[Library, list[Problem]]:
    """Load, validate and check every stretch file, and read the site's settings."""
    editions, problems = _read_editions(paths, cache)
    return editions[0], problems


def _read_editions(
    paths: Paths, cache: LoadCache | None = None
) -> tuple[list[Library], list[Problem]]:
    """The English library, then one library per other language: its translated stretches
    and the English of the others."""
    files, problems = load_folder(paths.content, cache)
    ids = {path.stem for path in stretch_files(paths.content)}
    stretches, validation_problems = validate(files, datetime.date.today(), ids)
    site, site_problems = load_site(paths.config, paths.config.as_posix())
    problems += validation_problems + run_checks(stretches) + site_problems
    if paths.languages.is_dir():
        languages, language_problems = load_languages(paths.languages)
        problems += language_problems
    else:
        languages = [english()]
    if not languages:
        return [Library.of(stretches, site)], problems
    every = tuple(languages)
    editions = [Library.of(stretches, site, languages[0], languages=every)]
    by_id = {stretch.id: stretch for stretch in stretches}
    for language in languages[1:]:
        shown = language_site(site, language.code, language.text("site_name"))
        edition, edition_problems = read_edition(paths.translations, by_id, shown, language, every)
        editions.append(edition)
        problems += edition_problems
    return editions, problems


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _summary(problems: list[Problem], stretch_count: int) -> str:
    errors = len(errors_in(problems))
    warnings = len(problems) - errors
    return f"{stretch_count} stretches checked: {errors} problems, {warnings} warnings"


def check(paths: Paths) -> int:
    """Print every problem in the library and each stretch's reading grade; write nothing."""
    editions, problems = _read_editions(paths)
    library = editions[0]
    for stretch in sorted(library.stretches, key=lambda stretch: stretch.path):
        print(f"{stretch.path}: reading grade {reading_grade(stretch):.1f}")
    for edition in editions[1:]:
        formula = gate(edition.language)[0]
        for stretch in sorted(edition.stretches, key=lambda stretch: stretch.path):
            if stretch.id in edition.translations:
                print(f"{stretch.path}: reading {describe(score(stretch, formula), formula)}")
    _print_problems(sorted(problems))
    print(_summary(problems, len(stretch_files(paths.content))))
    return CONTENT_PROBLEMS if errors_in(problems) else OK


def build(paths: Paths, cache: LoadCache | None = None) -> int:
    """Write the generated pages, or nothing at all if any file has a problem."""
    editions, problems = _read_editions(paths, cache)
    library = editions[0]
    _print_problems(problems)
    if errors_in(problems):
        summary = _summary(problems, len(stretch_files(paths.content)))
        print(f"{summary}; nothing was written", file=sys.stderr)
        return CONTENT_PROBLEMS
    try:
        # Not while a site build reads docs/, nor beside another build's writes.
        with project_lock(paths.config.parent, "python -m generator build"):
            report = write_editions(paths.docs, editions)
    except NotOurFolder as error:
        print(f"error: {error}", file=sys.stderr)
        return WRONG_USAGE
    print(
        f"{len(library.stretches)} stretches: {len(report.written)} pages written, "
        f"{report.unchanged} unchanged, {len(report.removed)} removed, in {paths.docs}"
    )
    if not library.site.url:
        print("note: set site_url in mkdocs.yml to add a QR code of each page to printed pages")
    return OK


def figures(paths: Paths, out: Path) -> int:
    """Write one page of every stretch's figures beside its steps, for a reviewer."""
    library, problems = _read_library(paths)
    _print_problems(problems)
    if errors_in(problems):
        return CONTENT_PROBLEMS
    write_if_changed(out, review_page(library))
    print(f"Wrote {out.as_posix()}: the figures of {len(library.stretches)} stretches")
    return OK


def new(paths: Paths, name: str) -> int:
    """Write a new stretch file full of placeholders that `check` refuses until filled in."""
    stretch_id = slug(name)
    if not stretch_id:
        print(f'error: "{name}" has no letters or digits to make a file name from', file=sys.stderr)
        return WRONG_USAGE
    target = paths.content / f"{stretch_id}.yaml"
    if target.exists():
        print(f"error: {target.as_posix()} already exists; not overwriting it", file=sys.stderr)
        return CONTENT_PROBLEMS
    today = datetime.date.today()
    text = render_new(name=name, today=today)
    write_if_changed(target, text)
    print(f"Wrote {target.as_posix()}. Replace every TODO, then run: python -m generator check")
    return OK


def watch(paths: Paths, interval: float) -> int:
    """Rebuild whenever a stretch file or mkdocs.yml changes (for `make serve`)."""
    cache: LoadCache = {}  # only the files that changed are parsed again
    build(paths, cache)

    def fingerprint() -> tuple[tuple[str, int, int], ...]:
        files = [
            *paths.content.glob("*.y*ml"),
            *paths.languages.glob("*.yaml"),
            *paths.translations.glob("*/*.yaml"),
            paths.config,
        ]
        return tuple(
            (str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in sorted(files) if f.is_file()
        )

    # Polling, not inotify: it works the same in containers, editors' atomic saves and
    # network folders, and one stat per file per second is nothing at this size.
    seen = fingerprint()
    print(f"Watching {paths.content} and {paths.config} (Ctrl+C to stop)")
    try:
        while True:
            time.sleep(interval)
            now = fingerprint()
            if now != seen:
                seen = now
                build(paths, cache)
    except KeyboardInterrupt:
        return OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--content", type=Path, default=Path("content/stretches"))
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every stretch file; print every problem")
    commands.add_parser("build", help="write the generated Markdown pages")
    figures_parser = commands.add_parser("figures", help="write a page of every figure")
    figures_parser.add_argument("--out", type=Path, default=Path("figures-review.html"))
    new_parser = commands.add_parser("new", help="start a new stretch file from the template")
    new_parser.add_argument("name", help='the stretch\'s name, e.g. "Piriformis stretch"')
    watch_parser = commands.add_parser("watch", help="build, then rebuild on every change")
    watch_parser.add_argument("--interval", type=float, default=0.5)
    return parser


def main(argv: list[str]) -> int:
    arguments = _parser().parse_args(argv)
    paths = Paths(arguments.content, arguments.docs, arguments.config)
    if not paths.content.is_dir():
        print(f"error: no folder {paths.content}; run from the project's root", file=sys.stderr)
        return WRONG_USAGE
    if arguments.command == "check":
        return check(paths)
    if arguments.command == "build":
        return build(paths)
    if arguments.command == "figures":
        return figures(paths, arguments.out)
    if arguments.command == "new":
        return new(paths, arguments.name)
    return watch(paths, arguments.interval)
