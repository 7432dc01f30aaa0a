"""Which tokens may head a position title: the first test `positions.find_positions` makes of each token."""
from __future__ import annotations

from functools import lru_cache
from itertools import compress, count

from ppo_nlp.cache import word_cache
from ppo_nlp.extract.officials.lexicon import (en_heads, en_key, en_participles, kk_heads, ru_head_prefixes, ru_heads,
                                               ru_key)
from ppo_nlp.extract.officials.persons import Ctx
from ppo_nlp.extract.officials.ru_phrases import ru_head_forms
from ppo_nlp.text import fold


def head_candidates(ctx: Ctx) -> list[int]:
    """The tokens that `may_head` may accept, by their folded form: a set look-up per token in C, not a cached
    call. `fold` of a word is `fold` of its lower-case key, letter for letter («Экс–премьера» and its key
    «экс–премьера» both fold to «экс-премьера»); a word with a prefix has its letters in the lower-cased text."""
    keys, prefixes, letters = _head_keys()
    found = list(compress(count(), map(keys.__contains__, ctx.folded)))
    low = ctx.doc.text.lower()
    if any(stem in low for stem in letters):
        found = sorted({*found, *(i for i, key in enumerate(ctx.folded) if key.startswith(prefixes))})
    return found


@lru_cache(maxsize=1)
def _head_keys() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Folded words that are a head in some language, the folded prefixes a head may carry, and their letters
    (the dash any dash)."""
    words = [*ru_heads(), *kk_heads(), *en_heads(), *en_participles()]
    prefixes = tuple(fold(p) for p in (*ru_head_prefixes(), "ex-"))
    letters = tuple(p.rstrip("-") for p in prefixes)
    if any(fold(stem.upper()) != stem for stem in letters):
        raise ValueError(f"head prefixes must be letters that fold keeps, and a dash: {letters}")
    return frozenset(map(fold, words)), prefixes, letters


@word_cache(8 << 20)
def may_head(word: str, lang: str) -> bool:
    """Whether `word` is a head word of the finder of `lang` (`positions.py`: `_kk_at`, `_en_at`, `_ru_at`)."""
    if lang == "kk":
        return fold(word) in kk_heads()
    if lang == "en":
        low = word.lower()
        return low in en_heads() or low in en_participles() or low.startswith("ex-") and en_key(low) in en_heads()
    key = ru_key(word)
    if key in ru_heads():  # a head in any number (plural: «один из руководителей»)
        return True
    return key.startswith(ru_head_prefixes()) and bool(ru_head_forms(word))  # «экс-премьера»
