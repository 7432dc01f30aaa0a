"""Organizations across documents: one id per body, the party hierarchy, and a KATO place.

* A record org id names one body in every document, except the generic ids below («Маслихат», «Районный
  филиал партии»): those are qualified by the KATO place of the sentence that first names them, else
  the article's most mentioned place (of the kind the id asks for: a district branch takes a district, a
  city branch a town), else the document (`org:maslikhat@loc:kato:351010000`), so the maslikhat of Almaty
  is never the maslikhat of Karaganda. Each qualification is a row of `merges` (rule `generic_by_place`).
  A qualified party unit whose place is the place of exactly one named body of the same level
  (`org:amanat:branch:district:karasay`) becomes that body (rule `generic_is_named_body`).
* `level`, `parent` and `place` follow `ppo_nlp.normalize.org_tree` (the rules the record's `org_links` stage
  applies): a record's own `parent` and `place` fields when present (schema 1.3), else derived from the
  other organizations of its article and from the id. Across documents the parent given most often wins
  (ties: the smallest id); the qualifying place of a generic id stands in for the place its id lacks.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Any, Optional

from ppo_nlp.kb import places
from ppo_nlp.kb.context import DocContext, items, spans
from ppo_nlp.normalize.org_tree import GENERIC, PARTY, derived_parent, level, place_named_by_id

__all__ = ["GENERIC", "PARTY", "OrgTable", "kb_id", "level", "place_named_by_id"]

_TOWN = frozenset({"city", "town", "city_administration", "town_administration"})
_WANTED = {"org:amanat:branch:district": frozenset({"district"}), "org:amanat:branch:city": _TOWN,
           "org:amanat:branch:region": frozenset({"oblast", "city_republican"})}  # places a generic id may take


def kb_id(ctx: DocContext, org: dict[str, Any]) -> tuple[str, Optional[str], Optional[tuple]]:
    """The knowledge-base id of a record org, its qualifying place, and a merges row when qualified."""
    rid = str(org.get("id"))
    if rid not in GENERIC:
        return rid, None, None
    first = min((s for s, _, _ in spans(org)), default=0)
    kinds = _WANTED.get(rid)
    place = ctx.nearest_place(first, kinds) or ctx.main_place(kinds)
    if place:
        new, why = f"{rid}@{place}", "the place named in its sentence or the article's main place"
    else:
        new, why = f"{rid}@doc:{hashlib.sha1(ctx.doc_id.encode()).hexdigest()[:10]}", "no place: one per document"
    return new, place, ("organization", ctx.doc_id, rid, new, "generic_by_place", why)


class OrgTable:
    """Organizations gathered over documents, then resolved to rows."""

    def __init__(self) -> None:
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.types: dict[str, Counter] = defaultdict(Counter)
        self.parents: dict[str, Counter] = defaultdict(Counter)
        self.place: dict[str, Counter] = defaultdict(Counter)
        self.docs: dict[str, set] = defaultdict(set)

    def add_document(self, ctx: DocContext) -> tuple[dict[str, str], list[tuple]]:
        """Record the orgs of one document; answer record id -> kb id and the merges rows."""
        ids, rows, local = {}, [], {}
        for org in items(ctx.record, "organizations"):
            if not org.get("id"):
                continue
            new, qualifier, row = kb_id(ctx, org)
            ids[str(org["id"])] = new
            rows += [row] if row else []
            self.names[new][str(org.get("name") or new)] += 1
            self.types[new][org.get("type") or ""] += 1
            self.docs[new].add(ctx.doc_id)
            own = places.by_id(str(org["place"])) if isinstance(org.get("place"), str) else None
            place = own or place_named_by_id(new) or qualifier
            if place:
                self.place[new][place] += 1
            local[new] = (org, place)
        for new, (org, place) in local.items():
            parent = ids.get(str(org.get("parent"))) if org.get("parent") else None
            types = {o: (other.get("type"), where) for o, (other, where) in local.items()}
            parent = parent or derived_parent(new, org.get("type"), place, types)
            if parent and parent != new:
                self.parents[new][parent] += 1
        return ids, rows

    def aliases(self) -> dict[str, str]:
        """Qualified generic ids -> the one named body of the same level and place (`org:amanat:branch:
        district@loc:kato:195200000` -> `org:amanat:branch:district:karasay`), when exactly one exists."""
        named: dict[tuple, list[str]] = defaultdict(list)
        for oid in sorted(self.names):
            place = place_named_by_id(oid)
            if place and "@" not in oid:
                named[(level(oid, _top(self.types[oid]), place), place)].append(oid)
        out = {}
        for oid in sorted(o for o in self.names if "@loc:" in o):
            place = oid.split("@", 1)[1]
            found = named.get((level(oid, _top(self.types[oid]), place), place), [])
            if len(found) == 1 and level(oid, None, place) is not None:
                out[oid] = found[0]
        return out

    def fold(self, aliases: dict[str, str]) -> None:
        """Count every alias under the id it stands for."""
        for old, new in aliases.items():
            for table in (self.names, self.types, self.parents, self.place):
                table[new].update(table.pop(old, Counter()))
            self.docs[new] |= self.docs.pop(old, set())
        for counter in self.parents.values():
            for old in [p for p in counter if p in aliases]:
                counter[aliases[old]] += counter.pop(old)

    def ensure(self, org_id: str) -> None:
        """Make sure an id (a position's organization that the record does not list) gets a row."""
        self.names[org_id]  # noqa: B018 (touching the defaultdict creates the entry)

    def rows(self, place_table: places.PlaceTable) -> list[tuple]:
        """(org_id, name, type, level, parent_id, place_id, documents) for every organization."""
        ids = set(self.names) | {p for c in self.parents.values() for p in c}
        out = []
        for oid in sorted(ids):
            place = _top(self.place[oid])
            if place:
                place_table.add(place)
            otype = _top(self.types[oid]) or None
            name = _top(self.names[oid]) or ("AMANAT" if oid == PARTY else oid)
            out.append((oid, name, otype, level(oid, otype, place), _top(self.parents[oid]), place,
                        len(self.docs[oid])))
        return out


def _top(counter: Counter) -> Optional[str]:
    return min(counter, key=lambda k: (-counter[k], k)) if counter else None
