"""Figures drawn from data: valid, accessible, small, deterministic SVG whose bodies match
their steps; the schema refuses what a body can't do."""

from __future__ import annotations

import datetime
import json
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from markupsafe import escape

from generator.checks import generic_figures, plausible_figures
from generator.figures import draw as figures
from generator.figures import plausible
from generator.figures.body import Body
from generator.figures.draw import FELT_COLOUR, draw_all, figures_svg
from generator.figures.poses import (
    AREAS,
    HAND_PLACES,
    JOINT_FIELDS,
    JOINTS,
    POSES,
    POSITION_POSES,
    PROPS,
    VIEWS,
)
from generator.model import Figure, Library, Site, Stretch
from generator.pages.outputs import render_site
from generator.read.load import load_file, load_folder
from generator.read.validate import validate
from generator.stretch_schema import stretch_schema

from .helpers import ARTIFACTS, FIXTURES, ROOT, real_stretches, run

SVG = "{http://www.w3.org/2000/svg}"
TODAY = datetime.date(2026, 11, 26)


def library(folder: Path) -> dict[str, Stretch]:
    files, _ = load_folder(folder)
    stretches, problems = validate(files, TODAY)
    assert [p for p in problems if not p.is_warning] == []
    return {stretch.id: stretch for stretch in stretches}


LIBRARY = library(ROOT / "content" / "stretches")
FIXTURE_LIBRARY = library(FIXTURES / "library")


def generic(position: str) -> Stretch:
    """A stretch without figures: data, in a position."""
    stretch = replace(FIXTURE_LIBRARY["knee-to-chest"], figures=None, position=position)
    return replace(stretch, targets=("lower back", "back of thigh"))


EVERY = [*LIBRARY.values(), *FIXTURE_LIBRARY.values(), *map(generic, POSITION_POSES)]
EVERY_ID = [f"{s.id}" if s.figures else f"generic-{s.position}" for s in EVERY]


def numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def shapes(root: ET.Element) -> list[tuple[list[tuple[float, float]], float, ET.Element]]:
    """Every drawn shape's points (path corners; a circle's extremes) and half its stroke."""
    found = []
    for element in root.iter():
        if element.tag == f"{SVG}path":
            values = numbers(element.attrib["d"].replace("H", " H "))
            if "H" in element.attrib["d"]:  # the floor: M x y H x2
                values = [values[0], values[1], values[2], values[1]]
            points = list(zip(values[::2], values[1::2], strict=True))
            found.append((points, float(element.attrib["stroke-width"]) / 2, element))
        elif element.tag == f"{SVG}circle":
            x, y, r = (float(element.attrib[k]) for k in ("cx", "cy", "r"))
            found.append(([(x - r, y - r), (x + r, y + r)], 0.0, element))
    return found


def floor_y(root: ET.Element) -> float | None:
    floor = root.find(f"{SVG}g/{SVG}path")
    assert floor is not None
    d = floor.attrib["d"]
    return None if "Z" in d else numbers(d)[1]  # seen from above there is a mat, no floor


@pytest.mark.parametrize("stretch", EVERY, ids=EVERY_ID)
def test_each_figure_is_small_valid_accessible_svg(stretch: Stretch) -> None:
    drawn = draw_all(stretch)
    assert len(drawn) >= 2
    for figure in drawn:
        text = str(figure.svg)
        assert len(text.encode()) < 5000, f"{figure.label}: {len(text.encode())} bytes"
        root = ET.fromstring(text)
        assert root.tag == f"{SVG}svg" and root.attrib["role"] == "img"
        title = root.find(f"{SVG}title")
        assert title is not None and title.text == root.attrib["aria-label"] == figure.alt
        assert len(figure.alt) >= 15 and figure.alt.startswith(figure.label + ":")
        assert 'stroke="currentColor"' in text and "#000" not in text  # follows the text colour
        _, _, width, height = numbers(root.attrib["viewBox"])
        for points, half, _ in shapes(root):
            for x, y in points:
                assert x - half >= -0.05 and x + half <= width + 0.05, (figure.label, x)
                assert y - half >= -0.05 and y + half <= height + 0.05, (figure.label, y)


@pytest.mark.parametrize("stretch", EVERY, ids=EVERY_ID)
def test_no_part_of_the_body_goes_through_the_floor(stretch: Stretch) -> None:
    for figure in draw_all(stretch):
        root = ET.fromstring(str(figure.svg))
        floor = floor_y(root)
        if floor is None:
            continue
        for points, half, element in shapes(root)[1:]:
            if element.attrib.get("stroke") == FELT_COLOUR or element.get("class") == "halo":
                continue  # the highlight may lie beside the body; a halo is background
            lowest = max(y for _, y in points) + half
            assert lowest <= floor + 0.6, f"{figure.label}: {element.attrib} below the floor"


def test_only_the_stretch_is_highlighted_and_the_start_is_not() -> None:
    for stretch in EVERY:
        start, *others = draw_all(stretch)
        assert FELT_COLOUR not in start.svg
        if figures.figures_of(stretch).felt:
            assert all(FELT_COLOUR in other.svg for other in others), stretch.id
        # The highlight differs without colour too: it is dashed.
        assert all('stroke-dasharray="3 1.6"' in o.svg for o in others if FELT_COLOUR in o.svg)


def test_every_library_stretch_has_its_own_figures_matching_its_equipment() -> None:
    for stretch in LIBRARY.values():
        assert stretch.figures is not None, f"{stretch.id} has no figures: data"
        assert stretch.figures.felt, f"{stretch.id} does not say where the stretch is felt"
        drawn = draw_all(stretch)
        assert drawn[0].svg != drawn[1].svg, f"{stretch.id}: start and stretch look the same"
        # What the reader needs is in the picture: the towel, the pillow, the chair.
        held = [figures.posture(f) for f in (stretch.figures.start, stretch.figures.stretch)]
        props = {prop for posture in held for prop in posture.props}
        hands = {place for posture in held for place in posture.hands.values()}
        if "towel or strap" in stretch.equipment:
            assert "towel or strap" in props and "holding the towel" in hands, stretch.id
        if "pillow" in stretch.equipment:
            assert any(prop.startswith("pillow") for prop in props), stretch.id
        if "sturdy chair" in stretch.equipment:
            assert "chair" in props or "on the chair" in hands, stretch.id


def test_same_data_same_bytes() -> None:
    before = {stretch.id: [d.svg for d in draw_all(stretch)] for stretch in LIBRARY.values()}
    figures.draw_all.cache_clear()
    figures._draw.cache_clear()
    reloaded = library(ROOT / "content" / "stretches")
    after = {stretch.id: [d.svg for d in draw_all(stretch)] for stretch in reloaded.values()}
    assert before == after
    start, stretch_svg = figures_svg(LIBRARY["cat-cow"])
    assert (start, stretch_svg) == tuple(d.svg for d in draw_all(LIBRARY["cat-cow"])[:2])


# --- The drawings match the steps -------------------------------------------------------


def body_of(stretch_id: str, which: str = "stretch") -> Body:
    stretch_figures = LIBRARY[stretch_id].figures
    assert stretch_figures is not None
    figure = getattr(stretch_figures, which)
    placed, _, _ = figures._figure_body(figure)
    return placed


def distance(body: Body, a: str, b: str) -> float:
    return math.dist(body.points[a], body.points[b])


def height(body: Body, name: str) -> float:
    return body.points[name][1]


def test_knee_to_chest_brings_the_knee_towards_the_chest() -> None:
    start, stretch = body_of("knee-to-chest", "start"), body_of("knee-to-chest")
    assert distance(stretch, "right_knee", "neck") < distance(start, "right_knee", "neck") - 10
    assert distance(stretch, "right_hand", "right_knee") < 12  # holding the shin
    assert distance(stretch, "left_toe", "left_heel") > 0 and height(stretch, "left_heel") < 3


def test_the_towel_runs_from_the_hands_to_the_raised_straight_leg() -> None:
    body = body_of("hamstring-stretch")
    assert height(body, "right_ankle") > height(body, "right_knee") > height(body, "right_hip")
    knee = body.points["right_knee"]
    hip, ankle = body.points["right_hip"], body.points["right_ankle"]
    assert distance(body, "right_hip", "right_ankle") > math.dist(hip, knee) + 0.95 * math.dist(
        knee, ankle
    )  # the knee is straight
    assert distance(body, "towel", "right_toe") < 8
    svg = str(draw_all(LIBRARY["hamstring-stretch"])[1].svg)
    assert svg.count('stroke-width="1.3"') == 2  # one towel end in each hand
    assert height(body, "left_heel") < 3  # the other foot stays on the floor


def test_cat_and_cow_differ_visibly() -> None:
    cow, cat = body_of("cat-cow"), body_of("cat-cow", "alternate")
    middle = [body.trunk[4][1] - (body.trunk[0][1] + body.trunk[-1][1]) / 2 for body in (cat, cow)]
    assert middle[0] > 2 and middle[1] < -1  # cat rounds up, cow sags
    assert height(cow, "head") > height(cat, "head") + 5  # cow looks up, cat tucks the chin
    for body in (cat, cow):  # hands and knees stay on the floor
        for name in ("right_hand", "left_hand", "right_knee"):
            assert height(body, name) < 4.5, name


def test_childs_pose_sits_part_of_the_way_back_towards_the_heels() -> None:
    # The page says "only as far as is comfortable", so the figure sits back clearly but not
    # right onto the heels, which it warns people with bad knees against.
    start, stretch = body_of("childs-pose", "start"), body_of("childs-pose")
    ratio = distance(stretch, "pelvis", "right_ankle") / distance(start, "pelvis", "right_ankle")
    assert 0.3 < ratio < 0.8
    assert height(stretch, "head") < height(start, "head") - 5  # the head drops as the hips go back


def test_press_up_arms_push_the_chest_up_and_hips_stay_on_the_floor() -> None:
    body, start = body_of("prone-press-up"), body_of("prone-press-up", "start")
    assert height(body, "pelvis") < 6.5 and height(body, "right_knee") < 4.5
    assert height(body, "neck") > height(start, "neck") + 15
    reach = distance(body, "right_shoulder", "right_hand")
    assert reach > distance(start, "right_shoulder", "right_hand") + 8  # the arms straighten
    assert height(body, "right_hand") < 3


def test_bridge_lifts_the_hips_and_rolling_knees_drop_to_the_side() -> None:
    assert (
        height(body_of("glute-bridge"), "pelvis")
        > height(body_of("glute-bridge", "start"), "pelvis") + 10
    )
    rolled, up = body_of("lumbar-rotation"), body_of("lumbar-rotation", "start")
    assert height(rolled, "right_knee") < height(up, "right_knee") - 5
    assert abs(rolled.points["right_knee"][2] - up.points["right_knee"][2]) > 10


# --- Generic figures and check ----------------------------------------------------------


def test_a_stretch_without_figures_gets_its_positions_generic_pair() -> None:
    for position, pose in POSITION_POSES.items():
        start, stretch = draw_all(generic(position))
        assert POSES[pose].words in start.alt
        assert FELT_COLOUR in stretch.svg and "lower back" in stretch.alt
    assert list(generic_figures.check(generic("standing")))
    assert not list(generic_figures.check(LIBRARY["sphinx"]))


def test_check_warns_when_figures_are_generic(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "content" / "stretches" / "knee-to-chest.yaml"
    path.write_text(path.read_text().split("\nfigures:")[0] + "\n")
    assert run("check") == 0
    err = capsys.readouterr().err
    assert (
        "content/stretches/knee-to-chest.yaml:1:1: figures: warning: no figures: field, so the "
        'page shows the generic "lying on your back" figures' in err
    )
    assert run("build") == 0
    page = (project / "docs" / "stretches" / "knee-to-chest.md").read_text()
    assert page.count('role="img"') == 2


# --- Pages ------------------------------------------------------------------------------


def test_the_stretch_page_shows_the_figures_after_the_glance_box() -> None:
    pages = render_site(Library.of(list(FIXTURE_LIBRARY.values()), Site()))
    page = pages["stretches/knee-to-chest.md"]
    assert page.index("stretch-glance") < page.index("stretch-figures") < page.index("## Before")
    block = page[page.index('<div class="stretch-figures"') :].split("\n\n")[0]
    assert block.count("<svg") == 2 and "<figcaption>Start</figcaption>" in block
    # One figure file a stretch for pages that show them as images (the routine sheet): each
    # figure whole, side by side, and a view of each by name.
    sprite = ET.fromstring(pages["figures/knee-to-chest.svg"])
    svg = "{http://www.w3.org/2000/svg}"
    drawn = draw_all(FIXTURE_LIBRARY["knee-to-chest"])
    inner = sprite.findall(f"{svg}svg")
    views = {view.get("id"): view.get("viewBox") for view in sprite.findall(f"{svg}view")}
    assert len(inner) == len(drawn) == len(views) and list(views)[:2] == ["start", "stretch"]
    for figure, box, one in zip(inner, views.values(), drawn, strict=True):
        left, top, width, height = box.split()
        assert (figure.get("x"), figure.get("width"), figure.get("height")) == (left, width, height)
        assert figure.get("aria-label") == one.alt and top == "0"
    assert not [path for path in pages if re.fullmatch(r"figures/.+-(start|stretch)\.svg", path)]


def test_a_hostile_caption_stays_text() -> None:
    page = render_site(Library.of(list(FIXTURE_LIBRARY.values()), Site()))[
        "stretches/pelvic-tilt.md"
    ]
    block = page[page.index('<div class="stretch-figures"') :].split("\n\n")[0]
    assert "<script>" not in block and "<b>" not in block and "</svg><b>" not in block
    assert "&lt;script&gt;alert(3)&lt;/script&gt; &amp; &#34;x&#34;" in block
    for svg in re.findall(r"<svg.*?</svg>", block):
        ET.fromstring(svg)  # the caption in the title didn't break the SVG


# --- The schema: words a physical therapist uses, and only what a body can do ------------


def refused(tmp_path: Path, figures_yaml: str) -> list[str]:
    text = (FIXTURES / "library" / "knee-to-chest.yaml").read_text().split("\nfigures:")[0]
    path = tmp_path / "knee-to-chest.yaml"
    path.write_text(text + "\nfigures:\n" + figures_yaml)
    loaded, problems = load_file(path, "k.yaml")
    assert loaded is not None, problems
    _, problems = validate([loaded], TODAY, {"knee-to-chest", "pelvic-tilt"})
    return [str(problem) for problem in problems]


@pytest.mark.parametrize(
    ("joint", "value", "message"),
    [
        ("right_knee", "200", "from 0 (straight) to 160 (fully bent)"),
        ("left_knee", "-5", "from 0 (straight) to 160 (fully bent)"),
        ("hips", "170", "from -30 (thigh behind the body) to 140 (knee to the chest)"),
        ("shoulders", "-90", "-60 (arm behind the body) to 180 (arm overhead)"),
        ("spine", "-60", "-50 (arched) to 80 (rounded)"),
        ("neck", "90", "-45 (looking up) to 45 (chin to the chest)"),
        ("right_elbow", "bent backwards", "or one of: straight, slightly bent, bent"),
        ("right_knee", "45.5", "a whole number of degrees"),
    ],
)
def test_impossible_angles_are_refused_clearly(
    tmp_path: Path, joint: str, value: str, message: str
) -> None:
    problems = refused(
        tmp_path,
        f"  start:\n    pose: lying on your back\n  stretch:\n    pose: standing\n"
        f"    {joint}: {value}\n",
    )
    assert len(problems) == 1
    assert f"figures.stretch.{joint}: must be a whole number of degrees from" in problems[0]
    assert message in problems[0] and f'(found "{value}")' in problems[0]


def test_possible_angles_and_words_are_accepted(tmp_path: Path) -> None:
    assert (
        refused(
            tmp_path,
            "  start:\n    pose: hands and knees\n  stretch:\n    pose: child's pose\n"
            "    right_knee: 160\n    hips: -30\n    spine: rounded\n    left_ankle: pointed\n"
            "    hands: behind your left thigh\n    props: [pillow under knees]\n"
            "  felt: [lower back]\n  view: at an angle\n",
        )
        == []
    )


def test_the_schema_and_the_drawing_agree() -> None:
    schema = stretch_schema()
    definitions = schema["$defs"]
    figure = definitions["figure"]["properties"]
    assert figure["pose"]["enum"] == list(POSES)
    assert definitions["hand_place"]["enum"] == list(HAND_PLACES)
    assert figure["props"]["items"]["enum"] == list(PROPS)
    assert set(JOINT_FIELDS) | {
        "hands",
        "left_hand",
        "right_hand",
        "pose",
        "props",
        "label",
    } == set(figure)
    for name, joint in JOINTS.items():
        number, words = definitions[name]["oneOf"]
        assert (number["minimum"], number["maximum"]) == (joint.low, joint.high)
        assert words["enum"] == list(joint.words)
        for word, angle in joint.words.items():
            assert isinstance(angle, str) or joint.low <= angle <= joint.high, word
    properties = schema["properties"]["figures"]["properties"]
    assert properties["felt"]["items"]["enum"] == list(AREAS)
    assert properties["view"]["enum"] == list(VIEWS)
    for field in (*figure.values(), *properties.values()):
        assert "description" in field or "$ref" in field
    json.dumps(schema)


# --- In a browser: rendered, looked at ---------------------------------------------------


def test_every_figure_renders_in_chromium(browser: object) -> None:
    """Every figure of the library drawn by Chromium, light and dark, into
    tests/artifacts/figures-*.png (to look at): each has a size and takes the text colour."""
    cells = "".join(
        f'<figure style="display:inline-block;margin:8px">{drawn.svg}<figcaption>{stretch.id}: '
        f"{drawn.label}</figcaption></figure>"
        for stretch in LIBRARY.values()
        for drawn in draw_all(stretch)
    )
    for scheme, colours in (("light", "#fff;color:#1f1f1f"), ("dark", "#1e2129;color:#dcdee3")):
        page = browser.new_page(viewport={"width": 1100, "height": 800})  # type: ignore[attr-defined]
        page.set_content(f'<body style="margin:0;background:{colours}">{cells}</body>')
        sizes = page.eval_on_selector_all(
            "svg",
            "svgs => svgs.map(s => [s.getBoundingClientRect().width, "
            "s.getBoundingClientRect().height, getComputedStyle(s.querySelector('path')).stroke])",
        )
        assert len(sizes) == sum(len(draw_all(stretch)) for stretch in LIBRARY.values())
        assert all(w > 60 and h > 40 for w, h, _ in sizes), sizes
        expected = "rgb(31, 31, 31)" if scheme == "light" else "rgb(220, 222, 227)"
        assert {stroke for *_, stroke in sizes} == {expected}  # currentColor
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"figures-{scheme}.png"), full_page=True)
        page.close()


# --- Plausible by check: what a body could hold -----------------------------------------

PLAUSIBLE_EVERY = [s for s in EVERY if s.figures] + [generic(p) for p in POSITION_POSES]


@pytest.mark.parametrize("stretch", PLAUSIBLE_EVERY, ids=[s.id for s in PLAUSIBLE_EVERY])
def test_every_figure_of_the_library_is_one_a_body_could_hold(stretch: Stretch) -> None:
    stretch_figures = figures.figures_of(stretch)
    for figure in (stretch_figures.start, stretch_figures.stretch, stretch_figures.alternate):
        if figure is not None:
            assert figures.implausible(figure) == [], (stretch.id, figure)
    assert list(plausible_figures.check(stretch)) == []


@pytest.mark.parametrize(
    ("pose", "changes", "finding"),
    [
        # A leg lifted with its foot left "flat": the foot can't be on the floor.
        (
            "lying on your back",
            (("right_hip", 90), ("right_knee", 0)),
            "the right heel, the right toe should rest on the floor but float above it",
        ),
        # Rounded so far, hips so bent and knees straight that the thighs go through the chest.
        (
            "lying on your back",
            (("spine", 80), ("hips", 140), ("knees", 0)),
            "the right leg passes through the trunk",
        ),
        # On all fours with the thighs pulled up to the chest: the knees leave the floor.
        ("hands and knees", (("hips", 140),), "the left knee, the right knee should rest"),
    ],
)
def test_made_up_bad_poses_are_found(
    pose: str, changes: tuple[tuple[str, int | str], ...], finding: str
) -> None:
    found = figures.implausible(Figure(pose, changes))
    assert any(finding in problem for problem in found), found


def test_a_part_below_the_floor_and_a_hand_short_of_its_hold_are_found() -> None:
    changes = (("right_hip", 120), ("right_ankle", 20), ("hands", "on your right shin"))
    figure = Figure("lying on your back", changes)
    assert figures.implausible(figure) == []
    body, held, _ = figures._figure_body(figure)
    x, _, z = body.points["left_toe"]
    body.points["left_toe"] = (x, -3.0, z)  # pushed into the floor
    x, y, z = body.points["right_hand"]
    body.points["right_hand"] = (x - 10.0, y, z)  # pulled away from the shin
    found = plausible.problems(figure, body, held, set())
    assert "the left toe goes below the floor" in found
    assert any(p.startswith("the right hand can't reach your right shin") for p in found), found


def test_check_reports_an_implausible_figure_at_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "content" / "stretches" / "knee-to-chest.yaml"
    text = path.read_text()
    bad = text.replace("    right_hip: 125\n", "    spine: 80\n    hips: 140\n    knees: 0\n")
    path.write_text(bad)
    line = bad.splitlines().index("  stretch:") + 1
    assert run("check") == 0  # a warning: the page still builds
    err = capsys.readouterr().err
    assert (
        f"content/stretches/knee-to-chest.yaml:{line}:3: figures.stretch: warning: the figure "
        "can't be drawn as a body would hold it: "
    ) in err
    assert "passes through the trunk" in err


def test_make_figures_writes_one_page_of_every_figure_beside_its_steps(project: Path) -> None:
    out = project / "review.html"
    assert run("figures", "--out", str(out)) == 0
    page = out.read_text()
    for stretch in FIXTURE_LIBRARY.values():
        section = page[page.index(f'<section id="{stretch.id}">') :].split("</section>")[0]
        assert section.count("<svg") == len(draw_all(stretch))
        assert all(str(escape(step)) in section for step in stretch.steps)
        for drawn in draw_all(stretch):
            assert str(escape(drawn.alt)) in section  # the alt text, arrows and all, is shown
    assert "Not plausible" not in page


def test_motion_arrows_come_from_the_start_and_are_said_in_the_alt_text() -> None:
    expected = {
        "knee-to-chest": "the right knee moves towards the chest",
        "lumbar-rotation": "both knees roll to one side",
        "glute-bridge": "the hips lift",
        "childs-pose": "the hips move back towards the heels",
        "prone-press-up": "the chest lifts",
        "standing-back-extension": "the upper body leans back",
        "seated-twist": "the upper body turns to one side",
    }
    for stretch in LIBRARY.values():
        start, *others = draw_all(stretch)
        assert "motion-arrow" not in start.svg and "Arrow:" not in start.alt
        for drawn in others:
            root = ET.fromstring(str(drawn.svg))
            arrows = [e for e in root.iter() if e.get("class") == "motion-arrow"]
            assert len(arrows) == drawn.alt.count(" Arrow: ") >= 1, (stretch.id, drawn.alt)
            assert all(a.find(f"{SVG}path") is not None for a in arrows)
        if stretch.id in expected:
            assert f"Arrow: {expected[stretch.id]}." in others[0].alt, others[0].alt
    same = replace(LIBRARY["knee-to-chest"].figures, stretch=LIBRARY["knee-to-chest"].figures.start)
    unmoved = draw_all(replace(LIBRARY["knee-to-chest"], figures=same))
    assert "motion-arrow" not in unmoved[1].svg  # nothing moves: no arrow


def test_figures_are_big_enough_to_copy_on_a_phone_and_side_by_side_on_a_desktop(
    browser: object, site_url: str
) -> None:
    """Each figure at least 300 px wide and one under another at 390 px; at least 260 px and
    side by side at 1280 px. Screenshots in tests/artifacts/figures-page-*.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        for stretch_id in ("knee-to-chest", "cat-cow", "piriformis-stretch"):
            page.goto(f"{site_url}/stretches/{stretch_id}/", wait_until="load")
            boxes = page.eval_on_selector_all(
                ".stretch-figures svg",
                "svgs => svgs.map(s => { const b = s.getBoundingClientRect(); "
                "return [b.left, b.top, b.width]; })",
            )
            assert len(boxes) >= 2
            if width == 390:
                assert all(w >= 300 for *_, w in boxes), boxes
                assert len({round(left) for left, *_ in boxes}) == 1  # stacked
            else:
                assert all(w >= 260 for *_, w in boxes), boxes
                assert boxes[1][0] > boxes[0][0] + boxes[0][2]  # side by side
            figures_box = page.query_selector(".stretch-figures")
            assert figures_box is not None
            figures_box.screenshot(path=str(ARTIFACTS / f"figures-page-{width}-{stretch_id}.png"))
        page.close()


def test_the_head_is_described_against_the_back_not_the_floor() -> None:
    """The neck's angle is the head's to the back: on a back leaning backwards, a head
    "bowed 20 degrees" is level, so the words say what they measure."""
    by_id = {stretch.id: stretch for stretch in real_stretches()}
    leaning = draw_all(by_id["standing-back-extension"])[1].alt
    assert "the head tipped 20 degrees down from the line of the back" in leaning
    cow = draw_all(by_id["cat-cow"])[1].alt + draw_all(by_id["cat-cow"])[0].alt
    assert "degrees up from the line of the back" in cow
    assert "bowed" not in leaning
