"""Furniture phrase lists (`resources/furniture/*.txt`) and the test whether one line is furniture.

>>> match_line("Комментарии (0):").id
'ru.comments.count'
>>> match_line("Пн Вт Ср Чт Пт Сб Вс").kind
'token'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ppo_nlp.paths import RESOURCES_DIR
from ppo_nlp.text import fold

FURNITURE_DIR = RESOURCES_DIR / "furniture"
LIST_FILES = ("common.txt", "ru.txt", "kk.txt", "en.txt")
KINDS = ("line", "prefix", "regex", "token")
MAX_LINE_CHARS = 300  # longer lines are never furniture
MAX_PREFIX_WORDS = 12
REGEX_TIMEOUT = 0.5

_EDGE_RE = regex.compile(r"^[\W_]+|[\W_]+$")
_SPACE_RE = regex.compile(r"\s+")
_TOKEN_RE = regex.compile(r"\w+(?:[-'’.]\w+)*")


@dataclass(frozen=True)
class Entry:
    """One furniture pattern: `kind` is line/prefix/regex/token; `end` marks the start of the page footer."""

    id: str
    kind: str
    pattern: str
    end: bool = False


@dataclass(frozen=True)
class Lists:
    """All entries, indexed for matching."""

    lines: dict[str, Entry]
    prefixes: tuple[tuple[str, Entry], ...]
    regexes: tuple[tuple[regex.Pattern, Entry], ...]
    tokens: dict[str, Entry]


def parse_entry(line: str) -> Optional[Entry]:
    """An entry from one data line `id kind pattern  # why`; None for blanks and comments."""
    body = line.split("  #", 1)[0].strip()
    if not body or body.startswith("#"):
        return None
    parts = body.split(None, 2)
    if len(parts) != 3:
        raise ValueError(f"furniture entry needs id, kind and pattern: {line!r}")
    entry_id, kind, pattern = parts
    base, _, flag = kind.partition("+")
    if base not in KINDS or flag not in ("", "end"):
        raise ValueError(f"unknown furniture kind {kind!r} in {line!r}")
    return Entry(entry_id, base, pattern, flag == "end")


@lru_cache(maxsize=1)
def load_lists() -> Lists:
    """Every furniture list, loaded once per process."""
    entries = [e for name in LIST_FILES for raw in (FURNITURE_DIR / name).read_text(encoding="utf-8").splitlines()
               if (e := parse_entry(raw))]
    return Lists(
        lines={normalize(e.pattern): e for e in reversed(entries) if e.kind == "line"},
        prefixes=tuple((_prefix_key(e.pattern), e) for e in entries if e.kind == "prefix"),
        regexes=tuple((regex.compile(e.pattern, regex.I | regex.V1), e) for e in entries if e.kind == "regex"),
        tokens={fold(e.pattern): e for e in entries if e.kind == "token"},
    )


def normalize(text: str) -> str:
    """The comparison form of a line: folded, spaces collapsed, punctuation trimmed at both ends."""
    return _EDGE_RE.sub("", _SPACE_RE.sub(" ", fold(text)).strip())


def _prefix_key(pattern: str) -> str:
    """A prefix as compared: folded; a trailing `:` or `-` is kept and then must be present in the line."""
    folded = _SPACE_RE.sub(" ", fold(pattern)).strip()
    return folded if not folded[-1].isalnum() else normalize(pattern)


def match_line(line: str) -> Optional[Entry]:
    """The furniture entry that matches the whole of `line`, or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_LINE_CHARS:
        return None
    lists = load_lists()
    norm = normalize(stripped)
    return (lists.lines.get(norm) or _match_prefix(lists, stripped, norm) or _match_regex(lists, stripped)
            or _match_tokens(lists, norm))


def _match_prefix(lists: Lists, stripped: str, norm: str) -> Optional[Entry]:
    """A short line that starts with a listed phrase followed by a word boundary."""
    if len(stripped.split()) > MAX_PREFIX_WORDS:
        return None
    folded = _SPACE_RE.sub(" ", fold(stripped))
    for key, entry in lists.prefixes:
        head = folded if not key[-1].isalnum() else norm
        if head.startswith(key) and (len(head) == len(key) or not head[len(key)].isalnum()):
            return entry
    return None


def _match_regex(lists: Lists, stripped: str) -> Optional[Entry]:
    """The first regex entry that matches the whole line (bounded by a timeout)."""
    for pattern, entry in lists.regexes:
        try:
            if pattern.fullmatch(stripped, timeout=REGEX_TIMEOUT):
                return entry
        except TimeoutError:
            continue
    return None


def _match_tokens(lists: Lists, norm: str) -> Optional[Entry]:
    """A line made only of listed tokens (weekday rows, social network names, share buttons)."""
    tokens = _TOKEN_RE.findall(norm)
    if not tokens or any(t not in lists.tokens for t in tokens):
        return None
    return lists.tokens[tokens[0]]
