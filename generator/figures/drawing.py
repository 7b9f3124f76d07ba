"""A placed body -> an SVG drawing: limbs as round-capped strokes in currentColor, the far
side faded, props, a floor line (or, seen from above, a mat), and where the stretch is felt
as a dashed band in one highlight colour."""

from __future__ import annotations

from dataclasses import dataclass

from generator.figures.body import (
    Body,
    Posture,
    Vec,
    add,
    at,
    mul,
    reach,
    sub,
    trunk_half_depth,
    unit,
)
from generator.figures.poses import AREAS, LENGTH, WIDTH

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
        body.points[f"{side}_holds"] = (back, top + 2.0, shoulder[2])  # the chair's back
        elbow, hand = reach(
            shoulder,
            body.points[f"{side}_holds"],
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
        Shape([(x, 0.8, z), (x, seat, z)], 1.6, z, kind) for x in (back, front) for z in sides
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


def _counter(body: Body) -> list[Shape]:
    """A kitchen counter at about waist height (0.5 H) in front of the feet, within reach."""
    near = max(body.points[f"{side}_toe"][0] for side in ("left", "right")) + 4.0
    top, deep = 46.0, 16.0
    outline = [(near, 0.7, -12.0), (near, top, -12.0), (near + deep, top, -12.0)]
    return [Shape([*outline, (near + deep, 0.7, -12.0)], 1.4, -12.0, "far")]


def _props(body: Body, held: Posture) -> list[Shape]:
    shapes = _chair(body, held)
    if "counter" in held.props:
        shapes += _counter(body)
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
        tall = min(max(knee[1] - WIDTH["leg"] / 2, 1.0), LENGTH["pillow"])  # a lifted knee
        shapes.append(_box(knee, 7.0, 7.0, tall))
    return shapes


def _limb(body: Body, names: list[str], width: float) -> Shape:
    points = [body.points[name] for name in names]
    depth = sum(p[2] for p in points) / len(points)
    return Shape(points, width, depth, "far" if names[0].startswith("left") else "body")


def _arm(body: Body, side: str) -> list[Shape]:
    """Upper arm and forearm to the wrist, and the hand as a rounded end a little wider
    than the wrist, so that what it holds can be seen."""
    elbow, hand = body.points[f"{side}_elbow"], body.points[f"{side}_hand"]
    way = unit(sub(hand, elbow))
    body.points[f"{side}_wrist"] = at(hand, way, -2.4)
    arm = _limb(body, [f"{side}_shoulder", f"{side}_elbow", f"{side}_wrist"], WIDTH["arm"])
    palm = Shape([at(hand, way, -2.8), hand], WIDTH["hand"], arm.depth, arm.kind)
    return [arm, palm]


def _trunk(body: Body) -> Shape:
    """The trunk as a closed outline around the spine's curve: its back shows the bend."""
    last = len(body.trunk) - 1
    front = [
        at(p, body.trunk_fronts[i], trunk_half_depth(i / last) - 0.7)
        for i, p in enumerate(body.trunk)
    ]
    back = [
        at(p, body.trunk_fronts[i], 0.7 - trunk_half_depth(i / last))
        for i, p in enumerate(body.trunk)
    ]
    return Shape(front + back[::-1], 1.4, 0.0, "trunk")


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
        shapes += _arm(body, side)
    shapes.append(_trunk(body))
    head, neck = body.points["head"], body.points["neck"]
    throat = at(head, unit(sub(neck, head)), LENGTH["head"] - 1.0)
    shapes.append(Shape([neck, throat], 3.8, 0.0, "neck"))
    shapes.append(Shape([head], LENGTH["head"] * 2, 0.0, "head"))
    nose = body.fronts["head"]
    shapes.append(Shape([at(head, nose, 5.2), at(head, nose, 7.4)], 2.0, 0.0, "neck"))
    for area in felt:
        shapes += _felt_bands(body, area)
    return shapes
