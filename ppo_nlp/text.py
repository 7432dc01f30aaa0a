"""Small text helpers shared by every stage: word spans, quote folding and the matching key.

The matching key folds the differences a reader ignores: case, `ё`/`е`, Kazakh letters written with
their Russian look-alikes (`қ`/`к`, `ұ`/`у`, `ә`/`а`, `і`/`и`, ...), Latin look-alikes typed inside
Cyrillic words, and the many quote characters.

>>> fold("«Нұр Отан»")
'"нур отан"'
>>> [t.text for t in word_spans("ППО «Қарғалы», 2023 ж.")]
['ППО', '«', 'Қарғалы', '»', ',', '2023', 'ж', '.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple, Optional

import regex

from ppo_nlp.cache import bounded_cache, word_cache

# Kazakh-only letters and the Russian letters readers (and old fonts) write in their place.
_KK_TO_RU = str.maketrans({
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И",
    "ё": "е", "Ё": "Е",
})
DOUBLE_QUOTES = '"«»„“”‟″〝〞＂‹›'  # every character that `fold_quotes` (and `fold`) makes `"`
_QUOTES = str.maketrans({c: '"' for c in DOUBLE_QUOTES[1:]} | {c: "'" for c in "‘’‚‛′"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})


def _chain(*tables: dict[int, str]) -> dict[int, str]:
    """One `str.translate` table that does what `tables` do one after the other (one pass instead of several)."""
    out = {}
    for code in set().union(*tables):
        ch = chr(code)
        for table in tables:
            ch = ch.translate(table)
        out[code] = ch
    return out


_QUOTES_DASHES = _chain(_QUOTES, _DASHES)
_FOLD = _chain(_QUOTES, _DASHES, _KK_TO_RU)


class _CharSwap:
    """`swap(text)`: `text.translate(table)` for a table of one character for one, as a search for the
    characters it changes: `str.translate` looks every character of a Cyrillic text up in the table (~45 ns
    each), the search skips the unchanged ones in C (5x faster on a line or a text, the same on a word)."""

    def __init__(self, table: dict[int, str]) -> None:
        changed = {chr(code): ch for code, ch in table.items() if ch != chr(code)}
        self.sub = re.compile("[" + "".join(map(re.escape, sorted(changed))) + "]").sub
        self.get = changed.__getitem__

    def _one(self, match: re.Match) -> str:
        return self.get(match.group())

    def __call__(self, text: str) -> str:
        return self.sub(self._one, text)


_swap_fold = _CharSwap(_FOLD)
_swap_quotes_dashes = _CharSwap(_QUOTES_DASHES)
_MATCH = type(regex.match("", ""))

# The characters `re` and `regex` class alike for \w, \d and \s (tests/test_text.py checks each one): a text of
# these alone matches the same under both, and `re` scans it ~1.5x faster. Not in it: combining marks,
# superscript digits and vulgar fractions (`re` reads them as \w), characters outside the common blocks.
SAME_CLASSES = ("\t-\r\x20-\xb1\xb4-\xb8\xba\xbb\xbf-\u02ff\u0370-\u0482\u048a-\u052f\u2000-\u200b"
                "\u200e-\u203e\u2041-\u2053\u2055-\u206f\u20a0-\u20bf\u2100-\u214f\u2190-\u245f\u2500-\u2775")
_OTHER_CLASSES = re.compile(f"[^{SAME_CLASSES}]").search
_RE_MATCH = re.Match


class Scanner:
    """One pattern of word, digit and space classes and literal characters, matched by `re` where the text
    allows, else by `regex`."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.fast = re.compile(pattern)
        self.full = regex.compile(pattern, flags)

    def matches(self, text: str) -> tuple[list, type]:
        """`list(regex.finditer(pattern, text))` and the type of its matches (`re.Match` or regex's)."""
        if _OTHER_CLASSES(text) is None:
            return list(self.fast.finditer(text)), _RE_MATCH
        return list(self.full.finditer(text)), _MATCH


WORD_PATTERN = r"\w+(?:[-'’]\w+)*|[^\w\s]"
WORD_RE = regex.compile(WORD_PATTERN, regex.V1)
KK_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def word_spans(text: str) -> list[Token]:
    """Words (with inner hyphens/apostrophes) and single punctuation marks, with offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


_WORDS = Scanner(WORD_PATTERN, regex.V1)


def lowers_in_place(text: str) -> bool:
    """Whether `str.lower` maps each character of `text` to one character by itself, so that slices of the
    lowered text are the lowered slices: true save for İ (two characters) and Σ (its form depends on the
    next letter)."""
    return "İ" not in text and "Σ" not in text


class Tok(NamedTuple):
    """A word of `word_spans` (same fields as `Token`, cheaper to build)."""

    text: str
    start: int
    end: int


_TUPLE_NEW = tuple.__new__
_START, _END = itemgetter(1), itemgetter(2)  # of a Tok
SENTENCE_END = frozenset(".!?\n")


# A Words of news text with all its parts made (folded forms, offset indexes) holds ~66 bytes a character
# (tracemalloc, the longest Russian text of the throughput corpus); without the indexes ~45.
WORDS_BYTES_PER_CHAR = 72


class Words:
    """The tokens of a text (as `word_spans` splits it) with their folded forms."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches, kind = _WORDS.matches(text)
        # `tuple.__new__(Tok, (text, start, end))` is what `Tok(text, start, end)` does, without the Python frame
        # of the named tuple's own __new__: ~18 % of the tokenizing on news text
        self.tokens: list[Tok] = list(map(_TUPLE_NEW, repeat(Tok), zip(
            map(kind.group, matches), map(kind.start, matches), map(kind.end, matches))))

    @cached_property
    def folded(self) -> list[str]:
        """`fold` of each token (made on first use: the officials stage reads only the tokens): slices of the
        folded text where `lowers_in_place` (`fold` maps each character to one); another text is folded token
        by token."""
        if not lowers_in_place(self.text):
            return list(map(fold, [t.text for t in self.tokens]))
        whole = _swap_fold(self.text).lower()
        return [whole[start:end] for _, start, end in self.tokens]

    @cached_property
    def starts(self) -> list[int]:
        """The start offset of each token."""
        return list(map(_START, self.tokens))

    @cached_property
    def start_index(self) -> dict[int, int]:
        """Token index by start offset, made once for the rules and the gazetteer that look tokens up so
        (shared: read it, never change it)."""
        return dict(zip(map(_START, self.tokens), range(len(self.tokens))))

    @cached_property
    def end_index(self) -> dict[int, int]:
        """Token index by end offset (shared: read it, never change it)."""
        return dict(zip(map(_END, self.tokens), range(len(self.tokens))))

    def __len__(self) -> int:
        return len(self.tokens)


@bounded_cache(64 << 20, maxsize=8, sizeof=lambda words: WORDS_BYTES_PER_CHAR * len(words.text), keep_oversize=True)
def words_of(text: str) -> Words:
    """Tokens of `text`, shared by the gazetteer and the rules that run on the same text."""
    return Words(text)


def fold_quotes(text: str) -> str:
    """Every quote character to `"` or `'` and every dash to `-`; length is preserved."""
    return _swap_quotes_dashes(text)


@word_cache(8 << 20, value_bytes=400)
def fold(text: str) -> str:
    """The matching key: lower case, ё→е, Kazakh letters to Russian look-alikes, quotes/dashes unified."""
    return _swap_fold(text).lower()


def has_kazakh_letters(text: str) -> bool:
    return any(ch in KK_LETTERS for ch in text)


def python_digits(*parts: Optional[str]) -> bool:
    """Whether Python's `int` reads every given digit string (None parts are skipped).

    The `regex` module's `\\d` knows digits of newer Unicode versions (U+11BF0...) than this Python's
    `unicodedata`; a match made of those is not a number here.
    """
    return all(part is None or part.isdecimal() for part in parts)
