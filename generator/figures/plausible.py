"""Could a body hold this figure? Checks of a placed body: nothing below the floor, what it
rests on touching the floor or a pillow, no limb through the trunk, each hand at what it
holds. Each finding is a sentence for the author; none means the figure is plausible."""

from __future__ import annotations

import math

from generator.figures.body import SIDES, Body, Posture, Vec, hand_target, sub, trunk_half_depth
from generator.figures.poses import CROSSED, FLAT, LENGTH, POSES
from generator.figures.resting import radius
from generator.model import Figure

SINKS = 0.6  # drawing units below the floor that count as through it
TOUCHES = 1.6  # a resting part's lowest edge at most this far above the floor (or pillow)
HOLDS = 3.0  # a hand at most this far from what it holds
INSIDE = 0.55  # of the trunk's cross-section (an ellipse) that a limb must stay out of
# Each segment, and the part of it that must stay out of the trunk: a thigh and an upper arm
# start inside it, and a hand may rest on it.
_LIMBS = {
    ("hip", "knee"): (0.35, 1.0),
    ("knee", "ankle"): (0.0, 1.0),
    ("shoulder", "elbow"): (0.3, 1.0),
    ("elbow", "hand"): (0.0, 0.7),
}
_LEG_PARTS = ("knee", "ankle", "heel", "toe")


def _one_sided(figure: Figure) -> set[str]:
    """The legs whose hip or knee the author set on their own (they may leave the floor)."""
    return {
        name.split("_")[0]
        for name, _ in figure.changes
        if name.startswith(("left_", "right_")) and name.endswith(("_hip", "_knee"))
    }


def resting_parts(figure: Figure, held: Posture) -> list[str]:
    """What this figure rests on: its pose's contacts, flat feet, hands on the floor."""
    lifted = _one_sided(figure)
    parts = [
        part
        for part in POSES[figure.pose].rests
        if not (part.split("_")[0] in lifted and part.endswith(_LEG_PARTS))
    ]
    flat = [
        side
        for side, _ in SIDES
        if held.angles[f"{side}_ankle"] == FLAT and held.angles[f"{side}_hip"] != CROSSED
    ]
    if held.angles["knees_rolled"] and flat:  # as the knees roll, one foot rolls onto its edge
        flat = flat[-1:]
    for side in flat:
        parts += [f"{side}_heel", f"{side}_toe"]
    for side, _ in SIDES:
        place = held.hands.get(side, "")
        if place in ("on the floor", "beside your head"):
            parts.append(f"{side}_hand")
        elif place == "forearms on the floor":
            parts += [f"{side}_elbow", f"{side}_hand"]
    return list(dict.fromkeys(parts))


def _lowest(body: Body, part: str, padded: set[str]) -> float:
    """The lowest edge of a part (the back: of the trunk's lowest point)."""
    if part == "back":
        last = len(body.trunk) - 1
        return min(p[1] - trunk_half_depth(i / last) for i, p in enumerate(body.trunk))
    pad = LENGTH["pillow"] if part in padded else 0.0
    return body.points[part][1] - radius(part) - pad


def _names(part: str) -> str:
    return part.replace("_", " ").replace("neck", "shoulders").replace("pelvis", "bottom")


def _through_trunk(body: Body) -> list[str]:
    """Limbs whose middle passes inside the trunk (an ellipse around the spine's curve,
    its depth from front to back and its width from side to side)."""
    found = []
    last = len(body.trunk) - 1
    ahead = sub(body.trunk[-1], body.trunk[0])
    for side, _ in SIDES:
        for (root, end), (first, last_t) in _LIMBS.items():
            a, b = body.points[f"{side}_{root}"], body.points[f"{side}_{end}"]
            for step in range(11):
                t = first + (last_t - first) * step / 10
                p = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)
                i = min(range(last + 1), key=lambda j: math.dist(p, body.trunk[j]))
                off = sub(p, body.trunk[i])
                front = body.trunk_fronts[i]
                across = _cross(ahead, front)
                depth = _dot(off, front) / trunk_half_depth(i / last)
                width = _dot(off, across) / (LENGTH["shoulder"] if i > last / 2 else 6.5)
                along = _dot(off, ahead) / max(_dot(ahead, ahead) ** 0.5, 1e-9)
                if depth**2 + width**2 < INSIDE and abs(along) < 3.0:
                    found.append(f"the {side} {'leg' if root in ('hip', 'knee') else 'arm'}")
                    break
    return list(dict.fromkeys(found))


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    v = (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])
    length = _dot(v, v) ** 0.5
    return (v[0] / length, v[1] / length, v[2] / length) if length > 1e-9 else (0.0, 0.0, 1.0)


def _held_too_far(body: Body, held: Posture) -> list[str]:
    found = []
    for side, sign in SIDES:
        place = held.hands.get(side, "")
        hand = body.points[f"{side}_hand"]
        if place == "on the chair":
            target = body.points.get(f"{side}_holds", hand)
        elif place and place not in ("on the floor", "forearms on the floor", "beside your head"):
            target, _ = hand_target(body, place, side, sign)
        else:
            continue
        miss = math.dist(hand, target)
        if miss > HOLDS:
            found.append(
                f"the {side} hand can't reach {place.removeprefix('on ')} ({miss:.0f} short)"
            )
    if "towel" in body.points:
        toe = min(
            (body.points[f"{s}_toe"] for s, _ in SIDES),
            key=lambda p: math.dist(p, body.points["towel"]),
        )
        if math.dist(toe, body.points["towel"]) > 8:
            found.append("the towel does not reach the foot")
    return found


def problems(figure: Figure, body: Body, held: Posture, padded: set[str]) -> list[str]:
    """What is implausible about a placed figure, in words; [] if nothing."""
    found = []
    low = [
        (n, p[1] - radius(n)) for n, p in body.points.items() if not n.endswith(("towel", "holds"))
    ]
    low.append(("back", _lowest(body, "back", padded)))
    sunk = [name for name, y in low if y < -SINKS]
    if sunk:
        found.append(f"the {_names(sunk[0])} goes below the floor")
    floating = [
        _names(part)
        for part in resting_parts(figure, held)
        if _lowest(body, part, padded) > TOUCHES
    ]
    if floating:
        found.append(f"the {', the '.join(floating)} should rest on the floor but float above it")
    found += [f"{limb} passes through the trunk" for limb in _through_trunk(body)]
    found += _held_too_far(body, held)
    return found
