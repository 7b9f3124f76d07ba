"""Setting a body down: turned until it rests on the floor the way a body would, then its
hands put on the floor or a chair.

The outline is the body's points with the reach of its limbs around them; it rests on the
edge of that outline's convex hull under its centre of mass (a bridge settles onto its
shoulders and feet by itself), on all fours it tilts until the hands reach the floor, and
sitting or standing it keeps its feet flat.
"""

from __future__ import annotations

import math

from generator.figures.body import (
    SIDES,
    Angles,
    Body,
    Vec,
    add,
    at,
    build,
    mul,
    place_hands,
    reach,
    rot_z,
    sub,
    trunk_half_depth,
    unit,
)
from generator.figures.poses import LENGTH, WIDTH, Base

MASSES = {
    "pelvis": 0.14,
    "neck": 0.2,
    "head": 0.08,
    "knee": 0.1,
    "ankle": 0.05,
    "toe": 0.015,
    "elbow": 0.03,
    "hand": 0.02,
    "trunk": 0.16,
}


def radius(name: str) -> float:
    """How far the body's outline reaches around a point."""
    part = name.split("_")[-1]
    if name == "head":
        return LENGTH["head"]
    if part in ("pelvis", "neck", "trunk"):
        return WIDTH["trunk"] / 2
    if part in ("hip", "knee", "ankle"):
        return WIDTH["leg"] / 2
    if part in ("heel", "toe"):
        return WIDTH["foot"] / 2
    if part == "hand":
        return WIDTH["hand"] / 2
    return WIDTH["arm"] / 2


def outline(body: Body, padded: set[str], loose: set[str]) -> list[tuple[Vec, float]]:
    """Every point that can touch the floor, with the body's reach around it (a pillow pads
    some). `loose` points (a hand that will be put on the floor or a chair) don't count."""
    shapes = [
        (p, radius(n) + (LENGTH["pillow"] if n in padded else 0.0))
        for n, p in body.points.items()
        if n != "towel" and n not in loose
    ]
    last = len(body.trunk) - 1
    return shapes + [(p, trunk_half_depth(i / last)) for i, p in enumerate(body.trunk)][1:-1]


def _centre(body: Body) -> Vec:
    weighted = [(body.points[n], m) for n, m in MASSES.items() if n in body.points]
    for side, _ in SIDES:
        weighted += [
            (body.points[f"{side}_{part}"], MASSES[part])
            for part in ("knee", "ankle", "toe", "elbow", "hand")
        ]
    weighted.append((body.trunk[4], MASSES["trunk"]))
    total = sum(m for _, m in weighted)
    return mul(add(*[mul(p, m) for p, m in weighted]), 1 / total)


def convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Counter-clockwise convex hull (Andrew's monotone chain)."""
    points = sorted(set(points))

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def resting_turn(body: Body, padded: set[str], loose: set[str], guess: float) -> float:
    """The turn (degrees) at which the body rests on the floor: the edge of its outline
    under its centre of mass, the one nearest `guess` if several hold it."""
    samples = [
        (p[0] + r * math.cos(a * math.pi / 8), p[1] + r * math.sin(a * math.pi / 8))
        for p, r in outline(body, padded, loose)
        for a in range(16)
    ]
    hull = convex_hull(samples)
    centre = _centre(body)
    best: tuple[float, float] | None = None
    for first, second in zip(hull, hull[1:] + hull[:1], strict=True):
        turn = -math.degrees(math.atan2(second[1] - first[1], second[0] - first[0]))
        xs = [rot_z((x, y, 0.0), turn)[0] for x, y in (first, second)]
        if xs[0] - 0.5 <= rot_z(centre, turn)[0] <= xs[1] + 0.5:
            miss = abs((turn - guess + 180) % 360 - 180)
            if best is None or miss < best[0]:
                best = (miss, turn)
    return best[1] if best else guess


def anchor_angle(body: Body, base: Base) -> float:
    """The turn that points the base's anchor segment where the base wants it."""
    if base.anchor == "trunk":
        own = 90.0
    else:
        side, part = base.anchor.split("_")
        start, end = ("hip", "knee") if part == "thigh" else ("knee", "ankle")
        v = sub(body.points[f"{side}_{end}"], body.points[f"{side}_{start}"])
        own = math.degrees(math.atan2(v[1], v[0]))
    return base.angle - own


WORLD_PLACES = (
    "on the floor",
    "forearms on the floor",
    "beside your head",
    "on the chair",
)  # hands placed after the body lies down


def _floor_hands(body: Body, hands: dict[str, str]) -> None:
    """Hands flat on the floor under the shoulders (or beside them, elbows up, when the
    shoulders are low), or forearms flat beside the head."""
    head_way = unit(sub(body.points["neck"], body.points["pelvis"]))
    for side, sign in SIDES:
        shoulder = body.points[f"{side}_shoulder"]
        if hands.get(side) == "on the floor":
            target = (shoulder[0] - head_way[0] * 2.0, WIDTH["hand"] / 2, shoulder[2] + sign * 6)
            pole = (-head_way[0], 1.5, 0.0)
        elif hands.get(side) == "forearms on the floor":  # elbows under the shoulders
            height = shoulder[1] - WIDTH["hand"] / 2
            ahead = math.sqrt(max(LENGTH["upper_arm"] ** 2 - height**2, 0.0))
            way = 1.0 if head_way[0] >= 0 else -1.0
            if height > LENGTH["upper_arm"]:  # too high to reach: the arm hangs
                elbow = at(shoulder, (0.0, -1.0, 0.0), LENGTH["upper_arm"])
            else:
                elbow = (shoulder[0] + way * ahead, WIDTH["hand"] / 2, shoulder[2] + sign)
            body.points[f"{side}_elbow"] = elbow
            body.points[f"{side}_hand"] = at(elbow, (way, 0.0, 0.0), LENGTH["forearm"])
            continue
        elif hands.get(side) == "beside your head":  # forearms flat, elbows out to the sides
            head = body.points["head"]
            target = (head[0], WIDTH["hand"] / 2, head[2] + sign * 8)
            pole = (0.0, 0.3, sign * 2.0)
        else:
            continue
        elbow, hand = reach(shoulder, target, LENGTH["upper_arm"], LENGTH["forearm"], pole)
        body.points[f"{side}_elbow"], body.points[f"{side}_hand"] = elbow, hand
        body.fronts[f"{side}_upper_arm"] = pole


def _supported_turn(
    body: Body, padded: set[str], loose: set[str], guess: float, side: str
) -> float:
    """On all fours: the turn nearest `guess` that holds the shoulder an arm's length above
    the floor, so the hand under it rests on the floor with the elbow nearly straight."""
    points = outline(body, padded, loose)
    shoulder = body.points[f"{side}_shoulder"]
    # Elbows a little soft, as the steps say ("do not lock your elbows"), and the back level.
    wanted = 0.8 * (LENGTH["upper_arm"] + LENGTH["forearm"]) + WIDTH["hand"] / 2
    best = (math.inf, guess)
    for step in sorted(range(-90, 91), key=abs):
        turn = guess + step / 2
        sin, cos = math.sin(math.radians(turn)), math.cos(math.radians(turn))
        lowest = min(p[0] * sin + p[1] * cos - r for p, r in points)
        miss = abs(shoulder[0] * sin + shoulder[1] * cos - lowest - wanted)
        if miss < 0.3:
            return turn
        best = min(best, (miss, turn))
    return best[1]


def place(
    angles: Angles, base: Base, hands: dict[str, str], padded: set[str], towel_side: str | None
) -> Body:
    """Build the body, reach its hands, and set it down on the floor (world y = 0)."""
    loose = {
        f"{side}_{part}"
        for side, place in hands.items()
        if place in WORLD_PLACES
        for part in ("elbow", "hand")
    }
    turn = anchor_angle(build(angles, 0.0), base)
    for _ in range(3):  # a flat foot depends on how the body lies, and that on the foot
        body = build(angles, turn)
        if towel_side:
            toe = body.points[f"{towel_side}_toe"]
            ankle = body.points[f"{towel_side}_ankle"]
            shin = unit(sub(ankle, body.points[f"{towel_side}_knee"]))
            body.points["towel"] = at(mul(add(toe, ankle), 0.5), shin, 3.0)  # under the sole
        place_hands(body, {k: v for k, v in hands.items() if v not in WORLD_PLACES})
        guess = anchor_angle(body, base)
        on_floor = [side for side, _ in SIDES if hands.get(side) == "on the floor"]
        if base.placing == "all fours" and on_floor:
            turn = _supported_turn(body, padded, loose, guess, on_floor[-1])
        elif base.placing in ("rest", "all fours"):
            turn = resting_turn(body, padded, loose, guess)
        else:
            turn = guess
            break
    placed = body.moved(lambda v: rot_z(v, turn))
    if base.placing == "side":  # roll onto the left side: the right side faces up
        placed = placed.moved(lambda v: (v[0], v[2], -v[1]))
    lowest = min(p[1] - r for p, r in outline(placed, padded, loose))
    placed = placed.moved(lambda v: (v[0], v[1] - lowest, v[2]))
    _floor_hands(placed, hands)
    return placed
