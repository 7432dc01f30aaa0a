"""Districts, which are too many to list: «Бухар-Жырауского района», «Іле ауданындағы», «Zhambyl district».

The LOC gets a generated id `loc:district:<slug>` built from the name's stem, so the Russian adjective and
the Kazakh noun of one district usually meet (Жамбылский район / Жамбыл ауданы -> loc:district:zhambyl).

>>> doc = Document("d", "t", "аким Бухар-Жырауского района", lang="ru")
>>> [(e.attrs["name"], e.id) for e in extract_districts(doc)]
[('Бухар-Жырауский район', 'loc:district:bukhar_zhyrau')]
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer import Lexicon
from ppo_nlp.extract.rules.quoted import list_words
from ppo_nlp.normalize.ids import slug
from ppo_nlp.resources import load_table
from ppo_nlp.text import Words, fold

_FIRST3 = itemgetter(slice(None, 3))

SOURCE = "rule:district"


@lru_cache(maxsize=None)
def district_nouns() -> Lexicon:
    return Lexicon((row[1], row[2], row[2]) for row in load_table("list_words") if row[0] == "district_noun")


@lru_cache(maxsize=None)
def noun_prefixes() -> frozenset[str]:
    return frozenset(fold(w)[:3] for k, w, *_ in load_table("list_words") if k == "district_noun")


@lru_cache(maxsize=None)
def templates() -> dict[str, str]:
    """Nominative name templates per language, e.g. `{stem} District`."""
    return {row[1]: row[2] for row in load_table("list_words") if row[0] == "district_name"}


@lru_cache(maxsize=None)
def adjective_endings() -> tuple[tuple[str, str], ...]:
    """(oblique ending, nominative ending) of Russian district adjectives, longest first."""
    rows = [(row[1], row[2]) for row in load_table("list_words") if row[0] == "adj_end"]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def _title(text: str) -> str:
    return text.title() if text.isupper() else text


def ru_name(words: Words, j: int) -> Optional[tuple[int, str, str]]:
    """(first word, nominative, stem) of a Russian district adjective at word `j`."""
    word = words.folded[j]
    for end, nominative in adjective_endings():
        if word.endswith(end) and len(word) - len(end) >= 3:
            stem = _title(words.tokens[j].text[: len(word) - len(end)])
            return j, templates()["ru"].format(stem=stem, end=nominative), stem
    return None


def kk_name(words: Words, j: int, lang: str) -> Optional[tuple[int, str, str]]:
    """(first word, nominative, stem) of a capitalized name (with a particle: Бұқар жырау) ending at word `j`."""
    first = j - 1 if words.folded[j] in list_words("particle") else j
    if first < 0 or not _name_word(words.tokens[first].text):
        return None
    stem = _title(words.text[words.tokens[first].start : words.tokens[j].end])
    return first, templates()[lang].format(stem=stem), stem


def _name_word(text: str) -> bool:
    return text[:1].isupper() and text.replace("-", "").isalpha()


def _district_at(doc: Document, words: Words, k: int) -> Optional[Entity]:
    lang = district_nouns().match(words.folded[k])
    if lang is None or k == 0:
        return None
    found = ru_name(words, k - 1) if lang == "ru" else kk_name(words, k - 1, lang)
    if found is None:
        return None
    first, name, stem = found
    lo, hi = words.tokens[first].start, words.tokens[k].end
    attrs = {"type": "district", "name": name, "names": {x: (name if x == lang else None) for x in ("ru", "kk", "en")}}
    return Entity("LOC", doc.text[lo:hi], lo, hi, SOURCE, id=f"loc:district:{slug(stem)}", attrs=attrs)


def extract_districts(doc: Document, words: Optional[Words] = None) -> list[Entity]:
    """LOC entities for districts named by an adjective + район or a name + ауданы."""
    words = words or Words(doc.text)
    out = []
    firsts = map(_FIRST3, words.folded[1:])  # a word whose first letters start no district noun is skipped in C
    for k in compress(range(1, len(words)), map(noun_prefixes().__contains__, firsts)):
        ent = _district_at(doc, words, k)
        if ent is not None:
            out.append(ent)
    return out
