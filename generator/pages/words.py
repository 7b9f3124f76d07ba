"""Values as a reader sees them in a page's text: counts, doses, dates, phone numbers."""

from __future__ import annotations

import datetime
import json
import re

from markupsafe import Markup

from generator.model import Count, Dose, Language, Review, Site, Stretch
from generator.pages import urls
from generator.read.languages import english


def _language(language: Language | None) -> Language:
    return language or english()


def count_in_words(count: Count, language: Language | None = None) -> str:
    """Count(20, 30) -> "20 to 30"."""
    if count.low == count.high:
        return str(count.low)
    return _language(language).text("range", low=count.low, high=count.high)


def _times(count: Count, language: Language) -> str:
    if count.low == count.high == 1:
        return language.text("once")
    if count.low == count.high == 2:
        return language.text("twice")
    return language.text("times", count=count_in_words(count, language))


def dose_in_words(dose: Dose, language: Language | None = None) -> str:
    """E.g. "Hold 20 to 30 seconds · 3 times each side · 1 to 2 times a day"."""
    words = _language(language)
    parts = []
    if dose.hold_seconds:
        unit = words.count("second", dose.hold_seconds.high)
        parts.append(words.text("hold", count=count_in_words(dose.hold_seconds, words), unit=unit))
    repetitions = _times(dose.repetitions, words)
    parts.append(words.text("each_side", times=repetitions) if dose.each_side else repetitions)
    parts.append(words.text("a_day", times=_times(dose.times_a_day, words)))
    parts[0] = parts[0][0].upper() + parts[0][1:]
    return " · ".join(parts)


def long_date(date: datetime.date, language: Language | None = None) -> str:
    """2026-11-24 -> "24 November 2026", "24 de noviembre de 2026": the month's name from the
    language's catalog, never the machine's locale, so every machine writes the same bytes."""
    words = _language(language)
    return words.date.format(day=date.day, month=words.months[date.month - 1], year=date.year)


def review_in_words(review: Review, language: Language | None = None) -> str:
    """E.g. "Last updated 24 November 2026 · Next review due 24 November 2027 · Not yet reviewed
    by a clinician". "Last reviewed" only once a clinician has: until then the date (the
    file's last_reviewed) is of the last update, and saying "reviewed" would claim a review."""
    words = _language(language)
    last, due = long_date(review.last_reviewed, words), long_date(review.next_review, words)
    if review.reviewer:
        return words.text("reviewed", last=last, reviewer=review.reviewer, due=due)
    return words.text("not_reviewed", last=last, due=due)


def credit_address(stretch: Stretch, site: Site) -> str:
    """Where a re-user's credit links: the stretch's page when site_url is set, else
    extra.attribution.url, else "" (a build without site_url knows no address of its own)."""
    return site.url + urls.stretch_page(stretch.id) if site.url else site.credit_url


def attribution(stretch: Stretch, site: Site, language: Language | None = None) -> str:
    """The credit CC BY asks re-users to show, e.g. '"Knee to chest" from Stretches for lower
    back pain (https://…/stretches/knee-to-chest/), CC BY 4.0'."""
    address = credit_address(stretch, site)
    where = f" ({address})" if address else ""
    return _language(language).text(
        "attribution",
        name=stretch.name,
        site=site.credited,
        where=where,
        licence=urls.CONTENT_LICENCE,
    )


def yaml_string(text: str) -> Markup:
    """Text as a YAML double-quoted scalar, for front matter.

    Not Jinja's tojson: it writes characters beyond U+FFFF (emoji) as JSON surrogate
    pairs, which YAML can't read, and the page would lose its front matter."""
    return Markup(json.dumps(str(text), ensure_ascii=False))


def tel(phone: str) -> str:
    """A phone number as a tel: link wants it: digits and a leading +."""
    return ("+" if phone.strip().startswith("+") else "") + re.sub(r"\D", "", phone)


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code of a web address, black on the page's white, sized by CSS."""
    import segno  # on use: only a site with site_url prints QR codes

    code = segno.make(url, error="m")
    svg = code.svg_inline(
        scale=1, border=2, dark="#000", omitsize=True, svgclass="stretch-qr", title=url
    )
    return Markup(svg)
