"""Line and sentence spans: the units language segmentation decides on.

>>> text = "Первое предложение. Second one!\\nҮшінші жол"
>>> [text[s:e] for s, e in sentence_spans(text)]
['Первое предложение.', 'Second one!', 'Үшінші жол']
"""
from __future__ import annotations

import regex

_LINE_RE = regex.compile(r"[^\n\r\u2028\u2029]+")
# A sentence end: terminal marks, up to three closing quotes/brackets, spaces, then a capital, digit or opener.
_END_RE = regex.compile(r"[.!?…]+[»\"”’)\]]{0,3}(?=[ \t\u00a0]+[«\"“„(\[\-–—]?[\p{Lu}\d])")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty (start, end) spans of sentences, never crossing a line break, in text order."""
    spans = []
    for line in _LINE_RE.finditer(text):
        start = line.start()
        for end_mark in _END_RE.finditer(text, line.start(), line.end()):
            spans.append(_strip(text, start, end_mark.end()))
            start = end_mark.end()
        spans.append(_strip(text, start, line.end()))
    return [(s, e) for s, e in spans if e > s]
