"""Record locations and organization names to KATO places (`ppo_nlp.normalize.places`).

A record location id already of the form `loc:kato:<code>` is kept; an id of the older gazetteer
(`loc:almaty_region`) goes through `resources/places/crosswalk.tsv`; otherwise the location's name is
looked up and the first (best kind) candidate taken. A location that matches nothing keeps its record id,
with no KATO code. Every KATO place kept brings its ancestors, so `parent_id` always points inside the table.
"""
from __future__ import annotations

from typing import Any, Optional

from ppo_nlp.cache import bounded_cache
from ppo_nlp.normalize import places as gaz
from ppo_nlp.normalize.org_tree import kato_id as by_id, kind_of, oblast_of

__all__ = ["PlaceTable", "by_id", "by_name", "kind_of", "oblast_of", "resolve"]


@bounded_cache(2 << 20)
def by_name(name: str, lang: Optional[str]) -> Optional[str]:
    """The KATO id of a place name, or None (names needing a trigger word are refused)."""
    if not name:
        return None
    for candidate in gaz.lookup(name, lang):
        if not gaz.needs_context(candidate, lang or "ru"):
            return candidate.id
    return None


def resolve(location: dict[str, Any], lang: Optional[str]) -> str:
    """The place id a record location stands for (KATO when one fits, else its record id)."""
    rid = str(location.get("id") or "")
    return by_id(rid) or by_name(str(location.get("name") or ""), lang) or rid


class PlaceTable:
    """The places rows: every place used, with its KATO ancestors."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple] = {}

    def add(self, place_id: str, name: str = "") -> str:
        p = gaz.place(place_id)
        if p is None:
            self.rows.setdefault(place_id, (place_id, None, None, name or place_id, None, None))
            return place_id
        while p is not None and p.id not in self.rows:
            self.rows[p.id] = (p.id, p.kato if p.kato.isdigit() else None, p.kind, gaz.nominative(p, "ru"),
                               gaz.nominative(p, "kk"), p.parent)
            p = gaz.place(p.parent) if p.parent else None
        return place_id
