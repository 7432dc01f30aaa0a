"""Page layout of a plain-text article: header, body and footer zones, the title line, what to keep.

The body is the span of the substantial runs of prose lines (a run tolerates one non-prose line between
sentences, such as a subheading; listed furniture and blank lines do not break it). Listed furniture
(`furniture.py`) is dropped everywhere; shape rules (digits, dates, menus, single words, repeated headlines)
only outside the body; lines above the title are the site header. A `+end` entry (comment section,
copyright with a year, back link) after the first sentence cuts the page there, unless it is a bare heading
line («Комментарии») with a short lead above it and much more prose below: then it heads a section of the
article (experts' comments), not the page's comment thread.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from ppo_nlp.ingest.dates import find_date, is_date_widget, leading_date
from ppo_nlp.ingest.furniture import Entry, match_line, normalize
from ppo_nlp.ingest.repetition import MAX_LINE_CHARS as MAX_LEARNED_CHARS, fingerprint
from ppo_nlp.ingest.lines import (SENTENCE_END, is_digits, is_menu_row, is_prose, is_separated_row, person_name,
                                  words)

MAX_GAP = 1  # non-prose lines a run of prose tolerates in a row
SUBSTANTIAL = 0.25  # a run is part of the body when it weighs this share of the heaviest run
TITLE_WINDOW = 3  # the title is the longest of the last candidates above the body
MAX_TITLE_WORDS = 40
MIN_DATED_TITLE_WORDS = 3  # words a headline needs after a date in front of it
MAX_WRAP_WORDS = 8  # words of a breadcrumb before, or a site name after, a copy of the title
_SITE_SEP_RE = regex.compile(r"\s*(?:[|•:/]|::|\s[-–—]|[-–—]\s)\s*")
SECTION_LEAD_CHARS = 1000  # prose above a bare `line+end` heading that may still be only the article's lead
SECTION_SHARE = 2  # ... when the prose below it, up to the next `+end` entry, is this many times more
DATE_LINE_WORDS = 6  # a line with a date and at most this many other words is a header date line
LEARNED = Entry("learned.repeated", "line", "")  # a line that recurs across the documents of one site


@dataclass
class Layout:
    """Per-line facts and the zones of one page."""

    lines: list[str]
    furniture: list[Optional[Entry]]
    prose: list[bool]
    cut: int
    body_start: int
    body_end: int
    title: Optional[int] = None

    def zone(self, i: int) -> str:
        """`header`, `body`, `footer` or `cut` for line `i`."""
        if i >= self.cut:
            return "cut"
        if i < self.body_start:
            return "header"
        return "body" if i <= self.body_end else "footer"


def analyse(lines: list[str], meta_title: Optional[str] = None, repeated: frozenset[int] = frozenset()) -> Layout:
    """The layout of normalized `lines`; `meta_title` (from HTML or JSON) locates the title line; `repeated`
    holds the fingerprints of lines learned as furniture of the document's site (`repetition.py`)."""
    furniture = [match_line(line) if line else None for line in lines]
    if repeated:
        furniture = _with_learned(lines, furniture, repeated)
    prose = [bool(line) and f is None and is_prose(line) for line, f in zip(lines, furniture)]
    cut = _cut(lines, furniture, prose)
    start, end = _body_span(lines, furniture, prose, cut)
    layout = Layout(lines, furniture, prose, cut, start, end)
    layout.title = _title_line(layout, meta_title)
    return layout


def _with_learned(lines: list[str], furniture: list[Optional[Entry]], repeated: frozenset[int]) -> list[Optional[Entry]]:
    """Learned furniture added to the listed one; when learned lines would take most of the page's prose (a
    duplicated article, not a site template), only its non-prose learned lines count."""
    learned = [f is None and bool(line) and len(line) <= MAX_LEARNED_CHARS and fingerprint(line) in repeated
               for line, f in zip(lines, furniture)]
    prose_chars = sum(len(line) for line, f in zip(lines, furniture) if f is None and line and is_prose(line))
    learned_prose = sum(len(line) for line, hit in zip(lines, learned) if hit and is_prose(line))
    keep_prose = prose_chars and learned_prose * 2 > prose_chars
    return [LEARNED if hit and not (keep_prose and is_prose(line)) else f
            for line, f, hit in zip(lines, furniture, learned)]


def _cut(lines: list[str], furniture: list[Optional[Entry]], prose: list[bool]) -> int:
    """The first footer-start entry after the first sentence that is not a section heading, else the end
    of the page."""
    first = next((i for i, p in enumerate(prose) if p), len(prose))
    ends = [i for i in range(first + 1, len(prose)) if furniture[i] and furniture[i].end]  # type: ignore[union-attr]
    for i, after in zip(ends, ends[1:] + [len(prose)]):
        if not _section_heading(lines, prose, furniture[i], (first, i, after)):  # type: ignore[arg-type]
            return i
    return len(prose)


def _section_heading(lines: list[str], prose: list[bool], entry: Entry, bounds: tuple[int, int, int]) -> bool:
    """Whether the `+end` line `bounds[1]` heads a section of the article: a bare heading line (not a count or
    a copyright), under SECTION_LEAD_CHARS of prose above it, SECTION_SHARE times more prose below it (up to
    the next `+end` line)."""
    first, at, after = bounds
    if entry.kind != "line":
        return False
    above = sum(len(lines[j]) for j in range(first, at) if prose[j])
    below = sum(len(lines[j]) for j in range(at + 1, after) if prose[j])
    return above < SECTION_LEAD_CHARS and below > SECTION_SHARE * above


def _runs(lines: list[str], furniture: list[Optional[Entry]], prose: list[bool], cut: int) -> list[tuple[int, int, int]]:
    """Runs of prose as (first line, last line, characters)."""
    runs: list[tuple[int, int, int]] = []
    first = last = -1
    weight = gap = 0
    for i in range(cut):
        if prose[i]:
            first, last, weight, gap = (i if first < 0 else first), i, weight + len(lines[i]), 0
        elif lines[i] and not furniture[i]:
            gap += 1
            if gap > MAX_GAP and first >= 0:
                runs.append((first, last, weight))
                first, weight = -1, 0
    if first >= 0:
        runs.append((first, last, weight))
    return runs


def _body_span(lines: list[str], furniture: list[Optional[Entry]], prose: list[bool], cut: int) -> tuple[int, int]:
    """First and last line of the body; the whole page (before the cut) when it has no prose."""
    runs = _runs(lines, furniture, prose, cut)
    if not runs:
        return 0, cut - 1
    heaviest = max(weight for _, _, weight in runs)
    kept = [(a, b) for a, b, weight in runs if weight >= SUBSTANTIAL * heaviest]
    return kept[0][0], kept[-1][1]


def _title_line(layout: Layout, meta_title: Optional[str]) -> Optional[int]:
    """The line holding the title: the one that matches `meta_title`, else the best header candidate."""
    header = range(min(layout.body_start, layout.cut))
    if meta_title:
        key = normalize(meta_title)
        return next((i for i in header if layout.lines[i] and normalize(layout.lines[i]) == key), None)
    if layout.body_start == 0 and not any(layout.prose):
        return None
    candidates = [i for i in header if _title_candidate(layout, i)]
    candidates = [i for i in candidates if not any(wrapped_title(layout.lines[i], layout.lines[j])
                                                   for j in candidates if j != i)]
    candidates = [i for i in candidates if not any(_repeats(layout.lines[i], layout.lines[j])
                                                   for j in candidates if j != i)]
    window = candidates[-TITLE_WINDOW:]
    return max(reversed(window), key=lambda i: len(words(layout.lines[i])), default=None)


def _title_candidate(layout: Layout, i: int) -> bool:
    """A header line that could be the headline: not furniture, not a sentence, not a byline or date (a date
    in front of a headline is allowed: `03.03.2022 Headline`, `June 28. Headline`)."""
    line = layout.lines[i]
    if not line or layout.furniture[i] or layout.prose[i] or len(line) > 300 or is_date_widget(line):
        return False
    rest = title_text(line)
    count = len(words(rest))
    if rest != line:
        return MIN_DATED_TITLE_WORDS <= count <= MAX_TITLE_WORDS and not person_name(rest)
    return 2 <= count <= MAX_TITLE_WORDS and not person_name(line) and not shape_furniture(line)


def title_text(line: str) -> str:
    """The headline of a title line: without a date in front of it (`03.03.2022 Headline` -> `Headline`)."""
    lead = leading_date(line)
    return line[lead[1]:] if lead and lead[1] < len(line) else line


def wrapped_title(line: str, title: str) -> Optional[tuple[str, str]]:
    """`(before, after)` when `line` is `title` with a short breadcrumb before it (`Home Қоғам Title`) or a site
    name after a separator (`Title - «Qazaqstan» Ұлттық телеарнасы`); None otherwise."""
    if not title or len(line) <= len(title) or len(line) > 2 * len(title) + 120:
        return None
    at = line.casefold().find(title.casefold())
    if at < 0:
        return None
    before, after = line[:at].strip(), line[at + len(title):].strip()
    if len(words(before)) > MAX_WRAP_WORDS or len(words(after)) > MAX_WRAP_WORDS or not (before or after):
        return None
    if after and not _SITE_SEP_RE.match(line[at + len(title):]):
        return None
    if before and (before[-1:] in SENTENCE_END or not all(w[:1].isupper() for w in before.split())):
        return None
    return before, _SITE_SEP_RE.sub("", after, count=1) if after else ""


def _repeats(line: str, other: str) -> bool:
    """`line` repeats (part of) a longer heading `other`."""
    if len(line) >= len(other) or len(other) > 1000:
        return False
    a, b = normalize(line), normalize(other)
    return len(a) < len(b) and len(words(line)) >= 2 and a in b


def is_date_line(line: str) -> bool:
    """A short line that carries a date: `1 Марта 2022, 12:01`, `пресс служба Nur Otan 1 Марта 2022`."""
    found = find_date(line)
    return bool(found) and len(words(line[:found.start] + " " + line[found.end:])) <= DATE_LINE_WORDS


def shape_furniture(line: str) -> bool:
    """Lines that are furniture by their shape when they stand outside the body."""
    if is_digits(line) or is_separated_row(line) or is_menu_row(line) or is_date_line(line):
        return True
    return len(words(line)) <= 1 and not person_name(line)


def keep_line(layout: Layout, i: int) -> bool:
    """Whether line `i` belongs to the clean text."""
    line, zone = layout.lines[i], layout.zone(i)
    if zone == "cut" or layout.furniture[i]:
        return False
    if i == layout.title:
        return True
    title = layout.lines[layout.title] if layout.title is not None else None
    if title and len(line) <= 2 * len(title) + 10 and normalize(line) == normalize(title):
        return False
    if zone == "body":
        return True
    if zone == "header" and layout.title is not None and i < layout.title:
        return False
    if title and not layout.prose[i] and (_repeats(line, title) or wrapped_title(line, title)):
        return False
    return layout.prose[i] or not shape_furniture(line)
