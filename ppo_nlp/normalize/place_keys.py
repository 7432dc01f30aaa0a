"""Matching keys for place names: a surface form -> (class, name key) pairs, in ru, kk and Latin script.

A key is the folded name (`ppo_nlp.text.fold`) with each word in its dictionary form: a pymorphy3 lemma
or a rule-made adjective/noun base in Russian, the stem left by `kk_stem.strip_kk` in Kazakh, a coarse
skeleton in Latin script (one key for the passport, 2017/2018/2021 Kazakh Latin and English spellings).
The class comes from a type word before or after the name (`resources/places/type_words.tsv`):
`Алгинском районе` -> ("district", "алгинский"); `Алматы облысының` -> ("oblast", "алматы").

>>> latin_skeleton("Qostanaı oblysy") == latin_skeleton("Kostanay oblysy")
True
>>> masculine("Акмолинская")
'акмолинский'
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import product
from typing import Callable, Iterable, Optional

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.normalize import morph
from ppo_nlp.resources import load_tsv
from ppo_nlp.normalize.kk_stem import strip_kk, suffixes
from ppo_nlp.normalize.translit import to_latin
from ppo_nlp.text import fold, fold_quotes

# Which KATO kinds a type word allows; None: a bare name (settlements and cities only).
CLASSES: dict[Optional[str], frozenset[str]] = {
    None: frozenset({"country", "city_republican", "city", "town", "urban_settlement", "village",
                     "railway_station", "railway_siding", "site"}),
    "oblast": frozenset({"oblast"}),
    "district": frozenset({"district", "city_district"}),
    "okrug": frozenset({"rural_okrug", "rural_administration", "settlement_administration",
                        "town_administration", "city_district_administration"}),
    "city": frozenset({"city_republican", "city", "town"}),
    "village": frozenset({"village", "urban_settlement", "site"}),
    "settlement": frozenset({"urban_settlement", "village", "town"}),
    "station": frozenset({"railway_station", "railway_siding"}),
}
UNIT_CLASSES = frozenset({"oblast", "district", "okrug"})  # names that are only names with a type word
MAX_KEYS = 64
_PREPOSITIONS = frozenset({"в", "во", "на", "из", "изо", "по", "до", "от", "у", "к", "ко", "под", "над",
                           "для", "при", "о", "об", "in", "of", "from", "to", "the", "at"})
_ABBREV_GLUE = regex.compile(r"(?<=(?:^|\s)(?:г|с|п|ст|пос|им)\.)(?=\w)")
_EDGE_PUNCT = "\"'«»“”„()[],;:!?"
_FEM_ADJ = (("ская", "ский"), ("цкая", "цкий"), ("кая", "кий"), ("ная", "ный"), ("ая", "ый"), ("яя", "ий"))
_RU_ADJ_ENDS = ("ого", "ому", "ой", "ом", "им", "ую", "ая", "ий", "ый", "ое", "ие", "ых", "их", "ыми", "ими")
_RU_NOUN_ENDS = ("ом", "ой", "ою", "ем", "е", "а", "у", "ы", "и", "ю", "я")
_KK_VOWELS = frozenset("аәеиоөұүыіуюя")
_RU_NOUN_ADDS = ("", "а", "я", "й", "ь")
_APOSTROPHES = regex.compile(r"['’ʼ`´]")
_NON_ALNUM = regex.compile(r"[^a-z0-9]+")
_DOUBLED = regex.compile(r"(\w)\1+")
_IE = regex.compile(r"\bie")
_LATIN_STEPS = (("shch", "sh"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ch", "c"), ("ts", "c"),
                ("sh", "s"), ("gh", "g"), ("q", "k"), ("w", "u"), ("y", "i"), ("x", "h"))


def masculine(word: str) -> str:
    """The masculine form of a feminine Russian adjective (index side: Акмолинская область)."""
    low = fold(word)
    for fem, masc in _FEM_ADJ:
        if low.endswith(fem):
            return low[: -len(fem)] + masc
    return low


@bounded_cache(4 << 20)
def latin_skeleton(text: str) -> str:
    """A coarse ASCII key shared by the Latin spellings of one name (Qostanaı = Kostanay = Qostanay)."""
    # ý is у in the 2017-2018 Kazakh Latin alphabets; Cyrillic і slips into Latin-script Kazakh text
    low = text.lower().replace("ı", "i").replace("ł", "l").replace("ý", "u").replace("і", "i")
    low = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    low = _APOSTROPHES.sub("", low)
    for old, new in _LATIN_STEPS:
        low = low.replace(old, new)
    low = _DOUBLED.sub(r"\1", _NON_ALNUM.sub(" ", low))
    return _IE.sub("e", low).strip()


def words_of(form: str) -> list[str]:
    """The words of a surface form: quotes and edge punctuation dropped, `г.Семей` split, prepositions off."""
    text = _ABBREV_GLUE.sub(" ", fold_quotes(form).replace("\xa0", " "))
    words = [w.strip(_EDGE_PUNCT) for w in text.split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[0].lower() in _PREPOSITIONS:
        words = words[1:]
    return words


def ru_lemmas(word: str) -> set[str]:
    """pymorphy3 normal forms of singular readings: a surname is not the genitive plural of a village
    (Токаев is not Токай, Оралов not Орал); plural place names match in the nominative only. Type words
    keep their plurals (Алматинской и Жамбылской областей)."""
    found = morph.parses(word.lower())
    return {p.normal_form for p in found if "plur" not in p.tag.grammemes or fold(p.normal_form) in type_vocab()}


def ru_word_keys(word: str, vocab: frozenset[str]) -> set[str]:
    """Dictionary forms of a Russian word: itself, pymorphy3 lemmas, rule-made adjective/noun bases."""
    low = fold(word)
    keys = {low} | {fold(lemma) for lemma in ru_lemmas(word)}
    for end in _RU_ADJ_ENDS:
        if low.endswith(end) and len(low) > len(end) + 2:
            keys |= {low[: -len(end)] + "ий", low[: -len(end)] + "ый"}
    for end in _RU_NOUN_ENDS:
        if low.endswith(end) and len(low) > len(end) + 2:
            keys |= {low[: -len(end)] + add for add in _RU_NOUN_ADDS}
    adjectives = {k for k in keys if k.endswith(("ский", "цкий"))}  # for noun_bases
    return {low} | (keys & vocab) | adjectives


def noun_bases(keys: set[str], vocab: frozenset[str]) -> set[str]:
    """Nouns behind Russian place adjectives, for units named by a noun (Байдибекском районе -> район
    Байдибек, Есильском районе -> район Есиль, Сарыаркинский -> Сарыарка); only with a type word."""
    out = set()
    for key in keys:
        if not key.endswith(("ский", "цкий")):
            continue
        base = key[:-4]
        out |= {base + end for end in ("", "а", "ь", "ы", "и")}
        if base.endswith(("ин", "ен", "ын")):
            out |= {base[:-2] + end for end in ("", "а", "ы")}
    return keys | (out & vocab)


def kk_word_keys(word: str, vocab: frozenset[str], kk_vocab: frozenset[str]) -> set[str]:
    """A Kazakh word and the stems its case, possessive and plural endings leave: the first known name
    stem, the first type-word stem (`ауылы` is also a name word) and, for a word that is no name word
    itself (Жастар is a village, not Жас + plural), the greedy one."""
    forms = [word]
    if len(word) > 4 and word[-1] == "н" and word[-2] in _KK_VOWELS:
        forms.append(word[:-1])  # accusative -н after a possessive: ауылын = ауылы + н
    stems = {strip_kk(f, kk_vocab)[0] for f in forms}  # falls back to the greedy stem
    stems |= {strip_kk(f, kk_type_forms())[0] for f in forms} & kk_type_forms()
    if fold(word) not in vocab:
        stems |= {strip_kk(f)[0] for f in forms}
    return {fold(word)} | ({fold(s) for s in stems | {f.lower() for f in forms}} & vocab)


@lru_cache(maxsize=None)
def latin_endings() -> tuple[str, ...]:
    """Skeletons of the Kazakh endings (`да`, `ның` ...), longest first, for Latin-script Kazakh."""
    ends = {latin_skeleton(to_latin(suffix)) for suffix, kind in suffixes() if kind != "plural"}
    return tuple(sorted((e for e in ends if e), key=lambda e: (-len(e), e)))


def latin_word_keys(word: str, vocab: frozenset[str]) -> set[str]:
    """A Latin word's skeleton and what is left of it without a Kazakh ending (Shymkentte -> simkent)."""
    key = latin_skeleton(regex.sub(r"['’]s$", "", word))  # English possessive: Kazakhstan's
    if key in vocab:
        return {key}
    stems = set()
    for end in latin_endings():
        if key.endswith(end) and len(key) - len(end) >= 3:
            # the skeleton merges doubled letters: Shymkentte -> simkente = simkent + te
            stems |= {key[: -len(end)], key[: -len(end)] + end[0]}
    return {key} | (stems & vocab)


@lru_cache(maxsize=None)
def type_table(lang: str) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(words of the form key, class, where) of the type words of `lang` (the key split on spaces once here,
    not at every look-up)."""
    rows = load_tsv("places/type_words.tsv")
    norm: Callable[[str], str] = latin_skeleton if lang == "latin" else fold
    return tuple((tuple(norm(r["form"]).split(" ")), r["class"], r["where"]) for r in rows if r["lang"] == lang)


@lru_cache(maxsize=None)
def type_index(lang: str) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Rows of `type_table(lang)` by their first word and by their last word (row numbers, in order)."""
    first: dict[str, list[int]] = {}
    last: dict[str, list[int]] = {}
    for row, (parts, _, _) in enumerate(type_table(lang)):
        first.setdefault(parts[0], []).append(row)
        last.setdefault(parts[-1], []).append(row)
    return ({k: tuple(v) for k, v in first.items()}, {k: tuple(v) for k, v in last.items()})


def _type_rows(keys: list[set[str]], lang: str) -> list[int]:
    """The rows of `type_table(lang)` whose first word is among the first word's keys or whose last word is
    among the last word's, in table order: no other row spells a type word at either end."""
    first, last = type_index(lang)
    rows = {row for key in keys[0] for row in first.get(key, ())}
    rows.update(row for key in keys[-1] for row in last.get(key, ()))
    return sorted(rows)


def split_type(keys: list[set[str]], lang: str) -> list[tuple[Optional[str], list[set[str]]]]:
    """(class, name-word keys) readings: a type word at either end, or none."""
    out: list[tuple[Optional[str], list[set[str]]]] = [(None, keys)]
    count = len(keys)
    if not count:
        return out
    table = type_table(lang)
    for parts, cls, where in map(table.__getitem__, _type_rows(keys, lang)):
        size = len(parts)
        if count <= size:
            continue
        if where in ("before", "both") and _spells(keys[:size], parts):
            rest = keys[size:]
            out.append((cls, rest[1:] if len(rest) > 1 and "of" in rest[0] else rest))  # city of Almaty
        if where in ("after", "both") and _spells(keys[-size:], parts):
            out.append((cls, keys[:-size]))
    return out


def _spells(keys: list[set[str]], parts: tuple[str, ...]) -> bool:
    return all(part in options for part, options in zip(parts, keys))


def combine(word_keys: Iterable[set[str]]) -> list[str]:
    """Every joined key of the word options (at most MAX_KEYS), sorted for determinism."""
    options = [sorted(k) for k in word_keys]
    keys = []
    for combo in product(*options):
        keys.append(" ".join(combo))
        if len(keys) >= MAX_KEYS:
            break
    return keys


@lru_cache(maxsize=None)
def kk_type_forms() -> frozenset[str]:
    """Kazakh type words as written (облыс, аудан, ауыл ...), the stems `strip_kk` should reach."""
    return frozenset(r["form"] for r in load_tsv("places/type_words.tsv") if r["lang"] == "kk")


@lru_cache(maxsize=None)
def type_vocab() -> frozenset[str]:
    """Folded words of every type word (kept as word keys so type words are recognised)."""
    rows = load_tsv("places/type_words.tsv")
    words = (latin_skeleton(r["form"]) if r["lang"] == "latin" else fold(r["form"]) for r in rows)
    return frozenset(w for form in words for w in form.split())
