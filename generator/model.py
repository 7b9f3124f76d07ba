"""Plain data passed from validate to render: no I/O, no logic beyond naming."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property


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


@dataclass(frozen=True)
class Library:
    """What every output is made from: the valid stretches, sorted by name as every list
    shows them, and the site's settings."""

    stretches: tuple[Stretch, ...]
    site: Site

    @classmethod
    def of(cls, stretches: list[Stretch], site: Site) -> Library:
        return cls(tuple(sorted(stretches, key=lambda stretch: stretch.name.casefold())), site)

    @cached_property
    def by_id(self) -> dict[str, Stretch]:
        return {stretch.id: stretch for stretch in self.stretches}
