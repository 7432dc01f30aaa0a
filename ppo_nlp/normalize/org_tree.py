"""Where an organization stands: its level in the party, its parent, and the KATO place its id names.

The same rules serve a record (the `org_links` stage gives each organization of one article its `parent`
and `place`) and the knowledge base (`ppo_nlp.kb.orgs`, which also merges them across articles):

* `level`: party, regional_branch, district_branch, primary, party_body, or None (not a party unit).
* `place_named_by_id`: the place an id spells (`org:amanat:branch:almaty_region`, `org:akimat:zhambyl_region`,
  `org:amanat:branch:district:karasay`), through `resources/places/crosswalk.tsv` or the place data; a
  generic id («Маслихат», «Районный филиал партии») names none.
* `derived_parent`: primary -> the article's district branch (the one in the same oblast, else the only
  one), else its regional branch, else the party; district branch -> the regional branch of its oblast,
  else the only one, else the party; regional branch and party bodies -> the party (a body
  `org:amanat:x:y` -> `org:amanat:x` when the article names it).

>>> level("org:ppo:bent", "ppo", None), level("org:amanat", "party", None)
('primary', 'party')
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ppo_nlp.cache import bounded_cache
from ppo_nlp.normalize import places as gaz
from ppo_nlp.resources import load_tsv

PARTY = "org:amanat"
GENERIC = frozenset({"org:maslikhat", "org:akimat", "org:public_council", "org:amanat:branch:district",
                     "org:amanat:branch:city", "org:amanat:branch:region", "org:amanat:ppo"})
_PLACE_PREFIXES = ("org:amanat:branch:", "org:akimat:", "org:maslikhat:")
Local = dict[str, tuple[Optional[str], Optional[str]]]  # org id -> (type, place id) of one article


@lru_cache(maxsize=1)
def _crosswalk() -> dict[str, str]:
    return {row["old_id"]: f"loc:kato:{row['kato']}" for row in load_tsv("places/crosswalk.tsv")}


def kato_id(place_id: str) -> Optional[str]:
    """The KATO id of a place id (a `loc:kato:` id, or an id of the older gazetteer), or None."""
    if gaz.place(place_id):
        return place_id
    return _crosswalk().get(place_id)


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


@bounded_cache(1 << 20)
def _district(name: str) -> Optional[str]:
    """The district a Latin district name («karasay district») names, or None."""
    for candidate in gaz.lookup(f"{name} district", "latin"):
        if not gaz.needs_context(candidate, "ru"):
            return candidate.id if candidate.kind == "district" else None
    return None


def place_named_by_id(org_id: str) -> Optional[str]:
    """The KATO place an org id spells out (`org:akimat:zhambyl_region` -> the oblast), or None."""
    base = org_id.split("@", 1)[0]
    if base in GENERIC:
        return None
    if base.startswith("org:amanat:branch:district:"):  # a district branch: «<name> district» in Latin
        return _district(base.rsplit(":", 1)[1].replace("_", " "))
    for prefix in _PLACE_PREFIXES:
        if base.startswith(prefix):
            return kato_id("loc:" + base[len(prefix):])
    return None


def level(org_id: str, org_type: Optional[str], place_id: Optional[str]) -> Optional[str]:
    """Where an organization stands in the party (see the module doc)."""
    if org_id == PARTY:
        return "party"
    if org_type == "ppo" or org_id.startswith("org:ppo:"):
        return "primary"
    if org_id.startswith("org:amanat:branch:"):
        tail = org_id[len("org:amanat:branch:"):]
        if tail.startswith("district"):
            return "district_branch"
        if tail.startswith("region") or (place_id and oblast_of(place_id) == place_id):
            return "regional_branch"
        return "district_branch"
    if org_id.startswith("org:amanat:") or org_type == "party_body":
        return "party_body"
    return None


def derived_parent(oid: str, otype: Optional[str], place: Optional[str], local: Local) -> Optional[str]:
    """The parent an organization gets from the other organizations of its article (`local`)."""
    own = level(oid, otype, place)
    if own in (None, "party"):
        return None
    levels = {o: (level(o, t, p), p) for o, (t, p) in local.items()}
    if own == "primary":
        return _branch(levels, "district_branch", place) or _branch(levels, "regional_branch", place) or PARTY
    if own == "district_branch":
        return _branch(levels, "regional_branch", place) or PARTY
    if own == "party_body":
        prefix = oid.rsplit(":", 1)[0]
        return prefix if prefix in local and prefix.startswith(PARTY + ":") else PARTY
    return PARTY


def _branch(levels: dict, wanted: str, place: Optional[str]) -> Optional[str]:
    """The branch of a level holding `place` (same oblast), else the only branch of that level."""
    found = sorted(o for o, (lv, _) in levels.items() if lv == wanted)
    if place:
        inside = [o for o in found if levels[o][1] and oblast_of(levels[o][1]) == oblast_of(place)]
        if len(inside) == 1:
            return inside[0]
    return found[0] if len(found) == 1 else None
