"""A suffix regex's `search`, the same match span, without trying every branch at every position.

spaCy's suffix pattern is an alternation of ~80 branches, each ending in `$`, most of them one character
wide; `re.search` tries all of them at every position of the piece (its lookbehinds defeat `re`'s own
first-character scan), so a suffix search was a fifth of the tokenizer's time on new words. Every match
ends at the end of the piece, so a match of width w starts at `len - w`:

- the branches at most one character wide («,$», «»$») can only match at the last position;
- the wider ones («'s$», «(?<=[0-9])km$»), compiled apart, are searched from `len - widest` on (their
  lookbehinds still see the text before), or from 0 when a branch of unbounded width («\\.\\.+$») might
  start earlier (its first character occurs there);
- a wider match starting before the last position is the leftmost match, else the whole pattern is
  searched from the last position.

Matches of one start end at the same place, so the span is the plain search's (the tokenizer reads only
the span). The pattern is read with the standard library's regex parser; a pattern of another shape (a
branch not ending in `$`, groups, global flags) keeps the plain `search` (tests/extract/ner/test_endsearch.py
compares them on the three models' patterns).
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple, Optional

try:  # the parser `re` compiles with; not a public module, hence the fallback to the plain search
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover (Python < 3.11)
    sre_constants = sre_parse = None

MAX_WIDTH = 64  # a branch wider than this counts as unbounded
Search = Callable[[str], Optional[re.Match]]


class Split(NamedTuple):
    wide: str  # the branches that may be wider than one character, as one pattern
    width: int  # the widest bounded one
    starts: str  # the first characters of the unbounded ones


def top_level(pattern: str) -> list[str]:
    """The source of each top-level branch of `pattern` (escapes, classes and groups skipped over)."""
    pieces, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)  # a «]» first in a class is a literal
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and not depth:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    return pieces + [pattern[start:]]


def split(compiled: re.Pattern) -> Optional[Split]:
    """The wide branches of an end-anchored alternation; None for a pattern of another shape."""
    if sre_parse is None or compiled.flags != re.UNICODE or compiled.groups:
        return None
    try:
        branches = list(sre_parse.parse(compiled.pattern))
        branches = list(branches[0][1][1]) if len(branches) == 1 and branches[0][0] is sre_constants.BRANCH \
            else [sre_parse.parse(compiled.pattern)]
        sources = top_level(compiled.pattern)
        if len(sources) != len(branches) or any(repr(sre_parse.parse(s)) != repr(b) for s, b in zip(sources, branches)):
            return None
        return _split(sources, branches)
    except (re.error, AttributeError, TypeError, ValueError, IndexError, RecursionError):
        return None


def _split(sources: list[str], branches: list) -> Optional[Split]:
    ends = (sre_constants.AT_END, sre_constants.AT_END_STRING)
    wide, width, starts = [], 1, []
    for source, branch in zip(sources, branches):
        items = list(branch)
        if not items or items[-1][0] is not sre_constants.AT or items[-1][1] not in ends:
            return None
        high = branch.getwidth()[1]
        if high > MAX_WIDTH and items[0][0] is not sre_constants.LITERAL:
            return None
        if high > MAX_WIDTH:
            starts.append(chr(items[0][1]))
        elif high > 1:
            width = max(width, high)
        if high > 1:
            wide.append(source)
    return Split("|".join(wide) or "(?!)", width, "".join(dict.fromkeys(starts)))


def end_search(compiled: re.Pattern) -> Search:
    """`compiled.search`, or a faster function with the same match span when the pattern's shape allows."""
    found = split(compiled)
    if found is None:
        return compiled.search
    search, wide_search, width, starts = compiled.search, re.compile(found.wide).search, found.width, found.starts

    def tail_search(text: str) -> Optional[re.Match]:
        last = len(text) - 1
        if last < 0 or text[last] == "\n":  # `$` also matches before a final newline
            return search(text)
        start = len(text) - width
        if start < 0 or any(char in text[:start] for char in starts):
            start = 0
        match = wide_search(text, start)
        return match if match is not None and match.start() < last else search(text, last)

    return tail_search
