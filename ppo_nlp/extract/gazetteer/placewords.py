"""Word tests of the places stage: name words, type words, and the spans where a place is a word of some
other name (a project, a quoted name, a state body, a site) or a Kazakh attributive (облыстық филиал).

The type words and body heads come from data: `resources/places/type_words.tsv` and the state and public
bodies of `resources/orgs/bodies.tsv` (the head noun of each name: Парламент, Мәжілісі, министрлігі).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable, Iterator, Optional

import regex

from ppo_nlp.cache import bounded_cache, word_cache
from ppo_nlp.doc import Document, Entity
from ppo_nlp.normalize import places as kato
from ppo_nlp.normalize.morph import is_adjective
from ppo_nlp.resources import load_tsv, lookup
from ppo_nlp.text import DOUBLE_QUOTES, Words, fold

_ABBREVIATED = frozenset({"г", "с", "п", "ст", "пос", "обл"})  # г.Семей, с.Аккемер
# a quoted name as `fold_quotes` would read it, on the text as written: every double quote mark is `"`
# a quoted name: what `inside_quoted_name` reads off the quote marks of a text (tests check it against this)
QUOTED_NAME_RE = regex.compile(f'[{DOUBLE_QUOTES}]([^{DOUBLE_QUOTES}\\n]{{1,80}})[{DOUBLE_QUOTES}]')
_MAX_QUOTED_WORDS = 8  # a longer quotation is speech, where places are places
_STOPS = frozenset(",.;:!?()\n") | frozenset({"по", "от", "в", "во", "на", "из", "и", "при", "для", "-"})
_HEAD_WINDOW = 3
_NAME_MARK = regex.compile(r"(?:^|(?<=\s))(?:им\.|атын\.|ат\.)|(?<=\s)(?:атын|ат)$")
CYRILLIC_CAPITALS = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ")
LATIN_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Kazakh attributive forms: «Алматы облыстық филиалы» names the level of a branch, not a place
_ATTRIBUTIVE = frozenset(fold(w) for w in ("облыстық", "аудандық", "қалалық"))


def _stem(word: str) -> str:
    low = fold(word)
    return low[: max(3, min(5, len(low) - 1))]


def _prefixed(low: str, stems: frozenset[str]) -> bool:
    """Whether the folded word starts with one of `stems` (3 to 5 letters)."""
    return low[:3] in stems or low[:4] in stems or low[:5] in stems


@lru_cache(maxsize=1)
def type_prefixes() -> frozenset[str]:
    """Stems of the one-word type words (район, ауданы, селе, district ...): a cheap gate before a look-up."""
    rows = load_tsv("places/type_words.tsv")
    forms = (fold(r["form"]).rstrip(".") for r in rows if " " not in r["form"])
    return frozenset(_stem(f) if len(f) > 3 else f for f in forms if f)


def is_type_word(words: Words, k: int) -> bool:
    if not 0 <= k < len(words):
        return False
    low = words.folded[k]
    if low in _ABBREVIATED:  # «с.», «г.»: an abbreviation has its dot; a bare «с» is the preposition
        return k + 1 < len(words) and words.tokens[k + 1].text == "."
    return _prefixed(low, type_prefixes())


def is_name_word(words: Words, k: int, capitals: frozenset[str] = CYRILLIC_CAPITALS) -> bool:
    """A capitalised word of letters (and inner hyphens: Усть-Каменогорск), two letters or more, that starts
    with one of `capitals` (Cyrillic ones unless told)."""
    text = words.tokens[k].text
    return len(text) > 1 and text[0] in capitals and text.replace("-", "").replace("'", "").isalpha()


def typed_forms(words: Words, i: int, n: int) -> Iterator[tuple[int, int]]:
    """Token ranges of name words i..i+n with a type word after, before, or both (longest first)."""
    before = i - 1 if is_type_word(words, i - 1) else None
    if before is not None and words.tokens[before].text == "." and is_type_word(words, i - 2):
        before = i - 2
    if i >= 2 and words.tokens[i - 1].text == "." and words.folded[i - 2] in _ABBREVIATED:
        before = i - 2
    after = i + n if is_type_word(words, i + n) else None
    if before is not None and after is not None:
        yield before, after + 1
    if after is not None:
        yield i, after + 1
    if before is not None:
        yield before, i + n


def has_type_word_near(words: Words, i: int, run: int) -> bool:
    """Whether `typed_forms` finds a type word for some of the name words i..i+n, n up to `run` (asked of
    every name word of a text: `is_type_word` inlined)."""
    folded, toks, stems = words.folded, words.tokens, type_prefixes()
    if i >= 2 and toks[i - 1].text == "." and folded[i - 2] in _ABBREVIATED:
        return True
    for k in (i - 1, *range(i + 1, min(i + run + 1, len(toks)))):
        if k < 0:
            continue
        low = folded[k]
        if low in _ABBREVIATED:
            if k + 1 < len(toks) and toks[k + 1].text == ".":
                return True
        elif low[:3] in stems or low[:4] in stems or low[:5] in stems:
            return True
    return False


@lru_cache(maxsize=1)
def body_heads() -> tuple[frozenset[str], frozenset[str]]:
    """(ru, kk) stems of the head nouns of state and public bodies' names (first ru word, last kk word)."""
    rows = [r for r in load_tsv("orgs/bodies.tsv") if r["type"] in ("state_body", "public_body")]
    ru = {_stem(next((w for w in r["name_ru"].split() if not is_adjective(w)), "")) for r in rows}
    kk = {_stem(r["name_kk"].split()[-1]) for r in rows}
    return frozenset(ru), frozenset(kk)


def _head_near(words: Words, k: int, step: int, heads: frozenset[str]) -> bool:
    for j in range(k, k + step * _HEAD_WINDOW, step):
        if not 0 <= j < len(words) or words.folded[j] in _STOPS:
            return False
        if _prefixed(words.folded[j], heads):
            return True
    return False


def _token_range(words: Words, starts: list[int], lo: int, hi: int) -> tuple[int, int]:
    first = bisect_right(starts, lo) - 1
    last = bisect_right(starts, hi - 1) - 1
    return max(first, 0), last + 1


QUOTED_REACH = 200  # characters on each side of a mention searched for the quoted name that holds it
_MAX_QUOTED_CHARS = 80
_QUOTE_MARK = regex.compile(f"[{DOUBLE_QUOTES}]")


@bounded_cache(8 << 20, maxsize=8, sizeof=lambda marks: 48 * len(marks), keep_oversize=True)
def quote_positions(text: str) -> tuple[int, ...]:
    """Offsets of the double quote marks of `text` (found once per text: every PERSON and place mention asks)."""
    return tuple(m.start() for m in _QUOTE_MARK.finditer(text))


def inside_quoted_name(text: str, lo: int, hi: int) -> bool:
    """Whether [lo, hi) is a word of a short quoted name that holds more than it («Таза Қазақстан»): a quoted
    name within 200 characters, read on the text as written (every quote character counts as `"`).

    The quoted names are what `QUOTED_NAME_RE.finditer` finds in the window, read off the text's quote marks: from
    the first mark in the window, a mark and the next one enclose a name when 1 to 80 characters without a
    line break lie between them (both then used), else the search goes on from the next mark."""
    start, stop = max(0, lo - QUOTED_REACH), min(len(text), hi + QUOTED_REACH)
    marks = quote_positions(text)
    i, count = bisect_left(marks, start), len(marks)
    while i + 1 < count and marks[i + 1] < stop:
        s, e = marks[i] + 1, marks[i + 1]
        if not 0 < e - s <= _MAX_QUOTED_CHARS or text.find("\n", s, e) >= 0:
            i += 1
            continue
        if s <= lo and hi <= e and (s, e) != (lo, hi) and len(text[s:e].split()) <= _MAX_QUOTED_WORDS:
            return True
        i += 2
    return False


# an English name or gloss set off by quote marks or brackets: ‘Safe City’, (Road to School)
_OPENERS = {"‘": "’", "'": "'", '"': '"', "“": "”", "«": "»", "(": ")"}
_ENCLOSED_REACH = 60


def enclosed_title(text: str, lo: int, hi: int) -> bool:
    """Whether [lo, hi) lies in a short title-cased stretch between quote marks (single ones too: ‘Safe
    City’) or in a bracketed gloss longer than itself («(Road to School)»): a name of something else, as an
    English text writes project titles and translations, not a place."""
    left = text.rfind("\n", max(0, lo - _ENCLOSED_REACH), lo) + 1 or max(0, lo - _ENCLOSED_REACH)
    for i in range(lo - 1, left - 1, -1):
        close = _OPENERS.get(text[i])
        if close is None:
            continue
        if text[i] == "'" and i > 0 and text[i - 1].isalnum():
            continue  # an apostrophe (Kazakhstan's)
        j = text.find(close, hi, min(len(text), hi + _ENCLOSED_REACH))
        if j < 0 or text.find("\n", hi, j) >= 0:
            return False
        words = text[i + 1:j].split()
        title = bool(words) and len(words) <= _MAX_QUOTED_WORDS and words[0][:1].isupper() \
            and all(w[:1].isupper() or len(w) <= 3 for w in words)
        return title and (close != ")" or (i + 1, j) != (lo, hi))
    return False


_RU_PLACE_ADJ = ("ского", "ской", "ском", "скому", "ский", "ская", "цкого", "цкой", "цком")


@word_cache(2 << 20)
def place_adjective(word: str) -> bool:
    """A Russian adjective made from a place name (Алматинского, Карасайском): names an oblast or district
    with a type word after it."""
    if not fold(word).endswith(_RU_PLACE_ADJ):
        return False
    return any(kato.lookup(f"{word} {noun}", "ru") for noun in ("области", "района"))


def blocked(doc: Document, words: Words, layers: list[Entity]) -> Callable[[int, int], bool]:
    """A test of whether the place at [lo, hi) is a word of another name or an attributive form."""
    projects = [(e.start, e.end) for e in layers if e.label == "PROJECT"]
    starts = words.starts
    ru_heads, kk_heads = body_heads()

    def test(lo: int, hi: int) -> bool:
        if any(s <= lo and hi <= e for s, e in projects):
            return True
        if inside_quoted_name(doc.text, lo, hi):
            return True
        first, end = _token_range(words, starts, lo, hi)
        if end < len(words) and words.folded[end] == "." and end + 1 < len(words) and \
                words.tokens[end + 1].start == words.tokens[end].end and words.tokens[end + 1].text.isascii():
            return True  # a site: Almaty.tv
        if words.folded[end - 1] in _ATTRIBUTIVE or (end < len(words) and words.folded[end] in _ATTRIBUTIVE):
            return True
        return _head_near(words, end, 1, kk_heads) or _head_near(words, first - 1, -1, ru_heads)

    return test


def _unmarked(name: str) -> str:
    """A KATO name without its "named after" mark (им.Н.Ильясова -> Н.Ильясова, Н.Ілиясов атын.)."""
    return " ".join(_NAME_MARK.sub(" ", name).split()) or name


def place_entity(doc: Document, lo: int, hi: int, place: kato.Place, source: str,
                 crosswalk: dict[str, str]) -> Entity:
    """A LOC entity for `place`: the gazetteer's id and names where it has the place, else the KATO ones."""
    lang = doc.lang_at(lo)
    lang = lang if lang in ("ru", "kk", "en") else "ru"  # an English passage names it in English (Shieli District)
    place_id = crosswalk.get(place.id, place.id)
    entry: Optional[dict] = lookup(place_id)
    names = dict(entry["names"]) if entry else {x: _unmarked(kato.nominative(place, x)) for x in ("ru", "kk", "en")}
    attrs = {"type": entry["type"] if entry else kato.record_type(place), "name": names.get(lang) or names["ru"],
             "names": names, "kato": place.kato}
    return Entity("LOC", doc.text[lo:hi], lo, hi, source, id=place_id, attrs=attrs)
