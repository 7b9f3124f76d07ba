"""A placed body -> an SVG drawing: limbs as round-capped strokes in currentColor, the far
side faded, props, a floor line (or, seen from above, a mat), and where the stretch is felt
as a dashed band in one highlight colour."""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.figures.body import Body, Posture, Vec, add, at, mul, reach, sub, unit
from generator.figures.poses import AREAS, LENGTH, WIDTH
from generator.figures.resting import convex_hull

FELT_COLOUR = "#d9480f"
SCALE = 2.2  # CSS pixels per drawing unit
MARGIN = 3.0


@dataclass
class Shape:
    points: list[Vec]
    width: float
    depth: float
    kind: str = "body"  # body, far, felt, prop, head, floor


def _chair(body: Body, held: Posture) -> list[Shape]:
    """A chair under the pelvis (sitting) or beside the body, held by a hand."""
    holders = [side for side, place in held.hands.items() if place == "on the chair"]
    if "chair" not in held.props and not holders:
        return []
    pelvis = body.points["pelvis"]
    if held.seated:
        seat = pelvis[1] - WIDTH["trunk"] / 2 - 0.8
        back, front = pelvis[0] - 6.0, pelvis[0] + 12.0
        top = seat + 24.0
    else:  # beside the body on the far side, its back level with the body's back
        back, front, seat, top = pelvis[0] - 5.0, pelvis[0] + 11.0, 25.0, 48.0
    for side in holders:
        shoulder = body.points[f"{side}_shoulder"]
        elbow, hand = reach(
            shoulder,
            (back, top + 2.0, shoulder[2]),
            LENGTH["upper_arm"],
            LENGTH["forearm"],
            (0.0, -1.0, 0.0),
        )
        body.points[f"{side}_elbow"], body.points[f"{side}_hand"] = elbow, hand
    middle, kind = (0.0, "prop") if held.seated else (-16.0, "far")
    sides = (middle - 7.0, middle + 7.0)
    seat_corners = [
        (back, seat, sides[0]),
        (front, seat, sides[0]),
        (front, seat, sides[1]),
        (back, seat, sides[1]),
    ]
    shapes = [Shape(seat_corners, 1.6, middle, "seat" if kind == "prop" else kind)]
    shapes += [
        Shape([(x, 0.0, z), (x, seat, z)], 1.6, z, kind) for x in (back, front) for z in sides
    ]
    shapes += [Shape([(back, seat, z), (back, top, z)], 1.6, z, kind) for z in sides]
    shapes.append(Shape([(back, top, sides[0]), (back, top, sides[1])], 1.6, middle, kind))
    return shapes


def _box(centre: Vec, half_x: float, half_z: float, tall: float) -> Shape:
    """A pillow: a box on the floor, drawn as the outline of its eight corners."""
    x, _, z = centre
    corners = [
        (x + dx, y, z + dz)
        for dx in (-half_x, half_x)
        for dz in (-half_z, half_z)
        for y in (0.0, tall)
    ]
    return Shape(corners, 1.2, -30.0, "pillow")


def _props(body: Body, held: Posture) -> list[Shape]:
    shapes = _chair(body, held)
    if "towel" in body.points:
        for side in ("left", "right"):
            if held.hands.get(side) == "holding the towel":
                hand = body.points[f"{side}_hand"]
                kind = "far" if side == "left" else "prop"
                shapes.append(Shape([hand, body.points["towel"]], 1.3, hand[2], kind))
    if "pillow under head" in held.props:
        head = body.points["head"]
        shapes.append(_box(head, 9.0, 7.0, max(head[1] - LENGTH["head"], 1.0)))
    if "pillow under knees" in held.props:
        knee = min((body.points[f"{s}_knee"] for s in ("left", "right")), key=lambda k: k[1])
        shapes.append(_box(knee, 7.0, 7.0, max(knee[1] - WIDTH["leg"] / 2, 1.0)))
    return shapes


def _limb(body: Body, names: list[str], width: float) -> Shape:
    points = [body.points[name] for name in names]
    depth = sum(p[2] for p in points) / len(points)
    return Shape(points, width, depth, "far" if names[0].startswith("left") else "body")


def _felt(body: Body, area: str, beside: float) -> list[Shape]:
    shapes = []
    for segment, start, end, side in AREAS[area]:
        if segment == "trunk":
            steps = [start + (end - start) * i / 4 for i in range(5)]
            points = []
            for t in steps:
                index = min(int(t * 8), 7)
                within = t * 8 - index
                middle = add(mul(body.trunk[index], 1 - within), mul(body.trunk[index + 1], within))
                offset = side * beside * (WIDTH["trunk"] / 2 + 2)
                points.append(at(middle, body.trunk_fronts[index], offset))
        else:
            limb_side, part = segment.split("_", 1)
            first, second = ("hip", "knee") if part == "thigh" else ("shoulder", "elbow")
            a, b = body.points[f"{limb_side}_{first}"], body.points[f"{limb_side}_{second}"]
            width = WIDTH["leg"] if part == "thigh" else WIDTH["arm"]
            normal = unit(body.fronts[segment])
            points = [
                at(add(a, mul(sub(b, a), t)), normal, side * beside * (width / 2 + 2))
                for t in (start, (start + end) / 2, end)
            ]
        shapes.append(Shape(points, 2.4, 100.0, "felt"))
    return shapes


def _felt_bands(body: Body, area: str) -> list[Shape]:
    """The area's bands beside the body, or on it where beside would be under the floor."""
    bands = _felt(body, area, 1.0)
    if min(p[1] for band in bands for p in band.points) < 1.0:
        bands = _felt(body, area, 0.0)
    return bands


def shapes_of(body: Body, held: Posture, felt: tuple[str, ...]) -> list[Shape]:
    shapes = _props(body, held)
    for side in ("left", "right"):
        shapes.append(_limb(body, [f"{side}_hip", f"{side}_knee", f"{side}_ankle"], WIDTH["leg"]))
        shapes.append(_limb(body, [f"{side}_heel", f"{side}_toe"], WIDTH["foot"]))
        arm = [f"{side}_shoulder", f"{side}_elbow", f"{side}_hand"]
        shapes.append(_limb(body, arm, WIDTH["arm"]))
    shoulders = [body.points["left_shoulder"], body.points["right_shoulder"]]
    hips = [body.points["left_hip"], body.points["right_hip"]]
    shapes.append(Shape(shoulders, WIDTH["girdle"], 0.0))
    shapes.append(Shape(hips, WIDTH["leg"], 0.0))
    shapes.append(Shape(list(body.trunk), WIDTH["trunk"], 0.0))
    head = body.points["head"]
    shapes.append(Shape([head], LENGTH["head"] * 2, 0.0, "head"))
    nose = body.fronts["head"]
    shapes.append(Shape([at(head, nose, 5.0), at(head, nose, 8.0)], 2.2, 0.0))
    for area in felt:
        shapes += _felt_bands(body, area)
    return shapes


YAWS = {"side": 0.0, "at an angle": 40.0, "from the feet": 90.0}  # degrees towards the feet


def _project(point: Vec, view: str) -> tuple[float, float, float]:
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


def _floor(shapes: list[Shape], view: str) -> Shape:
    """The floor: a line, or seen from above, a mat under the body."""
    points = [p for shape in shapes for p in shape.points]
    if view != "from above":
        xs = [_project(p, view)[0] for p in points]
        line = [(min(xs) - 9, 0.0, 0.0), (max(xs) + 9, 0.0, 0.0)]
        return Shape([(x, y, 0.0) for x, y, _ in line], 1.0, -99.0, "floor")
    low_x, high_x = min(p[0] for p in points) - 6, max(p[0] for p in points) + 6
    low_z, high_z = min(p[2] for p in points) - 6, max(p[2] for p in points) + 6
    mat = [(low_x, 0.0, low_z), (high_x, 0.0, low_z), (high_x, 0.0, high_z), (low_x, 0.0, high_z)]
    return Shape(mat, 0.8, -99.0, "mat")


def svg(shapes: list[Shape], view: str, alt: str) -> tuple[Markup, int, int]:
    """The figure as inline SVG, with the width and height it is shown at (CSS pixels)."""
    floor = _floor(shapes, view)
    shapes = [floor, *shapes]
    projected = [[_project(p, view) for p in shape.points] for shape in shapes]
    if floor.kind == "floor":  # already across the screen
        projected[0] = [(p[0], p[1], p[2]) for p in floor.points]
    for shape, points in zip(shapes, projected, strict=True):
        if view != "side" and shape.kind not in ("floor", "mat", "felt"):  # no far side
            shape.depth = sum(p[2] for p in points) / len(points)
            shape.kind = "body" if shape.kind == "far" else shape.kind
        if shape.kind == "pillow":  # its outline as seen
            outline = convex_hull([(x, y) for x, y, _ in points])
            projected[shapes.index(shape)] = [(x, y, 0.0) for x, y in outline]
    reach_of = [
        (x, y, shape.width / 2)
        for shape, points in zip(shapes, projected, strict=True)
        for x, y, _ in points
    ]
    left = min(x - r for x, _, r in reach_of) - MARGIN
    right = max(x + r for x, _, r in reach_of) + MARGIN
    top = max(y + r for _, y, r in reach_of) + MARGIN
    bottom = min(y - r for _, y, r in reach_of) - MARGIN
    width, height = math.ceil(right - left), math.ceil(top - bottom)

    def xy(x: float, y: float) -> str:
        return f"{_number_text(x - left)} {_number_text(top - y)}"

    def element(shape: Shape, points: list[tuple[float, float, float]]) -> str:
        if shape.kind == "head":
            x, y = xy(points[0][0], points[0][1]).split()
            radius = _number_text(shape.width / 2)
            return f'<circle cx="{x}" cy="{y}" r="{radius}" fill="currentColor" stroke="none"/>'
        path = "M" + "L".join(xy(x, y) for x, y, _ in points)
        path += "Z" if shape.kind in ("pillow", "mat", "seat") else ""
        extra = {
            "mat": ' stroke-opacity=".5" fill="currentColor" fill-opacity=".07"',
            "felt": f' stroke="{FELT_COLOUR}" stroke-dasharray="3 1.6"',
        }.get(shape.kind, "")
        return f'<path d="{path}" stroke-width="{_number_text(shape.width)}"{extra}/>'

    # Back to front; the far limbs in one group faded as a whole, so that where two of them
    # overlap is not darker.
    layers = {"floor": 0, "mat": 0, "pillow": 1, "far": 2, "felt": 4}
    order = sorted(
        range(len(shapes)), key=lambda i: (layers.get(shapes[i].kind, 3), shapes[i].depth)
    )
    far = "".join(element(shapes[i], projected[i]) for i in order if shapes[i].kind == "far")
    parts = [element(shapes[i], projected[i]) for i in order if layers.get(shapes[i].kind, 3) < 2]
    parts += [f'<g opacity=".45">{far}</g>'] if far else []
    parts += [element(shapes[i], projected[i]) for i in order if layers.get(shapes[i].kind, 3) > 2]
    label = escape(alt)
    shown_width, shown_height = round(width * SCALE), round(height * SCALE)
    markup = Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="stretch-figure" viewBox="0 0 {width} '
        f'{height}" width="{shown_width}" height="{shown_height}" role="img" '
        f'aria-label="{label}"><title>{label}</title><g fill="none" stroke="currentColor" '
        f'stroke-linecap="round" stroke-linejoin="round">{"".join(parts)}</g></svg>'
    )
    return markup, shown_width, shown_height
