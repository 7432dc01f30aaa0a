"""The tokens of a text that may be part of a number: digit runs (with their separators and a hyphenated
ending), `%`, and the words that are number words, multipliers or "and".

The tokens are those of `TOKEN_RE` read over the whole text, the others left out; `joined` tells whether
some other token lay between a kept token and the one kept before it («двух тысяч» is one number, «двух
новых тысяч» is not). A text is read once for this: its letter runs are the ones the date reader split it
into (`normalize.dates.token_keys`, made by the dates stage before the counts stage asks), so only the
runs that begin a number word are looked at here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Optional

import regex

from ppo_nlp.cache import word_cache
from ppo_nlp.normalize.dates import token_keys
from ppo_nlp.normalize.number_words import WordNum, abbreviations, lexicon, word_value
from ppo_nlp.text import lowers_in_place

# Digits, optionally grouped by one space/dot/comma between digit runs, and a hyphenated ending.
TOKEN_RE = regex.compile(
    r"(?P<num>\d+(?:[.,\u00a0\u202f ]\d+)*+)(?:-(?P<suf>[^\W\d_]++))?"
    r"|(?P<word>[^\W\d_]++(?:-[^\W\d_]++)*+)(?P<dot>\.)?"
    r"|(?P<pct>%)",
)
# The digit and percent tokens of `TOKEN_RE` alone: a digit run after a digit and a separator goes on the
# number before it («54 000»), any other one begins a token.
_DIGITS_RE = regex.compile(r"(?<!\d|\d[.,\u00a0\u202f ])(?P<num>\d+(?:[.,\u00a0\u202f ]\d+)*+)(?:-(?P<suf>[^\W\d_]++))?"
                           r"|(?P<pct>%)")
# A word token of `TOKEN_RE` at the start of a letter run: none where the run is a number's ending («5-ден»)
# or goes on a hyphenated word, save the word after an ending («5-ден-нен»: «нен» begins one).
_WORD_RE = regex.compile(r"(?<!\d-)(?:(?<![^\W\d_]-)|(?<=\d-[^\W\d_]+-))"
                         r"(?P<word>[^\W\d_]++(?:-[^\W\d_]++)*+)(?P<dot>\.)?")
_TOKEN_CHAR = regex.compile(r"[^\W_]|%")  # what every token of `TOKEN_RE` begins with


@dataclass
class NumberToken:
    start: int
    end: int
    text: str
    kind: str  # num | word | pct
    suffix: str = ""
    dot: bool = False
    joined: bool = False  # no other token of `TOKEN_RE` lies between this one and the one kept before it


def number_tokens(text: str, lang: str) -> list[NumberToken]:
    """The tokens of `text` that may be part of a number, in order (`lang`: ru, kk or en)."""
    low = _head_text(text)
    if low is None:
        return _stream_tokens(text, lang)
    heads, (starts, keys) = _number_heads(lang), token_keys(text)
    words = compress(starts, map(heads.__contains__, keys))  # `_head_key` of a token, read as `low` reads it
    found = [m for m in map(_WORD_RE.match, [low] * len(starts), words) if m is not None]
    found.extend(_DIGITS_RE.finditer(low))
    found.sort(key=regex.Match.start)
    out, end = [], 0
    for m in found:
        tok = _digits(m, text) if m.re is _DIGITS_RE else _word(m, text, lang)
        if tok is not None:
            tok.joined, end = bool(out) and _TOKEN_CHAR.search(low, end, m.start()) is None, m.end()
            out.append(tok)
    return out


def _digits(m: regex.Match, text: str) -> NumberToken:
    """The token of a digits or percent match (of `TOKEN_RE` or `_DIGITS_RE`), its ending read from `text`."""
    if m["num"] is None:
        return NumberToken(m.start(), m.end(), "%", "pct")
    return NumberToken(m.start(), m.end(), m["num"], "num", text[m.start("suf"):m.end("suf")] if m["suf"] else "")


def _word(m: regex.Match, text: str, lang: str) -> Optional[NumberToken]:
    """The token of a word match as written in `text`; None for a word that is no part of a number."""
    word = text[m.start("word"):m.end("word")]
    if not _may_be_number(word, lang):
        return None
    return NumberToken(m.start("word"), m.end("word"), word, "word", dot=m["dot"] is not None)


def _stream_tokens(text: str, lang: str) -> list[NumberToken]:
    """`number_tokens` read off every token of `TOKEN_RE` in turn (for a text `_head_text` cannot read whole)."""
    out, heads, low = [], _number_heads(lang), _head_text(text)
    last = -2  # the index in the stream of the token kept last
    for seq, m in enumerate(TOKEN_RE.finditer(low or text)):
        word = m["word"]
        if word is None:
            tok: Optional[NumberToken] = _digits(m, text)
        else:
            tok = _word(m, text, lang) if (word if low else _head_key(word)).partition("-")[0] in heads else None
        if tok is not None:
            tok.joined, last = seq == last + 1, seq
            out.append(tok)
    return out


def _head_key(word: str) -> str:
    return word.lower().replace("ё", "е")


def _head_text(text: str) -> Optional[str]:
    """`_head_key` of the whole text, read once: the same offsets, tokens and keys as word by word where
    `lowers_in_place`; None for another text, read word by word."""
    return _head_key(text) if lowers_in_place(text) else None


@lru_cache(maxsize=8)
def _number_heads(lang: str) -> frozenset[str]:
    """What a word that `_may_be_number` accepts reads as before its first hyphen, lower-cased with ё as е:
    a set test that spares most words the call (the first of every number word, "and", abbreviations)."""
    words = {"and", *abbreviations(), *lexicon(lang)}
    return frozenset(word.replace("ё", "е").partition("-")[0] for word in words)


@word_cache(8 << 20)
def _may_be_number(word: str, lang: str) -> bool:
    """Whether a word token can take part in a number: a number word, an abbreviated multiplier or "and"."""
    low = word.lower()
    return low == "and" or low in abbreviations() or number_word(word, lang) is not None


@word_cache(8 << 20, value_bytes=256)
def number_word(word: str, lang: str) -> Optional[WordNum]:
    """The number word `word` is, including hyphenated "twenty-one"."""
    found = word_value(word, lang)
    if found is None and "-" in word:
        parts = [word_value(p, lang) for p in word.split("-")]
        if all(parts) and len(parts) == 2 and parts[0].value >= 20 and parts[1].value < 10:
            return WordNum(parts[0].value + parts[1].value, "unit")
    return found
