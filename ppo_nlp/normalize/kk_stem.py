"""Kazakh endings: the one table `resources/kk/endings.tsv`, and stripping case, possessive and plural
suffixes with it.

Endings are peeled in the order Kazakh stacks them from the right: case, then possessive, then plural.

>>> strip_kk("ұйымының")
('ұйым', ['poss', 'gen'])
>>> strip_kk("мүшелері")
('мүше', ['plural', 'poss'])
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional

from ppo_nlp.cache import bounded_cache
from ppo_nlp.resources import load_tsv

MIN_STEM = 2
LAYERS = (frozenset({"abl", "gen", "dat", "loc", "acc", "ins", "adj"}), frozenset({"poss"}), frozenset({"plural"}))
# A stem-final voiced consonant before a vowel ending goes back to its dictionary (voiceless) form.
_DEVOICE = {"г": "к", "ғ": "қ", "б": "п"}


def endings() -> tuple[dict[str, str], ...]:
    """Every row of the Kazakh endings table: suffix, kind, stem, name, after_poss."""
    return load_tsv("kk/endings.tsv")


@lru_cache(maxsize=1)
def suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, kind) pairs peeled to reach a stem, longest first."""
    rows = [(r["suffix"], r["kind"]) for r in endings() if r["stem"] == "stem"]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def name_endings() -> tuple[tuple[str, str], ...]:
    """(suffix, "strong" | "weak") of the case endings that attach to the last word of a name."""
    return tuple((r["suffix"], r["name"]) for r in endings() if r["name"] != "-")


def after_possessive() -> tuple[str, ...]:
    """The case endings that may follow a 3rd-person possessive (хатшысы-ның, төрағасы-на)."""
    return tuple(r["suffix"] for r in endings() if r["after_poss"] == "yes")


@lru_cache(maxsize=1)
def _suffix_index() -> tuple[tuple[int, dict[str, tuple[str, ...]]], ...]:
    """`suffixes()` by length, longest first: (length, ending -> its kinds in table order)."""
    by_len: dict[int, dict[str, tuple[str, ...]]] = {}
    for suffix, kind in suffixes():
        table = by_len.setdefault(len(suffix), {})
        table[suffix] = table.get(suffix, ()) + (kind,)
    return tuple(sorted(by_len.items(), reverse=True))


def _endings(word: str) -> list[tuple[int, str]]:
    """(length, kind) of each ending of `suffixes()` that `word` has, leaving a stem of `MIN_STEM` letters, in
    the order of `suffixes()`: a look-up per length, not a test per ending."""
    return [(n, kind) for n, table in _suffix_index() if len(word) - n >= MIN_STEM
            for kind in table.get(word[-n:], ())]


def strip_one(word: str, kinds: Iterable[str]) -> Optional[tuple[str, str]]:
    """Remove the longest ending of one of `kinds`; None when none fits."""
    allowed = frozenset(kinds)
    for n, kind in _endings(word):
        if kind in allowed:
            return word[:-n], kind
    return None


def _peel(word: str, layer: frozenset[str]) -> list[tuple[str, str]]:
    """Every (stem, kind) one ending of `layer` can leave, longest ending first."""
    return [(word[:-n], kind) for n, kind in _endings(word) if kind in layer]


def _candidates(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every stem reachable by peeling the layers in order."""
    frontier: list[tuple[str, tuple[str, ...]]] = [(word, ())]
    for layer in LAYERS:
        frontier = frontier + [(s, (k,) + kinds) for stem, kinds in frontier for s, k in _peel(stem, layer)]
    return frontier


def _greedy(word: str) -> tuple[str, tuple[str, ...]]:
    """Peel the longest ending of each layer in turn."""
    stem, kinds = word, ()
    for layer in LAYERS:
        step = strip_one(stem, layer)
        if step is not None:
            stem, kinds = step[0], (step[1],) + kinds
    return stem, kinds


@bounded_cache(4 << 20)
def _strip(word: str, known: Optional[frozenset[str]]) -> tuple[str, tuple[str, ...]]:
    if known is not None:
        for stem, kinds in sorted(_candidates(word), key=lambda c: len(c[1])):
            for form in (stem, _undo_softening(stem, kinds)):
                if form in known:
                    return form, kinds
    stem, kinds = _greedy(word)
    return _undo_softening(stem, kinds), kinds


def strip_kk(word: str, known: Optional[frozenset[str]] = None) -> tuple[str, list[str]]:
    """The stem of a Kazakh word and the endings removed (innermost first); prefers a `known` stem."""
    stem, kinds = _strip(word.lower(), known)
    return stem, list(kinds)


def _undo_softening(stem: str, kinds: tuple[str, ...]) -> str:
    """`қыркүйег` (from `қыркүйегі`) -> `қыркүйек`."""
    if kinds and len(stem) > 3 and stem[-1] in _DEVOICE:
        return stem[:-1] + _DEVOICE[stem[-1]]
    return stem
