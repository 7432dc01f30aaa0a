"""Context words: some aliases (a bare city name, «Нұр Отан» as a project) count only near a word of their kind.

Shared by the gazetteer matcher, the akimat resolver and the branch rules.
"""
from __future__ import annotations

from functools import lru_cache

from ppo_nlp.extract.gazetteer.inflect import Lexicon
from ppo_nlp.resources import load_table
from ppo_nlp.text import SENTENCE_END, Words, fold

# (words before, words after) searched for a context word of each kind
WINDOWS = {"party": (3, 3), "project": (4, 3), "city": (2, 2), "region_noun": (0, 8)}


@lru_cache(maxsize=None)
def context_lexicons() -> dict[str, Lexicon]:
    """One lexicon of context words per `needs_context` kind."""
    kinds: dict[str, list[tuple[str, str, str]]] = {}
    for kind, lemma in load_table("context_words"):
        kinds.setdefault(kind, []).append((lemma, "kk" if lemma != fold(lemma) else "ru", kind))
    return {kind: Lexicon(items) for kind, items in kinds.items()}


def has_context(words: Words, start: int, end: int, kind: str) -> bool:
    """Whether a context word of `kind` stands within the kind's window around words[start:end]."""
    lex = context_lexicons().get(kind)
    before, after = WINDOWS.get(kind, (3, 3))
    if lex is None:
        return False
    for j in range(start - 1, max(-1, start - before - 1), -1):
        if words.folded[j] in SENTENCE_END:
            break
        if lex.match(words.folded[j]):
            return True
    for j in range(end, min(len(words), end + after)):
        if words.folded[j] in SENTENCE_END:
            break
        if lex.match(words.folded[j]):
            return True
    return False
