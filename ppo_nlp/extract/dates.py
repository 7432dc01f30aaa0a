"""DATE entities with their ISO value; the year of the article fills dates written without one."""
from __future__ import annotations

from collections import Counter
from typing import Optional

import regex

from ppo_nlp.doc import Document, Entity
from ppo_nlp.normalize.dates import DateMatch, find_dates

SOURCE = "rule:dates"


def _year_of(iso: Optional[str]) -> Optional[int]:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None


def article_year(doc: Document) -> Optional[int]:
    """The year of `doc.published`, else of the first full date in the text, else its commonest year."""
    year = _year_of(doc.published)
    if year is not None:
        return year
    found = find_dates(doc.text, doc.lang)
    full = [d for d in found if len(d.iso) >= 10]
    if full:
        return _year_of(full[0].iso)
    years = Counter(y for d in found for y in [_year_of(d.iso)] if y is not None)
    return years.most_common(1)[0][0] if years else None


def _matches(entities: list[Entity]) -> list[DateMatch]:
    return [DateMatch(e.start, e.end, e.attrs["iso"]) for e in entities if e.label == "DATE" and e.source == SOURCE]


def date_matches(doc: Document) -> list[DateMatch]:
    """The dates later stages use: those of this stage that survived merging (in `doc.entities`), else
    every one it found (`doc.found["dates"]`); read from the text only when the stage has not run."""
    found = _matches(doc.entities) or _matches(doc.found.get("dates", []))
    return found or with_day_ranges(doc.text, find_dates(doc.text, doc.lang, default_year=article_year(doc)))


_DAY_BEFORE = regex.compile(r"(?<!\d|\d[.,])(\d{1,2})[-–—]$")  # «1-» of «1-3 октября»
_DAY_AFTER = regex.compile(r"[-–—](\d{1,2})(?!\d|[.,]\d)")  # «-3» of «October 1-3»
_FIRST_DAY, _LAST_DAY = regex.compile(r"\d{1,2}(?!\d)"), regex.compile(r"(?<!\d)\d{1,2}$")


def with_day_ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Each date grown over the other day of a range of days it begins or ends («1-3 октября», «12–14
    мамыр», «October 1-3»): that day is part of the date, never a count."""
    out = []
    for d in found:
        before = _DAY_BEFORE.search(text, max(0, d.start - 6), d.start)
        first, other = _number(_FIRST_DAY.match(text, d.start, d.end), 0), _number(before, 1)
        if first is not None and other is not None and 0 < other < first:
            d = DateMatch(before.start(), d.end, d.iso)
        after = _DAY_AFTER.match(text, d.end)
        last, other = _number(_LAST_DAY.search(text, d.start, d.end), 0), _number(after, 1)
        if last is not None and other is not None and last < other <= 31:
            d = DateMatch(d.start, after.end(), d.iso)
        out.append(d)
    return out


def _number(match: Optional[regex.Match], group: int) -> Optional[int]:
    """The digits of `match[group]` as an int; None without a match or for digits Python's int() does not
    read (`regex` knows digits of newer Unicode versions than this Python)."""
    if match is None:
        return None
    try:
        return int(match[group])
    except ValueError:
        return None


def extract_dates(doc: Document) -> list[Entity]:
    """DATE entities (`attrs["iso"]`) for every date in `doc.text`, with the article's year for dates
    that lack one (ISO `--MM-DD` when the article has no year either: still a date, never a count).

    >>> doc = Document("d", "s", text="Форум прошёл 27 августа 2018 года.", lang="ru")
    >>> [(e.text, e.attrs["iso"]) for e in extract_dates(doc)]
    [('27 августа 2018 года', '2018-08-27')]
    """
    return [
        Entity("DATE", doc.text[d.start:d.end], d.start, d.end, SOURCE, attrs={"iso": d.iso})
        for d in with_day_ranges(doc.text, find_dates(doc.text, doc.lang, default_year=article_year(doc),
                                                      yearless=True))
    ]
