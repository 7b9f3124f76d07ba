"""Shapes -> SVG markup: projected to the view, drawn back to front in `currentColor`.

The far limbs are one faded group drawn first; the trunk is a filled outline; each limb
nearer the viewer has a thin halo in the page's background colour under it, so that an arm
in front of the chest or a leg crossed over the other stays readable where they overlap.
Motion arrows are thin curves with a filled head, apart from the body.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

from generator.figures.body import Vec
from generator.figures.drawing import FELT_COLOUR, MARGIN, SCALE, Shape
from generator.figures.resting import convex_hull

YAWS = {"side": 0.0, "at an angle": 40.0, "from the feet": 90.0}  # degrees towards the feet
MAT_THICKNESS = 1.6
HALO = 1.3  # each side of a near limb
_FILLED = ("pillow", "mat", "seat", "trunk", "mat band")
Point = tuple[float, float, float]


def project(point: Vec, view: str) -> Point:
    """(x across, y up, depth towards the viewer) as seen from the side, from the feet, or
    (a body lying on its side) from above."""
    x, y, z = point
    if view in YAWS:  # turned about the vertical: the floor stays a line
        c, s = math.cos(math.radians(YAWS[view])), math.sin(math.radians(YAWS[view]))
        return x * c - z * s, y, x * s + z * c
    if view == "from above":  # the body's front (-z once it lies on its side) up the page
        return x, -z, y
    return x, y, z


def _number_text(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _floor(shapes: list[Shape], view: str, mat: bool) -> list[Shape]:
    """The floor: a line (under a mat, if the stretch uses one), or seen from above, a mat."""
    points = [p for shape in shapes for p in shape.points]
    if view != "from above":
        xs = [project(p, view)[0] for p in points]
        low, high = min(xs), max(xs)
        below = -MAT_THICKNESS if mat else 0.0
        floor = Shape([(low - 9, below, 0.0), (high + 9, below, 0.0)], 1.0, -99.0, "floor")
        if not mat:
            return [floor]
        band = [(low - 3, 0.0, 0.0), (high + 3, 0.0, 0.0), (high + 3, below, 0.0)]
        return [floor, Shape([*band, (low - 3, below, 0.0)], 0.6, -99.0, "mat band")]
    low_x, high_x = min(p[0] for p in points) - 6, max(p[0] for p in points) + 6
    low_z, high_z = min(p[2] for p in points) - 6, max(p[2] for p in points) + 6
    mat_corners = [(low_x, 0.0, low_z), (high_x, 0.0, low_z), (high_x, 0.0, high_z)]
    return [Shape([*mat_corners, (low_x, 0.0, high_z)], 0.8, -99.0, "mat")]


def _arrow_head(tip: Point, back: Point) -> list[Point]:
    """A filled triangle at the arrow's tip, pointing away from `back`."""
    dx, dy = tip[0] - back[0], tip[1] - back[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    base = (tip[0] - ux * 3.2, tip[1] - uy * 3.2)
    return [
        tip,
        (base[0] - uy * 1.9, base[1] + ux * 1.9, 0.0),
        (base[0] + uy * 1.9, base[1] - ux * 1.9, 0.0),
    ]


def svg(
    shapes: list[Shape],
    view: str,
    alt: str,
    arrows: Sequence[Sequence[tuple[float, float]]] = (),
    mat: bool = False,
) -> tuple[Markup, int, int]:
    """The figure as inline SVG, with the width and height it is shown at (CSS pixels).
    Each arrow is (from, bend, to) as seen (see `project`): a curve through the bend."""
    floor = _floor(shapes, view, mat)
    shapes = [*floor, *shapes]
    projected = [[project(p, view) for p in shape.points] for shape in shapes]
    for index, shape in enumerate(floor):  # already across the screen
        if shape.kind != "mat":
            projected[index] = list(shape.points)
    for index, (shape, points) in enumerate(zip(shapes, projected, strict=True)):
        if view != "side" and shape.kind not in ("floor", "mat", "felt", "mat band"):
            shape.depth = sum(p[2] for p in points) / len(points)  # by depth
            if view != "at an angle":  # seen from the feet or above: no far side
                shape.kind = "body" if shape.kind == "far" else shape.kind
        if shape.kind == "pillow":  # its outline as seen
            outline = convex_hull([(x, y) for x, y, _ in points])
            projected[index] = [(x, y, 0.0) for x, y in outline]
    curves = [[(x, y, 0.0) for x, y in arrow] for arrow in arrows]
    heads = [_arrow_head(curve[2], curve[1]) for curve in curves]
    reach_of = [
        (x, y, shape.width / 2 + (HALO if shape.kind == "body" else 0.0))
        for shape, points in zip(shapes, projected, strict=True)
        for x, y, _ in points
    ] + [(x, y, 1.0) for curve in curves + heads for x, y, _ in curve]
    left = min(x - r for x, _, r in reach_of) - MARGIN
    right = max(x + r for x, _, r in reach_of) + MARGIN
    top = max(y + r for _, y, r in reach_of) + MARGIN
    bottom = min(y - r for _, y, r in reach_of) - MARGIN
    width, height = math.ceil(right - left), math.ceil(top - bottom)

    def xy(x: float, y: float) -> str:
        return f"{_number_text(x - left)} {_number_text(top - y)}"

    def path(points: Sequence[Point], closed: bool) -> str:
        return "M" + "L".join(xy(x, y) for x, y, _ in points) + ("Z" if closed else "")

    def element(shape: Shape, points: list[Point]) -> str:
        if shape.kind == "head":
            x, y = xy(points[0][0], points[0][1]).split()
            radius = _number_text(shape.width / 2)
            return f'<circle cx="{x}" cy="{y}" r="{radius}" fill="currentColor" stroke="none"/>'
        d = path(points, shape.kind in _FILLED)
        extra = {
            "mat": ' stroke-opacity=".5" fill="currentColor" fill-opacity=".07"',
            "mat band": ' stroke-opacity=".5" fill="currentColor" fill-opacity=".18"',
            "trunk": ' fill="currentColor"',
            "felt": f' stroke="{FELT_COLOUR}" stroke-dasharray="3 1.6"',
        }.get(shape.kind, "")
        drawn = f'<path d="{d}" stroke-width="{_number_text(shape.width)}"{extra}/>'
        if shape.kind == "body":  # a halo in the background colour, under the limb
            halo = _number_text(shape.width + 2 * HALO)
            drawn = f'<path class="halo" d="{d}" stroke="#fff" stroke-width="{halo}"/>' + drawn
        return drawn

    # Back to front; the far limbs in one group faded as a whole, so that where two of them
    # overlap is not darker.
    layers = {"floor": 0, "mat": 0, "mat band": 0, "pillow": 1, "far": 2, "felt": 4}
    order = sorted(
        range(len(shapes)), key=lambda i: (layers.get(shapes[i].kind, 3), shapes[i].depth)
    )
    far = "".join(element(shapes[i], projected[i]) for i in order if shapes[i].kind == "far")
    parts = [element(shapes[i], projected[i]) for i in order if layers.get(shapes[i].kind, 3) < 2]
    parts += [f'<g opacity=".45">{far}</g>'] if far else []
    parts += [element(shapes[i], projected[i]) for i in order if layers.get(shapes[i].kind, 3) > 2]
    for curve, head in zip(curves, heads, strict=True):
        (x0, y0, _), (x1, y1, _), (x2, y2, _) = curve
        # Stop the line short of the tip, under the head.
        d = f"M{xy(x0, y0)}Q{xy(x1, y1)} {xy(*_towards(curve[2], curve[1], 2.6))}"
        parts.append(  # over a halo, so that it shows where it crosses the body
            f'<g class="motion-arrow"><path class="halo" d="{d}" stroke="#fff" stroke-width="3"/>'
            f'<path d="{d}" stroke-width="1.2"/>'
            f'<path class="halo" d="{path(head, True)}" stroke="#fff" stroke-width="2.4"/>'
            f'<path d="{path(head, True)}" fill="currentColor" stroke-width=".6"/></g>'
        )
    label = escape(alt)
    shown_width, shown_height = round(width * SCALE), round(height * SCALE)
    markup = Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="stretch-figure" viewBox="0 0 {width} '
        f'{height}" width="{shown_width}" height="{shown_height}" role="img" '
        f'aria-label="{label}"><title>{label}</title><g fill="none" stroke="currentColor" '
        f'stroke-linecap="round" stroke-linejoin="round">{"".join(parts)}</g></svg>'
    )
    return markup, shown_width, shown_height


def _towards(tip: Point, back: Point, distance: float) -> tuple[float, float]:
    dx, dy = back[0] - tip[0], back[1] - tip[1]
    length = math.hypot(dx, dy) or 1.0
    return tip[0] + dx / length * distance, tip[1] + dy / length * distance
