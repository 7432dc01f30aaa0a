"""DATE entities with their ISO value; the year of the article fills dates written without one."""
from __future__ import annotations

from collections import Counter
from typing import Optional

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
    return found or find_dates(doc.text, doc.lang, default_year=article_year(doc))


def extract_dates(doc: Document) -> list[Entity]:
    """DATE entities (`attrs["iso"]`) for every date in `doc.text`, with the article's year for dates
    that lack one (ISO `--MM-DD` when the article has no year either: still a date, never a count).

    >>> doc = Document("d", "s", text="Форум прошёл 27 августа 2018 года.", lang="ru")
    >>> [(e.text, e.attrs["iso"]) for e in extract_dates(doc)]
    [('27 августа 2018 года', '2018-08-27')]
    """
    return [
        Entity("DATE", doc.text[d.start:d.end], d.start, d.end, SOURCE, attrs={"iso": d.iso})
        for d in find_dates(doc.text, doc.lang, default_year=article_year(doc), yearless=True)
    ]
