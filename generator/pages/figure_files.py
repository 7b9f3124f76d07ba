"""/figures/<id>.svg: each stretch's figures as one SVG file, for pages that show them as
images (the routine sheet) and for the API."""

from __future__ import annotations

from generator.figures.draw import FILE_NAMES, draw_all, figure_sprite
from generator.model import Library, Stretch
from generator.pages import urls

FOLDER = "figures"


def files(library: Library) -> dict[str, str]:
    return {urls.figure_file(stretch.id): figure_sprite(stretch) for stretch in library.stretches}


def figure_images(stretch: Stretch) -> list[dict[str, str]]:
    """The figures as images (relative to the site's root: the file and the figure's view)
    with their captions and alt text."""
    return [
        {"label": drawn.label, "alt": drawn.alt, "path": f"{urls.figure_file(stretch.id)}#{name}"}
        for name, drawn in zip(FILE_NAMES, draw_all(stretch), strict=False)
    ]
