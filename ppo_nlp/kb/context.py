"""One record seen as the knowledge base needs it: sentences, and where each entity is mentioned."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from ppo_nlp.kb import places


def items(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The well-formed entries of a record list (dicts only)."""
    value = record.get(key)
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def spans(entry: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, text) of an entity's mentions with integer offsets."""
    out = []
    for m in items(entry, "mentions"):
        if isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
            out.append((m["start"], m["end"], str(m.get("text") or "")))
    return out


@dataclass
class DocContext:
    doc_id: str
    record: dict[str, Any]
    text: str
    lang: Optional[str]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    place_of_location: dict[str, str] = field(default_factory=dict)  # record location id -> place id
    org_ids: dict[str, str] = field(default_factory=dict)  # record org id -> knowledge-base org id

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence span holding an offset (the whole text when none does)."""
        i = bisect.bisect_right([s for s, _ in self.sentences], offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return (0, len(self.text))

    def located(self, key: str) -> list[tuple[int, str]]:
        """(start, id) of every mention of a record list (`organizations`, `people`, ...)."""
        return sorted((s, str(e.get("id"))) for e in items(self.record, key) for s, _, _ in spans(e))

    def main_place(self, kinds: Optional[frozenset] = None) -> Optional[str]:
        """The KATO place (of `kinds`, when given) the article mentions most (ties: smallest id), or None."""
        tally = Counter()
        for loc in items(self.record, "locations"):
            pid = self.place_of_location.get(str(loc.get("id")))
            if pid and pid.startswith("loc:kato:") and _kind_fits(pid, kinds):
                tally[pid] += len(spans(loc)) or 1
        return min(tally, key=lambda p: (-tally[p], p)) if tally else None

    def nearest_place(self, offset: int, kinds: Optional[frozenset] = None) -> Optional[str]:
        """The KATO place (of `kinds`) its sentence names nearest to an offset, or None."""
        lo, hi = self.sentence(offset)
        found = [(abs(s - offset), self.place_of_location.get(i, "")) for s, i in self.located("locations")
                 if lo <= s < hi]
        found = [(d, p) for d, p in found if p.startswith("loc:kato:") and _kind_fits(p, kinds)]
        return min(found)[1] if found else None

    def nearest(self, key: str, offset: int) -> Optional[str]:
        """Id of the entity of a list mentioned nearest to an offset inside its sentence."""
        lo, hi = self.sentence(offset)
        found = [(abs(s - offset), i) for s, i in self.located(key) if lo <= s < hi]
        return min(found)[1] if found else None


def _kind_fits(place_id: str, kinds: Optional[frozenset]) -> bool:
    from ppo_nlp.normalize.places import place

    found = place(place_id)
    return kinds is None or (found is not None and found.kind in kinds)


def context(record: dict[str, Any]) -> DocContext:
    from ppo_nlp.lang.sentences import sentence_spans

    text = record.get("text") if isinstance(record.get("text"), str) else ""
    lang = record.get("lang") if isinstance(record.get("lang"), str) else None
    ctx = DocContext(str(record["id"]), record, text, lang, sentence_spans(text) if text else [])
    for loc in items(record, "locations"):
        if loc.get("id"):
            ctx.place_of_location[str(loc["id"])] = places.resolve(loc, lang)
    return ctx
