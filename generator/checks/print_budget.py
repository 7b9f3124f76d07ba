"""A rough print budget, so an author hears at once that a stretch has grown too long to print
on one sheet of paper (two pages, both sides). Whether it fits is measured in Chromium by the
tests and by `python -m generator.site.pdfs`; this is the estimate the build can make without a
browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.model import Stretch
from generator.problems import Problem


@dataclass(frozen=True)
class PrintSize:
    """A linear model of one print size (print.css): the pages a stretch takes."""

    name: str
    column_characters: int  # a line of one of the two columns
    fixed: float  # title, glance box, figures, headings, conclusion and foot, in pages
    per_line: float  # a line of a column, in pages
    lines_per_item: float  # the space around each list item, in column lines
    across_line: float  # a line across the page (summary, aliases), in column lines


# Fitted to Chromium's layout of the library and 14 stretches grown from the knee to chest
# (A4's width, Letter's height, Arial's metrics, a clinic and site_url configured), measured
# as the printed article's height at that width; the largest error was 0.03 page (standard)
# and 0.045 page (large print). Page and column breaks that keep a step or the "Stop if" box
# whole waste a little more: a stretch measured at 1.90 pages printed on 2, one at 1.95 on 3.
STANDARD = PrintSize("standard", 47, 0.854, 0.00886, 0.4, 1.6)  # 12 pt body text
LARGE = PrintSize("large print", 43, 0.949, 0.0123, 0.1, 2.0)  # 14 pt body text
SIZES = (STANDARD, LARGE)
PAGES = 2  # one sheet of paper, both sides
WARN_ABOVE = 1.85  # pages: a margin for the model's error and for the breaks


def wrapped_lines(text: str, width: int) -> int:
    """How many lines text takes when wrapped at width characters, word by word."""
    lines, line_length = 0, width
    for word in text.split():
        if line_length + 1 + len(word) > width:
            lines, line_length = lines + 1, len(word)
        else:
            line_length += 1 + len(word)
    return lines


def page_share(stretch: Stretch, size: PrintSize = STANDARD) -> float:
    """Roughly how many printed pages the stretch takes in that size (1.0 = one full page)."""
    column = size.column_characters
    indented = column - 4  # list items
    column_lines = (
        sum(wrapped_lines(text, indented) for text in (*stretch.ask_first, *stretch.steps))
        + sum(wrapped_lines(text, column - 8) for text in stretch.stop_if)  # inside the box
        + sum(wrapped_lines(text, column) for text in (stretch.start, stretch.breathing))
        + wrapped_lines(stretch.feel, column)
        + sum(wrapped_lines(text, column - 5) for text in (stretch.easier, stretch.harder))
    )
    items = len(stretch.ask_first) + len(stretch.steps) + len(stretch.stop_if)
    across_lines = wrapped_lines(stretch.summary, round(column * 2.1))
    if stretch.aliases:
        aliases = "Also called: " + ", ".join(stretch.aliases)
        across_lines += wrapped_lines(aliases, round(column * 2.4))  # in smaller type
    lines = column_lines + size.lines_per_item * items + size.across_line * across_lines
    return size.fixed + size.per_line * lines


def check(stretch: Stretch) -> Iterator[Problem]:
    """A warning when the stretch's text is likely too long for one sheet, in either size."""
    for size in SIZES:
        share = page_share(stretch, size)
        if share > WARN_ABOVE:
            message = (
                f"{stretch.name} may not print on one sheet of paper ({PAGES} pages) in "
                f"{size.name}: its text fills about {share:.1f} pages; shorten its steps, "
                f"lists or start"
            )
            yield Problem(stretch.path, 1, 1, "text", message, is_warning=True)
            return  # the larger size only adds the same advice
