"""Printed pages: the QR code of a page's address, a rough one-page budget, the routine sheet.

A stretch page prints on exactly one sheet of A4 or US Letter (the print stylesheet lays it
out in two columns). Whether it fits is measured in Chromium by the tests and by
`python -m generator.pdfs`; the budget below is a quick estimate the build can make without
a browser, so an author hears at once that a stretch has grown too long to print.
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from .model import Site, Stretch
from .problems import Problem
from .validate import stretch_schema

# The most stretches a routine sheet holds. Programmes handed out by physical therapists and
# home-exercise apps are short: people do fewer of their exercises the more they are given.
MAX_ROUTINE = 6

# A linear model of the printed page, fitted to Chromium's layout of the library and of 96
# generated stretches (A4's width, Letter's height, Arial's metrics, a clinic configured):
# the title, figures, conclusion and foot take 59% of the page, each line of a column 0.81%,
# each list item a little more, and a line across the page (summary, aliases) 2.2 column
# lines. Its error was under 3%; pages overflowed from 102% on. (The foot's box of warning
# signs, urgent-signs.html.j2, grew from one line to the short list: 16.5 mm on Letter, +6.5%.)
COLUMN_CHARACTERS = 60
FIXED_SHARE = 0.59
SHARE_PER_LINE = 0.0081
LINES_PER_ITEM = 0.17
ACROSS_LINE = 2.2  # column lines
WARN_ABOVE = 0.98  # of the page: a margin for the model's error


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code of a web address, black on the page's white, sized by CSS."""
    import segno  # on use: only a site with site_url prints QR codes

    code = segno.make(url, error="m")
    svg = code.svg_inline(
        scale=1, border=2, dark="#000", omitsize=True, svgclass="stretch-qr", title=url
    )
    return Markup(svg)


def wrapped_lines(text: str, width: int) -> int:
    """How many lines text takes when wrapped at width characters, word by word."""
    lines, line_length = 0, width
    for word in text.split():
        if line_length + 1 + len(word) > width:
            lines, line_length = lines + 1, len(word)
        else:
            line_length += 1 + len(word)
    return lines


def page_share(stretch: Stretch) -> float:
    """Roughly what share of one printed page the stretch takes (1.0 = a full page)."""
    column = COLUMN_CHARACTERS
    indented = column - 4  # list items
    column_lines = (
        sum(wrapped_lines(text, indented) for text in (*stretch.ask_first, *stretch.steps))
        + sum(wrapped_lines(text, column - 8) for text in stretch.stop_if)  # inside the box
        + sum(wrapped_lines(text, column) for text in (stretch.start, stretch.breathing))
        + wrapped_lines(stretch.feel, column)
        + sum(wrapped_lines(text, column - 5) for text in (stretch.easier, stretch.harder))
    )
    items = len(stretch.ask_first) + len(stretch.steps) + len(stretch.stop_if)
    across_lines = wrapped_lines(stretch.summary, round(column * 1.9))
    if stretch.aliases:
        aliases = "Also called: " + ", ".join(stretch.aliases)
        across_lines += wrapped_lines(aliases, round(column * 2.4))  # in smaller type
    lines = column_lines + LINES_PER_ITEM * items + ACROSS_LINE * across_lines
    return FIXED_SHARE + SHARE_PER_LINE * lines


def print_budget_problems(stretches: list[Stretch], content: str) -> list[Problem]:
    """A warning for each stretch whose text is likely too long for one printed page."""
    problems = []
    for stretch in stretches:
        share = page_share(stretch)
        if share > WARN_ABOVE:
            message = (
                f"{stretch.name} may not print on one page: its text fills about "
                f"{share:.0%} of it; shorten its steps, lists or start"
            )
            path = f"{content}/{stretch.id}.yaml"
            problems.append(Problem(path, 1, 1, "text", message, is_warning=True))
    return problems


def render_sheet(environment: Environment, site: Site) -> dict[str, str]:
    """The build-your-own routine page at /sheet/; its data comes from /api/stretches.json."""
    positions = stretch_schema()["properties"]["position"]["enum"]
    page = environment.get_template("sheet.md.j2").render(
        site=site, clinic=site.clinic, max_routine=MAX_ROUTINE, positions=positions
    )
    return {"sheet/index.md": page}
