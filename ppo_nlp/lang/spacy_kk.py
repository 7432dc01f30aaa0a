"""A spaCy `kk` (Kazakh) language: tokenizer exceptions for abbreviations, number words, stop words.

spaCy 3.8 ships no `kk` module, so this one registers itself under `spacy.registry.languages`.
Import this module before `spacy.blank("kk")` or `spacy.load()` of a Kazakh pipeline.

>>> import spacy
>>> import ppo_nlp.lang.spacy_kk  # noqa: F401
>>> [t.text for t in spacy.blank("kk")("2023 ж. Астана қ. өтті.")]
['2023', 'ж.', 'Астана', 'қ.', 'өтті', '.']
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import LIKE_NUM
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.lang.punctuation import TOKENIZER_INFIXES
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

from ppo_nlp.normalize.kk_stem import strip_kk
from ppo_nlp.resources import load_tsv, read_rows

_NUM_SUFFIX_MAX = 5  # letters a number word may carry (бірінші, екіге, онынан)


def _variants(orth: str) -> set[str]:
    """The written form and, for lower-case entries, its Capitalized and UPPER forms."""
    if orth != orth.lower():
        return {orth}
    return {orth, orth[:1].upper() + orth[1:], orth.upper()}


def load_abbreviations() -> dict[str, str]:
    """Abbreviation -> full form, every case variant included."""
    return {v: norm for orth, norm in read_rows("kk/abbreviations.tsv") for v in _variants(orth)}


def tokenizer_exceptions() -> dict[str, list[dict]]:
    """spaCy's base exceptions (emoticons, ...) plus the Kazakh abbreviations as single tokens."""
    exc = {orth: [{ORTH: orth, NORM: norm}] for orth, norm in load_abbreviations().items()}
    return update_exc(BASE_EXCEPTIONS, exc)


# Hyphenated words stay whole (Қасым-Жомарт, сондай-ақ, іс-шаралар), as KazNERD tokenizes them.
_HYPHEN_INFIX = r"(?<=[{a}])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS)
INFIXES: list[str] = [p for p in TOKENIZER_INFIXES if p != _HYPHEN_INFIX]


def number_stems() -> frozenset[str]:
    """Kazakh number words as stems: the cardinals of `numbers/number_words.tsv` and the fraction words of
    `numbers/fractions.tsv` (жартысы -> жарты), kept once for the number reader and the tokenizer."""
    cardinals = {r["form"] for r in load_tsv("numbers/number_words.tsv") if r["lang"] == "kk"}
    fractions = {strip_kk(r["form"])[0] for r in load_tsv("numbers/fractions.tsv") if r["lang"] == "kk"}
    return frozenset(cardinals | fractions)


NUM_WORDS: frozenset[str] = number_stems()
STOP_WORDS: set[str] = {row[0] for row in read_rows("kk/stop_words.txt")}


def like_num(text: str) -> bool:
    """Digits (with separators), fractions, or a Kazakh number word with a short suffix."""
    text = text.lstrip("+-±~")
    stripped = text.replace(",", "").replace(".", "").replace(" ", "")
    if stripped.isdigit():
        return True
    if text.count("/") == 1 and all(p.isdigit() for p in text.split("/")):
        return True
    low = text.lower()
    return any(low.startswith(w) and len(low) - len(w) <= _NUM_SUFFIX_MAX for w in NUM_WORDS if len(w) > 2) \
        or low in NUM_WORDS


class KazakhDefaults(BaseDefaults):
    """Tokenizer and lexical settings of the `kk` language."""

    tokenizer_exceptions = tokenizer_exceptions()
    lex_attr_getters = {LIKE_NUM: like_num}
    stop_words = STOP_WORDS
    infixes = INFIXES


class Kazakh(Language):
    """spaCy Language for Kazakh (Cyrillic script)."""

    lang = "kk"
    Defaults = KazakhDefaults


# spaCy looks the class itself up in this registry (`spacy.blank("kk")`, `spacy.load()`).
spacy.registry.languages.register("kk", func=Kazakh)


@lru_cache(maxsize=1)
def blank_kk() -> Language:
    """A cached blank Kazakh pipeline (tokenizer only)."""
    return spacy.blank("kk")


__all__ = ["Kazakh", "KazakhDefaults", "blank_kk", "like_num", "load_abbreviations"]
