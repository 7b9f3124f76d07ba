"""Values as a reader sees them in a page's text: counts, doses, dates, phone numbers."""

from __future__ import annotations

import datetime
import json
import re

from markupsafe import Markup

from generator.model import Count, Dose, Review, Site, Stretch
from generator.pages import urls


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


def credit_address(stretch: Stretch, site: Site) -> str:
    """Where a re-user's credit links: the stretch's page when site_url is set, else
    extra.attribution.url, else "" (a build without site_url knows no address of its own)."""
    return site.url + urls.stretch_page(stretch.id) if site.url else site.credit_url


def attribution(stretch: Stretch, site: Site) -> str:
    """The credit CC BY asks re-users to show, e.g. '"Knee to chest" from Stretches for lower
    back pain (https://…/stretches/knee-to-chest/), CC BY 4.0'."""
    address = credit_address(stretch, site)
    where = f" ({address})" if address else ""
    return f"“{stretch.name}” from {site.credited}{where}, {urls.CONTENT_LICENCE}"


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
