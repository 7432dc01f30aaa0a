"""Furniture phrase lists (`resources/furniture/*.txt`) and the test whether one line is furniture.

>>> match_line("Комментарии (0):").id
'ru.comments.count'
>>> match_line("Пн Вт Ср Чт Пт Сб Вс").kind
'token'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.ingest.regexgate import Gate, leading_gate, merge_gates
from ppo_nlp.resources import read_rows
from ppo_nlp.text import fold

LIST_FILES = ("common.txt", "ru.txt", "kk.txt", "en.txt")
KINDS = ("line", "prefix", "regex", "token", "caption")
MAX_CAPTION_CHARS = 230
MAX_LINE_CHARS = 300  # longer lines are never furniture
MAX_PREFIX_WORDS = 12
REGEX_TIMEOUT = 0.5
REGEX_FLAGS = regex.I | regex.V1

_LEAD_RE = regex.compile(r"[\W_]+")
_TRAIL_RE = regex.compile(r"[\W_]+", regex.REVERSE)  # matched backwards from the end of the string
_SPACE_RE = regex.compile(r"\s+")
_TOKEN_RE = regex.compile(r"\w+(?:[-'’.]\w+)*")
# `\1`, `\g<..>` and any `(?` other than `(?:`, lookarounds and scoped flags `(?i:` / `(?-i:`.
_UNSAFE_IN_ALTERNATION = regex.compile(r"\\[0-9gk]|\(\?(?!:|=|!|<=|<!|-?[a-zA-Z]+:)")


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
    # Positions in `prefixes` by the first character of the key; keys ending in a letter or digit are
    # compared with the normalized line, the others with the folded line.
    norm_prefixes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    folded_prefixes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    any_regex: Optional[regex.Pattern] = None  # every regex entry as one alternation, None when unsafe
    captions: tuple[tuple[str, Entry], ...] = ()  # (folded credit label, entry)
    caption_re: Optional[regex.Pattern] = None  # one sentence, then a credit label and a short credit
    # Regex entries that can only match a line holding one of their literals (`regexgate`): when `gate` does
    # not let a line through, `ungated_regex` (the other entries as one alternation; branch I is entry
    # `ungated_index[I]`) decides alone. Set only with `any_regex`.
    gate: Optional[Gate] = None
    ungated_regex: Optional[regex.Pattern] = None
    ungated_index: tuple[int, ...] = ()


def parse_entry(row: tuple[str, ...]) -> Entry:
    """An entry from one row `id<TAB>kind<TAB>pattern` of a furniture list."""
    if len(row) != 3:
        raise ValueError(f"furniture entry needs id, kind and pattern: {row!r}")
    entry_id, kind, pattern = row
    base, _, flag = kind.partition("+")
    if base not in KINDS or flag not in ("", "end"):
        raise ValueError(f"unknown furniture kind {kind!r} in {row!r}")
    return Entry(entry_id, base, pattern, flag == "end")


@lru_cache(maxsize=1)
def load_lists() -> Lists:
    """Every furniture list, loaded once per process."""
    entries = [parse_entry(row) for name in LIST_FILES for row in read_rows(f"furniture/{name}")]
    prefixes = tuple((_prefix_key(e.pattern), e) for e in entries if e.kind == "prefix")
    patterns = [e.pattern for e in entries if e.kind == "regex"]
    return Lists(
        lines={normalize(e.pattern): e for e in reversed(entries) if e.kind == "line"},
        prefixes=prefixes,
        regexes=tuple((regex.compile(e.pattern, REGEX_FLAGS), e) for e in entries if e.kind == "regex"),
        tokens={fold(e.pattern): e for e in entries if e.kind == "token"},
        norm_prefixes=_by_first_char([key if key[-1].isalnum() else "" for key, _ in prefixes]),
        folded_prefixes=_by_first_char(["" if key[-1].isalnum() else key for key, _ in prefixes]),
        any_regex=combine_regexes(patterns),
        captions=tuple((fold(e.pattern), e) for e in entries if e.kind == "caption"),
        caption_re=_caption_regex([e.pattern for e in entries if e.kind == "caption"]),
        **_gated(patterns),
    )


def _gated(patterns: list[str]) -> dict:
    """The `gates`, `ungated_regex` and `ungated_index` of `Lists` for the regex entries `patterns`."""
    gates = [leading_gate(p, REGEX_FLAGS) for p in patterns]
    ungated = tuple(i for i, gate in enumerate(gates) if gate is None)
    if len(ungated) == len(patterns) or combine_regexes(patterns) is None:
        return {}
    return {"gate": merge_gates(g for g in gates if g is not None), "ungated_index": ungated,
            "ungated_regex": combine_regexes([patterns[i] for i in ungated])}


def _caption_regex(labels: list[str]) -> Optional[regex.Pattern]:
    """`One sentence. <label>[:] <credit of up to six words>` as a whole line; the label is group `label`."""
    if not labels:
        return None
    alternation = "|".join(regex.escape(label).replace("\\ ", "\\s+") for label in sorted(labels, key=len, reverse=True))
    return regex.compile(rf"[^.!?\n]{{10,200}}[.!?]\s+(?P<label>{alternation})\s*:?\s+\S+(?:\s+\S+){{0,5}}", REGEX_FLAGS)


def _by_first_char(keys: list[str]) -> dict[str, tuple[int, ...]]:
    """Positions of the non-empty `keys`, grouped by their first character, in order."""
    index: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key:
            index.setdefault(key[0], []).append(i)
    return {first: tuple(positions) for first, positions in index.items()}


def combine_regexes(patterns: list[str]) -> Optional[regex.Pattern]:
    """One alternation `(?P<r0>p0)|(?P<r1>p1)|...` whose fullmatch is the first pattern that fullmatches.

    None when a pattern uses a construct that would mean something else inside the alternation
    (back references, group names or numbers, global inline flags, comments): then each is tried alone.
    """
    if not patterns or any(_UNSAFE_IN_ALTERNATION.search(p) for p in patterns):
        return None
    return regex.compile("|".join(f"(?P<r{i}>{p})" for i, p in enumerate(patterns)), REGEX_FLAGS)


@bounded_cache(4 << 20, maxsize=8192)
def normalize(text: str) -> str:
    """The comparison form of a line: folded, spaces collapsed, punctuation trimmed at both ends."""
    return _trim_edges(_collapse(fold(text)).strip())


def _collapse(text: str) -> str:
    """Runs of whitespace as one space (a printable text has no whitespace but U+0020: C-level checks first)."""
    return text if text.isprintable() and "  " not in text else _SPACE_RE.sub(" ", text)


def _trim_edges(text: str) -> str:
    """`text` without the non-word characters (and `_`) at its start and end."""
    lead = _LEAD_RE.match(text)
    if lead:
        text = text[lead.end():]
    trail = _TRAIL_RE.match(text)
    return text[:trail.start()] if trail else text


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
    found = lists.lines.get(norm)
    if found:
        return found
    folded = fold(stripped)  # once for the prefix and caption tests (a long line's fold is not cached)
    return (_match_prefix(lists, stripped, norm, folded) or _match_regex(lists, stripped)
            or _match_tokens(lists, norm) or _match_caption(lists, stripped, folded))


def _match_caption(lists: Lists, stripped: str, folded: Optional[str] = None) -> Optional[Entry]:
    """A one-sentence photo caption that ends in its credit (`Delegates vote. Photo: akorda.kz`); the regex
    runs only on short lines that contain a credit label. `folded` is `fold(stripped)` when known."""
    if lists.caption_re is None or len(stripped) > MAX_CAPTION_CHARS:
        return None
    folded = fold(stripped) if folded is None else folded
    if not any(label in folded for label, _ in lists.captions):
        return None
    m = lists.caption_re.fullmatch(stripped, timeout=REGEX_TIMEOUT)
    if not m:
        return None
    label = fold(" ".join(m.group("label").split()))
    return next((entry for key, entry in lists.captions if key == label), lists.captions[0][1])


def _match_prefix(lists: Lists, stripped: str, norm: str, folded: Optional[str] = None) -> Optional[Entry]:
    """A short line that starts with a listed phrase followed by a word boundary (`folded`: `fold(stripped)`
    when known)."""
    if len(stripped.split()) > MAX_PREFIX_WORDS:
        return None
    folded = _collapse(fold(stripped) if folded is None else folded)
    found = [i for head, index in ((norm, lists.norm_prefixes), (folded, lists.folded_prefixes))
             for i in index.get(head[:1], ()) if _starts_with_word(head, lists.prefixes[i][0])]
    return lists.prefixes[min(found)][1] if found else None


def _starts_with_word(head: str, key: str) -> bool:
    """`head` starts with `key`, followed by the end or by a character that is not a letter or digit."""
    return head.startswith(key) and (len(head) == len(key) or not head[len(key)].isalnum())


def _match_regex(lists: Lists, stripped: str) -> Optional[Entry]:
    """The first regex entry that matches the whole line: all at once, else one by one (each with a timeout)."""
    if lists.any_regex is None:
        return _match_each_regex(lists, stripped)
    pattern, index = lists.any_regex, None
    if lists.gate is not None and not lists.gate.may_match(stripped):
        pattern, index = lists.ungated_regex, lists.ungated_index  # no gated entry can match this line
        if pattern is None:
            return None
    try:
        m = pattern.fullmatch(stripped, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return _match_each_regex(lists, stripped)
    return lists.regexes[_branch(m) if index is None else index[_branch(m)]][1] if m else None


def _branch(m: regex.Match) -> int:
    """The index of the alternative `(?P<rI>...)` that matched."""
    return next(int(name[1:]) for name, value in m.groupdict().items() if value is not None)


def _match_each_regex(lists: Lists, stripped: str) -> Optional[Entry]:
    """The first regex entry that matches the whole line (each bounded by a timeout)."""
    for pattern, entry in lists.regexes:
        try:
            if pattern.fullmatch(stripped, timeout=REGEX_TIMEOUT):
                return entry
        except TimeoutError:
            continue
    return None


def _match_tokens(lists: Lists, norm: str) -> Optional[Entry]:
    """A line made only of listed tokens (weekday rows, social network names, share buttons)."""
    first = _TOKEN_RE.search(norm)  # most lines fail on their first token: no need to find the others
    if first is None or first.group() not in lists.tokens:
        return None
    tokens = _TOKEN_RE.findall(norm)
    if any(t not in lists.tokens for t in tokens):
        return None
    return lists.tokens[tokens[0]]
