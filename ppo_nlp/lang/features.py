"""Hashed character n-grams in pure numpy, shared by training (`scripts/train_langid.py`) and inference.

A text is lower-cased and framed by spaces, every run of non-letters becomes one boundary mark, and each
n-gram (n = 1..max_n) inside one text is hashed with a multiply-xor chain into `2**bits` buckets.
Many texts are hashed in one pass; `owner` tells which text each n-gram belongs to.

>>> ids, owner = hash_ngrams(["Аб", "?"], max_n=2, bits=8)
>>> len(ids), owner.tolist()
(8, [0, 0, 0, 0, 1, 0, 0, 0])
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import numpy as np

BOUNDARY = 32  # the space code point stands for every run of non-letters
# 32-bit FNV-1a over code points, then a Fibonacci multiply; the top `bits` bits are the bucket.
_PRIME = np.uint32(0x01000193)
_SEED = np.uint32(0x811C9DC5)
_MIX = np.uint32(0x9E3779B1)

# Letter classes for code points in the Basic Multilingual Plane.
NONLETTER, LATIN, CYRILLIC, OTHER_SCRIPT = 0, 1, 2, 3


# Above U+3000 only these ranges hold Latin or Cyrillic letters; everything else alphabetic is another script.
_NAMED_RANGES = ((0, 0x3000), (0xA640, 0xA6A0), (0xA720, 0xA800), (0xAB30, 0xAB70), (0xFB00, 0xFB07),
                 (0xFF21, 0xFF5B))


@lru_cache(maxsize=1)
def script_table() -> np.ndarray:
    """uint8 table: the letter class of every code point (BMP classified, astral planes non-letters)."""
    alpha = np.fromiter(map(str.isalpha, map(chr, range(0x10000))), dtype=bool, count=0x10000)
    table = np.zeros(0x110000, dtype=np.uint8)
    table[:0x10000] = np.where(alpha, OTHER_SCRIPT, NONLETTER)
    for lo, hi in _NAMED_RANGES:
        for cp in np.flatnonzero(alpha[lo:hi]) + lo:
            name = unicodedata.name(chr(cp), "")
            if name.startswith("LATIN"):
                table[cp] = LATIN
            elif name.startswith("CYRILLIC"):
                table[cp] = CYRILLIC
    return table


def code_points(text: str) -> np.ndarray:
    """The text as a uint32 array of code points."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def latin_extra(text: str) -> int:
    """How many Latin letters of `text` lie outside a-z/A-Z."""
    if text.isascii():
        return 0
    cps = code_points(text)
    return int(np.count_nonzero((letter_classes(cps) == LATIN) & (cps > 127)))


def letter_counts(texts: list[str]) -> list[int]:
    """`sum(ch.isalpha() for ch in text)` for every text, in one numpy pass (astral letters asked of Python)."""
    if not texts:
        return []
    cps = code_points("".join(texts))
    letter = letter_classes(cps) != NONLETTER
    for i in np.flatnonzero(cps > 0xFFFF).tolist():
        letter[i] = chr(cps[i]).isalpha()
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths)
    before = np.concatenate(([0], np.cumsum(letter, dtype=np.int64)))  # letters before each position
    return (before[ends] - before[ends - lengths]).tolist()


def letter_classes(cps: np.ndarray) -> np.ndarray:
    """Letter class (NONLETTER/LATIN/CYRILLIC/OTHER_SCRIPT) per code point; astral planes count as non-letters."""
    return script_table()[cps]


@dataclass(frozen=True)
class Prepared:
    """Texts as one boundary-collapsed code sequence, with per-text letter counts."""

    seq: np.ndarray  # uint32 code points, every run of non-letters one BOUNDARY, every text framed by them
    owner: Optional[np.ndarray]  # text index per position (None for a single text)
    scripts: np.ndarray  # (n_texts, 4) counts of NONLETTER/LATIN/CYRILLIC/OTHER_SCRIPT code points
    # for a single text: the number of `seq` positions up to each code point of " text " (its `seq` index + 1)
    kept: Optional[np.ndarray] = None


def prepare(texts: list[str]) -> Prepared:
    """Lower-case, frame each text with spaces, map non-letters to BOUNDARY and collapse their runs."""
    lowered = [t.lower() for t in texts]
    raw = code_points("".join(f" {t} " for t in lowered))
    cls = letter_classes(raw)
    letter = cls != NONLETTER
    keep = letter.copy()
    keep[1:] |= letter[:-1]
    seq = np.where(letter, raw, np.uint32(BOUNDARY))
    if len(texts) == 1:
        keep[0] = True
        return Prepared(seq[keep], None, np.bincount(cls, minlength=4)[None, :], np.cumsum(keep))
    lengths = np.fromiter((len(t) + 2 for t in lowered), dtype=np.int64, count=len(texts))
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keep[np.cumsum(lengths) - lengths] = True  # each text's opening space
    scripts = np.bincount(owner * 4 + cls, minlength=4 * len(texts)).reshape(-1, 4)
    return Prepared(seq[keep], owner[keep], scripts)


def ngram_ids(prep: Prepared, max_n: int = 4, bits: int = 18) -> tuple[np.ndarray, Optional[np.ndarray]]:
    """Bucket ids of every n-gram (1..max_n) inside one text, and their owners (None for one text)."""
    seq, owner = prep.seq, prep.owner
    h = (seq ^ _SEED) * _PRIME
    parts, owners = [h], [owner]
    for n in range(2, min(max_n, len(seq)) + 1):
        h = (h[:-1] ^ seq[n - 1:]) * _PRIME
        parts.append(h)
        if owner is not None:
            owners.append(np.where(owner[:len(h)] == owner[n - 1:], owner[:len(h)], -1))
    ids = (np.concatenate(parts) * _MIX) >> np.uint32(32 - bits)
    if owner is None:
        return ids, None
    own = np.concatenate(owners)
    valid = own >= 0
    return ids[valid], own[valid]


def hash_ngrams(texts: list[str], max_n: int = 4, bits: int = 18) -> tuple[np.ndarray, np.ndarray]:
    """Bucket ids of every n-gram (1..max_n) of every text and the owning text index."""
    ids, owner = ngram_ids(prepare(texts), max_n, bits)
    return ids.astype(np.intp), (np.zeros(len(ids), dtype=np.intp) if owner is None else owner)
