"""Where a number is not a count: names in quotes, entities, dates, times, phones, counters, labels."""
from __future__ import annotations

import bisect
from typing import Iterable, Iterator, Sequence

import regex

from ppo_nlp.doc import Document
from ppo_nlp.normalize.dates import DateMatch

TITLE_MAX_CHARS = 70  # a quoted span this short is a name ("«100 конкретных шагов»"), longer is speech
TITLE_MAX_WORDS = 8
NAME_LABELS = frozenset({"ORG", "PROJECT", "LOC", "PERSON", "DATE"})
_OPEN, _CLOSE, _TOGGLE = "«„‹", "»›", "\"“”"
_QUOTE_RE = regex.compile("[" + regex.escape(_OPEN + _CLOSE + _TOGGLE) + "]")

# a line of digits and punctuation only; the leading test of its characters fails at the first letter of
# a line of prose, before the digit test reads the line (a third of the time)
_FURNITURE_LINE = regex.compile(r"(?m)^(?=[\d \t%.,:;()+\-–—/]*+$)[ \t]*+(?=[^\n]*?\d)[\d \t%.,:;()+\-–—/]++$")
_PATTERNS = (
    regex.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)"),  # times
    regex.compile(r"\(\s*+\d++\s*+\)"),  # "(0)" counters and list markers
    regex.compile(r"\+\d[\d \-()]{8,18}\d"),  # international phones
    regex.compile(r"(?<!\S)[^\s@]++@\S++"),  # e-mail (one alternation with the links scans far slower)
)
_LOCAL_PHONE = regex.compile(r"(?<!\d)\(?\d{3,5}\)?[ \-]?\d{1,3}-\d{2}-\d{2}(?!\d)")
_PHONE_TAIL = regex.compile(r"\d-\d\d-\d\d")  # in every local phone, found twice as fast
_LINK = regex.compile(r"(?:https?://|www\.)\S++")


class Blocked:
    """Sorted, merged character spans; `covers(start, end)` says whether a number lies in one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covers(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a blocked span."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        j = i + 1
        return j < len(self.starts) and self.starts[j] < end


def _quote_lines(text: str) -> Iterator[list[regex.Match]]:
    """The quotes of `text`, line by line (one scan of the text; lines without quotes are skipped)."""
    line: list[regex.Match] = []
    line_end = -1
    for m in _QUOTE_RE.finditer(text):
        if m.start() > line_end:
            if line:
                yield line
            line, line_end = [], text.find("\n", m.start())
            line_end = len(text) if line_end < 0 else line_end
        line.append(m)
    if line:
        yield line


def _quote_pairs(quotes: list[regex.Match]) -> Iterator[tuple[int, int]]:
    """(open, close) offsets of the quotes of one line, nesting respected."""
    stack: list[tuple[int, str]] = []
    for m in quotes:
        i, ch = m.start(), m.group()
        if ch in _OPEN or (ch in _TOGGLE and (not stack or stack[-1][1] not in _TOGGLE)):
            stack.append((i, ch))
        elif (ch in _CLOSE or ch in _TOGGLE) and stack:
            yield stack.pop()[0], i


def quoted_titles(text: str) -> Iterator[tuple[int, int]]:
    """Spans of short quoted names (with their quotes)."""
    for quotes in _quote_lines(text):
        for start, end in _quote_pairs(quotes):
            inner = text[start + 1:end]
            if len(inner) <= TITLE_MAX_CHARS and len(inner.split()) <= TITLE_MAX_WORDS:
                yield start, end + 1


def _pattern_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the patterns; the phone and link ones only run where their cheap gate finds a trace."""
    patterns = [_FURNITURE_LINE, *_PATTERNS]
    if _PHONE_TAIL.search(text):
        patterns.append(_LOCAL_PHONE)
    if "http" in text or "www." in text:
        patterns.append(_LINK)
    for pattern in patterns:
        for m in pattern.finditer(text):
            yield m.start(), m.end()


def blocked_spans(doc: Document, dates: Sequence[DateMatch]) -> Blocked:
    """Every span whose numbers are never counts, for `doc` and its `dates`."""
    spans = [(e.start, e.end) for e in doc.entities if e.label in NAME_LABELS]
    spans.extend((d.start, d.end) for d in dates)
    spans.extend(quoted_titles(doc.text))
    spans.extend(_pattern_spans(doc.text))
    return Blocked(spans)
