"""Person name spans without a NER model: first name + surname, initials + surname, bylines in capitals.

Cues: the first-name lists of `resources/names/`, pymorphy3 Name/Surn/Patr tags (Russian), surname
endings (-ов/-ева/-ұлы ...) and capitalisation. Words inside ORG/LOC/PROJECT entities are never names.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter
from typing import Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.officials.captions import shouted_name_ok
from ppo_nlp.extract.officials.en_names import clean_en_spans
from ppo_nlp.extract.officials.name_words import (first_name_like_word, is_common_word, is_position_word, nameable_word,
                                                 noun_not_name, place_adjective, surname_like_word)
from ppo_nlp.extract.officials.lexicon import en_not_name_words
from ppo_nlp.normalize import places
from ppo_nlp.normalize.names import parses
from ppo_nlp.resources import read_rows
from ppo_nlp.text import Tok, fold, words_of

BLOCKING = frozenset({"ORG", "LOC", "PROJECT", "DATE", "COUNT"})
_FIRST = itemgetter(0)  # a token's text, a text's first letter
PATRONYMIC_ENDS = ("ович", "евич", "овна", "евна", "ична", "ұлы", "улы", "қызы", "кызы")


@dataclass
class Ctx:
    """The tokens of a document with what the extractor needs to know about each."""

    doc: Document
    tokens: list[Tok]
    langs: list[str]
    blocked: set[int] = field(default_factory=set)
    orgs: dict[int, Entity] = field(default_factory=dict)
    party: Optional[str] = None  # the id of the party the document speaks of
    main_orgs: dict[str, str] = field(default_factory=dict)  # ORG type -> the most mentioned id of that type
    org_heads: dict[str, str] = field(default_factory=dict)  # first 5 letters of a head noun -> an ORG id
    caps: list[int] = field(default_factory=list)  # tokens that start with a capital: where a name may start
    folded: list[str] = field(default_factory=list)  # `fold` of each token (the tokenizer's, made once per text)
    starts: list[int] = field(default_factory=list)  # the start offset of each token


@dataclass
class PersonSpan:
    start: int  # token index
    end: int  # token index, exclusive
    words: list[str]  # name words in reading order (first name first)
    kind: str  # full | initials | surname


def build_ctx(doc: Document) -> Ctx:
    """Tokens, their languages and the entity spans that block or name organizations."""
    words = words_of(doc.text)  # the words the gazetteer split (as `text.word_spans` does)
    tokens, starts = list(words.tokens), words.starts
    ctx = Ctx(doc, tokens, _token_langs(doc, starts), folded=words.folded, starts=starts)
    ctx.caps = list(compress(count(), map(str.isupper, map(_FIRST, map(_FIRST, tokens)))))  # no token is empty
    for ent in doc.entities:
        if ent.label not in BLOCKING:
            continue
        lo, hi = bisect_right(starts, ent.start - 1), bisect_right(starts, ent.end - 1)
        if _surname_in_rule_place(ctx, ent, lo):
            lo += 1
        for i in range(lo, hi):
            ctx.blocked.add(i)
            if ent.label == "ORG" and ent.id:
                ctx.orgs[i] = ent
    ctx.main_orgs = _main_orgs(doc.entities)
    ctx.org_heads = _org_heads(doc.entities)
    ctx.party = ctx.main_orgs.get("party")
    return ctx


def _surname_in_rule_place(ctx: Ctx, ent: Entity, lo: int) -> bool:
    """«ЛӘЙЛӘ ТӨРЕШОВА АУДАНДА»: a place found by a rule that starts with the surname after a first name."""
    if ent.label != "LOC" or not ent.source.startswith("rule:") or lo < 1 or lo >= len(ctx.tokens):
        return False
    return first_name_like(ctx, lo - 1) and surname_like(ctx, lo, True) and adjacent(ctx, lo - 1)


def _org_heads(entities: list[Entity]) -> dict[str, str]:
    """Head noun key (first five folded letters of the first word, «Комиссия партийного контроля») -> the id
    of the one organization of the document with that head; heads shared by two organizations are left out."""
    heads: dict[str, set[str]] = {}
    for ent in entities:
        words = ent.text.split()
        if ent.label == "ORG" and ent.id and words and words[0][:1].isupper() and len(words[0]) >= 5:
            heads.setdefault(fold(words[0])[:5], set()).add(ent.id)
    return {key: next(iter(ids)) for key, ids in heads.items() if len(ids) == 1}


def _main_orgs(entities: list[Entity]) -> dict[str, str]:
    """For each ORG type, the most mentioned id of that type (ties: the first mentioned)."""
    counts: dict[str, dict[str, int]] = {}
    for ent in entities:
        kind = ent.attrs.get("type")
        if ent.label == "ORG" and ent.id and kind:
            by_id = counts.setdefault(kind, {})
            by_id[ent.id] = by_id.get(ent.id, 0) + 1
    return {kind: max(ids, key=lambda k: ids[k]) for kind, ids in counts.items()}


def _token_langs(doc: Document, starts: list[int]) -> list[str]:
    """The language of each token (given by its start): its segment's, else the document's. Segments do not
    overlap (`lang.segments`), so each one fills the slice of tokens that start inside it."""
    out = [doc.lang] * len(starts)
    for seg in doc.segments:
        if seg.lang in ("ru", "kk", "en") and seg.lang != doc.lang:
            lo, hi = bisect_left(starts, seg.start), bisect_left(starts, seg.end)
            out[lo:hi] = [seg.lang] * (hi - lo)
    return out


def is_initial(ctx: Ctx, i: int) -> bool:
    toks = ctx.tokens
    return (i + 1 < len(toks) and len(toks[i].text) == 1 and toks[i].text.isupper()
            and toks[i + 1].text == "." and toks[i].text.isalpha())


def nameable(ctx: Ctx, i: int) -> bool:
    """A token that may be part of a name: capitalised, outside entities, not a position or honorific."""
    if i >= len(ctx.tokens) or i in ctx.blocked:
        return False
    word = ctx.tokens[i].text
    return word[:1].isupper() and nameable_word(word, ctx.langs[i])  # is_cap needs a capital: no look-up


def adjacent(ctx: Ctx, i: int) -> bool:
    """Token i+1 follows token i after white space only (no line break)."""
    a, b = ctx.tokens[i], ctx.tokens[i + 1]
    gap = ctx.doc.text[a.end:b.start]
    return gap.isspace() and "\n" not in gap or gap == ""


def first_name_like(ctx: Ctx, i: int) -> bool:
    return first_name_like_word(ctx.tokens[i].text, ctx.langs[i])


def surname_like(ctx: Ctx, i: int, strong: bool) -> bool:
    return surname_like_word(ctx.tokens[i].text, ctx.langs[i], strong)


def _full_at(ctx: Ctx, i: int) -> Optional[PersonSpan]:
    """First name [+ patronymic] + surname starting at token i."""
    if not (i + 1 < len(ctx.tokens) and ctx.tokens[i + 1].text[:1].isupper() and adjacent(ctx, i)
            and nameable(ctx, i) and nameable(ctx, i + 1)):  # the cheap tests first: most capitals start no name
        return None
    lang = ctx.langs[i]
    known_first = first_name_like(ctx, i) and not (lang == "ru" and noun_not_name(ctx.tokens[i].text))
    if not known_first and (is_common_word(ctx.tokens[i].text, lang) or not surname_like(ctx, i + 1, True)):
        return _reversed_at(ctx, i)
    j = i + 1
    if (j + 1 < len(ctx.tokens) and adjacent(ctx, j) and nameable(ctx, j + 1)
            and _is_patronymic(ctx.tokens[j].text) and surname_like(ctx, j + 1, False)):
        j += 1
    if not (not known_first or surname_like(ctx, j, False) or not is_common_word(ctx.tokens[j].text, lang)):
        return None
    if j == i + 1 and _third_name(ctx, j):
        j += 1
    return PersonSpan(i, j + 1, [t.text for t in ctx.tokens[i:j + 1]], "full")


def _third_name(ctx: Ctx, j: int) -> bool:
    """A third name word (Реджеп Тайип Эрдоган): capitalised, unknown, not a first name itself."""
    k = j + 1
    if k >= len(ctx.tokens) or not adjacent(ctx, j) or not nameable(ctx, k):
        return False
    word = ctx.tokens[k].text
    return not word.isupper() and not first_name_like(ctx, k) and not is_common_word(word, ctx.langs[k]) and (
        ctx.langs[k] == "ru" or surname_like(ctx, k, True))


def _is_patronymic(word: str) -> bool:
    return fold(word).endswith(PATRONYMIC_ENDS) or any("Patr" in p.tag.grammemes for p in parses(word))


def _reversed_at(ctx: Ctx, i: int) -> Optional[PersonSpan]:
    """Surname + first name (Лужков Юрий) when the first name is known and nothing but a patronymic follows."""
    if not surname_like(ctx, i, True):
        return None
    if i + 2 < len(ctx.tokens) and adjacent(ctx, i + 1) and nameable(ctx, i + 2):
        if not _is_patronymic(ctx.tokens[i + 2].text) or _is_patronymic(ctx.tokens[i + 1].text):
            return None  # «Оспанова Кадиша Базарбаевна»: surname, first name, patronymic
        return PersonSpan(i, i + 3, [ctx.tokens[i + 1].text, ctx.tokens[i + 2].text, ctx.tokens[i].text], "full")
    if not first_name_like(ctx, i + 1):
        return None
    return PersonSpan(i, i + 2, [ctx.tokens[i + 1].text, ctx.tokens[i].text], "full")


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Particles of foreign names as they may be written (ле, Ле, де, фон, бин)."""
    words = [r[0].lower() for r in read_rows("names/particles.txt")]
    return frozenset(words + [w.capitalize() for w in words])


def _particle_name_at(ctx: Ctx, i: int) -> Optional[PersonSpan]:
    """A first name, one or two particles and a surname («Марин Ле Пен», «Урсула фон дер Ляйен»)."""
    j = i + 1
    while j < min(i + 3, len(ctx.tokens)) and ctx.tokens[j].text in name_particles() and adjacent(ctx, j - 1):
        j += 1
    if j == i + 1 or j >= len(ctx.tokens) or not adjacent(ctx, j - 1) or not nameable(ctx, j):
        return None
    first = first_name_like(ctx, i) or ctx.langs[i] == "en"  # «Lex van Drooge»: no English first-name list
    if not (nameable(ctx, i) and first) or not ctx.tokens[j].text[:1].isupper():
        return None
    return PersonSpan(i, j + 1, [t.text for t in ctx.tokens[i:j + 1]], "full")


def _initials_at(ctx: Ctx, i: int) -> Optional[PersonSpan]:
    """«Д. Бейсенкулов», «М.Нурланов», «А. Б. Иванов»."""
    if i in ctx.blocked or not is_initial(ctx, i):
        return None
    j = i + 2
    if is_initial(ctx, j):
        j += 2
    if j >= len(ctx.tokens) or not nameable(ctx, j) or ctx.doc.text[ctx.tokens[j - 1].end:ctx.tokens[j].start].count("\n"):
        return None
    word, lang = ctx.tokens[j].text, ctx.langs[j]
    if is_common_word(word, lang) or not (surname_like(ctx, j, False) or lang == "ru" and not word.isupper()):
        return None
    initials = [ctx.tokens[k].text + "." for k in range(i, j, 2)]
    return PersonSpan(i, j + 1, initials + [word], "initials")


def find_persons(ctx: Ctx) -> list[PersonSpan]:
    """Non-overlapping person spans, left to right; NER PERSON entities fill the gaps."""
    spans, n, after = [], len(ctx.tokens), 0
    particles = name_particles()
    for i in ctx.caps:  # a span starts at a capital: the tokens between are stepped over one by one
        if i < after:
            continue
        found = _initials_at(ctx, i) or (i + 1 < n and ctx.tokens[i + 1].text in particles
                                         and _particle_name_at(ctx, i)) or _full_at(ctx, i)
        if found and not _after_name_mark(ctx, i):
            spans.append(found)
            after = found.end
    return [_surname_first(ctx, s) for s in clean_en_spans(ctx, _add_ner(ctx, spans)) if _plausible_span(ctx, s)]


def _surname_first(ctx: Ctx, span: PersonSpan) -> PersonSpan:
    """«Оспанова Кадиша Базарбаевна» (official style: surname, first name, patronymic) in reading order."""
    words = span.words
    if len(words) == 3 and _is_patronymic(words[2]) and not _is_patronymic(words[1]) \
            and surname_like_word(words[0], ctx.langs[span.start], True):
        return PersonSpan(span.start, span.end, [words[1], words[2], words[0]], span.kind)
    return span


def _plausible_span(ctx: Ctx, span: PersonSpan) -> bool:
    """Not a name inside a place or institution name, not a shouted phrase, not «Аккемер Мугалжарского»."""
    if _named_after(ctx, span) or place_adjective(span.words[-1]) or _quoted(ctx, span.start):
        return False
    idx = [k for k in range(span.start, span.end) if ctx.tokens[k].text[:1].isalpha()]
    if len(idx) > 1 and all(ctx.tokens[k].text.isupper() for k in idx):
        return shouted_name_ok(ctx, idx, first_name_like(ctx, idx[0]), surname_like(ctx, idx[-1], True))
    lang = ctx.langs[idx[0]]
    if span.kind == "full" and lang in ("ru", "kk") and not first_name_like(ctx, idx[0]):  # «Аксу Жолымбет»
        return not (_may_be_place(span.words[0], lang) and _may_be_place(span.words[-1], lang))
    return True


def _may_be_place(word: str, lang: str) -> bool:
    """A Cyrillic word that names a place (the cheap prefix gate first: most words are no place names)."""
    return places.may_name(word) and bool(places.lookup(word, lang))


def _quoted(ctx: Ctx, k: int) -> bool:
    """Token k right after an opening quote: a quoted name is an organization's or a project's («Казахмыс»)."""
    return k > 0 and ctx.tokens[k - 1].text in ("«", '"', "“", "„") and ctx.tokens[k - 1].end == ctx.tokens[k].start


@lru_cache(maxsize=1)
def _not_person_context() -> dict[str, tuple[str, ...]]:
    rows = read_rows("names/not_person_context.tsv")
    return {side: tuple(fold(r[1]) for r in rows if r[0] == side) for side in ("before", "after")}


def _after_name_mark(ctx: Ctx, i: int) -> bool:
    """Token i follows «имени» / «им.»: the word a place or institution is named after."""
    k = i - 2 if i >= 2 and ctx.tokens[i - 1].text == "." else i - 1
    return k >= 0 and ctx.folded[k] in _not_person_context()["before"]


def _named_after(ctx: Ctx, span: PersonSpan) -> bool:
    """A name in a place or institution name: «им. Абая», «Абай атындағы», «Н.Ілиясов ауылы»."""
    if _after_name_mark(ctx, span.start):
        return True
    nxt = ctx.tokens[span.end].text if span.end < len(ctx.tokens) else ""
    return nxt.islower() and fold(nxt).startswith(_not_person_context()["after"])


def plausible_ner(ctx: Ctx, idx: list[int]) -> bool:
    """A NER PERSON span that looks like a name: not a district adjective, not capitals or a lone word."""
    words = [ctx.tokens[k].text for k in idx]
    if all(w.isupper() for w in words):  # a shouted lead: only a listed first name + a surname shape
        return len(idx) > 1 and first_name_like(ctx, idx[0]) and surname_like(ctx, idx[-1], True)
    if len(idx) == 1 and ctx.langs[idx[0]] in ("ru", "kk"):  # English surnames have no shape to check
        return (first_name_like(ctx, idx[0]) or surname_like(ctx, idx[0], True)) and not place_adjective(words[0])
    return not place_adjective(words[-1]) and not any(w.isascii() and w.lower() in en_not_name_words() for w in words)


def _add_ner(ctx: Ctx, spans: list[PersonSpan]) -> list[PersonSpan]:
    """PERSON entities of a NER model (`doc.found["ner_new"]`) that no rule span overlaps."""
    taken = {k for s in spans for k in range(s.start, s.end)}
    starts = ctx.starts
    for ent in ctx.doc.found.get("ner_new", []):
        if ent.label != "PERSON":
            continue
        lo, hi = bisect_right(starts, ent.start - 1), bisect_right(starts, ent.end - 1)
        idx = [k for k in range(lo, hi) if ctx.tokens[k].text[:1].isalpha()]
        if not idx or len(idx) > 4 or not taken.isdisjoint(range(lo, hi)):
            continue  # most PERSON entities are names the rules found
        if any(is_position_word(ctx.tokens[k].text, ctx.langs[k]) for k in idx):
            continue  # a title the model read as a name («Акимам на местах»)
        if plausible_ner(ctx, idx):
            kind = "full" if len(idx) > 1 else "surname"
            spans.append(PersonSpan(lo, hi, [ctx.tokens[k].text for k in idx], kind))
    return sorted(spans, key=lambda s: s.start)
