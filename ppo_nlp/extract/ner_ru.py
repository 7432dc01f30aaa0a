"""Russian NER output checked against the morphological dictionary (pymorphy3's OpenCorpora tags).

The ru model knows words only through hashed spellings and small vectors, so it calls places people
(«с Анкарой», «Южными Курилами») and glues separators into names («Крис Хелмбрехт -»). pymorphy3 knows
which words are place names and which are common words; three checks use that, in order:

1. `place_not_person`: a PERSON whose last word is a place name (Geox) and none of whose words is a
   first name, surname or patronymic becomes LOC.
2. `split_person`: a PERSON span is cut at separators (a spaced dash, a comma, an ellipsis, brackets);
   pieces without a capital letter, a leading word that is never a name («Реакцией Кана» → «Кана») and
   a lone common word are dropped.
3. `lone_places`: a capitalised word outside every span whose every dictionary reading is a place name
   becomes LOC («Беларусь», «Гаваны»).

>>> [(e.label, e.text) for e in check_ru("Переговоры с Анкарой.", [Entity("PERSON", "Анкарой", 13, 20, "ner:ru")])]
[('LOC', 'Анкарой')]
"""
from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ppo_nlp.doc import Entity
from ppo_nlp.normalize._morph import PERSON_TAGS, PROPER_TAGS, common_word, has_tag, known_parses, only_place

_WORD = regex.compile(r"\w+(?:-\w+)*")
_SEPARATOR = regex.compile(r"\s+[-–—]\s*|\s*[-–—]\s+|,\s*|…|[()]")
_MIN_TRIM = 3  # shorter leading words are initials («А.»), never trimmed


def check_ru(text: str, entities: list[Entity]) -> list[Entity]:
    """The three checks above on the entities of one Russian text (offsets into `text`)."""
    out: list[Entity] = []
    for entity in entities:
        if entity.label != "PERSON":
            out.append(entity)
            continue
        entity = place_not_person(text, entity)
        out.extend(split_person(text, entity) if entity.label == "PERSON" else [entity])
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
        if len(words) == 1 and common_word(words[0].group()):
            continue
        lo, hi = words[0].start(), _trim_end(text, words[0].start(), hi)
        yield _with_span(entity, text, lo, hi, entity.label)


def not_a_name(word: str) -> bool:
    """A word the dictionary knows, in no reading a name of any kind («Реакцией», «Сегодня»)."""
    found = known_parses(word)
    return bool(found) and not any(t in p.tag for p in found for t in PROPER_TAGS)


def _trim_end(text: str, lo: int, hi: int) -> int:
    """`hi` moved left past trailing spaces and punctuation (a dot stays: «Дж.»)."""
    while hi > lo and not text[hi - 1].isalnum() and text[hi - 1] != ".":
        hi -= 1
    return hi


def place_not_person(text: str, entity: Entity) -> Entity:
    """LOC for a PERSON that ends in a place name and holds no personal name."""
    words = _WORD.findall(text, entity.start, entity.end)
    if words and has_tag(words[-1], ("Geox",)) and not any(has_tag(w, PERSON_TAGS) for w in words):
        return _with_span(entity, text, entity.start, entity.end, "LOC")
    return entity


def lone_places(text: str, entities: list[Entity], source: str = "ner:ru") -> Iterator[Entity]:
    """LOC for capitalised words outside `entities` that the dictionary knows only as place names."""
    taken = _union((e.start, e.end) for e in entities)
    k = 0
    for word in _WORD.finditer(text):
        while k < len(taken) and taken[k][1] <= word.start():
            k += 1
        inside = k < len(taken) and taken[k][0] < word.end()
        if not inside and word.group()[:1].isupper() and only_place(word.group()):
            yield Entity("LOC", word.group(), word.start(), word.end(), source, 1.0)


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
