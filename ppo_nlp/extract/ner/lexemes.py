"""The lexical attributes a spaCy NER model embeds, as the ids spaCy gives them, without spaCy.

A word's attributes are those of spaCy's default vocabulary for ru, kk and en (`spacy.vocab.create_vocab`:
the languages add only LIKE_NUM, which the models do not read): NORM is the word lower-cased unless
spaCy's base norms say otherwise (quotes, dashes, currency signs), PREFIX its first character, SUFFIX its
last three, SHAPE `shape.word_shape`; a special case of the tokenizer may give its token another NORM. An
attribute's value is the id of its string in spaCy's StringStore: 0 for "", a fixed small number for the
names spaCy keeps as symbols, else the string's hash (`hashing.hash_string`).
"""
from __future__ import annotations

from functools import lru_cache, partial
from typing import Callable, Optional

import numpy as np

from ppo_nlp.extract.ner.hashing import string_hasher
from ppo_nlp.extract.ner.shape import word_shape
from ppo_nlp.resources import read_rows

STRINGS = "ner/spacy_strings.tsv"  # spaCy's symbol ids and base norms (data, checked against spaCy by a test)
KNOWN_IDS = 65_536  # strings whose id is kept (pieces of words: prefixes, suffixes and shapes repeat)


@lru_cache(maxsize=1)
def spacy_strings() -> tuple[dict[str, int], dict[str, str]]:
    """(symbol name -> id, word -> base norm) as spaCy 3.8 has them."""
    rows = read_rows(STRINGS)
    return ({name: int(value) for kind, name, value in rows if kind == "symbol"},
            {word: value for kind, word, value in rows if kind == "norm"})


class StringIds(dict):
    """string -> spaCy's id of it (`StringStore.add`), computed once per string; past `KNOWN_IDS` strings
    it starts again from the symbols."""

    def __init__(self) -> None:
        super().__init__(spacy_strings()[0])
        self[""] = 0
        self.fixed = len(self)
        self.hasher = string_hasher()

    def __missing__(self, text: str) -> int:
        if len(self) - self.fixed >= KNOWN_IDS:
            self.clear()
            self.update(spacy_strings()[0])
            self[""] = 0
        value = self[text] = self.hasher(text)
        return value


def norm(text: str, base: dict[str, str]) -> str:
    """spaCy's NORM of a word (its base norm, else lower case)."""
    found = base.get(text)
    return text.lower() if found is None else found


ATTRS: dict[str, Callable[[list[str], list[str]], list[str]]] = {  # attribute -> its strings, from the words
    "ORTH": lambda texts, norms: texts,                               # and their NORMs (whole columns at once)
    "NORM": lambda texts, norms: norms,
    "LOWER": lambda texts, norms: [text.lower() for text in texts],
    "PREFIX": lambda texts, norms: [text[:1] for text in texts],
    "SUFFIX": lambda texts, norms: [text[-3:] for text in texts],
    "SHAPE": lambda texts, norms: list(map(word_shape, texts)),
}


class Lexemes:
    """`features(words)`: per (word, special-case NORM or None), the ids of `columns` (uint64 rows)."""

    def __init__(self, columns: list[str]) -> None:
        unknown = [name for name in columns if name not in ATTRS]
        if unknown:
            raise ValueError(f"lexical attributes without a numpy reading: {unknown}")
        self.getters = [ATTRS[name] for name in columns]
        self.ids = StringIds()
        self.base = spacy_strings()[1]
        self.norm = partial(norm, base=self.base)  # the NORM of a word (without a special case of the tokenizer)

    def features(self, words: list[tuple[str, Optional[str]]]) -> np.ndarray:
        """The ids column by column: one list of strings per attribute, their ids read in one pass each."""
        base, count = self.base, len(words)
        texts = [text for text, _ in words]
        norms = [norm(text, base) if special is None else special for text, special in words]
        out = np.empty((count, len(self.getters)), dtype=np.uint64)
        lookup = self.ids.__getitem__
        for column, get in enumerate(self.getters):
            out[:, column] = np.fromiter(map(lookup, get(texts, norms)), dtype=np.uint64, count=count)
        return out

    def orth_ids(self, words: list[tuple[str, Optional[str]]]) -> np.ndarray:
        ids = self.ids
        return np.fromiter((ids[text] for text, _ in words), dtype=np.uint64, count=len(words))
