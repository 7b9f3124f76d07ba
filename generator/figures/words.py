"""A figure in words, for its <title> and alt text: said from the same data it is drawn from."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.poses import CROSSED, FLAT, HAND_FIELDS, JOINT_FIELDS, POINTED, POSES
from generator.model import Figure

_WHO = {
    "hips": "both hips",
    "knees": "both knees",
    "ankles": "both feet",
    "shoulders": "both arms",
    "elbows": "both elbows",
    "spine": "the back",
    "neck": "the head",
    "twist": "the upper body",
    "knees_rolled": "both knees",
}
_PROPS = {
    "towel or strap": "a towel or strap looped around the foot and held in the hands",
    "pillow under head": "a pillow under the head",
    "pillow under knees": "a pillow under the knee",
    "chair": "a sturdy chair",
    "mat": "a mat on the floor",
    "counter": "a kitchen counter within reach",
}


def _degrees(value: int, more: str, less: str) -> str:
    if value == 0:
        return "straight"
    return f"{more} {value} degrees" if value > 0 else f"{less} {-value} degrees"


_HANDS = {"hands": "the hands", "left_hand": "the left hand", "right_hand": "the right hand"}
_NECK = {"chin tucked": "the chin tucked", "looking up": "the head lifted, looking up"}


def _phrase(name: str, value: int | str) -> str:
    """One author change, such as ("right_knee", 90) -> "the right knee bent 90 degrees"."""
    if name in HAND_FIELDS:
        if value == "holding the towel":
            return f"{_HANDS[name]} holding the ends of a towel or strap looped around the foot"
        if value == "forearms on the floor":
            return "the forearms flat on the floor, elbows under the shoulders"
        return f"{_HANDS[name]} {str(value).replace('your', 'the')}"
    joint, _ = JOINT_FIELDS[name]
    who = _WHO.get(name, "the " + name.replace("_", " "))
    side = name.split("_")[0] if name.startswith(("left_", "right_")) else ""
    if joint == "ankle":
        who = f"the {side} foot" if side else "both feet"
        if value in (FLAT, POINTED):
            return f"{who} {'flat on the floor' if value == FLAT else 'pointed'}"
        if value in (0, "neutral"):
            return f"{who} at a right angle to the shin"
        return f"{who} " + _degrees(int(value), "pointed", "pulled up")
    if joint == "hip" and value == CROSSED:
        other = "left" if side == "right" else "right"
        return f"the {side} ankle crossed over the {other} knee, in a figure 4"
    if joint == "shoulder":
        who = f"the {side} arm" if side else "both arms"
        if isinstance(value, int):
            return f"{who} " + _degrees(value, "raised", "back").replace("straight", "down")
        return f"{who} {value.replace('your sides', 'the side' if side else 'the sides')}"
    if joint == "neck" and isinstance(value, str):
        return _NECK.get(value, "the head in line with the back")
    if isinstance(value, str):
        return f"{who} {value}"
    if joint == "spine":
        return f"{who} " + _degrees(value, "rounded", "arched")
    if joint == "neck":  # relative to the back: a head "bowed" on a leaning back can be level
        if value == 0:
            return f"{who} in line with the back"
        way = "down" if value > 0 else "up"
        return f"{who} tipped {abs(value)} degrees {way} from the line of the back"
    if joint in ("twist", "knees_rolled"):
        how = "turned" if joint == "twist" else "rolled"
        return f"{who} {how} {value} degrees to one side"
    return f"{who} " + _degrees(value, "bent", "stretched back")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(
    figure: Figure,
    props: tuple[str, ...],
    label: str,
    felt: tuple[str, ...],
    moves: Sequence[str] = (),
) -> str:
    """E.g. "Stretch: lying on the back ..., but with the right knee bent 120 degrees. Felt
    in the lower back (highlighted)." """
    pose = POSES[figure.pose]
    changes = [_phrase(name, value) for name, value in figure.changes]
    held = any(value == "holding the towel" for _, value in figure.changes)
    changes += [_PROPS[p] for p in props if p not in pose.props and not (held and "towel" in p)]
    text = f"{label}: {pose.words}"
    if changes:
        text += ", but with " + _listed(changes)
    text += "."
    if felt:
        areas = [
            area.replace("of right", "of the right")
            .replace("of left", "of the left")
            .replace("s of ", "s of the ")
            for area in felt
        ]
        text += f" Felt in the {_listed(areas)} (highlighted)."
    text += "".join(f" Arrow: {words}." for words in moves)
    return text
