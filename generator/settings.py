"""Site settings the generator needs from mkdocs.yml: the clinic of section 2 of the contract."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .model import Clinic
from .problems import Problem

_CLINIC_FIELDS = ("name", "phone", "email", "url")
_CHECKS = {
    "url": (re.compile(r"^https?://[^\s<>\"]+$"), "a web address starting with https://"),
    "email": (re.compile(r"^[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+$"), "an email address"),
    "phone": (re.compile(r"^\+?[0-9 ()./-]{3,30}$"), "a phone number such as +1 555 0100"),
}


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name or !ENV meant for MkDocs, not us."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_clinic(config_path: Path, shown: str) -> tuple[Clinic, list[Problem]]:
    """Read `extra.clinic` from mkdocs.yml; a missing file or block means no clinic."""
    if not config_path.is_file():
        return Clinic(), []
    try:
        config: Any = yaml.load(config_path.read_text("utf-8"), Loader=_TolerantLoader)
    except yaml.YAMLError as error:
        return Clinic(), [Problem(shown, 1, 1, "", f"not valid YAML: {error}")]
    extra = config.get("extra") if isinstance(config, dict) else None
    clinic = extra.get("clinic") if isinstance(extra, dict) else None
    if clinic is None:
        return Clinic(), []
    if not isinstance(clinic, dict):
        return Clinic(), [Problem(shown, 1, 1, "extra.clinic", "expected name, phone, email, url")]
    problems = []
    values: dict[str, str] = {}
    for key, value in clinic.items():
        field = f"extra.clinic.{key}"
        if key not in _CLINIC_FIELDS:
            message = f"is not a known field; known fields: {', '.join(_CLINIC_FIELDS)}"
            problems.append(Problem(shown, 1, 1, field, message))
        elif not isinstance(value, str):
            problems.append(Problem(shown, 1, 1, field, "expected text (put it in quotes)"))
        elif key in _CHECKS and value and not _CHECKS[key][0].match(value.strip()):
            problems.append(
                Problem(shown, 1, 1, field, f'must be {_CHECKS[key][1]} (found "{value}")')
            )
        else:
            values[key] = " ".join(value.split())
    return (Clinic(), problems) if problems else (Clinic(**values), [])
