"""Record locations and organization names to KATO places (`ppo_nlp.normalize.places`).

A record location id already of the form `loc:kato:<code>` is kept; an id of the older gazetteer
(`loc:almaty_region`) goes through `resources/places/crosswalk.tsv`; otherwise the location's name is
looked up and the first (best kind) candidate taken. A location that matches nothing keeps its record id,
with no KATO code. Every KATO place kept brings its ancestors, so `parent_id` always points inside the table.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from ppo_nlp.cache import bounded_cache
from ppo_nlp.normalize import places as gaz
from ppo_nlp.resources import load_tsv


@lru_cache(maxsize=1)
def _crosswalk() -> dict[str, str]:
    return {row["old_id"]: f"loc:kato:{row['kato']}" for row in load_tsv("places/crosswalk.tsv")}


def by_id(place_id: str) -> Optional[str]:
    """The KATO id of a record place id, or None."""
    if gaz.place(place_id):
        return place_id
    return _crosswalk().get(place_id)


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


def kind_of(place_id: Optional[str]) -> Optional[str]:
    """The KATO kind of a place id, or None."""
    p = gaz.place(place_id) if place_id else None
    return p.kind if p else None


def oblast_of(place_id: Optional[str]) -> Optional[str]:
    """The oblast (or republican city) a KATO place lies in, itself when it is one."""
    p = gaz.place(place_id) if place_id else None
    if p is None:
        return None
    if p.kind in ("oblast", "city_republican"):
        return p.id
    return p.oblast


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
