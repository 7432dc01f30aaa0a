"""The row of stages: what runs on a `Document`, in which order, and what each stage reads and adds.

Like spaCy's `Language.pipeline` with its `requires`/`assigns`: every stage names the `Document` fields it
reads and the ones it writes (`found.<name>` is `doc.found["<name>"]`, a stage's raw mentions; a trailing
`?` marks a field read when present). `check_row` proves that every field a stage reads is written by an
earlier stage or comes from ingest, so a stage added in the wrong place fails at load time, not on data.

Finders (`Stage.finder`) only look at the text and earlier layers and put their mentions in `doc.found`;
no finder calls another one. The merge stages decide which mentions become `doc.entities`, and the facts
stage groups them. Adding an extractor: one module with `extract_x(doc) -> list[Entity]`, one
`Stage.finder` line below, and its layer name in the `known_stage` line that merges it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ppo_nlp import aggregate
from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.counts import extract_counts, link_counts
from ppo_nlp.extract.dates import extract_dates
from ppo_nlp.extract.gazetteer import extract_gazetteer, extract_places
from ppo_nlp.extract.entities import merge_final
from ppo_nlp.extract.merge import known_stage
from ppo_nlp.extract.officials import extract_officials
from ppo_nlp.extract.orglinks import link_organizations
from ppo_nlp.extract.rules import extract_rules

# what ingest and language detection put on a Document before the row runs
INPUTS = frozenset({"text", "lang", "segments", "published", "title"})


@dataclass(frozen=True)
class Stage:
    """One step of the row: `run(doc)` reads the fields in `requires` and writes those in `assigns`."""

    name: str
    run: Callable[[Document], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    @classmethod
    def finder(cls, name: str, find: Callable[[Document], list[Entity]], requires: tuple[str, ...]) -> Stage:
        """A stage that stores what `find` returns as the layer `found.<name>`."""

        def run(doc: Document) -> None:
            doc.found[name] = find(doc)

        return cls(name, run, requires, (f"found.{name}",))


def _counts(doc: Document) -> None:
    doc.counts = extract_counts(doc)


def _officials(doc: Document) -> None:
    doc.found["officials"], doc.people = extract_officials(doc)


def _ner_finder() -> Stage:
    """The NER finder; imported only when NER is on, so a rules-only pipeline never loads spaCy."""
    from ppo_nlp.extract.ner import extract_ner

    return Stage.finder("ner", extract_ner, ("text", "segments"))


def stage_row(ner: bool = True) -> tuple[Stage, ...]:
    """The stages in the order they run; without `ner` the NER finder is left out."""
    row: list[Optional[Stage]] = [
        Stage.finder("gazetteer", extract_gazetteer, ("text", "lang", "segments")),
        Stage.finder("rules", extract_rules, ("text", "lang", "segments", "found.gazetteer")),
        Stage.finder("places", extract_places, ("text", "lang", "segments", "found.gazetteer", "found.rules")),
        Stage.finder("dates", extract_dates, ("text", "lang", "published")),
        _ner_finder() if ner else None,
        Stage("known", known_stage(("gazetteer", "rules", "places"), ("dates",)),
              ("found.gazetteer", "found.rules", "found.places", "found.dates", "found.ner?"),
              ("found.known", "found.ner_new", "found.ner_judged", "found.model", "entities")),
        Stage("counts", _counts, ("text", "lang", "segments", "entities", "found.dates"), ("counts",)),
        Stage("officials", _officials, ("text", "lang", "segments", "entities", "found.ner_new"),
              ("found.officials", "people")),
        Stage("merge", merge_final, ("found.known", "found.officials", "counts", "found.ner_new", "found.ner?",
                                     "found.ner_judged", "found.model"),
              ("found.fact_mentions", "entities")),
        Stage("facts", aggregate.facts, ("found.fact_mentions",), ("organizations", "projects", "locations")),
        Stage("org_links", link_organizations, ("organizations", "people"), ("organizations", "people")),
        Stage("count_links", link_counts, ("text", "counts", "organizations", "locations", "published"), ("counts",)),
    ]
    stages = [s for s in row if s is not None]
    check_row(stages)
    return tuple(stages)


def check_row(row: list[Stage], inputs: frozenset[str] = INPUTS) -> None:
    """Raise ValueError when a stage reads a field that neither ingest nor an earlier stage writes."""
    written = set(inputs)
    for stage in row:
        missing = [f for f in stage.requires if not f.endswith("?") and f not in written]
        if missing:
            raise ValueError(f"stage {stage.name!r} reads {', '.join(missing)}, which no earlier stage writes")
        written.update(stage.assigns)
