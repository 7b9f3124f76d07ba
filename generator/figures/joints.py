"""The data behind the figures: body sizes, joint ranges and words, hands, props and areas.

Angles are the ones a physical therapist measures, in degrees from the anatomical position
(standing, arms by the sides): flexion is positive, extension negative. The schema's
`figures` field states the same ranges and words; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

# Segment lengths and widths in drawing units, for a standing height H of 95, from the
# anthropometric ratios of Drillis and Contini (Winter's tables): trunk 0.29 H, upper arm
# 0.19 H, forearm 0.15 H plus half the hand, thigh and shin 0.25 H, foot 0.15 H.
LENGTH = {
    "trunk": 27.5,  # the hip joints to the shoulder line
    "neck": 4.5,  # the shoulder line to the bottom of the head
    "head": 6.2,  # radius (chin to crown 0.13 H)
    "shoulder": 8.0,  # half the width between the shoulder joints
    "hip": 4.5,  # half the width between the hip joints
    "upper_arm": 18.0,
    "forearm": 19.0,  # elbow to the middle of the hand
    "thigh": 23.7,
    "shin": 23.7,  # knee to ankle; the ankle sits 3.8 above the sole
    "foot": 10.5,  # ankle to toes
    "heel": 3.0,
    "pillow": 4.5,  # a pillow's thickness, under a head or a knee
}
WIDTH = {"trunk": 11.0, "girdle": 6.0, "arm": 3.6, "leg": 5.2, "foot": 3.4, "hand": 4.6}


@dataclass(frozen=True)
class Joint:
    """A joint an author may set: its range in degrees, what the ends mean, and the words
    it accepts (each an angle, or a position the drawing works out)."""

    low: int
    high: int
    ends: str  # "0 (straight) to 160 (fully bent)", for messages
    words: dict[str, int | str]
    meaning: str


# Words that the renderer solves itself rather than mapping to one angle.
FLAT, POINTED, CROSSED = "flat", "pointed", "crossed"
OUT_TO_THE_SIDES = "out to the sides"

JOINTS = {
    "hip": Joint(
        -30,
        140,
        "-30 (thigh behind the body) to 140 (knee to the chest)",
        {"straight": 0, "slightly bent": 30, "bent": 90, "fully bent": 125, CROSSED: CROSSED},
        "Hip flexion in degrees: 0 thigh in line with the trunk, 90 thigh at a right angle "
        "to it, up to 140 (knee hugged to the chest); negative is extension, to -30. "
        "crossed: the ankle crossed over the other knee (figure 4).",
    ),
    "knee": Joint(
        0,
        160,
        "0 (straight) to 160 (fully bent)",
        {"straight": 0, "slightly bent": 20, "bent": 90, "fully bent": 150},
        "Knee flexion in degrees: 0 straight, up to 160 fully bent.",
    ),
    "ankle": Joint(
        -20,
        60,
        "-20 (toes pulled up) to 60 (pointed)",
        {"neutral": 0, FLAT: FLAT, POINTED: POINTED},
        "Ankle plantar flexion in degrees: 0 foot at a right angle to the shin, up to 60 "
        "pointed; negative pulls the toes up, to -20. flat: the sole flat on the floor; "
        "pointed: the top of the foot on the floor (kneeling, lying on the front).",
    ),
    "shoulder": Joint(
        -60,
        180,
        "-60 (arm behind the body) to 180 (arm overhead)",
        {"by your sides": 0, "forward": 90, "overhead": 180, OUT_TO_THE_SIDES: OUT_TO_THE_SIDES},
        "Shoulder flexion in degrees: 0 arm by the side, 90 forward, 180 overhead; negative "
        "is extension, to -60. out to the sides: abducted to shoulder height.",
    ),
    "elbow": Joint(
        0,
        150,
        "0 (straight) to 150 (fully bent)",
        {"straight": 0, "slightly bent": 20, "bent": 90},
        "Elbow flexion in degrees: 0 straight, up to 150.",
    ),
    "spine": Joint(
        -50,
        80,
        "-50 (arched) to 80 (rounded)",
        {"straight": 0, "rounded": 35, "arched": -25},
        "Flexion of the whole back (lower and upper back together) in degrees: positive "
        "rounds it, up to 80; negative arches (hollows) it, to -50.",
    ),
    "neck": Joint(
        -45,
        45,
        "-45 (looking up) to 45 (chin to the chest)",
        {"straight": 0, "chin tucked": 30, "looking up": -30},
        "Neck flexion in degrees: positive tucks the chin, up to 45; negative lifts the "
        "head, to -45.",
    ),
    "twist": Joint(
        0,
        70,
        "0 (facing forward) to 70",
        {"none": 0, "turned": 45},
        "Rotation of the upper body to one side, hips still, in degrees: 0 to 70.",
    ),
    "knees_rolled": Joint(
        0,
        80,
        "0 (knees up) to 80",
        {"none": 0, "to one side": 50},
        "Both bent knees rolled together to one side, lying on the back, in degrees: 0 "
        "(knees up) to 80.",
    ),
}

SIDES = ("left", "right")
# Each field an author may write, and the joints (sided where the body has two) it sets.
JOINT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {}
for _joint in ("hip", "knee", "ankle", "shoulder", "elbow"):
    JOINT_FIELDS[_joint + "s"] = (_joint, tuple(f"{side}_{_joint}" for side in SIDES))
    for _side in SIDES:
        JOINT_FIELDS[f"{_side}_{_joint}"] = (_joint, (f"{_side}_{_joint}",))
for _joint in ("spine", "neck", "twist", "knees_rolled"):
    JOINT_FIELDS[_joint] = (_joint, (_joint,))

# Where hands can be put: the drawing reaches the arm there. "your right shin" is the
# shin of the leg nearer the viewer; "your shins" puts each hand on its own side.
HAND_PLACES = (
    "on the floor",
    "forearms on the floor",
    "beside your head",
    "on your shins",
    "on your right shin",
    "on your left shin",
    "behind your thighs",
    "behind your right thigh",
    "behind your left thigh",
    "on your knees",
    "on your thighs",
    "on your lower back",
    "on your shoulders",
    "holding the towel",
    "on the chair",
)
HAND_FIELDS = ("hands", "left_hand", "right_hand")

PROPS = ("towel or strap", "pillow under head", "pillow under knees", "chair", "mat", "counter")

# Where a stretch is felt, as drawn: a dashed band along that side of the body part.
# Each area is pieces of (segment, from, to, side): side +1 is the front, -1 the back.
AREAS: dict[str, tuple[tuple[str, float, float, int], ...]] = {
    "lower back": (("trunk", 0.05, 0.5, -1),),
    "middle back": (("trunk", 0.3, 0.75, -1),),
    "upper back": (("trunk", 0.55, 1.0, -1),),
    "chest": (("trunk", 0.6, 0.95, 1),),
    "stomach": (("trunk", 0.1, 0.55, 1),),
    "sides": (("trunk", 0.25, 0.85, 0),),
    "buttocks": (("trunk", 0.15, 0.0, -1), ("right_thigh", 0.0, 0.35, -1)),
    "right buttock": (("trunk", 0.15, 0.0, -1), ("right_thigh", 0.0, 0.35, -1)),
    "left buttock": (("trunk", 0.15, 0.0, -1), ("left_thigh", 0.0, 0.35, -1)),
    "backs of thighs": (("right_thigh", 0.15, 0.9, -1), ("left_thigh", 0.15, 0.9, -1)),
    "back of right thigh": (("right_thigh", 0.15, 0.9, -1),),
    "back of left thigh": (("left_thigh", 0.15, 0.9, -1),),
    "fronts of hips": (("right_thigh", 0.0, 0.45, 1), ("left_thigh", 0.0, 0.45, 1)),
    "front of right hip": (("right_thigh", 0.0, 0.45, 1),),
    "front of left hip": (("left_thigh", 0.0, 0.45, 1),),
    "fronts of thighs": (("right_thigh", 0.15, 0.9, 1), ("left_thigh", 0.15, 0.9, 1)),
    "front of right thigh": (("right_thigh", 0.15, 0.9, 1),),
    "front of left thigh": (("left_thigh", 0.15, 0.9, 1),),
    "front of right shoulder": (("right_upper_arm", 0.0, 0.5, 1),),
    "front of left shoulder": (("left_upper_arm", 0.0, 0.5, 1),),
}
# A stretch's targets, mapped to areas, for stretches whose file has no figures: data.
TARGET_AREAS = {
    "lower back": "lower back",
    "middle back": "middle back",
    "upper back": "upper back",
    "buttocks": "buttocks",
    "back of thigh": "back of right thigh",
    "back of thighs": "backs of thighs",
    "front of hip": "front of right hip",
    "front of hips": "fronts of hips",
    "front of thigh": "front of right thigh",
    "chest": "chest",
    "stomach muscles": "stomach",
    "tummy muscles": "stomach",
    "sides of your body": "sides",
    "sides of your trunk": "sides",
}
