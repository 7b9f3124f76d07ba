"""Property: any printable text an author types reaches the page exactly as typed."""

from __future__ import annotations

import datetime
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.model import Library, Site
from generator.pages.outputs import render_site
from generator.read.load import load_file
from generator.read.validate import validate

from .helpers import FIXTURES, ROOT, visible_text

BASE = yaml.safe_load((FIXTURES / "library" / "knee-to-chest.yaml").read_text())
BASE["related"] = []
MARKDOWN_EXTENSIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["markdown_extensions"]

# Letters, marks, digits, punctuation, symbols and spaces of every script: what a person
# can type. Control and invisible characters are refused by validate, so not drawn here.
printable = st.text(
    st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=60
).filter(lambda text: text.strip() and "TODO" not in text)


def to_html(page: str) -> str:
    """The page as MkDocs turns it into HTML: front matter off, same Markdown extensions."""
    body, _ = get_data(page)
    extensions = [next(iter(e)) if isinstance(e, dict) else e for e in MARKDOWN_EXTENSIONS]
    return markdown.markdown(body, extensions=extensions)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(printable, min_size=9, max_size=9))
def test_printable_text_in_every_field_shows_as_typed(tmp_path: Path, texts: list[str]) -> None:
    data = dict(BASE)
    fields = ["name", "summary", "start", "breathing", "feel", "easier", "harder"]
    data.update(zip(fields, texts, strict=False))
    data["steps"] = [texts[7], "Then relax."]
    data["stop_if"] = [texts[8]]
    data["ask_first"] = [texts[0] + texts[8]]
    path = tmp_path / "knee-to-chest.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded, problems = load_file(path, path.name)
    assert loaded is not None, problems
    stretches, problems = validate([loaded], datetime.date(2026, 11, 26))
    assert [p for p in problems if not p.is_warning] == []
    page = render_site(Library.of(stretches, Site()))["stretches/knee-to-chest.md"]
    shown = visible_text(to_html(page))
    for text in [*texts, texts[0] + texts[8]]:
        assert " ".join(text.split()) in shown
    meta = get_data(page)[1]
    assert visible_text(meta["title"]) == " ".join(texts[0].split())
    assert visible_text(meta["description"]) == " ".join(texts[1].split())
