"""What each count is about: the organization and the place it belongs to, and the date it holds for.

Read as a reader reads a report: the organization (or place) named in the count's sentence, the one
nearest the figure; else the last one named in the sentence before; else the article's main organization
(the first branch, primary organization or party body it names, else the party) and a place named inside
that organization's name, else the place a branch's id names. `as_of` stays the sentence's own date, else the article's published date.

>>> doc = Document("d", "s", text="В Алматинском филиале партии 44 тысячи женщин.", lang="ru")
>>> doc.counts = [Count(44000.0, "exact", "44 тысячи женщин", 29, 45, subject="женщина")]
>>> doc.organizations = [Organization("org:a", "Алматинский филиал", "party_branch", [Mention("", 2, 28)])]
>>> link_counts(doc); doc.counts[0].organization
'org:a'
"""
from __future__ import annotations

import bisect
from typing import Optional, Sequence, Union

from ppo_nlp.doc import Count, Document, Location, Mention, Organization
from ppo_nlp.extract.counts import context as ctx
from ppo_nlp.resources import lookup

# organization types an article is about, most specific first; the party itself comes after them
MAIN_TYPES = ("ppo", "party_branch", "faction", "party_body")
BRANCH_PREFIX = "org:amanat:branch:"
Fact = Union[Organization, Location]
Spot = tuple[int, int, str]  # (start, end, id) of one mention


def _spots(facts: Sequence[Fact], typed: bool = False) -> list[Spot]:
    """Every mention of `facts` as (start, end, id), in text order (untyped organizations left out)."""
    return sorted((m.start, m.end, f.id) for f in facts for m in f.mentions
                  if not (typed and getattr(f, "type", None) is None))


def _nearest(spots: list[Spot], lo: int, hi: int, c: Count) -> Optional[str]:
    """The id of the mention in [lo, hi) nearest before the count, else nearest after it: the place and
    the body come first in "В области работают 155 ППО", "облыста 157 бастауыш ұйым"."""
    best: Optional[tuple[int, int, str]] = None
    for start, end, fact_id in spots:
        if lo <= start < hi and not c.start <= start < c.end:
            key = (0, c.start - end, fact_id) if start < c.start else (1, start - c.end, fact_id)
            best = key if best is None or key < best else best
    return best[2] if best else None


def _last_in(spots: list[Spot], lo: int, hi: int) -> Optional[str]:
    inside = [s for s in spots if lo <= s[0] < hi]
    return inside[-1][2] if inside else None


def main_organization(orgs: Sequence[Organization]) -> Optional[Organization]:
    """The organization an article is about: the first specific one it names, else the first party."""
    def first(o: Organization) -> int:
        return min((m.start for m in o.mentions), default=1 << 62)
    for types in (MAIN_TYPES, ("party",)):
        found = sorted((o for o in orgs if o.type in types), key=first)
        if found:
            return found[0]
    return None


def _place_inside(org_id: Optional[str], doc: Document, places: list[Spot]) -> Optional[str]:
    """A place named inside one of the organization's mentions ("Алматинский областной филиал")."""
    spans = [(m.start, m.end) for o in doc.organizations if o.id == org_id for m in o.mentions]
    for start, end, place_id in places:
        if any(s <= start and end <= e for s, e in spans):
            return place_id
    return None


def branch_place(org_id: Optional[str]) -> Optional[str]:
    """The place a party branch's id names (`org:amanat:branch:<place>` for the location `loc:<place>`).

    >>> branch_place("org:amanat:branch:almaty_region"), branch_place("org:amanat:branch:district")
    ('loc:almaty_region', None)
    """
    if not org_id or not org_id.startswith(BRANCH_PREFIX):
        return None
    place = f"loc:{org_id[len(BRANCH_PREFIX):]}"
    return place if lookup(place) else None


def _link(c: Count, sent: tuple[int, int], prev: tuple[int, int], orgs: list[Spot], places: list[Spot],
          main: Optional[str], doc: Document) -> None:
    c.organization = _nearest(orgs, *sent, c) or _last_in(orgs, *prev) or main
    c.place = (_nearest(places, *sent, c) or _last_in(places, *prev) or _place_inside(c.organization, doc, places)
               or branch_place(c.organization))


def link_counts(doc: Document) -> None:
    """Set `organization`, `place` and a missing `as_of` on every count of `doc`."""
    if not doc.counts:
        return
    starts = ctx.sentence_starts(doc.text)
    orgs, places = _spots(doc.organizations, typed=True), _spots(doc.locations)
    main_org = main_organization(doc.organizations)
    main = main_org.id if main_org else None
    published = doc.published[:10] if doc.published else None
    for c in doc.counts:
        i = bisect.bisect_right(starts, c.start) - 1
        sent = (starts[i], starts[i + 1] if i + 1 < len(starts) else len(doc.text))
        prev = (starts[i - 1], starts[i]) if i > 0 else (0, 0)
        _link(c, sent, prev, orgs, places, main, doc)
        c.as_of = c.as_of or published
