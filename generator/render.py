"""Stage 3, render: Stretch objects -> file texts, keyed by their path under docs/.

Escaping lives here and only here: templates are autoescaped, and author text is only ever
placed inside HTML blocks, which Markdown passes through untouched.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .embed import render_embeds
from .figures import draw_all, figure_files
from .model import Count, Dose, Review, Site, Stretch
from .printing import qr_svg, render_sheet
from .tags import card_data, filters, render_tags, search_keywords, tag_links, tag_slug

# The folders under docs/ that the generator owns, and so their URLs (/stretches/<id>/).
# Everything in them is generated; hand-written pages live elsewhere in docs/. snippets/ has
# no URL: it holds text that hand-written pages include (mkdocs.yml excludes it from the site).
GENERATED_FOLDERS = ("stretches", "sheet", "embed", "api", "tags", "figures", "snippets")
# The home page's warning box, which docs/index.md includes with pymdownx.snippets: the
# template of the box on printed pages and the routine sheet, so that all say the same.
URGENT_SIGNS_SNIPPET = "snippets/urgent-signs.html"


def count_in_words(count: Count) -> str:
    """Count(20, 30) -> "20 to 30"."""
    return str(count.low) if count.low == count.high else f"{count.low} to {count.high}"


def _times(count: Count) -> str:
    if count.low == count.high == 1:
        return "once"
    if count.low == count.high == 2:
        return "twice"
    return f"{count_in_words(count)} times"


def dose_in_words(dose: Dose) -> str:
    """E.g. "Hold 20 to 30 seconds · 3 times each side · 1 to 2 times a day"."""
    parts = []
    if dose.hold_seconds:
        unit = "second" if dose.hold_seconds.high == 1 else "seconds"
        parts.append(f"Hold {count_in_words(dose.hold_seconds)} {unit}")
    repetitions = _times(dose.repetitions)
    parts.append(repetitions + (" each side" if dose.each_side else ""))
    parts.append(f"{_times(dose.times_a_day)} a day")
    parts[0] = parts[0][0].upper() + parts[0][1:]
    return " · ".join(parts)


def long_date(date: datetime.date) -> str:
    """2026-11-24 -> "24 November 2026" (no locale: the same bytes on every machine)."""
    return f"{date.day} {date:%B} {date.year}"


def review_in_words(review: Review) -> str:
    """E.g. "Last updated 24 November 2026 · Next review due 24 November 2027 · Not yet reviewed
    by a clinician". "Last reviewed" only once a clinician has: until then the date (the
    file's last_reviewed) is of the last update, and saying "reviewed" would claim a review."""
    last, due = long_date(review.last_reviewed), long_date(review.next_review)
    if review.reviewer:
        return f"Last reviewed {last} by {review.reviewer} · Next review due {due}"
    return f"Last updated {last} · Next review due {due} · Not yet reviewed by a clinician"


def yaml_string(text: str) -> Markup:
    """Text as a YAML double-quoted scalar, for front matter.

    Not Jinja's tojson: it writes characters beyond U+FFFF (emoji) as JSON surrogate
    pairs, which YAML can't read, and the page would lose its front matter."""
    return Markup(json.dumps(str(text), ensure_ascii=False))


def tel(phone: str) -> str:
    """A phone number as a tel: link wants it: digits and a leading +."""
    return ("+" if phone.strip().startswith("+") else "") + re.sub(r"\D", "", phone)


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader(__package__),
        auto_reload=False,  # else every page rendered stats its templates: 10% of the build
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
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
    )
    return environment


def render_stretch(stretch: Stretch, stretches_by_id: dict[str, Stretch], site: Site) -> str:
    """The Markdown page of one stretch."""
    related = [stretches_by_id[other] for other in stretch.related if other in stretches_by_id]
    template = _environment().get_template("stretch.md.j2")
    return template.render(
        stretch=stretch, related=related, site=site, clinic=site.clinic, root="../../"
    )


def render_index(stretches: list[Stretch]) -> str:
    """The page listing every stretch."""
    template = _environment().get_template("index.md.j2")
    return template.render(stretches=stretches, filters=filters(stretches))


def render_site(stretches: list[Stretch], site: Site) -> dict[str, str]:
    """Every generated file, keyed by its path relative to docs/."""
    ordered = sorted(stretches, key=lambda stretch: stretch.name.casefold())
    stretches_by_id = {stretch.id: stretch for stretch in stretches}
    pages = {"stretches/index.md": render_index(ordered)}
    for stretch in ordered:
        pages[f"stretches/{stretch.id}.md"] = render_stretch(stretch, stretches_by_id, site)
    pages.update(render_sheet(_environment(), site))
    pages.update(render_embeds(_environment(), ordered, site))
    pages.update(render_tags(_environment(), ordered))
    pages.update(figure_files(ordered))
    pages[URGENT_SIGNS_SNIPPET] = render_urgent_signs(site)
    return pages


def render_urgent_signs(site: Site) -> str:
    """The home page's warning box (docs/index.md sits at the site's root)."""
    template = _environment().get_template("urgent-signs.html.j2")
    return template.render(box="home", site=site, root="")


def render_new(name: str, today: datetime.date) -> str:
    """A new stretch file whose every placeholder `check` refuses until it is filled in."""
    # autoescape is for HTML; here the name is put in YAML through yaml_string instead.
    template = _environment().get_template("new.yaml.j2")
    return template.render(name=name, today=today)
