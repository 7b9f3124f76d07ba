"""Stretch -> start and stretch figures: small inline SVGs drawn from the pose data.

Each figure is described in words (its <title> and aria-label) from the same data it is
drawn from. The body is drawn in `currentColor`, so it follows the page's text colour
(dark mode, black-and-white print); where the stretch is felt is a dashed band in one
highlight colour, which still reads as dashes without colour.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup

from generator.figures.arrows import motions
from generator.figures.body import Body, Posture
from generator.figures.drawing import FELT_COLOUR, shapes_of
from generator.figures.plausible import problems
from generator.figures.poses import (
    BASES,
    CROSSED,
    HAND_FIELDS,
    JOINT_FIELDS,
    JOINTS,
    NEUTRAL,
    POSES,
    POSITION_POSES,
    TARGET_AREAS,
)
from generator.figures.resting import place
from generator.figures.svg import svg
from generator.figures.words import describe
from generator.model import Figure, Figures, Stretch

__all__ = [
    "FELT_COLOUR",
    "draw_all",
    "figures_svg",
    "implausible",
    "figure_sprite",
]


@dataclass(frozen=True)
class Drawn:
    """One figure, ready to place in a page."""

    label: str
    alt: str
    svg: Markup
    width: int  # as shown, in CSS pixels: what svg says in its width and height
    height: int


def generic_figures(stretch: Stretch) -> Figures:
    """The position's default pose, as start and (highlighted) stretch."""
    pose = POSITION_POSES[stretch.position]
    felt = tuple(dict.fromkeys(TARGET_AREAS[t] for t in stretch.targets if t in TARGET_AREAS))
    return Figures(Figure(pose), Figure(pose), felt=felt)


def figures_of(stretch: Stretch) -> Figures:
    """The stretch's own figures, or the generic ones for its position."""
    return stretch.figures or generic_figures(stretch)


@cache
def draw_all(stretch: Stretch) -> tuple[Drawn, ...]:
    """Every figure of a stretch, in order: start, stretch, and the alternate if any."""
    figures = figures_of(stretch)
    felt = figures.felt
    if not felt and stretch.figures:
        felt = generic_figures(stretch).felt
    shown = [("Start", figures.start, (), None), ("Stretch", figures.stretch, felt, figures.start)]
    if figures.alternate:
        shown.append(("Then", figures.alternate, felt, figures.start))
    return tuple(
        _draw(figure, figure.label or label, areas, figures.view, start)
        for label, figure, areas, start in shown
    )


def figures_svg(stretch: Stretch) -> tuple[Markup, Markup]:
    """The start and stretch figures as inline SVG, for any page or file that shows them."""
    drawn = draw_all(stretch)
    return drawn[0].svg, drawn[1].svg


FILE_NAMES = ("start", "stretch", "then")  # each figure's view in the stretch's SVG file
_GAP = 8  # CSS pixels between figures in the file


def figure_sprite(stretch: Stretch) -> str:
    """All of a stretch's figures in one SVG file, side by side; each is also shown alone
    through its view, figures/<id>.svg#start, #stretch or #then (browsers size such an image
    to the view). One file a stretch, not one a figure: on a large library creating files is
    most of a fresh build's time, for the generator and MkDocs alike."""
    views, figures, left, height = [], [], 0, 0
    for name, drawn in zip(FILE_NAMES, draw_all(stretch), strict=False):
        views.append(f'<view id="{name}" viewBox="{left} 0 {drawn.width} {drawn.height}"/>')
        # str first: Markup.replace would escape the new text.
        figures.append(str(drawn.svg).replace("<svg ", f'<svg x="{left}" y="0" ', 1))
        left, height = left + drawn.width + _GAP, max(height, drawn.height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left - _GAP} {height}">'
        + "".join(views)
        + "".join(figures)
        + "</svg>\n"
    )


# --- From the author's words to numbers --------------------------------------------------


def _sides(name: str) -> tuple[str, ...]:
    """The sides a field sets: "hands" and "knees" both, "left_knee" one."""
    side = name.split("_")[0]
    return (side,) if side in ("left", "right") else ("left", "right")


def posture(figure: Figure) -> Posture:
    """The named pose with the author's changes applied, every joint of both sides set."""
    pose = POSES[figure.pose]
    angles: dict[str, float | str] = {}
    hands: dict[str, str] = {}
    for name, value in [*NEUTRAL.items(), *pose.fields.items(), *figure.changes]:
        if name in HAND_FIELDS:
            hands.update(dict.fromkeys(_sides(name), str(value)))
            continue
        joint, targets = JOINT_FIELDS[name]
        resolved = JOINTS[joint].words[value] if isinstance(value, str) else value
        for target in targets:
            angles[target] = resolved if isinstance(resolved, str) else float(resolved)
    # An arm the author posed by its angles no longer reaches the place the pose gave its hand.
    posed = {
        side
        for name, _ in figure.changes
        if name.endswith(("shoulders", "elbows", "_shoulder", "_elbow"))
        for side in _sides(name)
    }
    placed = {side for name, _ in figure.changes if name in HAND_FIELDS for side in _sides(name)}
    for side in posed - placed:
        hands.pop(side, None)
    if angles["left_hip"] == CROSSED == angles["right_hip"]:
        angles["left_hip"] = 90.0  # only one leg can cross over the other
    props = tuple(dict.fromkeys(pose.props + figure.props))
    return Posture(angles, hands, props, seated="chair" in pose.props)


# --- Drawing ----------------------------------------------------------------------------


def _figure_body(figure: Figure) -> tuple[Body, Posture, str]:
    """The placed body, its posture, and the base's placing (for the floor or a mat): a copy
    of each, as drawing moves a hand onto a prop in place."""
    placed, held, placing = _placed(figure)
    return copy.deepcopy(placed), copy.deepcopy(held), placing


@cache  # placing a body is the slow part of a figure; `check` and the drawing both need it
def _placed(figure: Figure) -> tuple[Body, Posture, str]:
    held = posture(figure)
    base = BASES[POSES[figure.pose].base]
    padded = _padded(held)
    towel = None
    if "holding the towel" in held.hands.values():
        hips = [(held.angles[f"{s}_hip"], s) for s in ("left", "right")]
        towel = max(hips, key=lambda pair: (_number(pair[0]), pair[1] == "right"))[1]
    placed = place(held.angles, base, held.hands, padded, towel)
    return placed, held, base.placing


def _padded(held: Posture) -> set[str]:
    """The points a pillow lies under."""
    padded = set()
    if "pillow under head" in held.props:
        padded.add("head")
    if "pillow under knees" in held.props:
        padded |= {"left_knee", "right_knee"}
    return padded


def implausible(figure: Figure) -> list[str]:
    """What a body could not do in this figure, in words (see plausible.py); [] if nothing."""
    return list(_implausible(figure))


@cache  # as _draw: libraries repeat figures
def _implausible(figure: Figure) -> tuple[str, ...]:
    placed, held, _ = _figure_body(figure)
    shapes_of(placed, held, ())  # puts a hand on the chair, as the drawing does
    return tuple(problems(figure, placed, held, _padded(held)))


def _number(value: float | str) -> float:
    return value if isinstance(value, float) else 0.0


@cache  # libraries repeat figures (every generic one of a position is the same)
def _draw(
    figure: Figure, label: str, felt: tuple[str, ...], view: str, start: Figure | None
) -> Drawn:
    placed, held, placing = _figure_body(figure)
    view = "from above" if placing == "side" else view
    moves = []
    if start is not None and start != figure:
        before, before_held, _ = _figure_body(start)
        moves = motions(before, placed, before_held, held, view)
    shapes = shapes_of(placed, held, felt)
    if view in ("from above", "from the feet"):
        label += f", seen {view}"
    alt = describe(figure, held.props, label, felt, [move.words for move in moves])
    arrows = [move.curve for move in moves]
    return Drawn(label, alt, *svg(shapes, view, alt, arrows, "mat" in held.props))
