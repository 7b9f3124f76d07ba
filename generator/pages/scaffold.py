"""The file `python -m generator new` writes: a stretch file of placeholders."""

from __future__ import annotations

import datetime

from generator.pages.environment import environment


def render_new(name: str, today: datetime.date) -> str:
    """A new stretch file whose every placeholder `check` refuses until it is filled in."""
    # autoescape is for HTML; here the name is put in YAML through yaml_string instead.
    return environment().get_template("new.yaml.j2").render(name=name, today=today)
