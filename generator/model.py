"""Plain data passed from validate to render: no I/O, no logic beyond naming."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Count:
    """A whole number or a range such as 20-30 (low == high for a single number)."""

    low: int
    high: int


@dataclass(frozen=True)
class Dose:
    hold_seconds: Count | None
    repetitions: Count
    each_side: bool
    times_a_day: Count


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str


@dataclass(frozen=True)
class Review:
    last_reviewed: datetime.date
    next_review: datetime.date
    reviewer: str


@dataclass(frozen=True)
class Figure:
    """One drawn position: a named pose, the joints and hands the author changed (in the
    order written, e.g. ("right_knee", "bent")), the props, and an optional caption."""

    pose: str
    changes: tuple[tuple[str, int | str], ...] = ()
    props: tuple[str, ...] = ()
    label: str = ""
    line: int = field(default=0, compare=False)  # where the file states it, for messages


@dataclass(frozen=True)
class Figures:
    """The `figures:` of a stretch file: what the start and stretch pictures show."""

    start: Figure
    stretch: Figure
    alternate: Figure | None = None  # the other end of a movement, such as cat and cow
    felt: tuple[str, ...] = ()
    view: str = "side"


@dataclass(frozen=True)
class Stretch:
    """One validated stretch; `id` is its file name and URL slug."""

    id: str
    name: str
    summary: str
    aliases: tuple[str, ...]
    targets: tuple[str, ...]
    position: str
    equipment: tuple[str, ...]
    level: str
    start: str
    steps: tuple[str, ...]
    dose: Dose
    breathing: str
    feel: str
    stop_if: tuple[str, ...]
    ask_first: tuple[str, ...]
    easier: str
    harder: str
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    review: Review
    figures: Figures | None = None  # None: the position's generic figures are drawn
    path: str = field(default="", compare=False)  # the file it was read from, as shown


@dataclass(frozen=True)
class Clinic:
    """The clinic named in every "Talk to a physical therapist" section (all optional)."""

    name: str = ""
    phone: str = ""
    email: str = ""
    url: str = ""
    logo: str = ""  # a file under docs/ (SVG or PNG), as an address from the site's root


@dataclass(frozen=True)
class Site:
    """What the pages need from mkdocs.yml: the site's name, its public address, the clinic."""

    name: str = "Stretches for lower back pain"
    url: str = ""  # site_url, ending in "/"; "" when not set (then no absolute addresses)
    clinic: Clinic = Clinic()
    # Whom re-users of the content credit (extra.attribution.name; default the site's name)
    # and where that credit links (extra.attribution.url; default each page's own address).
    credit_name: str = ""
    credit_url: str = ""

    @property
    def credited(self) -> str:
        return self.credit_name or self.name

    base: str = "/"  # the root of this language's pages on the server: "/" or "/es/"


_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Language:
    """One language's interface: its code ("en", "es"), its name in itself, every string of
    the interface by key (content/languages/<code>.yaml), month names and how a date is
    written, and the words of the stretch files' vocabulary (positions, levels, body areas,
    equipment) in this language."""

    code: str = "en"
    name: str = "English"
    strings: Mapping[str, str] = field(default_factory=lambda: _EMPTY, hash=False, compare=False)
    months: tuple[str, ...] = ()
    date: str = "{day} {month} {year}"
    words: Mapping[str, str] = field(default_factory=lambda: _EMPTY, hash=False, compare=False)
    # The reading-level gate: a textstat formula and its limit (`max` or `min`).
    reading: Mapping[str, object] = field(default_factory=lambda: _EMPTY, hash=False, compare=False)
    path: str = field(default="", compare=False)

    def text(self, key: str, **values: object) -> str:
        """The string `key`, its {placeholders} filled in."""
        return self.strings[key].format(**values) if values else self.strings[key]

    def count(self, key: str, number: int, **values: object) -> str:
        """`key`_one or `key`_other, by the number, with {n} filled in."""
        return self.text(f"{key}_{'one' if number == 1 else 'other'}", n=number, **values)

    def word(self, text: str) -> str:
        """A word of a stretch file's vocabulary ("lying on your back") in this language."""
        return self.words.get(text, text)


@dataclass(frozen=True)
class Translation:
    """What a stretch's translation file records about itself, and what the build found:
    `stale` when the English text changed after the translation was made."""

    translator: str
    reviewer: str
    date: datetime.date
    fingerprint: str
    stale: bool = False
    path: str = ""


@dataclass(frozen=True)
class Library:
    """What every output is made from: the valid stretches, sorted by name as every list
    shows them, and the site's settings."""

    stretches: tuple[Stretch, ...]
    site: Site
    language: Language | None = None  # None: English, as content/languages/en.yaml has it
    # The translation of each translated stretch, by id; a stretch not in it is shown in
    # English (every stretch of an English library).
    translations: Mapping[str, Translation] = field(
        default_factory=lambda: _EMPTY, hash=False, compare=False
    )
    # Every language the site is built in, the source language first: for language switches.
    languages: tuple[Language, ...] = ()

    @classmethod
    def of(
        cls,
        stretches: list[Stretch],
        site: Site,
        language: Language | None = None,
        translations: Mapping[str, Translation] = _EMPTY,
        languages: tuple[Language, ...] = (),
    ) -> Library:
        ordered = tuple(sorted(stretches, key=lambda stretch: stretch.name.casefold()))
        return cls(ordered, site, language, translations, languages)

    @cached_property
    def by_id(self) -> dict[str, Stretch]:
        return {stretch.id: stretch for stretch in self.stretches}
