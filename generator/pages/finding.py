"""Finding stretches: the tags of the library (every target and piece of equipment), the
filter choices of the /stretches/ list, each card's filter data, and the search keywords of
each stretch page."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.model import Language, Stretch
from generator.pages import urls
from generator.read.languages import english
from generator.stretch_schema import choices

NO_EQUIPMENT = "none"  # the equipment filter's value for stretches that need nothing
_RESERVED_SLUGS = {"index"}  # tags/index.md is the page listing every tag


def tag_slug(text: str) -> str:
    """ "Towel or strap" -> "towel-or-strap"; "child's" -> "childs" (as stretch ids are made)."""
    return urls.slug(text)


def _page_slug(text: str) -> str:
    slug = tag_slug(text) or "tag"
    return f"{slug}-tag" if slug in _RESERVED_SLUGS else slug


@dataclass
class Tag:
    """Every stretch felt in (targets) or needing (equipment) one tag, by the tag's slug."""

    slug: str
    label: str
    targeted_by: list[Stretch] = field(default_factory=list)
    needed_by: list[Stretch] = field(default_factory=list)


@dataclass(frozen=True)
class Choice:
    value: str  # as it appears in the URL: ?position=lying-on-your-back
    label: str


@dataclass(frozen=True)
class Filter:
    name: str  # the URL parameter and the card's data attribute
    label: str
    any_label: str
    choices: tuple[Choice, ...]


def collect_tags(stretches: Sequence[Stretch]) -> list[Tag]:
    """Every tag of the library, sorted by label; each lists its stretches in the given order.

    Two spellings with one slug ("back-of-thigh", "back of thigh") share a page."""
    tags: dict[str, Tag] = {}
    for stretch in stretches:
        for texts, kind in ((stretch.targets, "targeted_by"), (stretch.equipment, "needed_by")):
            for text in texts:
                slug = _page_slug(text)
                tag = tags.setdefault(slug, Tag(slug, text))
                tag.label = min(tag.label, text)  # the same label whatever the order of files
                having: list[Stretch] = getattr(tag, kind)
                if not having or having[-1] is not stretch:  # two spellings in one stretch
                    having.append(stretch)
    return sorted(tags.values(), key=lambda tag: (tag.label, tag.slug))


def tag_links(stretch: Stretch, root: str) -> dict[str, str]:
    """Each target and piece of equipment of a stretch -> the address of its tag page."""
    return {
        text: root + urls.tag_page(_page_slug(text))
        for text in (*stretch.targets, *stretch.equipment)
    }


def unaccented(text: str) -> str:
    """ "Postura del niño" -> "Postura del nino": what a reader types without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def search_keywords(stretch: Stretch, language: Language | None = None) -> list[str]:
    """What a stretch page's front matter gives the search index as its tags: every word the
    page shows for what the stretch is called, works on, starts from, needs, and how hard it is,
    in the page's language; and each of them without its accents, so that "nino" finds
    "niño" as "rotacion" finds "rotación" (the search's stemmer drops only some accents)."""
    words = language or english()
    vocabulary = [*stretch.targets, stretch.position, *stretch.equipment, stretch.level]
    keywords = [*stretch.aliases, *(words.word(text) for text in vocabulary)]
    keywords += [unaccented(text) for text in (stretch.name, *keywords)]
    return [text for text in dict.fromkeys(keywords) if text != stretch.name]


def filters(stretches: Sequence[Stretch], language: Language | None = None) -> list[Filter]:
    """The controls of the /stretches/ list: only choices some stretch has, in a stable order."""
    # Positions and levels in the schema's order (lying down first, gentle first).
    positions = [p for p in choices("position") if p in {s.position for s in stretches}]
    levels = [level for level in choices("level") if level in {s.level for s in stretches}]
    equipment = sorted({text for stretch in stretches for text in stretch.equipment})
    targets = sorted({text for stretch in stretches for text in stretch.targets})
    words = language or english()
    no_equipment = [Choice(NO_EQUIPMENT, words.text("no_equipment"))]
    if all(stretch.equipment for stretch in stretches):
        no_equipment = []
    return [
        _filter("position", words, ("position", "any_position"), positions),
        _filter("equipment", words, ("equipment", "any_equipment"), equipment, no_equipment),
        _filter("target", words, ("works_on", "any_body_part"), targets),
        _filter("level", words, ("level", "any_level"), levels),
    ]


def _filter(
    name: str,
    words: Language,
    labels: tuple[str, str],
    texts: list[str],
    first: list[Choice] | None = None,
) -> Filter:
    """A filter's control; values stay the English slugs, so a link works in every language."""
    choices = {choice.value: choice for choice in first or []}
    for text in texts:
        label = words.word(text)
        choices.setdefault(tag_slug(text), Choice(tag_slug(text), label[:1].upper() + label[1:]))
    label, any_label = (words.text(key) for key in labels)
    return Filter(name, label, any_label, tuple(choices.values()))


def card_facts(stretch: Stretch, language: Language | None = None) -> str:
    """The line under a card's summary: "Lying on your back · Gentle · Towel or strap"."""
    words = language or english()
    facts = [words.word(stretch.position), words.word(stretch.level)]
    if stretch.equipment:
        facts.append(", ".join(words.word(text) for text in stretch.equipment))
    return " · ".join(text[:1].upper() + text[1:] for text in facts)


def card_data(stretch: Stretch) -> dict[str, str]:
    """The data attributes of a stretch's card on the list: what the filters compare."""
    return {
        "position": tag_slug(stretch.position),
        "equipment": " ".join(tag_slug(text) for text in stretch.equipment) or NO_EQUIPMENT,
        "target": " ".join(tag_slug(text) for text in stretch.targets),
        "level": tag_slug(stretch.level),
    }
