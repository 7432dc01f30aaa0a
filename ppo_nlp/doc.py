"""The objects one document carries through the pipeline.

A `Document` is created by ingest with its clean text, enriched by every later stage, and turned into a
record by `ppo_nlp.records`. Every fact keeps its evidence: character offsets into `Document.text` and
the name of the rule or model that found it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ppo_nlp.records import document_record


@dataclass(frozen=True)
class LangResult:
    """A language decision: ISO 639-1 code (or `und`), a confidence in 0..1, and the script when it is not
    the language's usual one (`Latn` for Kazakh in a Latin alphabet; None otherwise)."""

    lang: str
    score: float
    script: Optional[str] = field(default=None, repr=False)


@dataclass(frozen=True)
class Segment:
    """A contiguous passage of `Document.text` and its language."""

    start: int
    end: int
    lang: str


@dataclass
class Entity:
    """One mention found in the text.

    `label` is one of PERSON ORG LOC POSITION PROJECT COUNT DATE; `source` names the rule or model
    (`gazetteer:organizations`, `rule:quoted_project`, `ner:kk`, ...). `id` is the canonical id when
    a gazetteer or normalizer knows it; `attrs` holds extra normalized values (e.g. `type`, `iso`).
    """

    label: str
    text: str
    start: int
    end: int
    source: str
    score: float = 1.0
    id: Optional[str] = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Mention:
    """Evidence for an aggregated fact."""

    text: str
    start: int
    end: int


@dataclass
class Organization:
    id: str
    name: str
    type: Optional[str]
    mentions: list[Mention] = field(default_factory=list)
    parent: Optional[str] = None  # the organization it belongs to (normalize/org_tree.py)
    place: Optional[str] = None  # the KATO place its id names


@dataclass
class Position:
    title: str
    organization: Optional[str] = None  # an Organization.id
    place: Optional[str] = None  # the KATO place of that organization, when its id names one
    office: Optional[str] = None  # the office in every language: chairman, first_deputy_chairman, executive_secretary


@dataclass
class Person:
    id: str
    name: str
    name_latin: str
    positions: list[Position] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: Optional[str] = None  # 'm' | 'f' | None; not part of the record contract


@dataclass
class Project:
    id: str
    name: str
    names: dict[str, Optional[str]]  # {'ru': ..., 'kk': ..., 'en': ...}
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Count:
    value: Optional[float]
    qualifier: str  # exact | approx | more_than | less_than
    text: str
    start: int
    end: int
    unit: Optional[str] = None
    subject: Optional[str] = None
    subject_id: Optional[str] = None
    min: Optional[float] = None
    max: Optional[float] = None
    change: Optional[str] = None  # increase | decrease
    as_of: Optional[str] = None
    source: str = "rule:counts"
    organization: Optional[str] = None  # an Organization.id of the same document: what the figure is about
    place: Optional[str] = None  # a Location.id
    stated_by: Optional[str] = None  # a Person.id: who gave the figure (the person its sentence names nearest)


@dataclass
class Location:
    id: str
    name: str
    type: Optional[str]
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Document:
    """One article on its way through the pipeline."""

    id: str
    source: str
    text: str = ""
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    lang: str = "und"
    lang_score: float = 0.0
    script: Optional[str] = None  # Cyrl | Latn: the body's script (Kazakh may be written in either)
    segments: list[Segment] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # furniture lines the cleaner dropped (not in records)
    # mentions by the stage that found them, before merging (`found["gazetteer"]`, ...; not in records):
    # how stages hand results to later ones (see `ppo_nlp.extract.row`)
    found: dict[str, list[Entity]] = field(default_factory=dict)

    def lang_at(self, offset: int) -> str:
        """Language of the passage that holds `offset` (the document language when unknown)."""
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.lang
        return self.lang

    def to_dict(self) -> dict[str, Any]:
        return document_record(self)
