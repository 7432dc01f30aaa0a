"""What each count is about: the organization and the place it belongs to, and the date it holds for.

Read as a reader reads a report: the organization (or place) named in the count's clause (the words
between commas, colons, semicolons or spaced dashes around the figure), the one nearest before the figure,
else nearest after it; else the nearest one named before it in its sentence; else the last one named in
the sentence before; else the article's main organization (the first branch, primary organization or
faction it names, else the party) and a place named inside that organization's name, else the place a
branch's id names. Figures of party units (primary organizations, members, chairs) link only to party
units; delegates to the party unit of their clause, else the main one (their meeting's host). A figure no
organization has (money, a population, the parties of a country) links to none, and an organization named
as the source of figures ("по данным акимата") is passed over (`owners`). `as_of` stays the sentence's own
date, else the article's published date.

>>> doc = Document("d", "s", text="В Алматинском филиале партии 44 тысячи женщин.", lang="ru")
>>> doc.counts = [Count(44000.0, "exact", "44 тысячи женщин", 29, 45, subject="женщина")]
>>> doc.organizations = [Organization("org:a", "Алматинский филиал", "party_branch", [Mention("", 2, 28)])]
>>> link_counts(doc); doc.counts[0].organization
'org:a'
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Optional, Sequence, Union

from ppo_nlp.doc import Count, Document, Location, Mention, Organization
from ppo_nlp.extract.counts import context as ctx
from ppo_nlp.extract.counts.owners import source_mentions, unowned
from ppo_nlp.resources import load_tsv, lookup

# organization types an article is about, most specific first; the party itself comes after them
MAIN_TYPES = ("ppo", "party_branch", "faction")
# organization types that own the party's figures (primary organizations, members, chairs)
PARTY_TYPES = frozenset({"party", "party_branch", "ppo", "faction"})
PARTY_SUBJECTS = frozenset({"ppo", "party_member", "ppo_chair"})
# figures of people at a meeting (delegates): the party unit in their clause, else the meeting's host
MEETING_SUBJECTS = frozenset({"delegate"})
CLAUSE_END = re.compile(r"[,;:()]|\s[-–—]\s")
DASHES = ("-", "–", "—")
# languages whose owner comes before the figure ("партияның 45 мың мүшесі"): a clause's later mentions are
# other things ("60 делегаттың ... фракциясының жұмысы"), never what the figure is about
OWNER_BEFORE = frozenset({"kk"})
BRANCH_PREFIX = "org:amanat:branch:"
SPEAKER_LINES = 2  # paragraphs before a quotation where its speaker may be named
QUOTE_OPENERS = frozenset("\"«“„")  # a paragraph opening with one of these (or a dash) may be a quotation
QUOTE_CLOSERS = frozenset("\"»”“")
QUOTED_NAME_CHARS = 40  # a quote mark closed this soon held a name («AMANAT» партиясы), not a quotation
_WORDS = re.compile(r"\w+")
ATTRIBUTION = re.compile(r"[,.!?]?[»\"”](?=[\s,.–—-])|[,.]\s*[–—-]\s")  # where a quotation closes: «…», – деді …
ATTRIBUTION_WORDS = 4  # the word of speech comes among the first words of an attribution
PARTY_ID = "org:amanat"
Fact = Union[Organization, Location]
Spot = tuple[int, int, str]  # (start, end, id) of one mention


def _spots(facts: Sequence[Fact], types: Optional[frozenset[str]] = None, skip: frozenset[int] = frozenset()
           ) -> list[Spot]:
    """The outermost mentions of `facts` as (start, end, id), in text order (only `types` when given; none
    that starts at a position in `skip`, nor one inside it)."""
    spots = sorted(((m.start, m.end, f.id) for f in facts for m in f.mentions
                    if types is None or getattr(f, "type", None) in types), key=lambda s: (s[0], -s[1], s[2]))
    outer, reach = [], -1
    for spot in spots:  # a mention inside another ("партии" inside "филиал партии") gives way to it
        if spot[1] > reach:
            outer.append(spot)
            reach = spot[1]
    return [spot for spot in outer if spot[0] not in skip] if skip else outer


Marks = list[tuple[int, int]]  # (start, end) of every clause boundary of a text, in order


def clause_marks(text: str) -> Marks:
    """Every clause boundary of a text (punctuation, a dash between spaces), found once per document."""
    return [m.span() for m in CLAUSE_END.finditer(text)]


def _clause(text: str, sent: tuple[int, int], c: Count, marks: Marks) -> tuple[int, int]:
    """The clause of the figure inside its sentence: up to the punctuation around it."""
    i = bisect.bisect_right(marks, (c.start, c.start)) - 1
    while i >= 0 and marks[i][1] > c.start:
        i -= 1
    lo = marks[i][1] if i >= 0 and marks[i][0] >= sent[0] else sent[0]
    j = bisect.bisect_left(marks, (c.end, c.end))
    after = marks[j] if j < len(marks) and marks[j][1] <= sent[1] else None
    if after and text[after[0]:after[1]].strip() in DASHES and not text[c.end:after[0]].strip() and _bare(c):
        j += 1  # "32 — членами совета": the dash stands for a verb
        after = marks[j] if j < len(marks) and marks[j][1] <= sent[1] else None
    return lo, after[0] if after else sent[1]


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


def _pools(facts: Sequence[Fact], types: Optional[frozenset[str]], skip: frozenset[int] = frozenset()) -> Pools:
    """Mentions to search, most specific first: in its sentence a count takes the party itself only when no
    other organization is named; from the paragraph before, no generic government body (a list of guests).
    Mentions that start in `skip` (sources of figures) are left out."""
    if types is None:
        return (_spots(facts),), (_spots(facts),)
    near = types - {"party"}
    return ((_spots(facts, near, skip), _spots(facts, types, skip)),
            (_spots(facts, near - {"government"}, skip), _spots(facts, types - {"government"}, skip)))


def _pick(pools: Pools, where: tuple[Span, Span, Span], c: Count, after: bool, wide: bool = True
          ) -> Optional[str]:
    """Clause, then (when `wide`) the sentence before the figure, then its paragraph before the sentence."""
    clause, sent, para = where
    for spots in pools[0]:
        found = _nearest(spots, *clause, c, after) or (_before(spots, sent[0], c) if wide else None)
        if found:
            return found
    return next((found for spots in pools[1] if (found := _last_in(spots, *para))), None) if wide else None


def _org_place(org_id: Optional[str], doc: Document, places: list[Spot]) -> Optional[str]:
    return _place_inside(org_id, doc, places) or branch_place(org_id)


def _organization(c: Count, where: tuple[Span, Span, Span], pools: dict[str, Pools], main: Optional[str],
                  doc: Document) -> Optional[str]:
    """The organization of a figure: none for a figure no organization has; the party unit in the clause
    of delegates, else the article's main one (their meeting's host, not a guest's branch named beside)."""
    party = c.subject_id in PARTY_SUBJECTS
    if not party and unowned(c, doc.text, doc.lang, where[0]):
        return None
    meeting = c.subject_id in MEETING_SUBJECTS
    found = _pick(pools["party" if party or meeting else "orgs"], where, c, doc.lang not in OWNER_BEFORE,
                  wide=not meeting)
    return found or main


def _link(c: Count, where: tuple[Span, Span, Span], pools: dict[str, Pools], main: Optional[str],
          doc: Document) -> None:
    after = doc.lang not in OWNER_BEFORE
    c.organization = _organization(c, where, pools, main, doc)
    places = pools["places"][0][0]
    own_unit = c.organization != main and any(s[2] == c.organization for s in pools["party"][0][-1])
    c.place = (_pick(pools["places"], where, c, after) or _org_place(c.organization, doc, places)
               or (None if own_unit else _org_place(main, doc, places)))


def _sentence_starts(text: str) -> list[int]:
    """Sentence starts, without the empty sentences between a full stop and a line break."""
    starts = ctx.sentence_starts(text)
    ends = starts[1:] + (len(text),)
    return [s for s, e in zip(starts, ends) if text[s:e].strip()] or [0]


def _where(text: str, starts: list[int], c: Count, marks: Marks) -> tuple[Span, Span, Span]:
    """The clause, the sentence and the paragraph before that sentence of a count."""
    i = max(bisect.bisect_right(starts, c.start) - 1, 0)
    sent = (starts[i], starts[i + 1] if i + 1 < len(starts) else len(text))
    return _clause(text, sent, c, marks), sent, (text.rfind("\n", 0, sent[0]) + 1, sent[0])


def _nearest_in(spots: list[Spot], sentence: Span, c: Count) -> Optional[str]:
    """The id of the mention of its sentence nearest to the figure (outside the figure's own words)."""
    lo, hi = sentence
    found = [(min(abs(s - c.start), abs(c.end - e)), i) for s, e, i in spots
             if lo <= s < hi and (e <= c.start or s >= c.end)]
    return min(found)[1] if found else None


@lru_cache(maxsize=1)
def _speech_table() -> dict[str, tuple[str, ...]]:
    rows = load_tsv("counts/speech_words.tsv")
    return {kind: tuple(sorted({r["stem"] for r in rows if r["kind"] == kind})) for kind in ("speech", "pronoun")}


def _speech_words(kind: str) -> tuple[str, ...]:
    """The stems of words that report speech (`speech`) or whole pronouns that stand for the speaker."""
    return _speech_table()[kind]


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern:
    """A word that starts with a stem of reported speech."""
    stems = sorted(_speech_words("speech"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")", re.IGNORECASE)


def _speech_in(text: str, span: Span) -> bool:
    return _speech_re().search(text, *span) is not None


def _attribution(text: str, line: Span) -> Optional[Span]:
    """The closing attribution of a quotation paragraph: after its last closing quote mark or dash, when a
    word that reports speech comes within a few words («…», – деді ол. / …, — отметил Д. Бейсенкулов. /
    «…,» B. Baibek stressed.)."""
    for m in reversed(list(ATTRIBUTION.finditer(text, *line))):
        tail = (m.end(), line[1])
        head = _WORDS.findall(text, *tail)[:ATTRIBUTION_WORDS]
        if any(w.lower().startswith(_speech_words("speech")) for w in head):
            return tail
    return None


def _opens_quotation(line: str) -> bool:
    """A paragraph that opens with a dash, or with a quote mark that does not close within its first words
(«AMANAT» елмен … opens with a quoted name, not a quotation)."""
    if line[:1] in DASHES:
        return True
    return line[:1] in QUOTE_OPENERS and not any(ch in QUOTE_CLOSERS for ch in line[1:QUOTED_NAME_CHARS])


def _speaker(text: str, people: list[Spot], sentence: Span, c: Count, memo: dict) -> Optional[str]:
    """Who gave a figure, when the text reports speech (a figure an actor merely appears beside is nobody's):
    in a sentence with a word of speech, the person it names nearest the figure; in a quotation paragraph,
    the person its closing attribution names («— отметил Дауыл Бейсенкулов»), nobody when that names a
    title only («– деді филиал төрағасы»); for «said he», a quotation without attribution, or a sentence of
    speech that names nobody, the person named last in the paragraph or the two before it (outside the
    quotation itself)."""
    line_start = text.rfind("\n", 0, sentence[0]) + 1
    end = text.find("\n", c.end)
    line_end = end if end >= 0 else len(text)
    quoted = _opens_quotation(text[line_start:line_start + QUOTED_NAME_CHARS + 8].lstrip())
    speech = _memo(memo, ("line", line_start, line_end), lambda: _speech_in(text, (line_start, line_end)))
    if not speech and not quoted:
        return None
    spoken = _memo(memo, ("sentence", sentence), lambda: _speech_in(text, sentence))
    said = (_memo(memo, ("said", line_start, line_end), lambda: _attribution(text, (line_start, line_end)))
            if speech and (quoted or not spoken) else None)
    if said is not None:
        named = [i for s, e, i in people if said[0] <= s < said[1]]
        if named:
            return named[0]
        if not set(_WORDS.findall(text[said[0]:said[1]].lower())) & set(_speech_words("pronoun")):
            return None
    elif not quoted and not spoken:
        return None
    elif not quoted:
        near = _nearest_in(people, sentence, c)
        if near:
            return near
    lo = _lines_back(text, line_start, SPEAKER_LINES)
    before = [(e, i) for s, e, i in people if lo <= s and e <= (line_start if quoted else c.start)]
    return max(before)[1] if before else None


def _memo(memo: dict, key: tuple, compute: Callable[[], object]) -> object:
    """A value computed once per document (a paragraph of many figures is read once, not once a figure)."""
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _lines_back(text: str, line_start: int, count: int) -> int:
    """The start of the `count`-th non-empty line before the line starting at `line_start`."""
    start = line_start
    while count > 0 and start > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        count -= bool(text[start:text.find("\n", start)].strip())
    return start


def link_counts(doc: Document) -> None:
    """Set `organization`, `place`, `stated_by` and a missing `as_of` on every count of `doc`."""
    if not doc.counts:
        return
    starts = _sentence_starts(doc.text)
    typed = frozenset(o.type for o in doc.organizations if o.type)
    # a party unit that gives figures gives its own ("по данным филиала, в партию вступили 500 человек")
    sources = source_mentions([o for o in doc.organizations if o.type not in PARTY_TYPES], doc.text, doc.lang)
    pools = {"orgs": _pools(doc.organizations, typed, sources),
             "party": _pools(doc.organizations, PARTY_TYPES, sources),
             "places": _pools(doc.locations, None)}
    main_org = main_organization(doc.organizations)
    main = main_org.id if main_org else None
    published = doc.published[:10] if doc.published else None
    people, marks, memo = _spots(doc.people), clause_marks(doc.text), {}
    for c in doc.counts:
        where = _where(doc.text, starts, c, marks)
        _link(c, where, pools, main, doc)
        c.stated_by = _speaker(doc.text, people, where[1], c, memo) if people else None
        c.as_of = c.as_of or published
