"""Russian, Kazakh and English dates to ISO 8601.

>>> parse_date("1 Марта 2022, 12:01")
'2022-03-01T12:01'
>>> parse_date("2023 жылғы 15 қыркүйек")
'2023-09-15'
>>> parse_date("қыркүйекте", "kk", default_year=2023)
'2023-09'
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from bisect import bisect_left
from functools import lru_cache
from itertools import compress
from operator import itemgetter, methodcaller
from typing import Optional

import regex

from ppo_nlp.cache import word_cache
from ppo_nlp.normalize import morph
from ppo_nlp.resources import function_words, load_tsv
from ppo_nlp.normalize.kk_stem import strip_kk
from ppo_nlp.text import Scanner, lowers_in_place, python_digits

_TOKENS = Scanner(r"\d++|[^\W\d_]++|\S")
_FOUR_DIGITS_RE = regex.compile(r"(?<!\d)\d{4}(?!\d)")
_first3 = itemgetter(slice(None, 3))
_no_yo = methodcaller("replace", "ё", "е")
_NUMERIC_RE = regex.compile(
    r"(?<!\d)(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<d2>\d{1,2})(?P<sep>[./])(?P<m2>\d{1,2})(?P=sep)(?P<y2>\d{4}))"
    r"(?:[T ,]{1,2}(?P<hh>\d{1,2}):(?P<mm>\d{2}))?(?![\d.]\d)"
)
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateMatch:
    """A date in a text: offsets and its ISO form (`2022-03-01`, `2022-03-01T12:01`, `2023-09`, `2018`)."""

    start: int
    end: int
    iso: str


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, tuple[int, bool, str]], frozenset[str], dict[str, int]]:
    """(surface form -> (month, abbreviation, lang)) for ru/en, Kazakh stems, Kazakh stem -> month."""
    forms: dict[str, tuple[int, bool, str]] = {}
    kk: dict[str, int] = {}
    for row in load_tsv("dates/months.tsv"):
        month, abbr, form = int(row["month"]), row["abbr"] == "1", row["form"]
        if row["lang"] == "kk":
            kk[form] = month
        elif row["lang"] == "ru" and not abbr:
            for parse in morph.parses(form):
                if parse.normal_form == form:
                    forms.update({f.word.replace("ё", "е"): (month, False, "ru") for f in parse.lexeme})
        else:
            forms.setdefault(form, (month, abbr, row["lang"]))
    return forms, frozenset(kk), kk


@lru_cache(maxsize=1)
def _kk_prefixes() -> frozenset[str]:
    return frozenset(s[:3] for s in _months()[1])


@lru_cache(maxsize=1)
def _month_prefixes() -> frozenset[str]:
    """The first three letters of every month form and Kazakh stem: `month_of` is None for a word whose
    lower case (ё as е) starts with none of them."""
    return frozenset(f[:3] for f in _months()[0]) | _kk_prefixes()


@word_cache(2 << 20, value_bytes=256)
def month_of(word: str) -> Optional[tuple[int, bool, str]]:
    """(month number, is an abbreviation, lang) for a month word in ru, kk or en; None otherwise."""
    low = word.lower().replace("ё", "е")
    forms, kk_stems, kk = _months()
    if low in forms:
        return forms[low]
    if len(low) > 3 and low[:3] in _kk_prefixes():
        stem, _ = strip_kk(low, kk_stems)
        if stem in kk:
            return kk[stem], False, "kk"
    return None


@lru_cache(maxsize=1)
def _year_words() -> tuple[frozenset[str], frozenset[str]]:
    """(ru/en lemmas and abbreviations, kk stems) that mark a year."""
    rows = load_tsv("dates/year_words.tsv")
    return (frozenset(r["form"] for r in rows if r["lang"] != "kk"),
            frozenset(r["form"] for r in rows if r["lang"] == "kk"))


@word_cache(2 << 20)
def is_year_word(word: str) -> bool:
    """`года`, `г`, `жылғы`, `жылы`, `years`, ..."""
    low = word.lower()
    plain, kk = _year_words()
    if low in plain or low in kk:
        return True
    if len(low) <= 6 and low.isalpha() and morph.lemma(low) in plain:
        return True
    return strip_kk(low, kk)[0] in kk


def _year(word: Optional[str]) -> Optional[int]:
    if word is None or not word.isdecimal() or len(word) != 4:
        return None
    year = int(word)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def _day(word: Optional[str]) -> Optional[int]:
    if word is None or not word.isdecimal() or len(word) > 2:
        return None
    return int(word) if 1 <= int(word) <= 31 else None


def _iso(year: Optional[int], month: int, day: Optional[int], time: str = "") -> Optional[str]:
    """ISO text for a validated date; None when the date does not exist or has no year."""
    if year is None:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" + (f"T{time}" if time else "")


class _Cursor:
    """Tokens of one text (words, starts, ends), with look-ups that never cross a line break."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches, kind = _TOKENS.matches(text)
        self.words: list[str] = list(map(kind.group, matches))
        self.starts: list[int] = list(map(kind.start, matches))
        self.ends: list[int] = list(map(kind.end, matches))
        # lower case with ё as е: the month test reads their first letters, `normalize.number_tokens` the whole
        self.keys: list[str] = _keys(text, self.words, self.starts, self.ends)
        self.candidates = _candidates(text, self.keys, self.starts)
        self.parts: dict[int, Optional[tuple]] = {}  # `_month_parts` by token, for the text's second read
        self.year_dates: dict[int, Optional[tuple[int, int, str]]] = {}  # `_year_date` by token
        self.numeric: Optional[list] = None  # `_numeric(text)`

    def at(self, i: int, base: int) -> Optional[str]:
        """Token `i` when it lies on the same line as token `base`."""
        if not 0 <= i < len(self.words):
            return None
        lo, hi = (i, base) if i < base else (base, i)
        return None if self.text.find("\n", self.ends[lo], self.starts[hi]) >= 0 else self.words[i]

    def low(self, i: int, base: int) -> str:
        word = self.at(i, base)
        return word.lower() if word is not None else ""


def _keys(text: str, words: list[str], starts: list[int], ends: list[int]) -> list[str]:
    """Each word in lower case with ё as е: slices of the whole text so lowered, where `lowers_in_place`."""
    if not lowers_in_place(text):
        return list(map(_no_yo, map(str.lower, words)))
    low = _no_yo(text.lower())
    return [low[start:end] for start, end in zip(starts, ends)]


def _candidates(text: str, keys: list[str], starts: list[int]) -> list[int]:
    """Indices of the tokens that may start a date: four-digit numbers and words that may be months.

    The month test is `month_of`'s own first step (the first three letters of the key), run by `map` over all
    words at once.
    """
    months = compress(range(len(keys)), map(_month_prefixes().__contains__, map(_first3, keys)))
    years = (bisect_left(starts, m.start()) for m in _FOUR_DIGITS_RE.finditer(text))
    return sorted({*months, *years})


def _skip_dot(cur: _Cursor, i: int, base: int, max_len: int = 4) -> int:
    """`i`, or the dot after it when token `i` is an abbreviation ("янв.", "г.", "ж.")."""
    short = len(cur.low(i, base)) <= max_len
    return i + 1 if short and cur.low(i + 1, base) == "." else i


def _year_after(cur: _Cursor, i: int, base: int) -> tuple[Optional[int], int]:
    """A year at token `i` (with its year word); (year, last token used) or (None, i - 1)."""
    year = _year(cur.at(i, base))
    if year is None:
        return None, i - 1
    if is_year_word(cur.low(i + 1, base)):
        return year, _skip_dot(cur, i + 1, base, 2)
    return year, i


def _year_before(cur: _Cursor, i: int, base: int) -> tuple[Optional[int], int]:
    """A Kazakh-style year ending at token `i` ("2023 жылғы", "2023 ж."); (year, first token)."""
    j = i - 1 if cur.low(i, base) == "." else i
    if not is_year_word(cur.low(j, base)):
        return None, i + 1
    year = _year(cur.at(j - 1, base))
    return (year, j - 1) if year is not None else (None, i + 1)


def _time_after(cur: _Cursor, i: int, base: int) -> tuple[str, int]:
    """"12:01" after token `i` (optionally after a comma, "в", "at"); ('', i) when absent."""
    j = i + 1
    if cur.low(j, base) in function_words("time_lead"):
        j += 1
    hh, colon, mm = cur.at(j, base), cur.low(j + 1, base), cur.at(j + 2, base)
    if hh is None or mm is None or colon != ":" or not (hh.isdecimal() and mm.isdecimal()):
        return "", i
    if int(hh) > 23 or len(mm) != 2 or int(mm) > 59:
        return "", i
    return f"{int(hh):02d}:{mm}", j + 2


def _month_only_ok(cur: _Cursor, j: int, lang: str) -> bool:
    """A month without day or year is a date only in a dating context."""
    word = cur.words[j]
    if lang == "kk":
        return word[0].islower()
    lead = cur.low(j - 1, j) in function_words("date_preps")
    return lead and (word[0].isupper() if lang == "en" else word[0].islower())


def _month_date(cur: _Cursor, j: int, default_year: Optional[int],
                yearless: bool = False) -> Optional[tuple[int, int, str]]:
    """(first token, last token, iso) of a date built around the month word at `j`; with `yearless`, a date
    no year is known for gets ISO 8601's form without a year (`--03-01`, `--03`)."""
    parts = cur.parts.get(j, False)
    if parts is False:  # the parts do not depend on the article's year: read once per text
        parts = cur.parts[j] = _month_parts(cur, j)
    if parts is None:
        return None
    first, last, year, month, day, time = parts
    iso = _iso(year if year is not None else default_year, month, day, time)
    if iso is None and yearless and year is None and default_year is None:
        iso = f"--{month:02d}" + (f"-{day:02d}" if day is not None else "")
    return (first, last, iso) if iso else None


def _month_parts(cur: _Cursor, j: int) -> Optional[tuple[int, int, Optional[int], int, Optional[int], str]]:
    """(first token, last token, year, month, day, time) of the date around the month word at `j`."""
    month, abbr, lang = month_of(cur.words[j]) or (0, False, "")
    if not month:
        return None
    first, last = j, _skip_dot(cur, j, j) if abbr else j
    day = _day(cur.at(j - 1, j))
    if day is not None:
        first = j - 1
    elif lang == "en" and _day(cur.at(last + 1, j)) is not None and cur.low(last + 2, j) != ":":
        day, last = _day(cur.at(last + 1, j)), _skip_comma(cur, last + 1, j)
    year, year_last = _year_after(cur, last + 1, j)
    if year is None:
        year, year_first = _year_before(cur, first - 1, j)
        first = min(first, year_first)
    else:
        last = year_last
    if (day is None and year is None) and (abbr or not _month_only_ok(cur, j, lang)):
        return None
    if abbr and day is None:
        return None
    time, last = _time_after(cur, last, j) if day is not None else ("", last)
    return first, last, year, month, day, time


def _skip_comma(cur: _Cursor, i: int, base: int) -> int:
    """`i`, but a comma right after it ("March 15, 2022") is stepped over."""
    return i + 1 if cur.low(i + 1, base) == "," and _year(cur.at(i + 2, base)) else i


def _year_date(cur: _Cursor, j: int) -> Optional[tuple[int, int, str]]:
    """A year or a year range with its year word ("2018 году", "2017-2018 годы", "in 2020")."""
    year = _year(cur.at(j, j))
    if year is None:
        return None
    last, iso = j, str(year)
    if cur.low(j + 1, j) in ("-", "–", "—", "/") and _year(cur.at(j + 2, j)):
        last, iso = j + 2, f"{year}/{cur.words[j + 2]}"
    if is_year_word(cur.low(last + 1, j)):
        return j, _skip_dot(cur, last + 1, j, 2), iso
    if cur.low(j - 1, j) in function_words("bare_year_leads"):
        return j, last, iso
    return None


def _numeric(text: str) -> list[DateMatch]:
    """dd.mm.yyyy, dd/mm/yyyy and yyyy-mm-dd dates (with an optional time)."""
    out = []
    for m in _NUMERIC_RE.finditer(text):
        year, month, day = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        if not python_digits(year, month, day, m["hh"], m["mm"]):
            continue
        time = f"{int(m['hh']):02d}:{m['mm']}" if m["hh"] and int(m["hh"]) < 24 and int(m["mm"]) < 60 else ""
        iso = _iso(int(year), int(month), int(day), time) if 1 <= int(month) <= 12 else None
        if iso and MIN_YEAR <= int(year) <= MAX_YEAR:
            out.append(DateMatch(m.start(), m.end() if time or not m["hh"] else m.end("y2" if m["y2"] else "d"), iso))
    return out


@lru_cache(maxsize=1)
def _cursor(text: str) -> _Cursor:
    """The tokens of `text`, kept for the next call: an article is read twice (its year, then its dates)."""
    return _Cursor(text)


def token_keys(text: str) -> tuple[list[int], list[str]]:
    """The start offsets of the tokens of `text` (runs of digits, runs of letters, other characters), as the
    date reader splits it, and each token in lower case with ё as е: kept for the next reader of the same text
    (`normalize.number_tokens`)."""
    cur = _cursor(text)
    return cur.starts, cur.keys


def find_dates(text: str, lang: Optional[str] = None, default_year: Optional[int] = None,
               yearless: bool = False) -> list[DateMatch]:
    """Every date in `text` (day-month-year, month-year, month alone, years), in order; with `yearless`,
    also those whose year is unknown («On March 1», with no year in the article), ISO `--03-01`.

    >>> [d.iso for d in find_dates("27 августа 2018 года и в октябре", default_year=2018)]
    ['2018-08-27', '2018-10']
    """
    if not isinstance(text, str):
        return []
    cur = _cursor(text)
    if cur.numeric is None:
        cur.numeric = _numeric(text)
    found = list(cur.numeric)
    k, last_end = 0, -1
    for j in cur.candidates:  # any other token starts no date
        start = cur.starts[j]
        while k < len(found) and found[k].end <= start:
            k += 1
        if start < last_end or (k < len(found) and found[k].start <= start):
            continue
        if cur.words[j][0].isalpha():
            span = _month_date(cur, j, default_year, yearless)
        else:
            span = cur.year_dates.get(j, False)
            if span is False:
                span = cur.year_dates[j] = _year_date(cur, j)
        if span is not None:
            first, last, iso = span
            found.append(DateMatch(cur.starts[first], cur.ends[last], iso))
            last_end = cur.ends[last]
    return _without_overlaps(found)


def _without_overlaps(found: list[DateMatch]) -> list[DateMatch]:
    """Sorted matches; of two overlapping ones the longer (then earlier) wins."""
    out: list[DateMatch] = []
    for d in sorted(found, key=lambda d: (d.start, -(d.end - d.start))):
        if not out or d.start >= out[-1].end:
            out.append(d)
    return out


def parse_date(text: str, lang: Optional[str] = None, default_year: Optional[int] = None) -> Optional[str]:
    """The ISO form of the first date in `text`, or None.

    >>> parse_date("27 августа 2018 года")
    '2018-08-27'
    """
    found = find_dates(text, lang, default_year)
    return found[0].iso if found else None
