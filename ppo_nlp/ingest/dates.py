"""Publication dates in page headers: `1 Марта 2022, 12:01`, `15 қазан 2023 ж.`, `March 1, 2022`, `01.03.2022`.

The span is found here (with its position, to split a date line from the author beside it); month names
and the ISO form come from `ppo_nlp.normalize.dates`.

>>> find_date("пресс служба Nur Otan 1 Марта 2022, 12:01").iso
'2022-03-01T12:01'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.normalize.dates import month_of, parse_date
from ppo_nlp.resources import load_lines
from ppo_nlp.text import fold, python_digits

MAX_CHARS = 200  # dates are only looked for in short lines
_TIME = r"(?:[\s,]{1,3}(?:\p{L}{1,5}\.?\s{1,2})?(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d))?"
_YEAR_WORD = r"(?:\s{0,2}\p{L}{1,6}\.?)?"  # "г.", "года", "ж.", "жылғы"
_PATTERNS = tuple(regex.compile(p, regex.V1) for p in (
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    r"(?<!\d)(?P<d>\d{1,2})\s{0,2}(?P<mon>\p{L}{3,12})\.?,?\s{1,2}(?P<y>\d{4})(?!\d)" + _YEAR_WORD + _TIME,
    r"(?<!\d)(?P<y>\d{4})\s{0,2}\p{L}{1,6}\.?\s{1,2}(?P<d>\d{1,2})\s{1,2}(?P<mon>\p{L}{3,12})" + _TIME,
    r"(?P<mon>\p{L}{3,12})\.?\s{1,2}(?P<d>\d{1,2}),?\s{1,2}(?P<y>\d{4})(?!\d)" + _TIME,
    r"(?<![\d.])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?!\d)" + _TIME,
))
_YEAR_DIGITS = regex.compile(r"\d{4}", regex.V1)  # what every one of `_PATTERNS` holds: its year
_TIME_FIRST = regex.compile(r"(?<!\d)(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)[\s,]{1,3}$")


@dataclass(frozen=True)
class FoundDate:
    """A date inside a line: its ISO form and the span it covers."""

    iso: str
    start: int
    end: int


@bounded_cache(2 << 20)  # header lines are asked about several times (title, published, bylines)
def find_date(line: str) -> Optional[FoundDate]:
    """The first complete date (day, month, year) in a short line, with the time when it is given."""
    if len(line) > MAX_CHARS or not _YEAR_DIGITS.search(line):  # one scan spares five on a line without a year
        return None
    for pattern in _PATTERNS:
        for m in pattern.finditer(line, timeout=0.5):
            found = _to_found(line, m)
            if found:
                return found
    return None


def _to_found(line: str, m: regex.Match) -> Optional[FoundDate]:
    """A FoundDate from a regex match, or None when the month or the numbers are not a date."""
    parts = m.groupdict()
    if not python_digits(parts.get("m"), parts["y"], parts["d"], parts.get("hh")):
        return None
    month = int(parts["m"]) if parts.get("m") else month_number(parts["mon"])
    year, day = int(parts["y"]), int(parts["d"])
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31 or not 1900 <= year <= 2100:
        return None
    iso = _library_iso(m.group()) or f"{year:04d}-{month:02d}-{day:02d}"
    start, hh, mm = m.start(), parts.get("hh"), parts.get("mm")
    lead = _TIME_FIRST.search(line[:start])
    if not hh and lead:
        hh, mm, start = lead["hh"], lead["mm"], lead.start()
    if hh and "T" not in iso:
        iso = f"{iso[:10]}T{int(hh):02d}:{mm}"
    return FoundDate(iso, start, m.end())


def _library_iso(span: str) -> Optional[str]:
    """`normalize.dates.parse_date(span)` when it gives a full date, else None."""
    iso = parse_date(span)
    return iso if iso and regex.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?", iso) else None


def month_number(word: str) -> Optional[int]:
    """1..12 for a month name or abbreviation in ru, kk or en."""
    found = month_of(word)
    return found[0] if found else None


def normalize_iso(value: str) -> Optional[str]:
    """An ISO-ish or free-form date string (from JSON or HTML meta) as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`."""
    found = find_date(value.strip())
    return found.iso if found else None


_PARTIAL_PATTERNS = tuple(regex.compile(p, regex.V1) for p in (
    r"(?P<mon>\p{L}{3,12})\.?\s{1,2}(?P<d>\d{1,2})(?!\d)",
    r"(?P<d>\d{1,2})\s{1,2}(?P<mon>\p{L}{3,12})",
))
_LEAD_SEP_RE = regex.compile(r"[\s.,:|/–—-]*")
_WORD_RE = regex.compile(r"\p{L}+")


@bounded_cache(2 << 20)
def leading_date(line: str) -> Optional[tuple[Optional[FoundDate], int]]:
    """A date (with a year: its FoundDate; without: None) at the very start of a line, and where the text after
    it begins: `03.03.2022 Title` -> (2022-03-03, 11); `June 28. Title` -> (None, 9); None when no date leads.
    """
    first = _WORD_RE.match(line)
    if not line[:1].isdigit() and not (first and month_number(first.group())):
        return None
    found = find_date(line[:MAX_CHARS])
    if found and found.start == 0:
        return found, _LEAD_SEP_RE.match(line, found.end).end()
    for pattern in _PARTIAL_PATTERNS:
        m = pattern.match(line)
        if m and month_number(m["mon"]) and 1 <= int(m["d"]) <= 31 and python_digits(m["d"]):
            return None, _LEAD_SEP_RE.match(line, m.end()).end()
    return None


def is_date_widget(line: str) -> bool:
    """A site's current-date widget: a date beside a weekday name or "today", without a time of day."""
    if len(line) > MAX_CHARS or not any(fold(w) in weekday_words() for w in _WORD_RE.findall(line)):
        return False
    found = find_date(line)
    return bool(found) and "T" not in found.iso


@lru_cache(maxsize=1)
def weekday_words() -> frozenset[str]:
    """Folded weekday names and "today" words from `resources/furniture/weekdays.txt`."""
    return frozenset(fold(word) for word in load_lines("furniture/weekdays.txt"))
