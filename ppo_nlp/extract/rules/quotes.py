"""Quoted names in any quote style, paired in one linear pass, and lists of them.

Guillemets have a direction; `"`, `“` and `”` open or close by the spaces around them, so mismatched
pairs such as “…» and "…» still pair. Quotes never span a line break.

>>> [q.content for q in find_quotes('программы “Рухани жаңғыру» и «Нұрлы жол»')]
['Рухани жаңғыру', 'Нұрлы жол']
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ppo_nlp.cache import bounded_cache

OPENERS = "«„‹"
CLOSERS = "»›"
EITHER = '"“”'
MAX_QUOTED = 120  # characters between a pair
MAX_WORDS = 9  # a longer quotation is speech, not a name
QUOTE_RE = regex.compile(r'[«»„“”"‹›\n]')
_SENTENCE_BREAK = regex.compile(r"[.?;]\s+\p{Lu}")  # inside a quotation: a sentence, not a name
LEFT_CONTEXT = set(" \t([{/-—–") | set(OPENERS)


@dataclass(frozen=True)
class Quote:
    """One quoted stretch: quote marks at `open` and `close`, `content` between them (stripped)."""

    open: int
    close: int
    start: int
    end: int
    content: str


def _role(text: str, pos: int) -> str:
    """`open`, `close` or `` for the quote mark at `pos`."""
    ch = text[pos]
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    if (prev in LEFT_CONTEXT or prev.isspace()) and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return ""


MARK_BYTES = 128  # a list slot, a (position, role) pair and its int (the roles are shared strings)


@bounded_cache(16 << 20, maxsize=8, sizeof=lambda marks: MARK_BYTES * len(marks), keep_oversize=True)
def quote_marks(text: str) -> tuple[tuple[int, str], ...]:
    """(position, role) of every quote mark; a line break is reported as role `nl` (cached: `find_quotes` and
    `stray_closers` read the same text)."""
    out = []
    for m in QUOTE_RE.finditer(text):
        pos = m.start()
        out.append((pos, "nl" if text[pos] == "\n" else _role(text, pos)))
    return tuple(out)


def _make(text: str, o: int, c: int) -> Quote | None:
    raw = text[o + 1 : c]
    content = raw.strip()
    if not content or c - o > MAX_QUOTED or len(content.split()) > MAX_WORDS:
        return None
    start = o + 1 + (len(raw) - len(raw.lstrip()))
    return Quote(o, c, start, start + len(content), content)


@bounded_cache(16 << 20, maxsize=8, keep_oversize=True)
def find_quotes(text: str) -> tuple[Quote, ...]:
    """Every short quoted stretch, innermost pairs included, in text order (cached: three rules read it)."""
    stack: list[int] = []
    out = []
    for pos, role in quote_marks(text):
        if role == "nl":
            stack.clear()
        elif role == "open":
            stack.append(pos)
        elif role == "close" and stack:
            quote = _make(text, stack.pop(), pos)
            if quote is not None:
                out.append(quote)
    return tuple(sorted(out, key=lambda q: q.open))


def stray_closers(text: str) -> list[int]:
    """Closing marks with no opener on their line (`проект Кайсар",`)."""
    open_count, out = 0, []
    for pos, role in quote_marks(text):
        if role == "nl":
            open_count = 0
        elif role == "open":
            open_count += 1
        elif role == "close":
            if open_count:
                open_count -= 1
            else:
                out.append(pos)
    return out


def is_name_like(content: str) -> bool:
    """A name starts with a capital letter or a digit and is not a sentence."""
    first = content[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return not _SENTENCE_BREAK.search(content)
