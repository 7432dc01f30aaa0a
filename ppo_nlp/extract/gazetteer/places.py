"""The places stage: every place of the KATO gazetteer (and the countries) named in a text, with its id and
its name in the nominative; the one authority on LOC mentions before NER.

It reads the LOC mentions of the gazetteer and the rules and keeps those that name a place (not a word
of an organization or project name), then looks up in `ppo_nlp.normalize.places` only candidate words:
capitalised words beside a type word (Мугалжарского района, Шиелі ауданы, селе Кумжарган), capitalised
city and country names, and a village followed by the district that holds it (Аккемер Мугалжарского).

- A place inside a project or a quoted name («Таза Қазақстан»), a place that is a word of a state body's
  name (ҚР Парламенті Мәжілісі, Мажилис Парламента Республики Казахстан) or of a site name (Almaty.tv),
  and a Kazakh attributive form (Алматы облыстық филиалы: the branch's level, not a place named) are left.
- A village by its bare name needs a type word, the district that holds it, or a cue the KATO data gives
  (`needs_context`); ambiguous names keep the candidate in the district or oblast the text names (`prefer`).

>>> doc = Document("d", "t", "Жители сел Аккемер Мугалжарского района.", lang="ru")
>>> doc.found["gazetteer"], doc.found["rules"] = [], []
>>> [(e.text, e.attrs["name"]) for e in extract_places(doc)]
[('сел Аккемер', 'Аккемер'), ('Мугалжарского района', 'Мугалжарский район')]
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import compress
from typing import Callable, Optional

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer.placewords import (CYRILLIC_CAPITALS, LATIN_CAPITALS, blocked, enclosed_title,
                                                  has_type_word_near, is_name_word, is_type_word, place_entity,
                                                  typed_forms)
from ppo_nlp.normalize import places as kato
from ppo_nlp.normalize.ids import slug
from ppo_nlp.normalize.morph import PROPER_TAGS, known_parses
from ppo_nlp.resources import load_tsv
from ppo_nlp.text import Words, words_of

SOURCE = "gazetteer:places"
_WORD = regex.compile(r"\w+")
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
MAX_NAME = 3  # words of a place name without its type word
# a capital that may begin a name word, Cyrillic only or with Latin ones (`_capitals`), keyed by "with Latin"
_CAPITAL_RE = {latin: regex.compile("[" + "".join(sorted(CYRILLIC_CAPITALS | (LATIN_CAPITALS if latin else set())))
                                    + "]") for latin in (False, True)}


@lru_cache(maxsize=1)
def crosswalk() -> dict[str, str]:
    """KATO place id -> the id of the same place in `resources/gazetteers/locations.jsonl` (kept stable)."""
    return {f"loc:kato:{r['kato']}": r["old_id"] for r in load_tsv("places/crosswalk.tsv")}


def _lang(doc: Document, offset: int) -> str:
    lang = doc.lang_at(offset)
    return lang if lang in ("ru", "kk") else "ru"


class _Hit:
    """A span of words that names places: the candidates, best first, and whether it needs support."""

    __slots__ = ("lo", "hi", "cands", "typed")

    def __init__(self, lo: int, hi: int, cands: list[kato.Place], typed: bool) -> None:
        self.lo, self.hi, self.cands, self.typed = lo, hi, cands, typed


@lru_cache(maxsize=None)
def _name_size(p: kato.Place) -> int:
    return max(len(_WORD.findall(p.bare_ru)), len(_WORD.findall(p.bare_kk)))


@bounded_cache(8 << 20)
def _places_of(form: str, lang: str, names: int) -> tuple[kato.Place, ...]:
    return tuple(p for p in kato.lookup(form, lang) if _name_size(p) >= names)


def _look(doc: Document, words: Words, lo: int, hi: int, names: int) -> list[kato.Place]:
    """Places the tokens lo..hi name whose own name has at least `names` words (a longer span read as
    one place nested in another, «Аккемер Мугалжарского района», is two places, not the village)."""
    form = doc.text[words.tokens[lo].start:words.tokens[hi - 1].end]
    return list(_places_of(form, _lang(doc, words.tokens[lo].start), names))


def _typed_hit(doc: Document, words: Words, i: int, n: int) -> Optional[_Hit]:
    """The longest reading of name words i..i+n with a type word before or after it."""
    names = 0  # name words in tokens i..i+n, counted once, when a typed form is found
    for lo, hi in typed_forms(words, i, n):
        names = names or len(_WORD.findall(doc.text, words.tokens[i].start, words.tokens[i + n - 1].end))
        found = _look(doc, words, lo, hi, names)
        if found:
            return _Hit(lo, hi, found, True)
    return None


def _worth_word(text: str) -> bool:
    """A word that may begin a place name (initials in capitals, ВКО, always may)."""
    return kato.may_name(text) or (text.isupper() and len(text) <= 5)


def _bare_word(text: str) -> bool:
    """A word a bare place name (a city, country, oblast or district) may begin with, or a place's initials."""
    return kato.may_name_bare(text) or kato.is_initials(text)


def _passing(words: Words, i: int, limit: int, test: Callable[[str], bool]) -> int:
    """How many tokens from i on (at most `limit`) pass `test`; an initial's dot always passes."""
    k, toks = i, words.tokens
    while k < i + limit and (toks[k].text == "." or test(toks[k].text)):
        k += 1
    return k - i


class _Reach:
    """How many of the name words from token i on pass the gates of a bare reading, each word tested once
    (`find_hits` tries every reading length at a name word, longest first)."""

    __slots__ = ("words", "i", "run", "_worth", "_bare")

    def __init__(self, words: Words, i: int, run: int) -> None:
        self.words, self.i, self.run = words, i, run
        self._worth: Optional[int] = None
        self._bare: Optional[int] = None

    def worth(self, n: int) -> bool:
        """Every word of tokens i..i+n may begin a place name."""
        if self._worth is None:
            self._worth = _passing(self.words, self.i, self.run, _worth_word)
        return self._worth >= n

    def bare(self, n: int) -> bool:
        """Every word of tokens i..i+n may be a word of a bare place name."""
        if self._bare is None:
            self._bare = _passing(self.words, self.i, self.run, _bare_word)
        return self._bare >= n


def _bare_hit(doc: Document, words: Words, i: int, n: int, reach: _Reach) -> Optional[_Hit]:
    """A name without a type word: kept later only when it names a city, country or unit, or a village
    with its district's adjective after it (`_district_after`), so only such spans are looked up."""
    if not reach.worth(n):
        return None
    if not reach.bare(n) and not _district_may_follow(words, i + n):
        return None
    names = len(_WORD.findall(doc.text, words.tokens[i].start, words.tokens[i + n - 1].end))
    found = _look(doc, words, i, i + n, names)
    return _Hit(i, i + n, found, False) if found else None


def _district_may_follow(words: Words, k: int) -> bool:
    """Whether token k may be the adjective of a district (the cue `_district_after` looks for)."""
    return k < len(words) and is_name_word(words, k) and kato.may_name_bare(words.tokens[k].text)


def _name_marks(words: Words, capitals: frozenset[str]) -> list[int]:
    """Per token: 1 a name word, 2 an initial with its dot («Н.»), 0 anything else. Only tokens that begin
    at a capital letter are tested (found by one regex pass over the text, a small share of the tokens)."""
    toks, n, index = words.tokens, len(words), words.start_index
    marks = [0] * n
    for m in _CAPITAL_RE[LATIN_CAPITALS <= capitals].finditer(words.text):
        k = index.get(m.start())
        if k is None:
            continue
        if len(toks[k].text) == 1:
            marks[k] = 2 if k + 2 < n and toks[k + 1].text == "." else 0
        elif is_name_word(words, k, capitals):
            marks[k] = 1
    return marks


def _latin_beside_type_words(words: Words, marks: list[int]) -> None:
    """Latin name words are looked up only beside a type word (Shieli district): the others lose their mark."""
    near: set[int] = set()
    for k in (k for k in range(len(words)) if is_type_word(words, k)):
        near.update(range(k - MAX_NAME, k + 3))
    for k, mark in enumerate(marks):
        if mark and k not in near and words.tokens[k].text[0] in LATIN_CAPITALS:
            marks[k] = 0


def _capitals(doc: Document) -> frozenset[str]:
    """Cyrillic capitals begin name words; Latin ones too where a passage is English (Shieli district: a
    Latin name is looked up only beside a type word, `kato.may_name` gates bare names on Cyrillic keys)."""
    english = doc.lang == "en" or any(s.lang == "en" for s in doc.segments)
    return CYRILLIC_CAPITALS | LATIN_CAPITALS if english else CYRILLIC_CAPITALS


def _name_run(marks: list[int], i: int) -> int:
    """How many tokens of name words start at `i` (at most MAX_NAME words; an initial «Н.» is one)."""
    k, names = i, 0
    while names < MAX_NAME and k < len(marks) and marks[k]:
        k += marks[k]
        names += 1
    return min(k, len(marks)) - i


def find_hits(doc: Document, words: Words) -> list[_Hit]:
    """Place spans, left to right, the longest reading at each name word."""
    hits: list[_Hit] = []
    capitals = _capitals(doc)
    marks = _name_marks(words, capitals)
    if LATIN_CAPITALS <= capitals:
        _latin_beside_type_words(words, marks)
    i = 0
    for k in compress(range(len(marks)), marks):  # a token that is no name word starts no hit
        if k < i:
            continue
        i = k
        hit = _hit_at(doc, words, i, _name_run(marks, i))
        if hit is not None:
            hits.append(hit)
            i = max(hit.hi, i + 1)
    return hits


def _hit_at(doc: Document, words: Words, i: int, run: int) -> Optional[_Hit]:
    """The longest reading of the `run` name words at token i, with a type word or bare; most name words
    have no type word beside them and begin no place name, and are let go after one test of each."""
    latin = words.tokens[i].text[0] in LATIN_CAPITALS  # Latin names are looked up with a type word only
    typed = has_type_word_near(words, i, run)
    if not typed and (latin or not _worth_word(words.tokens[i].text)):  # what `_Reach.worth(1)` would say
        return None
    reach = _Reach(words, i, run)
    for n in range(run, 0, -1):
        hit = (_typed_hit(doc, words, i, n) if typed else None) or \
            (None if latin else _bare_hit(doc, words, i, n, reach))
        if hit:
            return hit
    return None


def _district_after(doc: Document, words: Words, hit: _Hit) -> Optional[_Hit]:
    """«Бестамак Алгинского, Жарсай Мугалжарского районов»: the district adjective right after a village."""
    k = hit.hi
    if k >= len(words) or not is_name_word(words, k):
        return None
    lang = _lang(doc, words.tokens[k].start)
    form = words.tokens[k].text + (" района" if lang == "ru" else " ауданы")
    found = [p for p in kato.lookup(form, lang) if p.kind == "district"]
    inside = [c for c in hit.cands if c.district in {p.id for p in found}]
    if not inside:
        return None
    hit.cands = inside
    return _Hit(k, k + 1, found, True)


def _supported(hit: _Hit, lang: str) -> bool:
    """A bare name counts when it is a city, country or unit, and its name is not a common word."""
    best = hit.cands[0]
    if not hit.typed and (best.kind not in kato.BARE_KINDS or kato.needs_context(best, lang)):
        return False
    return True


def _doc_oblast(places: list[kato.Place]) -> Optional[str]:
    """The oblast named (directly or through its places) most often."""
    ids = [p.id if p.kind == "oblast" else p.oblast for p in places]
    counts = Counter(i for i in ids if i)
    return counts.most_common(1)[0][0] if counts else None


def _resolve(doc: Document, words: Words, hits: list[_Hit]) -> list[_Hit]:
    """Kept hits, each with its candidates ordered by the oblast the text is about."""
    kept: list[_Hit] = []
    for hit in hits:
        district = _district_after(doc, words, hit) if any(c.district for c in hit.cands) else None
        lang = _lang(doc, words.tokens[hit.lo].start)
        if district is None and not _supported(hit, lang):
            continue
        kept.append(hit)
        if district is not None:
            kept.append(district)
    oblast = _doc_oblast([h.cands[0] for h in kept if len(h.cands) == 1])
    for hit in kept:
        hit.cands = kato.prefer(hit.cands, oblast)
    return kept


def extract_places(doc: Document) -> list[Entity]:
    """LOC entities: the gazetteer's and rules' place mentions that name a place, and every KATO place
    or country the text names, with ids (`loc:kato:…`, or the stable gazetteer id) and nominative names."""
    words = words_of(doc.text)
    layers = doc.found.get("gazetteer", []) + doc.found.get("rules", [])
    block = blocked(doc, words, layers)
    known = [e for e in layers if e.label == "LOC" and e.source != "rule:district" and not block(e.start, e.end)]
    out = list(known)
    for hit in _resolve(doc, words, find_hits(doc, words)):
        lo, hi = words.tokens[hit.lo].start, words.tokens[hit.hi - 1].end
        inner = [e for e in out if lo <= e.start and e.end <= hi and (e.start, e.end) != (lo, hi)]
        if block(lo, hi) or any(e.start < hi and lo < e.end for e in out if e not in inner):
            continue
        out = [e for e in out if e not in inner]  # «Түркістан өңірі»: the longer reading names the place
        out.append(place_entity(doc, lo, hi, hit.cands[0], SOURCE, crosswalk()))
    return sorted(out, key=lambda e: (e.start, -e.end))


def _ru_nominative(text: str) -> Optional[str]:
    """The dictionary form of a one-word Russian place name the model found (Москву -> Москва); "" when
    the dictionary knows the word only as a common word (a capitalised «Делегация» is no place)."""
    words = _WORD.findall(text)
    if len(words) != 1:
        return None
    found = known_parses(words[0])
    geo = [p for p in found if "Geox" in p.tag.grammemes]
    if geo:
        return geo[0].normal_form.capitalize()
    return "" if found and all(p.tag.grammemes.isdisjoint(PROPER_TAGS) for p in found) else None


def _latin_ner_place(doc: Document, entity: Entity) -> Optional[Entity]:
    """A Latin NER LOC with the KATO id and name of the town or unit it names (Ekibastuz), else as found;
    None for one no place data knows that is a word of a quoted title or a bracketed gloss (‘Safe City’,
    «(Road to School)»)."""
    found = [p for p in kato.lookup(entity.text, "en") if p.kind in kato.BARE_KINDS and not kato.needs_context(p, "ru")]
    if found:
        return place_entity(doc, entity.start, entity.end, found[0], entity.source, crosswalk())
    return None if enclosed_title(doc.text, entity.start, entity.end) else entity


def ner_place_checker(doc: Document) -> Callable[[Entity], Optional[Entity]]:
    """`checked_ner_place` for the NER LOC mentions of one document (what blocks a place is read once)."""
    block: list[Callable[[int, int], bool]] = []

    def check(entity: Entity) -> Optional[Entity]:
        if not block and any(ch in _CYRILLIC for ch in entity.text.lower()):
            layers = doc.found.get("gazetteer", []) + doc.found.get("rules", [])
            block.append(blocked(doc, words_of(doc.text), layers))
        return checked_ner_place(doc, entity, block[0] if block else None)

    return check


def checked_ner_place(doc: Document, entity: Entity,
                      block: Optional[Callable[[int, int], bool]] = None) -> Optional[Entity]:
    """An NER LOC with the place it names: the gazetteer's id and nominative name when the place data
    knows it; a Russian one kept with its name in the nominative where the dictionary knows it; None for
    a word of another name (Мажилис Республики Казахстан), a Kazakh one no place data knows (a capitalised
    word in a case form: Съезге) and a Russian common noun (Делегация). `block` is the document's
    `blocked` test when the caller has it."""
    if not any(ch in _CYRILLIC for ch in entity.text.lower()):
        return _latin_ner_place(doc, entity)
    if block is None:
        layers = doc.found.get("gazetteer", []) + doc.found.get("rules", [])
        block = blocked(doc, words_of(doc.text), layers)
    if block(entity.start, entity.end):
        return None
    lang = _lang(doc, entity.start)
    found = [p for p in kato.lookup(entity.text, lang)
             if p.kind in kato.BARE_KINDS and not kato.needs_context(p, lang)]
    if found:
        return place_entity(doc, entity.start, entity.end, found[0], entity.source, crosswalk())
    name = _ru_nominative(entity.text) if lang == "ru" else ""
    if name == "":
        return None
    if name is None:
        return entity
    return Entity(entity.label, entity.text, entity.start, entity.end, entity.source, entity.score,
                  f"loc:{slug(name)}", {**entity.attrs, "name": name})
