"""Russian NER output checked against the morphological dictionary (pymorphy3's OpenCorpora tags).

The ru model knows words only through hashed spellings and small vectors, so it calls places people
(«с Анкарой», «Южными Курилами») and glues separators into names («Крис Хелмбрехт -»). pymorphy3 knows
which words are place names and which are common words; these checks use that, in order:

0. `trim_tail`, `lone_common_word`: trailing lower-case function words and modifiers are cut from
   every name, and a name that is one common word («Турецкий») is dropped.
1. `place_not_person`: a PERSON whose last word is a place name (Geox) and none of whose words is a
   first name, surname or patronymic becomes LOC.
2. `split_person`: a PERSON span is cut at separators (a spaced dash, a comma, an ellipsis, brackets);
   pieces without a capital letter, a leading word that is never a name («Реакцией Кана» → «Кана») and
   a lone common word are dropped.
3. `place_not_org`, `split_places`, `split_position`: a one-word ORG that is only a place name becomes
   LOC; place names side by side in one LOC («Крыма Россией») are one LOC each; a POSITION ending in a
   place name gives that place to a LOC («министр связи РФ»), as the training data marks them.
4. `lone_places`: a capitalised word outside every span whose every dictionary reading is a place name
   becomes LOC («Беларусь», «Гаваны»).

>>> [(e.label, e.text) for e in check_ru("Переговоры с Анкарой.", [Entity("PERSON", "Анкарой", 13, 20, "ner:ru")])]
[('LOC', 'Анкарой')]
"""
from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ppo_nlp.cache import word_cache
from ppo_nlp.doc import Entity
from ppo_nlp.normalize.morph import (COMMON_POS, PERSON_TAGS, PROPER_TAGS, analyzer, common_word, has_tag,
                                      is_adjective, known_parses, lemma, only_place)
from ppo_nlp.resources import load_lines

_WORD = regex.compile(r"\w+(?:-\w+)*")
# The words of `_WORD.finditer` whose first character may be upper-case: where `_WORD` starts a word (no word
# character before, nor a hyphen glued to one) and not on a lower-case letter, a digit or «_».
_MAYBE_CAPITAL = regex.compile(r"(?<!\w)(?<!\w-)(?=[^\p{Ll}\d_])\w+(?:-\w+)*")
_SEPARATOR = regex.compile(r"\s+[-–—]\s*|\s*[-–—]\s+|,\s*|…|[()]")
_MIN_TRIM = 3  # shorter leading words are initials («А.»), never trimmed


def check_ru(text: str, entities: list[Entity]) -> list[Entity]:
    """The checks above on the entities of one Russian text (offsets into `text`)."""
    out: list[Entity] = []
    for entity in entities:
        entity = trim_tail(text, entity) if entity.label != "POSITION" else entity
        if entity is None or lone_common_word(text, entity):
            continue
        if entity.label == "PERSON":
            entity = place_not_person(text, entity)
            out.extend(split_person(text, entity) if entity.label == "PERSON" else [entity])
        elif entity.label == "ORG":
            out.append(place_not_org(text, entity))
        elif entity.label == "LOC":
            out.extend(split_places(text, entity))
        elif entity.label == "POSITION":
            out.extend(split_position(text, entity))
        else:
            out.append(entity)
    source = entities[0].source if entities else "ner:ru"
    return sorted(out + list(lone_places(text, out, source)), key=lambda e: (e.start, e.end))


def split_person(text: str, entity: Entity) -> Iterator[Entity]:
    """The name-like pieces of a PERSON span."""
    start = entity.start
    bounds = []
    for sep in _SEPARATOR.finditer(text, entity.start, entity.end):
        bounds.append((start, sep.start()))
        start = sep.end()
    bounds.append((start, entity.end))
    for lo, hi in bounds:
        words = list(_WORD.finditer(text, lo, hi))
        while len(words) > 1 and len(words[0].group()) >= _MIN_TRIM and not_a_name(words[0].group()):
            words = words[1:]
        if not any(w.group()[:1].isupper() for w in words):
            continue
        if len(words) == 1 and common_one(words[0].group()):
            continue
        lo, hi = words[0].start(), _trim_end(text, words[0].start(), hi)
        yield _with_span(entity, text, lo, hi, entity.label)


@word_cache(1 << 20)
def not_a_name(word: str) -> bool:
    """A word the dictionary knows, in no reading a name of any kind («Реакцией», «Сегодня»)."""
    found = known_parses(word) if listed(word) else []
    return bool(found) and all(p.tag.grammemes.isdisjoint(PROPER_TAGS) for p in found)


def _trim_end(text: str, lo: int, hi: int) -> int:
    """`hi` moved left past trailing spaces and punctuation (a dot stays: «Дж.»)."""
    while hi > lo and not text[hi - 1].isalnum() and text[hi - 1] != ".":
        hi -= 1
    return hi


def trim_tail(text: str, entity: Entity) -> Entity | None:
    """`entity` without trailing lower-case function words and modifiers («Владивостоком и», «посол
    Италии в», «Подмосковью минувшим»); None when nothing is left."""
    words = list(_WORD.finditer(text, entity.start, entity.end))
    keep = len(words)
    while keep > 0 and words[keep - 1].group()[:1].islower() and _function_or_modifier(words[keep - 1].group()):
        keep -= 1
    if keep == len(words):
        return entity
    if keep == 0:
        return None
    return _with_span(entity, text, entity.start, _trim_end(text, entity.start, words[keep - 1].end()),
                      entity.label)


@word_cache(1 << 20)
def _function_or_modifier(word: str) -> bool:
    """The likeliest reading of `word` is a part of speech names never end with («и», «в», «минувшим»)."""
    found = known_parses(word) if listed(word) else []
    return bool(found) and found[0].tag.POS in COMMON_POS


def lone_common_word(text: str, entity: Entity) -> bool:
    """A one-word name that is a common word in every reading («Турецкий», «Пилотируемые»)."""
    words = _WORD.findall(text, entity.start, entity.end)
    return entity.label != "POSITION" and len(words) == 1 and common_one(words[0])


def place_not_person(text: str, entity: Entity) -> Entity:
    """LOC for a PERSON that ends in a place name and holds no personal name."""
    words = _WORD.findall(text, entity.start, entity.end)
    if words and place_tag(words[-1]) and not any(person_tag(w) for w in words):
        return _with_span(entity, text, entity.start, entity.end, "LOC")
    return entity


def place_not_org(text: str, entity: Entity) -> Entity:
    """LOC for an ORG that is a place: one word the dictionary knows only as a place name («Химок»,
    «Лубянке»), or adjectives before a territory word from `resources/ner/place_heads.txt`
    («Дальневосточном федеральном округе», «Палестинского государства»)."""
    words = _WORD.findall(text, entity.start, entity.end)
    one_place = len(words) == 1 and place_word(words[0])
    territory = (len(words) > 1 and lemma(words[-1]) in load_lines("ner/place_heads.txt")
                 and all(is_adjective(w) for w in words[:-1]))
    if one_place or territory:
        return _with_span(entity, text, entity.start, entity.end, "LOC")
    return entity


def split_places(text: str, entity: Entity) -> Iterator[Entity]:
    """A LOC made of place names side by side («Крыма Россией») as one LOC each."""
    words = list(_WORD.finditer(text, entity.start, entity.end))
    if len(words) > 1 and all(place_word(w.group()) for w in words):
        yield from (_with_span(entity, text, w.start(), w.end(), "LOC") for w in words)
    else:
        yield entity


def split_position(text: str, entity: Entity) -> Iterator[Entity]:
    """A POSITION ending in a place name is a POSITION and a LOC («министр связи РФ» → «РФ»), as the
    training data marks them."""
    words = list(_WORD.finditer(text, entity.start, entity.end))
    last = words[-1] if len(words) > 1 else None
    if last is None or not last.group()[:1].isupper() or not place_word(last.group()):
        yield entity
        return
    yield _with_span(entity, text, entity.start, _trim_end(text, entity.start, last.start()), "POSITION")
    yield _with_span(entity, text, last.start(), last.end(), "LOC")


def lone_places(text: str, entities: list[Entity], source: str = "ner:ru") -> Iterator[Entity]:
    """LOC for capitalised words outside `entities` that the dictionary knows only as place names."""
    taken = _union((e.start, e.end) for e in entities)
    k = 0
    for word in _MAYBE_CAPITAL.finditer(text):
        while k < len(taken) and taken[k][1] <= word.start():
            k += 1
        inside = k < len(taken) and taken[k][0] < word.end()
        if not inside and word.group()[:1].isupper() and place_word(word.group()):
            yield Entity("LOC", word.group(), word.start(), word.end(), source, 1.0)


@word_cache(1 << 20)  # each check below asks first
def listed(word: str) -> bool:
    """Whether the dictionary holds the word (ё written as е allowed), as some reading's `is_known` asks: a
    word it does not hold has no dictionary reading, so the checks above skip parsing it (tested)."""
    return analyzer().word_is_known(word)


# The dictionary checks above, kept per word (pymorphy3 re-reads a parse's `is_known` at each call): most
# names of a text come again in the next one.
@word_cache(1 << 20)
def place_word(word: str) -> bool:
    """`only_place`: every dictionary reading of the word is a place name."""
    return listed(word) and only_place(word)


@word_cache(1 << 20)
def common_one(word: str) -> bool:
    """`common_word`: every reading of the word is a common word."""
    return listed(word) and common_word(word)


@word_cache(1 << 20)
def place_tag(word: str) -> bool:
    """Some dictionary reading of the word is a place name (Geox)."""
    return listed(word) and has_tag(word, ("Geox",))


@word_cache(1 << 20)
def person_tag(word: str) -> bool:
    """Some dictionary reading of the word is a first name, surname or patronymic."""
    return listed(word) and has_tag(word, PERSON_TAGS)


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping cover of `spans`."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _with_span(entity: Entity, text: str, start: int, end: int, label: str) -> Entity:
    return Entity(label, text[start:end], start, end, entity.source, entity.score)
