"""The one Jinja environment every page is rendered in: escaping and the template filters.

Escaping lives here and only here: templates are autoescaped, and author text is only ever
placed inside HTML blocks, which Markdown passes through untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from generator.figures.draw import draw_all
from generator.model import Language, Library
from generator.pages import urls
from generator.pages.figure_files import thumbnail
from generator.pages.finding import (
    card_data,
    card_facts,
    search_keywords,
    tag_links,
    tag_slug,
)
from generator.pages.words import (
    dose_in_words,
    long_date,
    qr_svg,
    review_in_words,
    tel,
    yaml_string,
)
from generator.read.languages import english


def _in_language(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that writes in the page's language (the `lang` every page is rendered with)."""

    @pass_context
    def in_language(context: Context, value: Any) -> Any:
        return function(value, context.get("lang"))

    return in_language


def _word(text: str, language: Language | None) -> str:
    return language.word(text) if language else text


def render(template: str, library: Library, **values: Any) -> str:
    """A template rendered in the library's language: `lang` (the Language) and `t` (its
    strings by key, `t.steps`) are in every page's context."""
    language = library.language or english()
    return (
        environment()
        .get_template(template)
        .render(
            lang=language,
            t=language.strings,
            languages=library.languages,
            translations=library.translations,
            **values,
        )
    )


@cache
def environment() -> Environment:
    """The environment, made once (templates are compiled on first use and kept)."""
    made = Environment(
        loader=PackageLoader("generator.pages"),
        auto_reload=False,  # else every page rendered stats its templates: 10% of the build
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    made.filters.update(
        dose_in_words=_in_language(dose_in_words),
        long_date=_in_language(long_date),
        review_in_words=_in_language(review_in_words),
        word=_in_language(_word),
        tel=tel,
        yaml_string=yaml_string,
        qr_svg=qr_svg,
        figures=draw_all,  # the stretch's drawn figures, for any page
        card_data=card_data,
        card_facts=_in_language(card_facts),
        thumbnail=thumbnail,
        search_keywords=_in_language(search_keywords),
        tag_links=tag_links,
        tag_slug=tag_slug,
        relative=urls.relative,
        file_link=urls.file_link,
    )
    made.globals["urls"] = urls
    return made
