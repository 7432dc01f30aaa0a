"""The table of places: every KATO object of `resources/places/places.tsv` and every foreign country of
`countries.tsv` as a `Place`, with its parent, oblast and district derived from the KATO code.

Built once per process (or read ready-made from `resources/built/places`, `scripts/build_lookups.py`);
`ppo_nlp.normalize.places` looks places up by name.

>>> place("loc:kato:153200000").name_ru
'Алгинский район'
"""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Container, Optional

from ppo_nlp.resources import built, load_tsv


@dataclass(frozen=True)
class Place:
    """One KATO object (or the country). Ids are `loc:kato:<9 digits>`, stable while KATO keeps the code."""
    id: str
    kato: str
    kind: str
    name_ru: str
    name_kk: str
    bare_ru: str
    bare_kk: str
    parent: Optional[str]
    oblast: Optional[str]
    district: Optional[str]
    common: tuple[str, ...] = ()
    former: tuple[str, ...] = ()


def kato_id(code: str) -> str:
    """The id of a KATO code (`loc:kato:153200000`) or an ISO country code (`loc:tr`)."""
    return f"loc:kato:{code}" if code.isdigit() else f"loc:{code.lower()}"


def _ancestors(code: str, codes: Container[str]) -> list[str]:
    """Existing KATO ancestors of a code, nearest first (the classifier's own derivation)."""
    if not code.isdigit():
        return []
    cuts = (code[:7] + "00", code[:6] + "000", code[:4] + "00000", code[:2] + "0000000")
    return [c for c in dict.fromkeys(cuts) if c != code and c in codes]


def _make_place(row: dict[str, str], ids: dict[str, str], kinds: dict[str, str],
                former: dict[str, list[str]]) -> Place:
    """One place; its id, parent, oblast and district are the strings of `ids` (shared, not copies)."""
    code, up = row["kato"], _ancestors(row["kato"], ids)
    oblast = code[:2] + "0000000"
    district = next((c for c in up if kinds[c] in ("district", "city_administration")), None)
    top = "KZ" if "KZ" in ids and code.isdigit() else None
    return Place(
        id=ids[code], kato=code, kind=kinds[code], name_ru=row["name_ru"] or row["bare_ru"],
        name_kk=row["name_kk"] or row["bare_kk"], bare_ru=row["bare_ru"], bare_kk=row["bare_kk"],
        parent=ids[up[0]] if up else (ids[top] if top else None),
        oblast=ids[oblast] if oblast in ids and oblast != code else None,
        district=ids[district] if district else None,
        common=tuple(filter(None, row["common"].split(","))), former=tuple(former.get(code, ())))


def _country_rows() -> list[dict[str, str]]:
    """Foreign countries (`countries.tsv`, from CLDR) as rows of kind `country`, ids `loc:<iso>` (loc:tr)."""
    return [{"kato": r["iso"], "kind": "country", "name_ru": r["name_ru"], "name_kk": r["name_kk"],
             "bare_ru": r["name_ru"], "bare_kk": r["name_kk"], "common": r["common"]}
            for r in load_tsv("places/countries.tsv")]


def country_aliases() -> list[dict[str, str]]:
    """The hand-added short names of countries (США, Кыргызстан) as alias rows."""
    return [{"kato": r["iso"], "lang": lang, "alias": alias, "source": "country"}
            for r in load_tsv("places/countries.tsv") for lang in ("ru", "kk")
            for alias in filter(None, r[f"aliases_{lang}"].split("|"))]


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every place by id, loaded once (`resources/built/places`, else computed from `resources/places/`)."""
    return built("places", "places", read_places)


def read_places() -> dict[str, Place]:
    """Every place by id, computed from `resources/places/`."""
    rows = list(load_tsv("places/places.tsv")) + _country_rows()
    ids = {r["kato"]: kato_id(r["kato"]) for r in rows}
    kinds = {r["kato"]: sys.intern(r["kind"]) for r in rows}
    former: dict[str, list[str]] = defaultdict(list)
    for alias in load_tsv("places/aliases.tsv"):
        if alias["source"] == "former":
            former[alias["kato"]].append(alias["alias"])
    made = (_make_place(r, ids, kinds, former) for r in rows)
    return {p.id: p for p in made}


def place(place_id: str) -> Optional[Place]:
    """The place of an id (`loc:kato:153200000`, `loc:kz`), or None."""
    return places().get(place_id)
