"""Party branches by pattern: «Жамбылского областного филиала партии Amanat», «Алматы облыстық филиалы»,
«ВКО филиале партии» (a region's abbreviation stands for the adjective and the level).

The branch gets the place its adjective names (or, for «региональный филиал», the region the document names most
often) and an id `org:amanat:branch:<place>`; without a place, `org:amanat:branch:<level>`. English names the place
itself before the noun («Kostanay regional branch», «the Taraz branch of the Party»): `english_branch_at`.

>>> from ppo_nlp.extract.gazetteer import extract_gazetteer
>>> doc = Document("d", "t", "председатель Жамбылского областного филиала партии Amanat", lang="ru")
>>> [(e.text, e.id) for e in extract_branches(doc, extract_gazetteer(doc))]
[('Жамбылского областного филиала партии Amanat', 'org:amanat:branch:zhambyl_region')]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

import regex

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer import AliasRef, Lexicon, Trie, context_lexicons, dominant_place, lang_of
from ppo_nlp.extract.rules.districts import kk_name, ru_name
from ppo_nlp.extract.rules.quoted import blockers, list_words
from ppo_nlp.normalize.ids import slug
from ppo_nlp.resources import load_gazetteer, load_table, lookup
from ppo_nlp.text import Words, fold

PARTY_ID = "org:amanat"
SOURCE = "rule:party_branch"
_REGION_WORD = regex.compile(r"(?i)\s+region$")
_BASED = "-based"  # «the Karaganda-based branch»
_PARTY_REACH = 5  # words after «of» in which the branch's party is named


@lru_cache(maxsize=None)
def levels() -> Lexicon:
    """Level adjectives (областной, облыстық, районный) valued (level, lemma)."""
    return Lexicon((lemma, lang_of(lemma), (level, lemma)) for lemma, level in load_table("branch_levels"))


@lru_cache(maxsize=None)
def branch_nouns() -> Lexicon:
    return Lexicon((row[1], row[2], row[2]) for row in load_table("list_words") if row[0] == "branch_noun")


@lru_cache(maxsize=None)
def compounds() -> Lexicon:
    """Russian words that are a level and the branch noun in one (облфилиал, райфилиал) valued by the level."""
    return Lexicon((row[1], "ru", row[2]) for row in load_table("list_words") if row[0] == "branch_compound")


@lru_cache(maxsize=None)
def owner_nouns() -> Lexicon:
    """Kazakh organization nouns whose branch a following «облыстық филиалы» is (`branch_owner_nouns.tsv`)."""
    return Lexicon((row[0], lang_of(row[0]), True) for row in load_table("branch_owner_nouns"))


@lru_cache(maxsize=None)
def templates(kind: str) -> dict[str, str]:
    return {row[1]: row[2] for row in load_table("list_words") if row[0] == kind}


@lru_cache(maxsize=None)
def adjective_trie(place_type: str) -> Trie:
    """Place adjectives (Жамбылский, Алматы) of the regions or the cities."""
    trie = Trie()
    for entry in load_gazetteer("locations"):
        if entry["type"] == place_type:
            for lang, adjs in entry.get("adjectives", {}).items():
                for adj in adjs:
                    trie.add(adj, AliasRef(entry["id"], "locations", adj, lang))
    return trie


@lru_cache(maxsize=None)
def region_abbreviations() -> dict[str, str]:
    """Region abbreviations as written (ВКО, ШҚО) -> region id: the gazetteer's `abbreviation` aliases."""
    return {alias["text"]: entry["id"] for entry in load_gazetteer("locations") if entry["type"] == "region"
            for aliases in entry.get("aliases", {}).values() for alias in aliases
            if isinstance(alias, dict) and alias.get("why") == "abbreviation"}


def _named_place(words: Words, level: str, at: int) -> Optional[tuple[int, str, str]]:
    """(first word, place id, adjective) of a place adjective ending at word `at`."""
    if level == "district":
        found = ru_name(words, at) or kk_name(words, at, "kk")
        return (found[0], f"loc:district:{slug(found[2])}", found[1].rsplit(" ", 1)[0]) if found else None
    trie = adjective_trie(level)
    for start in (at - 1, at):
        for end, refs in trie.walk(words.folded, start) if start >= 0 else ():
            if end == at + 1 and refs:
                return start, refs[0].id, refs[0].text
    return None


def _party_after(words: Words, k: int, party_at: dict[int, Entity]) -> int:
    """Index after «партии «Нұр Отан»» following word `k`, or k + 1."""
    n, j = len(words), k + 1
    if j < n and context_lexicons()["party"].match(words.folded[j]):
        j += 1
    q = j + 1 if j < n and words.folded[j] == '"' else j
    ent = party_at.get(words.tokens[q].start) if q < n else None
    if ent is None:
        return j
    while q < n and words.tokens[q].end <= ent.end:
        q += 1
    return q + 1 if q < n and words.folded[q] == '"' and words.folded[j] == '"' else q


def _party_before(words: Words, first: int, party_end: dict[int, Entity]) -> int:
    """Index of «"AMANAT" партиясы» right before word `first`, or `first`."""
    j = first - 1
    if j < 0 or not context_lexicons()["party"].match(words.folded[j]):
        return first
    whole = party_end.get(words.tokens[j].end)  # «"Нұр Отан" партиясы» read whole as the party's name
    if whole is not None:
        return _first_within(words, j, whole)
    p = j - 2 if j > 1 and words.folded[j - 1] == '"' else j - 1
    ent = party_end.get(words.tokens[p].end) if p >= 0 else None
    if ent is None:
        return j
    while p > 0 and words.tokens[p - 1].start >= ent.start:
        p -= 1
    return p - 1 if p > 0 and words.folded[p - 1] == '"' and words.folded[j - 1] == '"' else p


def _first_within(words: Words, last: int, ent: Entity) -> int:
    """Index of the first word of `ent`, which ends with word `last`."""
    while last > 0 and words.tokens[last - 1].start >= ent.start:
        last -= 1
    return last


@dataclass
class Context:
    """What every branch mention of one document looks up: party mentions and the places it names most."""

    party_at: dict[int, Entity]
    party_end: dict[int, Entity]
    dominant: dict[str, Optional[str]]

    @classmethod
    def of(cls, gaz: list[Entity]) -> "Context":
        party = [e for e in gaz if e.id == PARTY_ID]
        dominant = {level: dominant_place(gaz, level) for level in ("region", "city")}
        dominant["region"] = dominant["region"] or centred_region(dominant["city"])
        return cls({e.start: e for e in party}, {e.end: e for e in party}, dominant)


@lru_cache(maxsize=1)
def _centres() -> dict[str, str]:
    """City id -> the id of the region it is the centre of."""
    return {e["center"]: e["id"] for e in load_gazetteer("locations") if e["type"] == "region" and e.get("center")}


def centred_region(city: Optional[str]) -> Optional[str]:
    """The region whose centre `city` is: a text set in Kyzylorda that names no region means Kyzylorda
    Region by «областной филиал»."""
    return _centres().get(city) if city else None


def branch_at(doc: Document, words: Words, k: int, ctx: Context) -> Optional[Entity]:
    """The branch whose noun (филиал) is word `k`, if it is a single, party branch."""
    if k < 1 or branch_nouns().match(words.folded[k]) is None or _plural(words.folded[k]):
        return None
    found = levels().match(words.folded[k - 1])
    abbreviated = region_abbreviations().get(words.tokens[k - 1].text) if found is None else None
    if abbreviated:  # «ВКО филиал»: the abbreviation names the region and the level
        found = ("region", canonical_level("region", "kk" if doc.lang == "kk" else "ru") or "")
    if found is None or _plural(words.folded[k - 1]):
        return None
    level, lemma = found
    named = (k - 1, abbreviated, words.tokens[k - 1].text) if abbreviated else _named_place(words, level, k - 2)
    place = named[1] if named else ctx.dominant.get(level)
    first = named[0] if named else k - 1
    before = _party_before(words, first, ctx.party_end)
    after = k + 1 if before < first else _party_after(words, k, ctx.party_at)  # not «… филиалында партия активі»
    attached = after > k + 1 or before < first
    if not attached and not (ctx.party_at and _free(words, k + 1) and not _owned_before(words, first)):
        return None
    return _entity(doc, words, (before, after), level, lemma, place, named[2] if named else None)


def compound_branch_at(doc: Document, words: Words, k: int, ctx: Context) -> Optional[Entity]:
    """«облфилиала партии»: a word that is the level and the noun, the party after it or named in the document;
    the place is the one of that level the document names most."""
    level = compounds().match(words.folded[k])
    if level is None or _plural(words.folded[k]):
        return None
    after = _party_after(words, k, ctx.party_at)
    if after == k + 1 and not (ctx.party_at and _free(words, k + 1)):
        return None
    lemma = canonical_level(level, "ru") or ""
    return _entity(doc, words, (k, after), level, lemma, ctx.dominant.get(level), None)


def _plural(word: str) -> bool:
    return any(word.endswith(e) for e in list_words("plural_end"))


def _owned_before(words: Words, first: int) -> bool:
    """Another organization's noun right before the branch («ардагерлер одағы облыстық филиалы»)."""
    return first >= 1 and owner_nouns().match(words.folded[first - 1]) is not None


def _free(words: Words, j: int) -> bool:
    """No other organization follows (областной филиал АО «…»)."""
    return j >= len(words) or (words.folded[j] != '"' and not blockers().match(words.folded[j]))


@lru_cache(maxsize=None)
def canonical_level(level: str, lang: str) -> Optional[str]:
    """The first level word of a language in the data (областной for региональный)."""
    return next((lemma for lemma, lv in load_table("branch_levels") if lv == level and lang_of(lemma) == lang), None)


def branch_name(lang: str, level_lemma: str, place: Optional[str], adj: Optional[str]) -> str:
    """Nominative canonical name from the templates of `list_words.tsv`."""
    lang = lang if lang in ("ru", "kk", "en") else "ru"
    level = next((lv for lemma, lv in load_table("branch_levels") if lemma == level_lemma), "")
    level_lemma = canonical_level(level, lang) or level_lemma
    entry: dict[str, Any] = lookup(place) or {} if place else {}
    adjs = entry.get("adjectives", {}).get(lang) or ([adj] if adj else [])
    level_word = level_lemma if adjs else level_lemma[:1].upper() + level_lemma[1:]
    if lang == "en" and entry:
        adjs = [entry["names"]["en"].replace(" Region", "")]
    if adjs:
        return templates("branch_name")[f"{lang}_place"].format(adj=adjs[0], level=level_word)
    return templates("branch_name")[lang].format(level=level_word)


def _entity(doc: Document, words: Words, span: tuple[int, int], level: str, lemma: str, place: Optional[str],
            adj: Optional[str]) -> Entity:
    lo, hi = words.tokens[span[0]].start, words.tokens[span[1] - 1].end
    key = place.split(":", 1)[1] if place else level
    name = branch_name(lang_of(lemma) if lang_of(lemma) != "ru" else doc.lang_at(lo), lemma, place, adj)
    attrs = {"type": "party_branch", "name": name, "region": place, "level": level}
    return Entity("ORG", doc.text[lo:hi], lo, hi, SOURCE, id=f"{PARTY_ID}:branch:{key}", attrs=attrs)


@lru_cache(maxsize=None)
def english_nouns() -> frozenset[str]:
    """The English branch nouns (branch, affiliate), singular as written."""
    return frozenset(fold(row[1]) for row in load_table("list_words") if row[0] == "branch_noun" and row[2] == "en")


@lru_cache(maxsize=None)
def english_places() -> dict[str, dict[str, str]]:
    """Folded English place name -> {kind: place id}: a region's name without «Region» («Pavlodar», «North
    Kazakhstan»), a city's name; kind `capital` for a city of republican significance by its name (Astana, Almaty)."""
    out: dict[str, dict[str, str]] = {}
    for entry in load_gazetteer("locations"):
        kind = entry["type"]
        if kind not in ("region", "city"):
            continue
        names = [entry["names"].get("en", "")] + [a for lang in ("en", "latin") for a in entry["aliases"].get(lang, [])
                                                  if isinstance(a, str)]
        for name in names:
            bare = _REGION_WORD.sub("", name) if kind == "region" else name
            kinds = out.setdefault(fold(bare), {}) if bare and (kind == "city" or bare != name) else {}
            kinds.setdefault(kind, entry["id"])
            if kind == "city" and entry.get("parent") == "loc:kz" and name == names[0]:  # not «Akmola», a former name
                kinds.setdefault("capital", entry["id"])
    return out


def _english_place(words: Words, last: int) -> Optional[tuple[int, dict[str, str]]]:
    """(first word, kinds) of an English place name ending at word `last` (up to three words)."""
    for first in range(max(0, last - 2), last + 1):
        name = " ".join(words.folded[first:last + 1])
        name = name[:-len(_BASED)] if name.endswith(_BASED) else name
        kinds = english_places().get(name)
        if kinds and words.tokens[first].text[:1].isupper():
            return first, kinds
    return None


def _english_level(kinds: dict[str, str], level: Optional[str]) -> Optional[tuple[str, str]]:
    """(level, place id) of a branch named after a place: the level word's (a regional branch of a centre's
    name is its region's), else a capital city's, a region's, a city's."""
    if level == "region":
        place = kinds.get("region") or centred_region(kinds.get("city"))
        return (level, place) if place else None
    if level is not None:
        return (level, kinds["city"]) if level == "city" and "city" in kinds else None
    for kind, lv in (("capital", "city"), ("region", "region"), ("city", "city")):
        if kind in kinds:
            return lv, kinds[kind]
    return None


def english_branch_at(doc: Document, words: Words, k: int, ctx: Context) -> Optional[Entity]:
    """An English branch named after its place, word `k` its noun: «Kostanay regional branch of AMANAT», «the
    Taraz branch of the Party», «“Nur Otan” Shymkent branch», «Aktobe affiliate of …».
    Without a level word the phrase must say whose branch it is."""
    if words.folded[k] not in english_nouns():
        return None
    found = levels().match(words.folded[k - 1])
    named = _english_place(words, k - 2 if found else k - 1)
    chosen = _english_level(named[1], found[0] if found else None) if named else None
    if named is None or chosen is None:
        return None
    level, place = chosen
    before, after = _english_party_before(words, named[0], ctx), _english_party_after(words, k, ctx)
    if before == named[0] and after == k + 1 and not (found and ctx.party_at):
        return None
    lemma = found[1] if found else canonical_level(level, "en") or level
    return _entity(doc, words, (before, after), level, lemma, place, None)


def _english_party_after(words: Words, k: int, ctx: Context) -> int:
    """Index after «of (the) “Nur Otan” (party)» following word `k` («of the Party» where the text names the
    party), or k + 1."""
    n, j = len(words), k + 2
    if j >= n or words.folded[k + 1] != "of":
        return k + 1
    j += words.folded[j] == "the"
    q = j + (j < n and words.folded[j] == '"')
    ent = ctx.party_at.get(words.tokens[q].start) if q < n else None
    if ent is None:
        return j + 1 if q == j < n and words.folded[j] == "party" and ctx.party_at else k + 1
    while q < n and words.tokens[q].end <= ent.end:
        q += 1
    q += q < n and q > j and words.folded[q] == '"' and words.folded[j] == '"'
    return q + (q < n and words.folded[q] == "party")


def _owned_by_other(words: Words, k: int, ctx: Context) -> bool:
    """«… regional branch of Kazpost»: an English branch noun followed by «of» and no party in the next words
    («of the ruling party», «of the country's ruling party AMANAT» are the party's)."""
    if k + 1 >= len(words) or words.folded[k + 1] != "of":
        return False
    near = range(k + 2, min(len(words), k + 2 + _PARTY_REACH))
    return not any(words.folded[j] == "party" or words.tokens[j].start in ctx.party_at for j in near)


def _english_party_before(words: Words, first: int, ctx: Context) -> int:
    """Index of «“Nur Otan”» or «AMANAT» right before word `first`, or `first`."""
    closing = first >= 1 and words.folded[first - 1] == '"'
    q = first - 1 - closing
    ent = ctx.party_end.get(words.tokens[q].end) if q >= 0 else None
    if ent is None:
        return first
    while q > 0 and words.tokens[q - 1].start >= ent.start:
        q -= 1
    return q - 1 if closing and q > 0 and words.folded[q - 1] == '"' else q


def extract_branches(doc: Document, gaz: list[Entity], words: Optional[Words] = None) -> list[Entity]:
    """ORG entities (type party_branch) for every singular branch mention with a level word, and in English
    every one named after its place (`english_branch_at`)."""
    words = words or Words(doc.text)
    ctx = Context.of(gaz)
    out, prefixes = [], branch_nouns().prefixes | compounds().prefixes  # where a branch noun may start
    for k in (k for k in range(1, len(words.tokens)) if words.folded[k][:3] in prefixes):
        english = doc.lang_at(words.tokens[k].start) == "en"
        if english and _owned_by_other(words, k, ctx):
            continue
        ent = (english and english_branch_at(doc, words, k, ctx)) or branch_at(doc, words, k, ctx) \
            or compound_branch_at(doc, words, k, ctx)
        if ent is not None:
            out.append(ent)
    return out
