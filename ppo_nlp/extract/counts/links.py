"""What each count is about: the organization and the place it belongs to, and the date it holds for.

Read as a reader reads a report: the organization (or place) named in the count's clause (the words
between commas, colons, semicolons or spaced dashes around the figure), the one nearest before the figure,
else nearest after it; else the nearest one named before it in its sentence; else the last one named in
the sentence before; else the article's main organization (the first branch, primary organization or
faction it names, else the party) and a place named inside that organization's name, else the place a
branch's id names. Figures of party units (primary organizations, members, chairs) link only to party
units. `as_of` stays the sentence's own date, else the article's published date.

>>> doc = Document("d", "s", text="В Алматинском филиале партии 44 тысячи женщин.", lang="ru")
>>> doc.counts = [Count(44000.0, "exact", "44 тысячи женщин", 29, 45, subject="женщина")]
>>> doc.organizations = [Organization("org:a", "Алматинский филиал", "party_branch", [Mention("", 2, 28)])]
>>> link_counts(doc); doc.counts[0].organization
'org:a'
"""
from __future__ import annotations

import bisect
import re
from typing import Optional, Sequence, Union

from ppo_nlp.doc import Count, Document, Location, Mention, Organization
from ppo_nlp.extract.counts import context as ctx
from ppo_nlp.resources import lookup

# organization types an article is about, most specific first; the party itself comes after them
MAIN_TYPES = ("ppo", "party_branch", "faction")
# organization types that own the party's figures (primary organizations, members, chairs)
PARTY_TYPES = frozenset({"party", "party_branch", "ppo", "faction"})
PARTY_SUBJECTS = frozenset({"ppo", "party_member", "ppo_chair"})
CLAUSE_END = re.compile(r"[,;:()]|\s[-–—]\s")
DASHES = ("-", "–", "—")
# languages whose owner comes before the figure ("партияның 45 мың мүшесі"): a clause's later mentions are
# other things ("60 делегаттың ... фракциясының жұмысы"), never what the figure is about
OWNER_BEFORE = frozenset({"kk"})
BRANCH_PREFIX = "org:amanat:branch:"
PARTY_ID = "org:amanat"
Fact = Union[Organization, Location]
Spot = tuple[int, int, str]  # (start, end, id) of one mention


def _spots(facts: Sequence[Fact], types: Optional[frozenset[str]] = None) -> list[Spot]:
    """The outermost mentions of `facts` as (start, end, id), in text order (only `types` when given)."""
    spots = sorted(((m.start, m.end, f.id) for f in facts for m in f.mentions
                    if types is None or getattr(f, "type", None) in types), key=lambda s: (s[0], -s[1], s[2]))
    outer, reach = [], -1
    for spot in spots:  # a mention inside another ("партии" inside "филиал партии") gives way to it
        if spot[1] > reach:
            outer.append(spot)
            reach = spot[1]
    return outer


def _clause(text: str, sent: tuple[int, int], c: Count) -> tuple[int, int]:
    """The clause of the figure inside its sentence: up to the punctuation around it."""
    before = [m.end() for m in CLAUSE_END.finditer(text, sent[0], c.start)]
    after = CLAUSE_END.search(text, c.end, sent[1])
    if after and after.group().strip() in DASHES and not text[c.end:after.start()].strip() and _bare(c):
        after = CLAUSE_END.search(text, after.end(), sent[1])  # "32 — членами совета": the dash stands for a verb
    return (before[-1] if before else sent[0], after.start() if after else sent[1])


def _bare(c: Count) -> bool:
    """A figure without words ("32"), whose dash stands for a verb ("32 — членами совета")."""
    return not any(ch.isalpha() for ch in c.text)


def _before(spots: list[Spot], lo: int, c: Count) -> Optional[str]:
    """The id of the mention nearest before the count from `lo` on."""
    inside = [s for s in spots if lo <= s[0] and s[1] <= c.start]
    return inside[-1][2] if inside else None


def _nearest(spots: list[Spot], lo: int, hi: int, c: Count, after: bool = True) -> Optional[str]:
    """The id of the mention in [lo, hi) nearest before the count, else nearest after it: the place and
    the body come first in "В области работают 155 ППО", "облыста 157 бастауыш ұйым"."""
    best: Optional[tuple[int, int, str]] = None
    for start, end, fact_id in spots:
        if lo <= start < hi and not c.start <= start < c.end and (after or start < c.start):
            key = (0, c.start - end, fact_id) if start < c.start else (1, start - c.end, fact_id)
            best = key if best is None or key < best else best
    return best[2] if best else None


def _last_in(spots: list[Spot], lo: int, hi: int) -> Optional[str]:
    inside = [s for s in spots if lo <= s[0] < hi]
    return inside[-1][2] if inside else None


def main_organization(orgs: Sequence[Organization]) -> Optional[Organization]:
    """The organization an article is about: the first specific one it names, else AMANAT, else the first
    party (a headline's «Партия полезных дел» is a phrase about AMANAT, not another party)."""
    def first(o: Organization) -> tuple[bool, int]:
        return o.id != PARTY_ID, min((m.start for m in o.mentions), default=1 << 62)
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


Span = tuple[int, int]
Pools = tuple[tuple[list[Spot], ...], tuple[list[Spot], ...]]  # (in the sentence, in the paragraph before)


def _pools(facts: Sequence[Fact], types: Optional[frozenset[str]]) -> Pools:
    """Mentions to search, most specific first: in its sentence a count takes the party itself only when no
    other organization is named; from the paragraph before, no generic government body (a list of guests)."""
    if types is None:
        return (_spots(facts),), (_spots(facts),)
    near = types - {"party"}
    return (_spots(facts, near), _spots(facts, types)), (_spots(facts, near - {"government"}),
                                                         _spots(facts, types - {"government"}))


def _pick(pools: Pools, where: tuple[Span, Span, Span], c: Count, after: bool) -> Optional[str]:
    """Clause, then the sentence before the figure, then its paragraph before the sentence."""
    clause, sent, para = where
    for spots in pools[0]:
        found = _nearest(spots, *clause, c, after) or _before(spots, sent[0], c)
        if found:
            return found
    return next((found for spots in pools[1] if (found := _last_in(spots, *para))), None)


def _org_place(org_id: Optional[str], doc: Document, places: list[Spot]) -> Optional[str]:
    return _place_inside(org_id, doc, places) or branch_place(org_id)


def _link(c: Count, where: tuple[Span, Span, Span], pools: dict[str, Pools], main: Optional[str],
          doc: Document) -> None:
    after = doc.lang not in OWNER_BEFORE
    c.organization = _pick(pools["party" if c.subject_id in PARTY_SUBJECTS else "orgs"], where, c, after) or main
    places = pools["places"][0][0]
    own_unit = c.organization != main and any(s[2] == c.organization for s in pools["party"][0][-1])
    c.place = (_pick(pools["places"], where, c, after) or _org_place(c.organization, doc, places)
               or (None if own_unit else _org_place(main, doc, places)))


def _sentence_starts(text: str) -> list[int]:
    """Sentence starts, without the empty sentences between a full stop and a line break."""
    starts = ctx.sentence_starts(text)
    ends = starts[1:] + [len(text)]
    return [s for s, e in zip(starts, ends) if text[s:e].strip()] or [0]


def _where(text: str, starts: list[int], c: Count) -> tuple[Span, Span, Span]:
    """The clause, the sentence and the paragraph before that sentence of a count."""
    i = max(bisect.bisect_right(starts, c.start) - 1, 0)
    sent = (starts[i], starts[i + 1] if i + 1 < len(starts) else len(text))
    return _clause(text, sent, c), sent, (text.rfind("\n", 0, sent[0]) + 1, sent[0])


def link_counts(doc: Document) -> None:
    """Set `organization`, `place` and a missing `as_of` on every count of `doc`."""
    if not doc.counts:
        return
    starts = _sentence_starts(doc.text)
    typed = frozenset(o.type for o in doc.organizations if o.type)
    pools = {"orgs": _pools(doc.organizations, typed), "party": _pools(doc.organizations, PARTY_TYPES),
             "places": _pools(doc.locations, None)}
    main_org = main_organization(doc.organizations)
    main = main_org.id if main_org else None
    published = doc.published[:10] if doc.published else None
    for c in doc.counts:
        _link(c, _where(doc.text, starts, c), pools, main, doc)
        c.as_of = c.as_of or published
