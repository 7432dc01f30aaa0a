"""spaCy's `word_shape` (the lexical attribute SHAPE the NER models embed), the same strings, faster.

Every word new to a model's vocabulary gets its shape computed: «Amanat» -> «Xxxxx», «2024» -> «dddd»
(runs of one shape character kept to four). spaCy loops over the characters in Python; here one
`str.translate` maps them and one regex shortens the runs (tests/extract/ner/test_shape.py compares both
on a table and on random strings).
"""
from __future__ import annotations

import regex

LONG = 100  # words this long or longer have the shape «LONG», as in spaCy
MAX_KNOWN_CHARS = 8192  # characters whose shape is kept (any text can hold many distinct ones)
_RUNS = regex.compile(r"(.)\1{4,}", regex.DOTALL)


class _ShapeChars(dict):
    """Code point -> shape character, filled on first sight: X, x, d, or the character itself."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        shape = ("X" if char.isupper() else "x") if char.isalpha() else "d" if char.isdigit() else char
        if len(self) < MAX_KNOWN_CHARS:
            self[code] = shape
        return shape


_CHARS = _ShapeChars()


def word_shape(text: str) -> str:
    """The shape of a word, as `spacy.lang.lex_attrs.word_shape` gives it."""
    size = len(text)
    if size >= LONG:
        return "LONG"
    if text.isalpha():  # most words: «xxxx» or «Xxxxx» without a translate or a regex (7x faster)
        if text.islower():  # no upper-case (nor title-case) letter: every letter shapes as x
            return "xxxx"[:size]
        if text[0].isupper() and (size == 1 or text[1:].islower()):
            return "X" + "xxxx"[:size - 1]
    shape = text.translate(_CHARS)
    return _RUNS.sub(r"\1\1\1\1", shape) if len(shape) > 4 else shape
