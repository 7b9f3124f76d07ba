"""Named poses: how a family of poses meets the floor, and each pose's joints and props.

Angles are the ones a physical therapist measures (see joints.py); the schema's `figures`
field states the same names; a test keeps the two in step. The body data lives in joints.py
and is re-exported here, where the figure code has always found it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.figures.joints import (
    AREAS,
    CROSSED,
    FLAT,
    HAND_FIELDS,
    HAND_PLACES,
    JOINT_FIELDS,
    JOINTS,
    LENGTH,
    OUT_TO_THE_SIDES,
    POINTED,
    PROPS,
    SIDES,
    TARGET_AREAS,
    WIDTH,
    Joint,
)

__all__ = [
    "AREAS",
    "CROSSED",
    "FLAT",
    "POINTED",
    "HAND_FIELDS",
    "HAND_PLACES",
    "JOINTS",
    "JOINT_FIELDS",
    "Joint",
    "LENGTH",
    "OUT_TO_THE_SIDES",
    "PROPS",
    "SIDES",
    "TARGET_AREAS",
    "WIDTH",
    "BASES",
    "NEUTRAL",
    "POSES",
    "POSITION_POSES",
    "VIEWS",
    "Base",
    "Pose",
]


@dataclass(frozen=True)
class Base:
    """How a family of poses meets the floor.

    The body is turned until `anchor` (a segment) points at `angle` degrees (0 = to the
    right, 90 = up). "rest" then lets it settle on the floor the way a body would (on the
    part of its outline under its centre of mass); "all fours" tilts it until the hands
    reach the floor under the shoulders; "anchor" keeps that angle (feet on the floor);
    "side" turns it onto its left side, seen from above."""

    anchor: str
    angle: float
    placing: str


BASES = {
    "on the back": Base("trunk", 180, "rest"),
    "on the front": Base("left_thigh", 184, "anchor"),  # thighs from the hips down to the floor
    "on the side": Base("trunk", 180, "side"),
    "on all fours": Base("trunk", 0, "all fours"),
    "upright kneeling": Base("trunk", 90, "rest"),
    "on the feet": Base("left_shin", -90, "anchor"),
    "on the floor": Base("left_thigh", 0, "rest"),
}


@dataclass(frozen=True)
class Pose:
    """A named starting point that authors adjust with joint fields."""

    base: str
    fields: dict[str, int | str]
    words: str  # for the alt text: "lying on your back with both knees bent ..."
    props: tuple[str, ...] = field(default=())
    rests: tuple[str, ...] = field(default=())  # what touches the floor ("back": the trunk)


NEUTRAL: dict[str, int | str] = {
    name: 0 for name in JOINT_FIELDS if not name.startswith(("left_", "right_"))
}

POSES = {
    "lying on your back": Pose(
        "on the back",
        {"hips": 45, "knees": 100, "ankles": FLAT, "shoulders": 10},
        "lying on the back with both knees bent and both feet flat on the floor",
        rests=("pelvis", "back", "head"),
    ),
    "lying on your back with legs straight": Pose(
        "on the back",
        {"ankles": 20, "shoulders": 10},
        "lying on the back with both legs straight",
        rests=("pelvis", "back", "head", "left_heel", "right_heel"),
    ),
    "lying on your back with your lower back pressed down": Pose(
        "on the back",  # the small tilt: the lower back a little flatter, the head still down
        {"hips": 45, "knees": 100, "ankles": FLAT, "shoulders": 10, "spine": 6, "neck": -6},
        "lying on the back with both knees bent, both feet flat, and the tummy tightened to "
        "press the small of the back into the floor",
        rests=("pelvis", "back", "head"),
    ),
    "bridge": Pose(
        "on the back",
        {"hips": 0, "knees": 100, "ankles": FLAT, "shoulders": 10, "neck": 25},
        "lying on the back with the knees bent, the feet flat and the hips lifted so that the "
        "shoulders, hips and knees make a straight line",
        rests=("back", "head"),
    ),
    "lying on your front": Pose(
        "on the front",
        {"ankles": POINTED, "hands": "on the floor", "neck": -10, "hips": 4},
        "lying on the front with the legs straight and the hands flat beside the shoulders",
        rests=("pelvis", "back", "left_toe", "right_toe"),
    ),
    "lying on your front on your forearms": Pose(
        "on the front",
        {
            "ankles": POINTED,
            "hands": "forearms on the floor",
            "spine": -35,
            "hips": 2,
            "neck": -15,
        },
        "lying on the front, propped up on the forearms with the elbows under the shoulders",
        rests=("pelvis", "left_toe", "right_toe"),
    ),
    "lying on your side": Pose(
        "on the side",
        {"hips": 80, "knees": 90, "shoulders": 90},
        "lying on the side with the hips and knees bent and both arms out in front",
    ),
    "hands and knees": Pose(
        "on all fours",
        {"hips": 90, "knees": 96, "ankles": POINTED, "hands": "on the floor"},
        "on hands and knees, hands under the shoulders and knees under the hips, back flat",
        rests=("left_knee", "right_knee", "left_toe", "right_toe"),
    ),
    "child's pose": Pose(
        "on all fours",
        {
            "hips": 135,
            "knees": 150,
            "ankles": POINTED,
            "spine": 30,
            "neck": 15,
            "shoulders": 170,
            "elbows": 10,
        },
        "kneeling, sitting back on the heels with the chest on the thighs, "
        "arms stretched forward on the floor",
        rests=("left_knee", "right_knee", "left_toe", "right_toe", "left_hand", "right_hand"),
    ),
    "kneeling": Pose(
        "upright kneeling",
        {"knees": 90, "ankles": POINTED},
        "kneeling upright on both knees",
        rests=("left_knee", "right_knee"),
    ),
    "half kneeling": Pose(
        "upright kneeling",
        {
            "left_hip": 90,
            "left_knee": 90,
            "left_ankle": FLAT,
            "right_knee": 90,
            "right_ankle": POINTED,
        },
        "kneeling on the right knee with the left foot flat on the floor in front",
        rests=("right_knee", "right_toe"),
    ),
    "sitting": Pose(
        "on the feet",
        {"hips": 90, "knees": 90, "ankles": FLAT, "hands": "on your thighs"},
        "sitting upright on a chair with both feet flat on the floor",
        ("chair",),
    ),
    "sitting on the floor": Pose(
        "on the floor",
        {"hips": 90, "ankles": 10, "shoulders": 20},
        "sitting upright on the floor with both legs straight out in front",
        rests=("pelvis", "left_heel", "right_heel"),
    ),
    "standing": Pose("on the feet", {"ankles": FLAT}, "standing upright, arms by the sides"),
}

# The pose each position of the contract starts from when a file has no figures: data.
POSITION_POSES = {
    "lying on your back": "lying on your back",
    "lying on your front": "lying on your front",
    "lying on your side": "lying on your side",
    "hands and knees": "hands and knees",
    "kneeling": "kneeling",
    "sitting": "sitting",
    "standing": "standing",
}
VIEWS = ("side", "at an angle", "from the feet")
