"""Word matching with inflection: a folded word matches a base when it is the base plus a known ending.

Bases come from dictionary forms: Russian words lose their longest case ending (`жамбылская` -> `жамбылск`),
the last word of a Kazakh name its possessive (`облысы` -> `облыс`), so `Жамбылской`, `облысында`,
`облыстық` all match.

>>> lex = Lexicon([("область", "ru", "region")])
>>> lex.match(fold("областей")), lex.match(fold("облако"))
('region', None)
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product
from typing import Any, Iterable, Optional

from ppo_nlp.resources import load_table
from ppo_nlp.text import fold

MIN_STEM = 4  # a stripped base must keep at least this many letters
MIN_INFLECTED = 3  # shorter words only match exactly


@lru_cache(maxsize=None)
def _slots() -> dict[tuple[str, str], tuple[str, ...]]:
    slots: dict[tuple[str, str], list[str]] = {}
    for lang, slot, endings in load_table("suffixes"):
        slots.setdefault((lang, slot), []).extend(endings.split())
    return {k: tuple(v) for k, v in slots.items()}


@lru_cache(maxsize=None)
def endings() -> frozenset[str]:
    """Every ending a word may carry: Russian, Kazakh chains, and both after a hyphen or apostrophe."""
    s = _slots()
    kk = {"".join(p) for p in product(("",) + s["kk", "plural"], ("",) + s["kk", "possessive"], ("",) + s["kk", "case"])}
    kk |= set(s["kk", "derivation"])
    ru = set(s["ru", "case"]) | set(s["ru", "derivation"])
    plain = (kk | ru | set(s["en", "plural"])) - {""}
    joined = {sep + e for e in plain for sep in "-'"}
    return frozenset(plain | joined | {""})


@lru_cache(maxsize=None)
def max_ending() -> int:
    return max(len(e) for e in endings())


def _strip_set(lang: str) -> tuple[str, ...]:
    s = _slots()
    if lang == "ru":
        return tuple(sorted(s["ru", "case"], key=len, reverse=True))
    if lang == "kk":
        return tuple(sorted(s["kk", "possessive"], key=len, reverse=True))
    return ()


def bases(word: str, lang: str, inflect: bool = True, last: bool = True) -> tuple[set[str], set[str]]:
    """(exact forms, inflectable bases) of one folded dictionary word."""
    if not inflect or len(word) < MIN_INFLECTED or not word.isalnum() and "-" not in word:
        return {word}, set()
    stems = {word}
    if lang == "ru" or (lang == "kk" and last):
        cut = [word[: -len(end)] for end in _strip_set(lang) if word.endswith(end) and len(word) - len(end) >= MIN_STEM]
        stems.update(cut if lang == "kk" else cut[:1])  # Kazakh -ы/-сы is ambiguous: keep both stems
    return set(), stems


@lru_cache(maxsize=None)
def ending_tails() -> frozenset[str]:
    """Every tail of every ending (`"ами"` gives `"ами"`, `"ми"`, `"и"`, `""`): a word whose last letters are
    none of them ends in no ending that holds those letters."""
    return frozenset(e[i:] for e in endings() for i in range(len(e) + 1))


def split_word(word: str, stems: Any) -> Iterable[str]:
    """Every base in `stems` (a container) that `word` is made of: base + known ending, longest base first.
    The cut moves left while the word's tail is still the tail of some ending (no longer ending can match
    once it is not), not through every cut that `max_ending` allows."""
    ends, tails = endings(), ending_tails()
    lo = max(1, len(word) - max_ending())
    for cut in range(len(word), lo - 1, -1):
        tail = word[cut:]
        if tail not in tails:
            return
        if tail in ends and word[:cut] in stems:
            yield word[:cut]


class Lexicon:
    """Single words (lemma, lang, value) matched with their endings."""

    def __init__(self, items: Iterable[tuple[str, str, Any]]) -> None:
        self.exact: dict[str, Any] = {}
        self.stems: dict[str, Any] = {}
        for lemma, lang, value in items:
            exact, stems = bases(fold(lemma), lang)
            for form in exact:
                self.exact.setdefault(form, value)
            for stem in stems:
                self.stems.setdefault(stem, value)
        self.prefixes = frozenset(key[:3] for key in (*self.exact, *self.stems))

    def match(self, word: str) -> Optional[Any]:
        """The value of the lemma that the folded `word` is a form of, else None."""
        if word[:3] not in self.prefixes:
            return None
        if word in self.exact:
            return self.exact[word]
        for stem in split_word(word, self.stems):
            return self.stems[stem]
        return None


def lang_of(word: str) -> str:
    """`kk` for words with Kazakh letters, `en` for Latin, else `ru` (which also strips endings)."""
    if any(ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for ch in word):
        return "kk"
    return "en" if word[:1].isascii() else "ru"
