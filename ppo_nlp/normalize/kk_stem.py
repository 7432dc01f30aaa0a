"""Kazakh endings: the one table `resources/kk/endings.tsv`, and stripping case, possessive and plural
suffixes with it.

Endings are peeled in the order Kazakh stacks them from the right: case, then possessive, then plural. An
ending is peeled only after a letter it can follow (its `after` column), and a stem that dropped its vowel
before a possessive gets it back (`kk/vowel_drop.tsv`).

>>> strip_kk("ұйымының")
('ұйым', ['poss', 'gen'])
>>> strip_kk("мүшелері")
('мүше', ['plural', 'poss'])
>>> strip_kk("орны")
('орын', ['poss'])
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
# The letter classes of the `after` column of `kk/endings.tsv`.
_VOICE = {v: k for k, v in _DEVOICE.items()}
_VOWELS = frozenset("аәеиоөуұүыіэюяё")
_BACK = frozenset("аоұыя")
_AFTER = {"V": "аәеиоөуұүыіэюяё", "R": "рйуиь", "L": "л", "Z": "зж", "M": "мнң", "X": "кқпстфхцчшщбвгдғ",
          "P": "ыі"}


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


@lru_cache(maxsize=1)
def _adverb_endings() -> tuple[tuple[str, str], ...]:
    """(suffix, letters it follows) of the manner adverb endings."""
    return tuple((r["suffix"], "".join(_AFTER[c] for c in r["after"])) for r in endings() if r["kind"] == "adv")


def is_adverb(word: str) -> bool:
    """A manner adverb made with -лай/-тай after a letter that ending follows ("қаржылай", "заттай")."""
    for suffix, before in _adverb_endings():
        if word.endswith(suffix) and len(word) - len(suffix) > MIN_STEM:
            return word[-len(suffix) - 1] in before
    return False


def after_possessive() -> tuple[str, ...]:
    """The case endings that may follow a 3rd-person possessive (хатшысы-ның, төрағасы-на)."""
    return tuple(r["suffix"] for r in endings() if r["after_poss"] == "yes")


def _after(code: str) -> Optional[frozenset[str]]:
    """The letters an `after` code lets a stem end in; None for any."""
    return None if code == "*" else frozenset("".join(_AFTER[c] for c in code))


_Index = tuple[tuple[int, dict[str, tuple[tuple[str, Optional[frozenset[str]]], ...]]], ...]


@lru_cache(maxsize=1)
def _suffix_indexes() -> tuple[_Index, _Index]:
    """The peeled endings by length, longest first: (length, ending -> its (kind, letters before) in table
    order); the greedy index, then the one that also holds the endings peeled toward a known stem."""
    greedy: dict[int, dict] = {}
    full: dict[int, dict] = {}
    for row in sorted(endings(), key=lambda r: -len(r["suffix"])):
        suffix, entry = row["suffix"], (row["kind"], _after(row["after"]))
        for index, wanted in ((greedy, ("stem",)), (full, ("stem", "known"))):
            if row["stem"] in wanted:
                table = index.setdefault(len(suffix), {})
                table[suffix] = table.get(suffix, ()) + (entry,)
    return tuple(sorted(greedy.items(), reverse=True)), tuple(sorted(full.items(), reverse=True))


def _endings(word: str, toward_known: bool = False) -> list[tuple[int, str]]:
    """(length, kind) of each ending `word` has after a letter the ending can follow, leaving a stem of
    `MIN_STEM` letters, longest first: a look-up per length, not a test per ending."""
    index = _suffix_indexes()[1 if toward_known else 0]
    return [(n, kind) for n, table in index if len(word) - n >= MIN_STEM
            for kind, before in table.get(word[-n:], ()) if before is None or word[-n - 1] in before]


@lru_cache(maxsize=1)
def _vowel_drops() -> dict[str, str]:
    """Stem as a possessive leaves it -> its dictionary form ("орн" -> "орын")."""
    return {r["dropped"]: r["stem"] for r in load_tsv("kk/vowel_drop.tsv")}


def strip_one(word: str, kinds: Iterable[str]) -> Optional[tuple[str, str]]:
    """Remove the longest ending of one of `kinds`; None when none fits."""
    allowed = frozenset(kinds)
    for n, kind in _endings(word):
        if kind in allowed:
            return word[:-n], kind
    return None


def _peel(word: str, layer: frozenset[str]) -> list[tuple[str, str]]:
    """Every (stem, kind) one ending of `layer` can leave, longest ending first, the endings peeled only
    toward a known stem included."""
    return [(word[:-n], kind) for n, kind in _endings(word, True) if kind in layer]


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
    """`қыркүйег` (from `қыркүйегі`) -> `қыркүйек`; `орн` (from `орны`) -> `орын`."""
    if kinds and kinds[0] == "poss" and stem in _vowel_drops():
        return _vowel_drops()[stem]
    if kinds and len(stem) > 3 and stem[-1] in _DEVOICE:
        return stem[:-1] + _DEVOICE[stem[-1]]
    return stem


@lru_cache(maxsize=1)
def _vowel_restores() -> dict[str, str]:
    """Dictionary form -> the stem a possessive leaves ("орын" -> "орн"): `_vowel_drops` turned round."""
    return {full: short for short, full in _vowel_drops().items()}


def possessive(stem: str) -> str:
    """The 3rd-person possessive of a dictionary stem, as a compound's last word takes it: "ұйым" -> "ұйымы",
    "мүше" -> "мүшесі", "орын" -> "орны", "ошақ" -> "ошағы"."""
    dropped = _vowel_restores().get(stem)
    vowels = [c for c in stem if c in _VOWELS]
    back = not vowels or vowels[-1] in _BACK
    if dropped:
        stem = dropped
    elif len(stem) > 3 and stem[-1] in _VOICE and stem[-2] in _VOWELS:
        stem = stem[:-1] + _VOICE[stem[-1]]
    return stem + ("с" if stem[-1] in _VOWELS else "") + ("ы" if back else "і")


CASES = ("abl", "gen", "dat", "loc", "acc", "ins")


def strip_case(word: str, known: frozenset[str]) -> str:
    """The case ending off a word, its possessive kept: "орнына" -> "орны", "ошағын" -> "ошағы"; a word read
    as a `known` stem with a possessive only keeps it ("тұрғыны" is тұрғын + ы, no accusative of "тұрғы")."""
    kinds = strip_kk(word, known)[1]
    if not kinds or kinds[-1] not in CASES:
        return word
    if word.endswith("н") and kinds[-2:] == ["poss", "acc"]:
        return word[:-1]  # the accusative н follows only a possessive
    cased = strip_one(word, CASES)
    return cased[0] if cased else word


def singular(word: str, known: frozenset[str]) -> str:
    """The plural off the last word of a compound, its possessive kept: "ұйымдар" -> "ұйым",
    "мүшелері" -> "мүшесі", "орындары" -> "орны"."""
    stem, kinds = strip_kk(word, known)
    if "plural" not in kinds or kinds[0] != "plural":
        return word
    return possessive(stem) if "poss" in kinds else stem
