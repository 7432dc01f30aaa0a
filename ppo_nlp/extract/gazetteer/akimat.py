"""A generic akimat mention made specific: «акимат Жамбылской области», «облыс әкімдігі» -> org:akimat:<place>.

The place is the region or city named right beside the word, or, for «акимат области» / «облыс әкімдігі»,
the region the document is about (the one it names most often).
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer.context import context_lexicons
from ppo_nlp.resources import lookup
from ppo_nlp.text import Words

GENERIC_ID = "org:akimat"


def dominant_place(entities: list[Entity], place_type: str) -> Optional[str]:
    """The id of the region (or city) named most often, earliest first on ties."""
    ids = [e.id for e in entities if e.label == "LOC" and e.attrs.get("type") == place_type and e.id]
    if not ids:
        return None
    counts = Counter(ids)
    first = {i: n for n, i in reversed(list(enumerate(ids)))}
    return max(counts, key=lambda i: (counts[i], -first[i]))


def akimat_name(place_id: str, lang: str) -> str:
    """«Акимат Жамбылской области» / «Жамбыл облысының әкімдігі» / «Akimat of Jambyl Region»."""
    entry = lookup(place_id) or {}
    names = entry.get("names", {})
    if lang == "kk":
        kk = names.get("kk") or entry.get("name", "")
        return f"{kk}ның әкімдігі" if entry.get("type") == "region" else f"{kk} қаласының әкімдігі"
    if lang == "en":
        return f"Akimat of {names.get('en') or entry.get('name')}"
    return f"Акимат {entry.get('ru_gen') or entry.get('name')}"


def _place_words(words: Words, index: int) -> Optional[str]:
    """`region` or `city` when the word at `index` is a place noun (области, облыс, города, қала)."""
    if not 0 <= index < len(words):
        return None
    lex = context_lexicons()
    if lex["region_noun"].match(words.folded[index]):
        return "region"
    if lex["city_noun"].match(words.folded[index]):
        return "city"
    return None


def _adjacent_place(ent: Entity, by_start: dict[int, Entity], by_end: dict[int, Entity], gap_after: int,
                    gap_before: int) -> Optional[Entity]:
    """A region or city entity that starts right after or ends right before the akimat word."""
    for cand in (by_start.get(gap_after), by_end.get(gap_before)):
        if cand is not None and cand.attrs.get("type") in ("region", "city"):
            return cand
    return None


def resolve_akimats(doc: Document, words: Any, entities: list[Entity]) -> list[Entity]:
    """Give every generic akimat entity a specific place when the text names or implies one."""
    if not any(e.id == GENERIC_ID for e in entities):
        return entities
    starts, ends = words.start_index, words.end_index
    locs = [e for e in entities if e.label == "LOC"]
    by_start = {e.start: e for e in locs}
    by_end = {e.end: e for e in locs}
    dominant = {kind: dominant_place(locs, kind) for kind in ("region", "city")}
    for ent in entities:
        if ent.id == GENERIC_ID and ent.start in starts and ent.end in ends:
            _resolve_one(doc, words, ent, (starts[ent.start], ends[ent.end]), by_start, by_end, dominant)
    return entities


def _resolve_one(doc: Document, words: Any, ent: Entity, span: tuple[int, int], by_start: dict[int, Entity],
                 by_end: dict[int, Entity], dominant: dict[str, Optional[str]]) -> None:
    first, last = span
    after = words.tokens[last + 1].start if last + 1 < len(words) else -1
    before = words.tokens[first - 1].end if first > 0 else -1
    place = _adjacent_place(ent, by_start, by_end, after, before)
    lo, hi, place_id = ent.start, ent.end, None
    if place is not None:
        place_id, lo, hi = place.id, min(lo, place.start), max(hi, place.end)
    else:
        kind_after, kind_before = _place_words(words, last + 1), _place_words(words, first - 1)
        kind = kind_after or kind_before
        if kind:
            place_id = dominant[kind]
            if kind_after:
                hi = words.tokens[last + 1].end
            else:
                lo = words.tokens[first - 1].start
    if place_id:
        _specialize(doc, ent, place_id, lo, hi)


def _specialize(doc: Document, ent: Entity, place_id: str, lo: int, hi: int) -> None:
    ent.id = f"{GENERIC_ID}:{place_id.split(':', 1)[1]}"
    ent.start, ent.end, ent.text = lo, hi, doc.text[lo:hi]
    ent.attrs = {**ent.attrs, "name": akimat_name(place_id, doc.lang_at(lo)), "place": place_id}
