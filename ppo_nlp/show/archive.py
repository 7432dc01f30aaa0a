"""What the archive page shows, gathered one record at a time (nothing but small summaries is kept).

Counts over time: a count is placed in the month of its `as_of` date, else of the article's `published`
date. Its place is the organization or location the count itself links to (any count field holding an id
of the record's organizations or locations), else the article's most mentioned place.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Optional

from ppo_nlp.show.facts import COUNT_FIELDS, items

MONTH = re.compile(r"^((?:19|20|21)\d\d)-(0[1-9]|1[0-2])")
SERIES_POINTS = 5000  # points kept per count series; the chart summarises long series per month anyway
LINKS_PER_FACT = 3


@dataclass
class Entry:
    """One line of the article list."""

    page: Optional[str]
    id: str
    title: str
    lang: str
    outlet: str
    published: str
    entities: int
    facts: int
    error: Optional[tuple[str, str]] = None
    source: str = ""


@dataclass
class Tally:
    """How often a fact (organization, person, project) is mentioned, and where."""

    name: str
    note: str = ""
    articles: int = 0
    mentions: int = 0
    pages: list[tuple[str, str]] = field(default_factory=list)  # (page, title), the first few


def month(value: Any) -> Optional[str]:
    """`YYYY-MM` of an ISO date, or None."""
    match = MONTH.match(value) if isinstance(value, str) else None
    return f"{match.group(1)}-{match.group(2)}" if match else None


def _text(value: Any, default: str = "") -> str:
    return str(value) if value not in (None, "") else default


class Archive:
    """Totals over every record: by language, outlet and month; fact tallies; count series; errors."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.langs: Counter = Counter()
        self.outlets: Counter = Counter()
        self.months: Counter = Counter()
        self.errors: Counter = Counter()
        self.tallies: dict[str, dict[str, Tally]] = {"organizations": {}, "people": {}, "projects": {}}
        self.series: dict[tuple[str, str, str], list] = defaultdict(list)  # (subject id, unit, place)
        self.subjects: dict[str, str] = {}  # subject id -> the first subject lemma seen with it

    def add_error(self, record: dict[str, Any], code: str, message: str) -> None:
        self.errors[code] += 1
        self.entries.append(Entry(None, _text(record.get("id"), "?"), "", "", "", "", 0, 0, (code, message),
                                  _text(record.get("source"))))

    def add(self, record: dict[str, Any], page: str) -> None:
        """Count one processed record whose article page is `page`."""
        title = _text(record.get("title")) or _text(record.get("id"), "?")
        facts = sum(len(items(record, k)) for k in ("organizations", "people", "projects", "counts", "locations"))
        entry = Entry(page, _text(record.get("id"), "?"), title, _text(record.get("lang"), "und"),
                      _text(record.get("outlet"), "(unknown)"), _text(record.get("published")),
                      len(items(record, "entities")), facts, source=_text(record.get("source")))
        self.entries.append(entry)
        self.langs[entry.lang] += 1
        self.outlets[entry.outlet] += 1
        self.months[month(entry.published) or "(no date)"] += 1
        for kind in self.tallies:
            self._tally(kind, record, page, title)
        self._counts(record, page, title)

    def _tally(self, kind: str, record: dict[str, Any], page: str, title: str) -> None:
        for item in items(record, kind):
            key = _text(item.get("id")) or _text(item.get("name"), "?")
            tally = self.tallies[kind].setdefault(key, Tally(_text(item.get("name"), key), _note(kind, item)))
            tally.articles += 1
            tally.mentions += max(1, len(items(item, "mentions")))
            if len(tally.pages) < LINKS_PER_FACT:
                tally.pages.append((page, title))

    def _counts(self, record: dict[str, Any], page: str, title: str) -> None:
        names = {x.get("id"): _text(x.get("name")) for k in ("organizations", "locations") for x in items(record, k)}
        default_place = _main_place(record)
        for count in items(record, "counts"):
            value = count.get("value") if count.get("value") is not None else count.get("max")
            when = month(count.get("as_of")) or month(record.get("published"))
            if not isinstance(value, (int, float)) or isinstance(value, bool) or when is None or count.get("change"):
                continue
            place = _linked_place(count, names) or default_place
            subject = _text(count.get("subject"), "(count)")
            key = (_text(count.get("subject_id")) or subject, _text(count.get("unit")), place)
            self.subjects.setdefault(key[0], subject)
            if len(self.series[key]) < SERIES_POINTS:
                tip = f"{value:g} {key[1]} {subject}, {place} — {title} ({when})".replace("  ", " ")
                self.series[key].append((when, float(value), tip, page))


def _note(kind: str, item: dict[str, Any]) -> str:
    if kind == "people":
        titles = [_text(p.get("title")) for p in items(item, "positions") if p.get("title")]
        return titles[0] if titles else ""
    return _text(item.get("type"))


def _linked_place(count: dict[str, Any], names: dict[Any, str]) -> Optional[str]:
    """The name of an organization or place the count itself links to (a field added beyond the contract)."""
    for key, value in count.items():
        if key not in COUNT_FIELDS and isinstance(value, str) and value in names:
            return names[value]
    return None


def _main_place(record: dict[str, Any]) -> str:
    """The article's most mentioned location (first found wins a tie)."""
    best, best_n = "(no place)", 0
    for loc in items(record, "locations"):
        n = len(items(loc, "mentions"))
        if n > best_n and loc.get("name"):
            best, best_n = _text(loc.get("name")), n
    return best
