"""The compiled schema check that lets good files skip jsonschema must never pass a file that
jsonschema refuses, and must pass every good file (else it saves nothing)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.read.load import load_file
from generator.read.validate import _conforms, _validator

from .helpers import FIXTURES, ROOT

GOOD = sorted((ROOT / "content" / "stretches").glob("*.yaml")) + sorted(
    (FIXTURES / "library").glob("*.yaml")
)
BAD = sorted((ROOT / "tests" / "bad").glob("*.yaml"))
BASE = yaml.safe_load((FIXTURES / "library" / "knee-to-chest.yaml").read_text())


def _jsonschema_passes(data: Any) -> bool:
    return not any(True for _ in _validator().iter_errors(data))


@pytest.mark.parametrize("path", GOOD + BAD, ids=lambda path: Path(path).name)
def test_both_checks_agree_on_every_real_and_broken_file(path: Path) -> None:
    loaded, _ = load_file(path, path.name)
    if loaded is None:  # not even YAML: the schema never sees it
        return
    assert _conforms(loaded.data) == _jsonschema_passes(loaded.data)


def test_every_good_file_takes_the_fast_path() -> None:
    for path in GOOD:
        loaded, _ = load_file(path, path.name)
        assert loaded is not None and _conforms(loaded.data), path.name


# Values of every kind an author's YAML can hold, including the awkward ones: True is not a
# whole number, "1-2" and "01-2" differ, a text may end in a line break.
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 700)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", " ", "1-2", "01-2", "20-30\n", "gentle", "sitting", "a\n", "x" * 601])
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["title", "url", "low", "x"]), children, max_size=3)
    ),
    max_leaves=8,
)


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        found += [p for key, value in data.items() for p in _paths(value, (*path, key))]
    elif isinstance(data, list):
        found += [p for index, value in enumerate(data) for p in _paths(value, (*path, index))]
    return found


PATHS = _paths(BASE)[1:]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), values, st.booleans())
def test_no_broken_stretch_passes_the_fast_check_alone(
    path: tuple[Any, ...], value: Any, delete: bool
) -> None:
    data = copy.deepcopy(BASE)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    if _conforms(data):
        assert _jsonschema_passes(data)
