"""Number-word lexicons (ru, kk, en) built from `resources/numbers`, and how words combine into values.

Russian forms are generated from lemmas with pymorphy3, Kazakh forms from stems and case endings.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from ppo_nlp.normalize import morph
from ppo_nlp.resources import load_lines, load_tsv
from ppo_nlp.normalize.kk_stem import suffixes

KK_FORM_KINDS = frozenset({"abl", "gen", "dat", "loc", "acc", "ins", "poss"})


@dataclass(frozen=True)
class WordNum:
    """One number word: its value, kind (unit hundred scale multiplier fraction half) and Kazakh case."""

    value: float
    kind: str
    case: str = ""


def _ru_forms(lemma: str) -> set[str]:
    """Every inflected form of a Russian lemma (the lemma itself included)."""
    forms = {lemma}
    for parse in morph.parses(lemma):
        if parse.normal_form == lemma:
            forms.update(f.word.replace("ё", "е") for f in parse.lexeme)
    return forms


def _kk_forms(stem: str) -> dict[str, str]:
    """A Kazakh stem with each case ending: form -> case kind ('' for the bare stem)."""
    out = {stem: ""}
    for suffix, kind in suffixes():
        if kind in KK_FORM_KINDS:
            out.setdefault(stem + suffix, kind)
    return out


def _add_row(lex: dict[str, WordNum], lang: str, form: str, num: WordNum) -> None:
    if lang == "ru":
        for word in _ru_forms(form):
            lex.setdefault(word, num)
    elif lang == "kk":
        excluded = load_lines("numbers/kk_number_exclusions.txt")
        for word, case in _kk_forms(form).items():
            if word not in excluded:
                lex.setdefault(word, WordNum(num.value, num.kind, case))
    else:
        lex.setdefault(form, num)


@lru_cache(maxsize=8)
def lexicon(lang: str) -> dict[str, WordNum]:
    """Lower-case surface form -> WordNum for `lang` (English words are always included)."""
    lex: dict[str, WordNum] = {}
    wanted = {lang, "en"}
    for row in load_tsv("numbers/number_words.tsv"):
        if row["lang"] in wanted:
            _add_row(lex, row["lang"], row["form"], WordNum(float(row["value"]), row["kind"]))
    for row in load_tsv("numbers/fractions.tsv"):
        if row["lang"] in wanted and " " not in row["form"]:
            _add_row(lex, row["lang"], row["form"], WordNum(float(row["value"]), "fraction"))
    return lex


@lru_cache(maxsize=8)
def abbreviations() -> dict[str, float]:
    """Abbreviated multipliers ("тыс", "млн", "bn") -> value."""
    return {row["form"].lower(): float(row["value"]) for row in load_tsv("numbers/multipliers.tsv")}


def word_value(word: str, lang: str) -> Optional[WordNum]:
    """The number word `word` is in `lang`, or None."""
    key = word.lower().replace("ё", "е")
    return lexicon(lang).get(key)


def _fits(current: float, num: WordNum) -> bool:
    """Whether `num` may extend the group `current` ("двадцать два" yes, "два три" no)."""
    if current == 0:
        return True
    if num.kind == "hundred":
        return False
    if num.kind == "scale":
        return current < 100
    whole = int(current)
    if whole != current:
        return False
    if whole % 100 == 0:
        return num.value < 100
    return whole % 100 >= 10 and whole % 10 == 0 and num.value < 10


def combine(nums: Sequence[WordNum]) -> tuple[float, int]:
    """The value of the longest prefix of `nums` that reads as one number, and its length."""
    total, current, last_mult = 0.0, 0.0, float("inf")
    for i, num in enumerate(nums):
        if num.kind == "fraction":
            return ((current or 1) * num.value, i + 1) if total == 0 else (total + current, i)
        if num.kind == "half":  # «бір жарым», "one and a half": only after a whole number
            if not current or current != int(current):
                return total + current, i
            current += num.value
        elif num.kind == "multiplier":
            if num.value >= last_mult:
                return total + current, i
            total, current, last_mult = total + (current or 1) * num.value, 0.0, num.value
        elif not _fits(current, num):
            return total + current, i
        elif num.kind == "scale":
            current = (current or 1) * num.value
        else:
            current += num.value
    return total + current, len(nums)
