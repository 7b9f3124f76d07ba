"""/figures/<id>.svg: each stretch's figures as one SVG file, for pages that show them as
images (the routine sheet) and for the API."""

from __future__ import annotations

from dataclasses import dataclass

from generator.figures.draw import FILE_NAMES, draw_all, figure_sprite
from generator.model import Library, Stretch
from generator.pages import urls

FOLDER = "figures"


def files(library: Library) -> dict[str, str]:
    return {urls.figure_file(stretch.id): figure_sprite(stretch) for stretch in library.stretches}


@dataclass(frozen=True)
class Thumbnail:
    """A stretch's small figure on the cards of lists: its stretch position, as an image of
    the stretch's SVG file; width and height keep its shape before it loads."""

    path: str  # relative to the site's root
    width: int
    height: int


def thumbnail(stretch: Stretch) -> Thumbnail:
    drawn = draw_all(stretch)[1]
    return Thumbnail(f"{urls.figure_file(stretch.id)}#{FILE_NAMES[1]}", drawn.width, drawn.height)


def figure_images(stretch: Stretch) -> list[dict[str, str]]:
    """The figures as images (relative to the site's root: the file and the figure's view)
    with their captions and alt text."""
    return [
        {"label": drawn.label, "alt": drawn.alt, "path": f"{urls.figure_file(stretch.id)}#{name}"}
        for name, drawn in zip(FILE_NAMES, draw_all(stretch), strict=False)
    ]
