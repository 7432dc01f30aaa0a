"""Kazakh in Latin script -> Cyrillic, with a map from every Cyrillic character back to the Latin source.

The Latin -> Cyrillic table is the reverse of `kk_latin.table()` for one alphabet (detected per text
when not given), plus context for letters that stand for two Cyrillic ones:
- ı (2018), i (2021), i' (2017), i (passport) is й after a vowel, else и; before a/ý/o (u in
  2021) at the start of a word or after a vowel or и it begins я/ю/ё (`partııa` -> партия,
  `fılıal` -> филиал);
- 2018's capital I is І in a word with front vowels (e i á ó ú), else И;
- h is х, ts is т+с except in ц words (`ts` first in a word or before ıa/ia: станция, цех);
- Russian loans get back the letters the Latin spelling lost (`restore_loans`, `resources/translit/
  kk_latin_loans.tsv`): ц written s (konferensııa, fraksııa) and ия written ıa after a consonant (partıasy).
Cyrillic look-alikes inside Latin words (О́ with a Cyrillic О) are read as Latin; a base letter with a
combining accent is one letter. Letters outside the alphabet, digits and punctuation are kept as they are.

>>> cyr, offsets = to_cyrillic("Nur Otan partııasynyń tóraǵasy")
>>> cyr
'Нұр Отан партиясының төрағасы'
>>> offsets.span(9, 16), "Nur Otan partııasynyń tóraǵasy"[9:17]
((9, 17), 'partııas')
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Optional

import regex

from ppo_nlp.normalize.kk_latin import ALPHABETS, APOSTROPHES, check_alphabet, detect_alphabet, table
from ppo_nlp.resources import read_rows

_GLIDES = {"ё": "o", "ю": "u", "я": "a"}  # and the vowel each glide letter ends in
_FRONT = frozenset("eiáóúäöüéə")
_JI_VOWELS = frozenset("аәеёоөұүыіэюя")  # after these, ı/i is й
_GLIDE_AFTER = _JI_VOWELS | {"и"}
# Informal and English-style spellings read in passport-style text (Qazaqstan, Janbolat, Yerlan, Nazarbayev).
_PASSPORT_PLAIN = {"q": "қ", "j": "ж", "gh": "ғ"}
_PASSPORT_GLIDES = {"ya": "я", "yu": "ю", "yo": "ё", "ye": "е"}
# Cyrillic letters that look like Latin ones, read as Latin next to Latin letters.
_HOMOGLYPHS = dict(zip("АВЕКМНОРСТХаеорсухіІ", "ABEKMHOPCTXaeopcyxiI"))
_MAX_KEY = 4
LOANS = "translit/kk_latin_loans.tsv"
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True)
class OffsetMap:
    """For Cyrillic character k: the Latin source span `starts[k]:ends[k]` it was made from; `alphabet` is
    the Latin alphabet the source was read in."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    source_length: int
    alphabet: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of Cyrillic `text[start:end]` (every Latin letter that made any of its characters)."""
        if not 0 <= start <= end <= len(self.starts):
            raise ValueError(f"span {start}:{end} outside a text of {len(self.starts)} characters")
        if start == end:
            at = self.starts[start] if start < len(self.starts) else self.source_length
            return at, at
        return self.starts[start], self.ends[end - 1]


class Transliteration(NamedTuple):
    """`to_cyrillic`'s answer; unpacks as `(text, offsets)`."""

    text: str
    offsets: OffsetMap


@lru_cache(maxsize=None)
def reverse_table(alphabet: str) -> tuple[dict[str, str], dict[str, str]]:
    """(plain Latin -> Cyrillic, glide Latin -> я/ю/ё) for one alphabet; the first letter of the table wins."""
    check_alphabet(alphabet)
    plain: dict[str, str] = dict(_PASSPORT_PLAIN) if alphabet == "passport" else {}
    glides: dict[str, str] = dict(_PASSPORT_GLIDES) if alphabet == "passport" else {}
    for cyr, row in table().items():
        for form in row[alphabet]:
            if form and cyr != "ц":
                (glides if cyr in _GLIDES else plain).setdefault(form, cyr)
    return plain, glides


def to_cyrillic(text: str, alphabet: Optional[str] = None) -> Transliteration:
    """Latin Kazakh in Cyrillic, the alphabet detected when not given, and the offset map back to `text`."""
    if alphabet is None:
        alphabet = detect_alphabet(text)
    check_alphabet(alphabet)
    units = _units(text, alphabet)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    k = 0
    while k < len(units):
        cyr, used = _token(units, k, alphabet, out)
        start, end = units[k][1], units[k + used - 1][2]
        for ch in cyr:
            out.append(ch)
            starts.append(start)
            ends.append(end)
        k += used
    return Transliteration(restore_loans("".join(out)), OffsetMap(tuple(starts), tuple(ends), len(text), alphabet))


@lru_cache(maxsize=1)
def loan_rules() -> tuple[tuple[regex.Pattern, str, tuple[str, ...]], ...]:
    """(pattern, replacement letter, word starts the rule leaves alone) per rule of `LOANS`."""
    rules: dict[str, tuple[str, str]] = {}
    keep: dict[str, list[str]] = {}
    for row_id, kind, pattern, target in read_rows(LOANS):
        if kind == "rule":
            rules[row_id] = (pattern, target)
        elif kind == "except":
            keep.setdefault(target, []).append(pattern)
        else:
            raise ValueError(f"{LOANS}: {row_id!r} has unknown kind {kind!r}")
    unknown = set(keep) - set(rules)
    if unknown:
        raise ValueError(f"{LOANS}: exceptions name unknown rules {sorted(unknown)}")
    return tuple((regex.compile(p), letter, tuple(keep.get(i, ()))) for i, (p, letter) in rules.items())


def restore_loans(text: str) -> str:
    """`text` (Cyrillic) with ц for s and ия for ıa put back in Russian loans; same length, letter for letter.

    >>> restore_loans("Конференсиясы, партиасының фраксиа, пенсия")
    'Конференциясы, партиясының фракция, пенсия'
    """
    chars = list(text)
    lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)  # same length as `text`
    for word in _WORD.finditer(lower):
        for pattern, letter, keep in loan_rules():
            if word.group().startswith(keep):
                continue
            for hit in pattern.finditer(lower, word.start(), word.end()):
                at = hit.start(1)
                chars[at] = letter.upper() if chars[at].isupper() else letter
    return "".join(chars)


def _units(text: str, alphabet: str) -> list[tuple[str, int, int, bool]]:
    """(lower-case letter or char, start, end, was upper) per source letter, accents composed."""
    units = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        base = _latin_twin(text, i, j)
        char = unicodedata.normalize("NFC", base + text[i + 1:j])
        if len(char) != 1:
            char = base
        units.append((_lower(char, text, j, alphabet), i, j, char.isupper()))
        i = j
    return units


def _latin_twin(text: str, i: int, j: int) -> str:
    """`text[i]`, or its Latin look-alike when it is a Cyrillic one touching a Latin letter."""
    ch = text[i]
    twin = _HOMOGLYPHS.get(ch)
    if twin is None:
        return ch
    near = (text[i - 1] if i > 0 else "") + (text[j] if j < len(text) else "")
    return twin if any("a" <= c.lower() <= "z" or c in "ıáóúýǵńäöüğñşçǧŋ" for c in near) else ch


def _lower(char: str, text: str, after: int, alphabet: str) -> str:
    """Lower case with the alphabet's I: 2021 I is ı and İ is i; 2018 I is i or ı by the word's vowels."""
    if char == "İ":
        return "i"
    if alphabet == "2017" and char in APOSTROPHES:
        return "'"
    if char != "I":
        return char.lower()
    if alphabet == "2021":
        return "ı"
    if alphabet == "2018":
        end = after
        while end < len(text) and text[end].isalpha():
            end += 1
        return "i" if _FRONT & set(text[after:end].lower()) else "ı"
    return "i"


def _token(units: list, k: int, alphabet: str, out: list[str]) -> tuple[str, int]:
    """The Cyrillic for the Latin letters at `units[k]` and how many units it used."""
    plain, glides = reverse_table(alphabet)
    word_start = k == 0 or not units[k - 1][0].isalpha()
    prev = out[-1].lower() if out else ""
    if units[k][0] == "t" and _starts_ts(units, k, word_start):
        return _case("ц", units[k]), 2
    for size in range(min(_MAX_KEY, len(units) - k), 0, -1):
        key = "".join(u[0] for u in units[k:k + size])
        if key in glides and (word_start or prev in _GLIDE_AFTER):
            return _case(glides[key], units[k]), size
        cyr = plain.get(key)
        if cyr is not None:
            if cyr == "и" and prev in _JI_VOWELS:
                cyr = "й"
            return _case(cyr, units[k]), size
    return _case(units[k][0], units[k]), 1


def _starts_ts(units: list, k: int, word_start: bool) -> bool:
    """`ts` that writes ц: first in a word before a consonant-free vowel, or before ıa/ia/ıı (станция)."""
    nxt = "".join(u[0] for u in units[k + 1:k + 4])
    if not nxt.startswith("s") or len(nxt) < 3:
        return False
    return (word_start and nxt[1] in "eiı") or nxt[1:3] in {"ıa", "ia", "ıı", "ii", "ıo", "io"}


def _case(cyr: str, unit: tuple) -> str:
    """`cyr` upper-cased when the source letter was a capital."""
    return cyr.upper() if unit[3] else cyr


__all__ = ["ALPHABETS", "OffsetMap", "Transliteration", "restore_loans", "reverse_table", "to_cyrillic"]
