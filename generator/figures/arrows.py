"""Motion arrows, worked out from the start and stretch bodies: which parts move, which
way, and the same in words for the alt text ("arrow: the right knee moves towards the chest").

The two bodies are first lined up on what stays on the floor in both (knees and feet before
hands), so that a part that stays put has no arrow. Each part that moves far enough gets a
curve beside its path, bowed away from the body; at most two arrows a figure, the largest
movements, one per limb or the trunk.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.figures.body import Body, Posture, Vec, add, at, mul
from generator.figures.poses import CROSSED, LENGTH
from generator.figures.svg import project

Point2 = tuple[float, float]
SMALLEST = 5.0  # drawing units a part must move to get an arrow
RESTING = 5.0  # a joint this near the floor rests on it
MOST = 2
CLEAR = 5.5  # how far an arrow runs from the part it follows


@dataclass(frozen=True)
class Motion:
    words: str
    curve: tuple[Point2, Point2, Point2]  # from, bend, to: as seen


def _grounded_shift(start: Body, end: Body) -> Vec:
    """How far to move the start body so that what rests on the floor in both lines up."""
    for names in (("knee", "ankle", "toe", "heel"), ("pelvis",), ("hand",)):
        common = [
            n
            for n in start.points
            if n.split("_")[-1] in names
            and n in end.points
            and start.points[n][1] < 4.0
            and end.points[n][1] < 4.0
        ]
        if common:
            xs = [end.points[n][0] - start.points[n][0] for n in common]
            return (sum(xs) / len(xs), 0.0, 0.0)
    return (0.0, 0.0, 0.0)


def _angle(posture: Posture, joint: str) -> float | None:
    value = posture.angles[joint]
    return None if isinstance(value, str) else float(value)


def _changed(before: Posture, after: Posture, joints: tuple[str, ...]) -> float:
    """The largest change of these joints' angles (a word such as crossed: none)."""
    changes = [
        abs(b - a)
        for joint in joints
        if (a := _angle(before, joint)) is not None and (b := _angle(after, joint)) is not None
    ]
    return max(changes, default=0.0)


def _way(dx: float, dy: float, end: Body) -> str:
    """up, down, towards the head or towards the feet: the larger part of a move."""
    if abs(dy) >= abs(dx) * 0.6:
        return "up" if dy > 0 else "down"
    head_way = end.points["head"][0] - end.points["pelvis"][0]
    return "towards the head" if (dx > 0) == (head_way > 0) else "towards the feet"


def _words(
    part: str, p0: Vec, p1: Vec, start: Body, end: Body, before: Posture, after: Posture
) -> str:
    """How a part moves, said as a therapist would."""
    way = _way(p1[0] - p0[0], p1[1] - p0[1], end)
    if part in ("right", "left"):  # a leg
        knee = _angle(after, f"{part}_knee") or 0.0
        closer = math.dist(p1, end.points["neck"]) < math.dist(p0, start.points["neck"]) - 6
        if closer and knee >= 60:
            return f"the {part} knee moves towards the chest"
        straightens = (_angle(before, f"{part}_knee") or 0.0) - knee >= 40
        does = {"up": "lifts", "down": "lowers"}.get(way, f"moves {way}")
        return (
            f"the {part} leg straightens and {does}" if straightens else f"the {part} knee {does}"
        )
    if part.endswith("arm"):
        way = "up" if p1[1] - p0[1] > abs(p1[0] - p0[0]) * 1.5 else _way(p1[0] - p0[0], 0, end)
        arm = {"up": "lifts", "down": "lowers", "towards the head": "reaches out in front"}
        return f"the {part} {arm.get(way, 'moves ' + way)}"
    if part == "pelvis":
        hips = {"up": "lift", "down": "lower", "towards the feet": "move back towards the heels"}
        return f"the hips {hips.get(way, 'move forward')}"
    if start.points["neck"][1] - start.points["pelvis"][1] > LENGTH["trunk"] * 0.6:  # upright
        front = end.trunk_fronts[0][0]
        forward = (p1[0] - p0[0] > 0) == (front > 0)
        return "the upper body leans " + ("forward" if forward else "back")
    rise = p1[1] - p0[1]
    if abs(rise) > 0.3 * abs(p1[0] - p0[0]):
        return "the chest " + ("lifts" if rise > 0 else "lowers")
    return f"the chest moves {way}"


def _curve(
    before: Point2, after: Point2, centre: Point2, clear: float
) -> tuple[Point2, Point2, Point2]:
    """A curve from near `before` to near `after`, beside the path, bowed away from the body."""
    dx, dy = after[0] - before[0], after[1] - before[1]
    length = math.hypot(dx, dy)
    if length < 9:  # too short to see: as long as a hand, the way the part moves
        before = (after[0] - dx / length * 9, after[1] - dy / length * 9)
        dx, dy, length = dx / length * 9, dy / length * 9, 9.0
    normal = (-dy / length, dx / length)
    middle = ((before[0] + after[0]) / 2, (before[1] + after[1]) / 2)
    if (middle[0] - centre[0]) * normal[0] + (middle[1] - centre[1]) * normal[1] < 0:
        normal = (-normal[0], -normal[1])
    ends = [(p[0] + normal[0] * clear, p[1] + normal[1] * clear) for p in (before, after)]
    trim = min(2.0, length / 5)
    (x0, y0), (x1, y1) = ends
    ends = [
        (x0 + dx / length * trim, y0 + dy / length * trim),
        (x1 - dx / length * trim, y1 - dy / length * trim),
    ]
    bow = 0.25 * length
    bend = (middle[0] + normal[0] * (clear + bow), middle[1] + normal[1] * (clear + bow))
    return ends[0], bend, ends[1]


def _spine(start: Body, end: Body, shift: Vec, view: str, change: float) -> Motion | None:
    """The back rounding up or sinking: the middle of the back, followed out of its curve."""
    middle = len(end.trunk) // 2
    push = end.trunk_fronts[middle]
    if change >= 6 and push[1] > 0.7:  # on the back: the small of the back presses down
        tip = at(end.trunk[middle - 1], push, 8.0)
        a, b = project(add(tip, (0.0, 8.0, 0.0)), view)[:2], project(tip, view)[:2]
        bend = ((a[0] + b[0]) / 2 + 1.5, (a[1] + b[1]) / 2)
        return Motion("the small of the back presses down towards the floor", (a, bend, b))
    if abs(change) < 12:
        return None
    way = -1.0 if change > 0 else 1.0  # rounding: out of the back; arching: the belly sinks
    before = at(add(start.trunk[middle], shift), start.trunk_fronts[middle], way * 9.5)
    after = at(end.trunk[middle], push, way * 9.5)
    if math.dist(before, after) < 9:  # too short to see: lengthen it the way it moves
        after = add(before, mul(push, way * 9.0))
    a, b = project(before, view)[:2], project(after, view)[:2]
    off = project(add(after, mul(push, way * 1.0)), view)[:2]
    bend = (
        (a[0] + b[0]) / 2 + (off[0] - b[0]) * 0.1 + (b[1] - a[1]) * 0.25,
        (a[1] + b[1]) / 2 + (off[1] - b[1]) * 0.1 - (b[0] - a[0]) * 0.25,
    )
    words = "the back rounds up" if change > 0 else "the back arches and the belly sinks"
    return Motion(words, (a, bend, b))


def _turn(end: Body, view: str) -> Motion:
    """The upper body turning: part of a level circle over the head, seen from a little
    above, so its near side dips."""
    head = end.points["head"]
    front = end.trunk_fronts[-1]
    way = (front[0], 0.0, front[2])
    ends = [add(head, mul(way, k * 9.0), (0.0, 10.0, 0.0)) for k in (-1, 1)]
    a, b = (project(p, view)[:2] for p in ends)
    bend = project(add(head, (0.0, 5.0, 0.0)), view)[:2]
    return Motion("the upper body turns to one side", (a, bend, b))


def _foot_stays(side: str, start: Body, end: Body, shift: Vec) -> bool:
    """Whether a foot rests on the floor in both figures, in the same place."""
    toe = f"{side}_toe"
    return all(body.points[toe][1] < RESTING for body in (start, end))


def _candidates(before: Posture, after: Posture) -> list[tuple[str, str]]:
    """(what moves, the point followed): a limb whose own angles change, or the trunk."""
    found = []
    for side in ("right", "left"):
        leg = (f"{side}_hip", f"{side}_knee")
        rolled = _changed(before, after, ("knees_rolled",))
        if after.angles[f"{side}_hip"] != CROSSED and (
            _changed(before, after, leg) >= 15 or rolled
        ):
            found.append((side, f"{side}_knee"))
            found.append((side, f"{side}_ankle"))
    for side in ("right", "left"):
        arm = (f"{side}_shoulder", f"{side}_elbow")
        if side not in after.hands and _changed(before, after, arm) >= 15:
            found.append((f"{side} arm", f"{side}_hand"))
    return [*found, ("pelvis", "pelvis"), ("chest", "neck")]


def motions(start: Body, end: Body, before: Posture, after: Posture, view: str) -> list[Motion]:
    """The arrows of the end figure: how it moves from the start, largest first."""
    shift = _grounded_shift(start, end)
    seen = [project(p, view) for p in end.points.values()]
    centre = (sum(p[0] for p in seen) / len(seen), sum(p[1] for p in seen) / len(seen))
    best: dict[str, tuple[float, Motion]] = {}
    rolled = _changed(before, after, ("knees_rolled",)) > 20
    # On the front (facing down, hips on the floor): the legs and hips stay down.
    prone = start.trunk_fronts[4][1] < -0.7 and start.points["pelvis"][1] < 10
    for part, name in _candidates(before, after):
        leg = part in ("right", "left")
        if prone and (part == "pelvis" or leg and _changed(before, after, (f"{part}_knee",)) < 15):
            continue
        p0, p1 = add(start.points[name], shift), end.points[name]
        a, b = project(p0, view)[:2], project(p1, view)[:2]
        moved = math.dist(a, b)
        if moved < SMALLEST or max(p0[1], p1[1]) < RESTING:
            continue  # still, or resting on the floor at both ends: the body moves over it
        words = _words(part, p0, p1, start, end, before, after)
        leg = part in ("right", "left")
        if leg and rolled:
            words = "both knees roll to one side"
        elif leg and _foot_stays(part, start, end, shift):
            if p1[1] - p0[1] < 2 or end.points["pelvis"][1] - start.points["pelvis"][1] > 5:
                continue  # the knee goes where the hips take it
            words = f"the {part} knee lifts"
        if part == "pelvis" and moved < 8:
            continue  # the hips settle as the body moves; that is no step to follow
        group = "trunk" if part in ("pelvis", "chest") else ("leg" if leg else part)
        weight = moved * (2.5 if part == "pelvis" else 1.0) + (
            50 if words.endswith("towards the chest") else 0
        )
        curve = _curve(a, b, centre, CLEAR)
        if words == "the hips lift":  # under the lifted hips, in the gap above the floor
            curve = _curve(a, (b[0], b[1] - 7.5), centre, 0.0)
        if group not in best or best[group][0] < weight:
            best[group] = (weight, Motion(words, curve))
    chosen = [motion for _, motion in sorted(best.values(), key=lambda pair: -pair[0])]
    spine = _spine(
        start,
        end,
        shift,
        view,
        _changed(before, after, ("spine",))
        * (1 if float(after.angles["spine"]) > float(before.angles["spine"]) else -1),
    )
    if spine and "trunk" not in best:
        chosen.insert(0, spine)
    if _changed(before, after, ("twist",)) >= 15:
        chosen.insert(0, _turn(end, view))
    return chosen[:MOST]
