"""One lazily created pymorphy3 analyzer and cached lookups on it."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

MAX_WORD = 40  # longer "words" are not words; never hand them to the analyzer


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process-wide pymorphy3 MorphAnalyzer."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of a Russian word (empty for non-words)."""
    if not word or len(word) > MAX_WORD:
        return ()
    return tuple(analyzer().parse(word))


def lemma(word: str) -> str:
    """The most likely normal form of a Russian word."""
    found = parses(word.lower())
    return found[0].normal_form if found else word.lower()


def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 considers for a word."""
    return frozenset(p.normal_form for p in parses(word.lower()))
