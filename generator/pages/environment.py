"""The one Jinja environment every page is rendered in: escaping and the template filters.

Escaping lives here and only here: templates are autoescaped, and author text is only ever
placed inside HTML blocks, which Markdown passes through untouched.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.figures.draw import draw_all
from generator.pages import urls
from generator.pages.finding import card_data, search_keywords, tag_links, tag_slug
from generator.pages.words import (
    dose_in_words,
    long_date,
    qr_svg,
    review_in_words,
    tel,
    yaml_string,
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
        dose_in_words=dose_in_words,
        long_date=long_date,
        review_in_words=review_in_words,
        tel=tel,
        yaml_string=yaml_string,
        qr_svg=qr_svg,
        figures=draw_all,  # the stretch's drawn figures, for any page
        card_data=card_data,
        search_keywords=search_keywords,
        tag_links=tag_links,
        tag_slug=tag_slug,
        relative=urls.relative,
    )
    made.globals["urls"] = urls
    return made
