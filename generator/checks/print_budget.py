"""A rough one-page print budget, so an author hears at once that a stretch has grown too
long to print. Whether it fits is measured in Chromium by the tests and by
`python -m generator.site.pdfs`; this is the estimate the build can make without a browser.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Stretch
from generator.problems import Problem

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


def check(stretch: Stretch) -> Iterator[Problem]:
    """A warning when the stretch's text is likely too long for one printed page."""
    share = page_share(stretch)
    if share > WARN_ABOVE:
        message = (
            f"{stretch.name} may not print on one page: its text fills about "
            f"{share:.0%} of it; shorten its steps, lists or start"
        )
        yield Problem(stretch.path, 1, 1, "text", message, is_warning=True)
