"""English capitalisation is not a name: headline case, sentence starts and ALL CAPS lines.

An English NER model trained on news reads every capitalised word as a possible name. In English news a
capital also marks a headline («Pop Concert Gains Momentum»), the first word of a sentence or of a dateline
(«ASTANA – Whether …»), a title («The Mayor said») or a nationality («Kazakh cities»). `english_noise` says
which NER mentions of an English passage are such capitals; `merge.plausible` drops them. So does it drop
an organization named only by its kind («The Party», «the Ministry»: `generic_reference`).

>>> text = "Rallies And Concerts Gain Momentum\\nAmong the guests was Nurlan Abenov."
>>> headline_line(text, 3), headline_line(text, 40)
(True, False)
>>> sentence_initial(text, text.index("Among")), sentence_initial(text, text.index("Nurlan"))
(True, False)
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.doc import Document, Entity
from ppo_nlp.normalize import places
from ppo_nlp.normalize.names import is_latin_first_name, is_surname_shape
from ppo_nlp.resources import load_lines, load_tsv, read_rows

_WORD = regex.compile(r"[^\W\d_][\w'’-]*")
_OPENERS = "\"'“‘«(["
_BREAKS = ".!?:;\n–—|"
_POSSESSIVE = regex.compile(r"['’]s$")  # «the Party’s»
_AFTER_ANY = float("inf")  # sorts after every end offset of a span starting at the same place
MIN_HEADLINE_WORDS = 3  # capitalised words of four letters or more that make a line a headline
HEADLINE_SHARE = 0.75
MIN_COMMON_CAPS = 2  # capitalised words of a title-case line the text also writes in lower case


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    return load_lines("ner/en_determiners.txt")


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return load_lines("ner/en_not_names.txt")


@lru_cache(maxsize=1)
def _dangling_words() -> frozenset[str]:
    return load_lines("ner/en_dangling_words.txt")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(row[0] for row in read_rows("positions/heads_en.tsv"))


@lru_cache(maxsize=1)
def _not_name_ends() -> frozenset[str]:
    return load_lines("names/en_not_name_words.txt")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """English names of the countries (`places/countries.tsv`), lower case."""
    return frozenset(r["name_en"].lower() for r in load_tsv("places/countries.tsv"))


def _known_place(name: str) -> bool:
    return name.lower() in _countries() or bool(places.lookup(name.title(), "en"))


@lru_cache(maxsize=1)
def _not_org_heads() -> frozenset[str]:
    return load_lines("ner/en_not_org_heads.txt")


@lru_cache(maxsize=1)
def _generic_org_words() -> frozenset[str]:
    return load_lines("ner/en_generic_org_words.txt")


def generic_reference(words: list[str]) -> bool:
    """An organization's mention made only of determiners and words naming a kind of organization («The
    Party», «the Ministry», «The Committee»): a reference to a body named elsewhere, not a name.

    >>> generic_reference(["The", "Party"]), generic_reference(["The", "Party", "of", "Regions"])
    (True, False)
    """
    k = 0
    while k < len(words) - 1 and words[k].lower() in _determiners():
        k += 1
    return all(_POSSESSIVE.sub("", w.lower()) in _generic_org_words() for w in words[k:])


def _title_case(line: str) -> tuple[bool, list[str]]:
    """Whether most long words of `line` are capitalised (all of them capitals: shouted), and those words."""
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    if len(words) >= MIN_HEADLINE_WORDS and all(w.isupper() for w in words):
        return True, []
    caps = [w for w in words if w[0].isupper()]
    if line.rstrip().endswith("."):
        return False, caps
    return len(caps) >= MIN_HEADLINE_WORDS and len(caps) >= HEADLINE_SHARE * len(words), caps


def _headline(line: str, first: bool, lower: frozenset[str]) -> bool:
    """A line in capitals, or in title case that is the text's first line or capitalises words the text
    writes in lower case elsewhere (Gains, Momentum): a list of names (Jonas Bjorkman, Sweden) is none."""
    title_case, caps = _title_case(line)
    if not title_case:
        return False
    return first or not caps or sum(w.lower() in lower for w in caps) >= MIN_COMMON_CAPS


class TextFacts(NamedTuple):
    """What the checks need of a whole text, found once: the spans of its headline lines, its lower-case words."""

    headlines: tuple[tuple[int, int], ...]
    lower: frozenset[str]


@bounded_cache(16 << 20, maxsize=8, keep_oversize=True)
def text_facts(text: str) -> TextFacts:
    lower = frozenset(w for w in _WORD.findall(text) if w.islower())
    spans, at, first = [], 0, True
    for line in text.split("\n"):
        if _headline(line, first, lower):
            spans.append((at, at + len(line)))
        at += len(line) + 1
        first = first and not line.strip()
    return TextFacts(tuple(spans), lower)


def headline_line(text: str, offset: int) -> bool:
    """The line holding `offset` is in headline case (most words of four letters or more capitalised) or in
    capitals."""
    spans = text_facts(text).headlines  # line spans, in order and apart
    k = bisect_right(spans, (offset, _AFTER_ANY)) - 1
    return k >= 0 and offset <= spans[k][1]


def _previous_word(text: str, offset: int) -> tuple[str, int]:
    """The word before `offset` on the same stretch of spaces and opening quotes, and where it starts; ""
    when a break (sentence end, colon, dash, line break) or the start of the text comes first."""
    k = offset
    while k > 0 and (text[k - 1] in " \t" or text[k - 1] in _OPENERS):
        k -= 1
    if k == 0 or text[k - 1] in _BREAKS:
        return "", k
    m = regex.search(r"[^\W\d_]+$", text[max(0, k - 40):k])
    return (m.group(), k - len(m.group())) if m else ("", -1)


def sentence_initial(text: str, offset: int) -> bool:
    """The word at `offset` opens a sentence, a line or a dateline, alone or after a determiner (The, A)."""
    word, at = _previous_word(text, offset)
    if at < 0:
        return False
    return not word or after_opening_determiner(text, offset)


def after_opening_determiner(text: str, offset: int) -> bool:
    """The word at `offset` follows a determiner that opens a sentence («The Roadmap was adopted»): a
    capital there marks a common noun more often than a name. (A capital opening a sentence alone may be
    any word, a dateline's city among them: LONDON –, Leicester :.)"""
    word, at = _previous_word(text, offset)
    if at < 0 or not word[:1].isupper() or word.lower() not in _determiners():
        return False
    before, start = _previous_word(text, at)
    return start >= 0 and not before


def _lowercase_elsewhere(text: str, word: str) -> bool:
    """The document writes `word` in lower case too (roadmap, mayor): a common word, not a name."""
    low = word.lower()
    return low != word and low in text_facts(text).lower


def _lone_word_noise(entity: Entity, word: str, text: str) -> bool:
    low = word.lower()
    if low in _not_names() or low in _titles() or _lowercase_elsewhere(text, word):
        return True
    if entity.label == "PERSON":  # a lone English name: a surname's shape or a listed first name
        return not (is_surname_shape(word, strong=True) or is_latin_first_name(word))
    if entity.label == "LOC" and not word.isupper() and sentence_initial(text, entity.start):
        return not _known_place(word)  # «Beside the stage», «Orchard owners»: the capital any opening word
        # has; a place the place data knows, or a dateline's city in capitals, stays
    return after_opening_determiner(text, entity.start)


def _determined_place(entity: Entity, words: list[str]) -> bool:
    """«The Country», «the Village»: a determiner and one word the place data does not know, a common noun."""
    return (entity.label == "LOC" and len(words) == 2 and words[0].lower() in _determiners()
            and not _known_place(words[1]))


def english_noise(entity: Entity, doc: Document) -> bool:
    """An NER mention of an English passage that is capitalisation, not a name."""
    text = doc.text
    if headline_line(text, entity.start):  # a place the place data knows is a place in a headline too
        return not (entity.label == "LOC" and _known_place(entity.text))
    words = _WORD.findall(entity.text)
    if not words:
        return True
    if entity.label == "ORG" and (words[-1].lower() in _not_org_heads() or generic_reference(words)):
        return True
    if words[-1].lower() in _dangling_words() or _determined_place(entity, words):
        return True  # «The Heart of»: a span cut before its head
    if len(words) == 1:
        return _lone_word_noise(entity, words[0], text)
    return entity.label == "PERSON" and words[-1].lower() in _not_name_ends()  # «Kairat Club», «Abai Prize»
