"""Kazakh in Latin script: the official alphabets, Cyrillic -> Latin, alphabet detection, Latin name forms.

One table (`resources/translit/kk_latin.tsv`) holds every Cyrillic letter in the 2017 (apostrophes),
2018 (acute accents) and 2021 (ä ğ ñ ö ū ü ş ç; ǧ ŋ of its drafts) alphabets, the passport style (ICAO Doc 9303 with the
Kazakh letters folded) and common English spellings. Everything here and in `kk_cyrillic` (Latin ->
Cyrillic with an offset map) is derived from it.

>>> transliterate("Қостанай облысы", "2018")
'Qostanaı oblysy'
>>> transliterate("Қостанай облысы", "2021")
'Qostanai oblysy'
>>> detect_alphabet("Qostanaı oblysynyń tóraǵasy")
'2018'
>>> sorted(latin_forms("Ерлан"))
['Erlan', 'Yerlan']
"""
from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

import regex

from ppo_nlp.resources import read_rows

ALPHABETS = ("2017", "2018", "2021", "passport")
TABLE = "translit/kk_latin.tsv"
MAX_ENGLISH_FORMS = 24  # English variants multiply per letter; keep the generated set bounded
APOSTROPHES = "'’ʼ`"
# Letters that only one official alphabet uses (the dotless ı is shared by 2018 and 2021).
_MARKS = {
    "2017": regex.compile(rf"[agionscuy][{APOSTROPHES}](?=\p{{L}}|\b)", regex.IGNORECASE),
    "2018": regex.compile(r"[áǵńóúý]|[aginouyаоу]\u0301", regex.IGNORECASE),  # а о у: Cyrillic look-alikes
    "2021": regex.compile(r"[äğñöūüşçǧŋ]|[aGgnouUsScC][\u0308\u0306\u0303\u0304\u0327]", regex.IGNORECASE),
}
_VOWEL_START = frozenset("еєиуюяэ")  # Cyrillic letters after which English writes "ye" for е


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, tuple[str, ...]]]:
    """Cyrillic letter -> {alphabet or `english`: Latin forms}; `-` in the file is the empty form."""
    columns = ALPHABETS + ("english",)
    rows: dict[str, dict[str, tuple[str, ...]]] = {}
    for cyr, *cells in read_rows(TABLE):
        if len(cells) != len(columns):
            raise ValueError(f"{TABLE}: {cyr!r} has {len(cells)} columns, expected {len(columns)}")
        rows[cyr] = {col: tuple("" if v == "-" else v for v in cell.split("|")) for col, cell in zip(columns, cells)}
    return rows


def check_alphabet(alphabet: str) -> None:
    if alphabet not in ALPHABETS:
        raise ValueError(f"unknown Kazakh Latin alphabet {alphabet!r}; expected one of {', '.join(ALPHABETS)}")


def _cased(latin: str, text: str, i: int, alphabet: str = "") -> str:
    """`latin` in the case of `text[i]`: a capital digraph is all caps between capitals (ШЫҢ -> SHYŃ)."""
    if not text[i].isupper() or not latin:
        return latin
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if len(latin) > 1 and (before.isupper() or after.isupper()):
        return _upper(latin, alphabet)
    return _upper(latin[0], alphabet) + latin[1:]


def _upper(latin: str, alphabet: str) -> str:
    """Upper case; the 2021 alphabet writes the capital of i as İ (its I is the capital of ı)."""
    return latin.replace("i", "İ").upper() if alphabet == "2021" else latin.upper()


def transliterate(text: str, alphabet: str = "2021") -> str:
    """Kazakh (and Russian) Cyrillic letters of `text` in one Latin alphabet; everything else is kept."""
    check_alphabet(alphabet)
    rows = table()
    out = []
    for i, ch in enumerate(text):
        row = rows.get(ch.lower())
        out.append(ch if row is None else _cased(row[alphabet][0], text, i, alphabet))
    return "".join(out)


def detect_alphabet(text: str) -> str:
    """The Latin alphabet `text` is written in: the one whose own letters occur most; with none of them,
    2018 when the dotless ı occurs (its most used alphabet, in print since 2018), else `passport`."""
    text = unicodedata.normalize("NFC", text)
    counts = {name: len(pattern.findall(text)) for name, pattern in _MARKS.items()}
    best = max(counts, key=lambda name: (counts[name], name))
    if counts[best] > 0:
        return best
    return "2018" if "ı" in text else "passport"


def _english_options(word: str, i: int) -> tuple[str, ...]:
    """English spellings of `word[i]`: `ye` for е only at the start of a word or after a vowel."""
    ch = word[i].lower()
    row = table().get(ch)
    if row is None:
        return (word[i],)
    options = row["english"]
    if ch == "е" and not (i == 0 or word[i - 1].lower() in _VOWEL_START | set("аәоөұүыі")):
        options = tuple(o for o in options if o != "ye")
    return tuple(dict.fromkeys(_cased(o, word, i) for o in options))


def english_forms(name: str, limit: int = MAX_ENGLISH_FORMS) -> set[str]:
    """Up to `limit` English-style spellings of a Cyrillic name (Yerlan, Bauyrzhan, Nazarbayev ...)."""
    choices = [_english_options(name, i) for i in range(len(name))]
    return {"".join(combo) for combo in itertools.islice(itertools.product(*choices), limit)}


def ascii_fold(latin: str) -> str:
    """Accents and apostrophes dropped, dotless ı as i: how official spellings are often typed."""
    latin = latin.replace("ı", "i").replace("İ", "I")
    latin = regex.sub(rf"(?<=\p{{L}})[{APOSTROPHES}]", "", latin)
    decomposed = unicodedata.normalize("NFD", latin)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def latin_forms(name: str) -> set[str]:
    """Latin spellings of a Cyrillic name: every official alphabet, their ASCII folds, passport and English.

    >>> sorted(latin_forms("Нұр Отан"))
    ['Nur Otan', 'Nūr Otan']
    """
    forms = {transliterate(name, alphabet) for alphabet in ALPHABETS}
    forms |= {ascii_fold(form) for form in forms}
    forms |= english_forms(name)
    forms.discard(name)  # a name without Cyrillic letters is not its own Latin form
    return forms if any(table().get(ch.lower()) for ch in name) else set()
