"""A small side-view body model: joint angles -> the points of a body lying on the floor.

The body is built in its own frame (pelvis at the origin, x to the front, y to the head,
z to the right), then turned and set down on the floor (world y = 0) the way a body would
rest there. Arms and crossed legs that must reach a place (a shin, a towel, a chair) are
solved with two-bone inverse kinematics. Everything is plain floats: no drawing here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.figures.poses import CROSSED, FLAT, LENGTH, OUT_TO_THE_SIDES, POINTED, WIDTH

Vec = tuple[float, float, float]
SIDES = (("left", -1), ("right", 1))


def add(*vectors: Vec) -> Vec:
    return (sum(v[0] for v in vectors), sum(v[1] for v in vectors), sum(v[2] for v in vectors))


def mul(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def unit(v: Vec) -> Vec:
    length = math.sqrt(dot(v, v))
    return mul(v, 1 / length) if length > 1e-9 else (0.0, 0.0, 0.0)


def rot_z(v: Vec, degrees: float) -> Vec:
    """Turn in the body's side-view plane (x towards y)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c, v[2])


def rot_y(v: Vec, degrees: float) -> Vec:
    """Turn about the long axis (front towards the left side)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (v[0] * c + v[2] * s, v[1], -v[0] * s + v[2] * c)


def at(point: Vec, direction: Vec, length: float) -> Vec:
    return add(point, mul(direction, length))


def reach(root: Vec, target: Vec, first: float, second: float, pole: Vec) -> tuple[Vec, Vec]:
    """Two-bone IK: the middle joint (bent towards `pole`) and the end, as near `target`
    as the bones allow."""
    towards = sub(target, root)
    distance = min(
        max(math.sqrt(dot(towards, towards)), abs(first - second) + 0.1), first + second - 0.05
    )
    axis = unit(towards)
    along = (first**2 - second**2 + distance**2) / (2 * distance)
    side = unit(sub(pole, mul(axis, dot(pole, axis))))
    middle = add(root, mul(axis, along), mul(side, math.sqrt(max(first**2 - along**2, 0.0))))
    return middle, at(root, axis, distance)


@dataclass
class Body:
    """Named points (joints, hands, toes) and the trunk's curve, each with the direction
    its front faces, so a highlight can be drawn on the front or back of a part."""

    points: dict[str, Vec] = field(default_factory=dict)
    fronts: dict[str, Vec] = field(default_factory=dict)
    trunk: list[Vec] = field(default_factory=list)
    trunk_fronts: list[Vec] = field(default_factory=list)

    def moved(self, move: Callable[[Vec], Vec]) -> Body:
        """The same body with `move` applied to its points and fronts (fronts are
        directions: the moved origin is taken off them)."""
        zero = move((0.0, 0.0, 0.0))

        def turn(v: Vec) -> Vec:
            return sub(move(v), zero)

        return Body(
            {name: move(p) for name, p in self.points.items()},
            {name: turn(v) for name, v in self.fronts.items()},
            [move(p) for p in self.trunk],
            [turn(v) for v in self.trunk_fronts],
        )


# Half the trunk's depth from the hips (0) to the shoulder line (1): a pelvis, a narrower
# waist and a deeper chest, so that the trunk reads as a body, not a bar.
_TRUNK_HALF = ((0.0, 5.6), (0.45, 4.8), (0.8, 6.6), (1.0, 5.4))


def trunk_half_depth(t: float) -> float:
    for (t0, h0), (t1, h1) in zip(_TRUNK_HALF, _TRUNK_HALF[1:], strict=False):
        if t <= t1:
            return h0 + (h1 - h0) * (t - t0) / (t1 - t0)
    return _TRUNK_HALF[-1][1]


Angles = dict[str, float | str]


def _shoulder(value: float | str) -> tuple[float, float]:
    """(flexion, abduction) of a shoulder value."""
    return (0.0, 90.0) if value == OUT_TO_THE_SIDES else (float(value), 0.0)


def _ankle(value: float | str, shin: Vec, turn: float) -> Vec:
    """The foot's direction; flat and pointed lay the foot along the floor, which is
    `turn` degrees from the body's frame."""
    neutral = rot_z(shin, 90)
    if value not in (FLAT, POINTED):
        return rot_z(shin, 90 - float(value))
    choices = [rot_z((1.0, 0.0, 0.0), angle - turn) for angle in (0, 180)]
    wanted = neutral if value == FLAT else shin
    return max(choices, key=lambda choice: dot(choice, unit((wanted[0], wanted[1], 0.0))))


def build(angles: Angles, turn: float) -> Body:
    """Forward kinematics in the body's frame; `turn` is how the body will lie (for feet
    that are flat or pointed on the floor)."""
    body = Body()
    spine = math.radians(float(angles["spine"]))
    for step in range(9):
        t = step / 8
        if abs(spine) < 1e-6:
            point: Vec = (0.0, LENGTH["trunk"] * t, 0.0)
        else:
            radius = LENGTH["trunk"] / spine
            point = (radius * (1 - math.cos(spine * t)), radius * math.sin(spine * t), 0.0)
        body.trunk.append(point)
        body.trunk_fronts.append((math.cos(spine * t), -math.sin(spine * t), 0.0))
    neck = body.trunk[-1]
    body.points.update(pelvis=body.trunk[0], neck=neck)
    twist, tilt = -float(angles["twist"]), -float(angles["spine"])

    def upper(v: Vec) -> Vec:
        return rot_z(rot_y(v, twist), tilt)

    nod = math.radians(float(angles["neck"]))
    head_way = upper((math.sin(nod), math.cos(nod), 0.0))
    body.points["head"] = at(neck, head_way, LENGTH["neck"] + LENGTH["head"])
    body.fronts["head"] = upper((math.cos(nod), -math.sin(nod), 0.0))
    for side, sign in SIDES:
        shoulder = add(neck, upper((0.0, -1.5, sign * LENGTH["shoulder"])))
        flexion, abduction = _shoulder(angles[f"{side}_shoulder"])
        arm = rot_z(
            (0.0, -math.cos(math.radians(abduction)), sign * math.sin(math.radians(abduction))),
            flexion,
        )
        ahead = rot_z((1.0, 0.0, 0.0), flexion)  # where a bending elbow takes the hand
        bend = unit(sub(ahead, mul(arm, dot(ahead, arm))))
        elbow_angle = math.radians(float(angles[f"{side}_elbow"]))
        forearm = add(mul(arm, math.cos(elbow_angle)), mul(bend, math.sin(elbow_angle)))
        elbow = at(shoulder, upper(arm), LENGTH["upper_arm"])
        body.points[f"{side}_shoulder"] = shoulder
        body.points[f"{side}_elbow"] = elbow
        body.points[f"{side}_hand"] = at(elbow, upper(forearm), LENGTH["forearm"])
        body.fronts[f"{side}_upper_arm"] = upper(bend)
    for side, sign in SIDES:
        if angles[f"{side}_hip"] != CROSSED:
            _leg(body, angles, side, sign, turn)
    for side, sign in SIDES:
        if angles[f"{side}_hip"] == CROSSED:
            _crossed_leg(body, side, sign)
    rolled = -float(angles["knees_rolled"])
    for name in [
        n for n in body.points if n.split("_")[-1] in ("hip", "knee", "ankle", "toe", "heel")
    ]:
        body.points[name] = rot_y(body.points[name], rolled)
    for name in [n for n in body.fronts if n.endswith(("thigh", "shin"))]:
        body.fronts[name] = rot_y(body.fronts[name], rolled)
    return body


def _leg(body: Body, angles: Angles, side: str, sign: int, turn: float) -> None:
    hip = (0.0, 0.0, sign * LENGTH["hip"])
    thigh = rot_z((0.0, -1.0, 0.0), float(angles[f"{side}_hip"]))
    shin = rot_z(thigh, -float(angles[f"{side}_knee"]))
    foot = _ankle(angles[f"{side}_ankle"], shin, turn)
    _put_leg(body, side, hip, at(hip, thigh, LENGTH["thigh"]), foot, rot_z(thigh, 90), shin)


def _put_leg(
    body: Body, side: str, hip: Vec, knee: Vec, foot: Vec, thigh_front: Vec, shin: Vec
) -> None:
    ankle = at(knee, shin, LENGTH["shin"])
    body.points.update({f"{side}_hip": hip, f"{side}_knee": knee, f"{side}_ankle": ankle})
    # The foot is thinner than the shin: its sole sits level with the bottom of the ankle.
    sole = at(ankle, unit(shin), (WIDTH["leg"] - WIDTH["foot"]) / 2)
    body.points[f"{side}_heel"] = at(sole, foot, -LENGTH["heel"])
    body.points[f"{side}_toe"] = at(sole, foot, LENGTH["foot"])
    body.fronts[f"{side}_thigh"] = thigh_front
    body.fronts[f"{side}_shin"] = rot_z(shin, 90)


def _crossed_leg(body: Body, side: str, sign: int) -> None:
    """Figure 4: this ankle rests on the other thigh just above the knee; the knee falls
    out to the side."""
    other = "left" if side == "right" else "right"
    knee, hip = body.points[f"{other}_knee"], body.points[f"{other}_hip"]
    along = unit(sub(knee, hip))
    target = add(at(knee, along, -4.0), mul(body.fronts[f"{other}_thigh"], WIDTH["leg"]))
    own_hip = (0.0, 0.0, sign * LENGTH["hip"])
    pole = (0.5, 0.0, sign * 1.0)
    own_knee, ankle = reach(own_hip, target, LENGTH["thigh"], LENGTH["shin"], pole)
    shin = unit(sub(ankle, own_knee))
    foot = unit(add(body.fronts[f"{other}_thigh"], (0.0, 0.0, -sign * 0.6)))
    _put_leg(body, side, own_hip, own_knee, foot, body.fronts[f"{other}_thigh"], shin)


def hand_target(body: Body, place: str, side: str, sign: int) -> tuple[Vec, Vec]:
    """Where a hand goes for a place in words, and which way its elbow points."""
    out: Vec = (-1.0, -0.3, sign * 1.2)  # elbows out and back: hugging a knee, on thighs
    words = place.split()
    limb_side = side if words[-2] == "your" else words[-2]
    spread: Vec = (0.0, 0.0, sign * 1.5 if words[-2] != "your" else 0.0)
    if place == "holding the towel":
        foot = body.points["towel"]
        shoulder = body.points[f"{side}_shoulder"]
        distance = math.dist(foot, shoulder)
        reach_to = min(0.9 * (LENGTH["upper_arm"] + LENGTH["forearm"]), distance - 8)
        return at(shoulder, unit(sub(foot, shoulder)), reach_to), out
    if place == "on your lower back":
        back = body.trunk[2]
        return add(back, mul(body.trunk_fronts[2], -8.0), (0, 0, sign * 3.0)), (-1.0, 0.0, sign)
    if place == "on your shoulders":
        other = "left" if side == "right" else "right"
        chest = add(body.points[f"{other}_shoulder"], mul(body.trunk_fronts[-1], 5.0))
        return chest, add(body.trunk_fronts[-1], (0.0, -1.0, 0.0))
    knee, hip = body.points[f"{limb_side}_knee"], body.points[f"{limb_side}_hip"]
    front = body.fronts[f"{limb_side}_thigh"]
    if words[-1].startswith("shin"):
        ankle = body.points[f"{limb_side}_ankle"]
        shin_front = body.fronts[f"{limb_side}_shin"]
        point = add(knee, mul(sub(ankle, knee), 0.3), mul(shin_front, WIDTH["leg"] * 0.7))
        return add(point, spread), out
    if words[-1].startswith("thigh") and words[0] == "behind":
        point = add(hip, mul(sub(knee, hip), 0.75), mul(front, -WIDTH["leg"] * 0.8))
        return add(point, spread), out
    if words[-1].startswith("knee"):
        return add(knee, mul(front, WIDTH["leg"] * 0.7), spread), out
    point = add(hip, mul(sub(knee, hip), 0.7), mul(front, WIDTH["leg"] * 0.8))  # thighs
    return add(point, spread), (-1.0, -0.6, sign * 0.8)


def place_hands(body: Body, hands: dict[str, str]) -> None:
    """Reach each arm to its hand's place (in whatever frame the body is in)."""
    for side, sign in SIDES:
        place = hands.get(side)
        if not place:
            continue
        target, pole = hand_target(body, place, side, sign)
        shoulder = body.points[f"{side}_shoulder"]
        elbow, hand = reach(shoulder, target, LENGTH["upper_arm"], LENGTH["forearm"], pole)
        body.points[f"{side}_elbow"], body.points[f"{side}_hand"] = elbow, hand
        body.fronts[f"{side}_upper_arm"] = unit(sub(pole, (0.0, 0.0, pole[2])))


@dataclass(frozen=True)
class Posture:
    """A figure's pose with the author's changes applied: every joint's angle (or a word the
    drawing works out, such as flat), where each hand goes, and the props."""

    angles: dict[str, float | str]
    hands: dict[str, str]
    props: tuple[str, ...]
    seated: bool = False  # on the chair (else a chair stands beside the body)
