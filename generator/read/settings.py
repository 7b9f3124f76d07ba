"""What the generator needs from mkdocs.yml: the site name, its address, the clinic, and
whom the content is credited to."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from generator.model import Clinic, Site
from generator.problems import Problem
from generator.read.logo import logo_problem

_CLINIC_FIELDS = ("name", "phone", "email", "url", "logo")
_CHECKS = {
    "url": (re.compile(r"^https?://[^\s<>\"]+$"), "a web address starting with https://"),
    "email": (re.compile(r"^[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+$"), "an email address"),
    "phone": (re.compile(r"^\+?[0-9 ()./-]{3,30}$"), "a phone number such as +1 555 0100"),
}


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name or !ENV meant for MkDocs, not us."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_site(config_path: Path, shown: str) -> tuple[Site, list[Problem]]:
    """Read site_name, site_url and extra.clinic from mkdocs.yml; a missing file means defaults."""
    if not config_path.is_file():
        return Site(), []
    try:
        config: Any = yaml.load(config_path.read_text("utf-8"), Loader=_TolerantLoader)
    except yaml.YAMLError as error:
        return Site(), [Problem(shown, 1, 1, "", f"not valid YAML: {error}")]
    if not isinstance(config, dict):
        return Site(), [Problem(shown, 1, 1, "", "expected settings (name: value)")]
    problems: list[Problem] = []
    url = config.get("site_url") or ""
    if url and not (isinstance(url, str) and _CHECKS["url"][0].match(url)):
        problems.append(Problem(shown, 1, 1, "site_url", f"must be {_CHECKS['url'][1]}"))
        url = ""
    name = config.get("site_name")
    extra = config.get("extra")
    docs = config_path.parent / str(config.get("docs_dir") or "docs")
    clinic, clinic_problems = _clinic(
        extra.get("clinic") if isinstance(extra, dict) else None, shown, docs
    )
    credit, credit_problems = _attribution(
        extra.get("attribution") if isinstance(extra, dict) else None, shown
    )
    site = Site(
        name=name if isinstance(name, str) and name.strip() else Site.name,
        url=url.rstrip("/") + "/" if url else "",
        clinic=clinic,
        credit_name=credit.get("name", ""),
        credit_url=credit.get("url", ""),
    )
    return site, problems + clinic_problems + credit_problems


def _attribution(attribution: Any, shown: str) -> tuple[dict[str, str], list[Problem]]:
    """extra.attribution: the name (and address) a fork wants its content credited to."""
    if attribution is None:
        return {}, []
    if not isinstance(attribution, dict):
        return {}, [Problem(shown, 1, 1, "extra.attribution", "expected name and url")]
    problems, values = [], {}
    for key, value in attribution.items():
        field = f"extra.attribution.{key}"
        if key not in ("name", "url"):
            problems.append(Problem(shown, 1, 1, field, "is not a known field; known: name, url"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, 1, 1, field, "expected text (put it in quotes)"))
        elif key == "url" and not _CHECKS["url"][0].match(value.strip()):
            message = f'must be {_CHECKS["url"][1]} (found "{value}")'
            problems.append(Problem(shown, 1, 1, field, message))
        else:
            values[key] = " ".join(value.split())
    return ({}, problems) if problems else (values, [])


def _clinic(clinic: Any, shown: str, docs: Path) -> tuple[Clinic, list[Problem]]:
    if clinic is None:
        return Clinic(), []
    if not isinstance(clinic, dict):
        message = f"expected {', '.join(_CLINIC_FIELDS)}"
        return Clinic(), [Problem(shown, 1, 1, "extra.clinic", message)]
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
            message = f'must be {_CHECKS[key][1]} (found "{value}")'
            problems.append(Problem(shown, 1, 1, field, message))
        elif key == "logo":
            problem = logo_problem(value, docs)
            if problem:
                problems.append(Problem(shown, 1, 1, field, problem))
            values[key] = value.strip()
        else:
            values[key] = " ".join(value.split())
    return (Clinic(), problems) if problems else (Clinic(**values), [])
