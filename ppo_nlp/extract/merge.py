"""One place where mentions from gazetteers, rules and NER meet.

Precedence (documented in README): a gazetteer mention beats a rule mention, which beats an NER mention.
- The same span and label found twice is kept once, from the source of highest precedence; an NER
  label on a span a gazetteer or rule also labels is dropped.
- Nested spans are kept (a branch phrase holds the party's name: both are facts).
- Crossing spans (overlapping, neither inside the other) keep the one of higher precedence, then the
  longer, then the earlier.
The result is sorted by (start, -end, label, source) so records are deterministic.
"""
from __future__ import annotations

from ppo_nlp.doc import Entity

_RANK = {"gazetteer": 0, "rule": 1, "ner": 2}


def precedence(entity: Entity) -> int:
    """Lower is stronger: gazetteer 0, rule 1, ner 2, anything else 3."""
    return _RANK.get(entity.source.split(":", 1)[0], 3)


def _strength(entity: Entity) -> tuple[int, int, int]:
    return (precedence(entity), -(entity.end - entity.start), entity.start)


def _crosses(a: Entity, b: Entity) -> bool:
    overlap = a.start < b.end and b.start < a.end
    nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return overlap and not nested


def _same_span(a: Entity, b: Entity) -> bool:
    return a.start == b.start and a.end == b.end


def _conflicts(candidate: Entity, kept: Entity) -> bool:
    if _crosses(candidate, kept):
        return True
    if not _same_span(candidate, kept):
        return False
    return candidate.label == kept.label or precedence(candidate) > precedence(kept)


def merge_entities(entities: list[Entity]) -> list[Entity]:
    """Resolve duplicates and crossing spans by precedence; keep nesting."""
    kept: list[Entity] = []
    for candidate in sorted(entities, key=_strength):
        if not any(_conflicts(candidate, other) for other in kept):
            kept.append(candidate)
    return sorted(kept, key=sort_key)


def sort_key(entity: Entity) -> tuple[int, int, str, str]:
    return (entity.start, -entity.end, entity.label, entity.source)
