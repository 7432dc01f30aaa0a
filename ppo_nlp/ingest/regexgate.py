"""Exact prefilters for furniture regexes that begin with `.{0,N}(?:literal|literal|...)`, and for patterns
whose every match holds one of some literals (`required_gate`).

Such a pattern is tried at up to N+1 places of every line, yet it can only match a line that holds one of its
literals. A `Gate` tells, with two C-level scans, that a line cannot match: none of the literals is in the
lower-cased line and the line has none of the characters whose lower case would hide a case-insensitive
match (`İ` matches `i`, `ᲃ` matches `с`, `ﬁ` matches `fi`). Those characters come from the regex engine's own
case tables; when they cannot be read, there is no gate and the pattern is always tried.

>>> gate = leading_gate(r".{0,80}(?:©|\\(c\\)|copyright)\\s*\\d+", regex.I | regex.V1)
>>> gate.may_match("Все права защищены"), gate.may_match("COPYRIGHT 2015"), gate.may_match("Copyrİght 2015")
(False, True, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Optional

import regex

_LITERAL = r"(?:[^\\()|\[\]{}.*+?^$#\s]|\\[^\w\s])+"
_LEADING_RE = regex.compile(rf"\.\{{0,\d+\}}\(\?:({_LITERAL}(?:\|{_LITERAL})*)\)")


@dataclass(frozen=True)
class Gate:
    """Lower-cased literals, one of which every match holds, and the characters that hide one from `str.lower`;
    searched as substrings (exact code points, no case rules)."""

    literals: tuple[str, ...]
    twins: str

    @cached_property
    def _twin_re(self) -> Optional[re.Pattern]:
        return re.compile(f"[{re.escape(self.twins)}]") if self.twins else None

    def may_match(self, line: str, lowered: Optional[str] = None) -> bool:
        """False only when no match is possible (`lowered`: `line.lower()` when known)."""
        return self.holds_literal(line.lower() if lowered is None else lowered) or self.hides_literal(line)

    def holds_literal(self, lowered: str) -> bool:
        """One of the literals is in `lowered` (a lower-cased line)."""
        # one C-level substring search per literal: far cheaper than a regex alternation of them on a line
        return any(map(lowered.__contains__, self.literals))

    def hides_literal(self, line: str) -> bool:
        """The line has a character whose lower case could hide a literal from `holds_literal`."""
        return bool(self._twin_re and self._twin_re.search(line))


def merge_gates(gates: Iterable[Gate]) -> Gate:
    """One gate that lets a line through when one of `gates` would."""
    gates = list(gates)
    return Gate(tuple(lit for g in gates for lit in g.literals), "".join(sorted({c for g in gates for c in g.twins})))


def leading_gate(pattern: str, flags: int) -> Optional[Gate]:
    """The gate of a pattern `.{0,N}(?:lit|...)rest` compiled with `flags` (case-insensitive), or None."""
    m = _LEADING_RE.match(pattern)
    if not m or not flags & regex.I:
        return None
    literals = tuple(regex.sub(r"\\(.)", r"\1", lit) for lit in m.group(1).split("|"))
    twins = _hidden_twins("".join(literals))
    return None if twins is None else Gate(tuple(lit.lower() for lit in literals), twins)


def required_gate(pattern: str, flags: int) -> Optional[Gate]:
    """The gate of a case-insensitive pattern every match of which holds one of some literals: per alternative,
    its longest literal run or group of literal alternatives that no quantifier makes optional
    (`(?:по\\s+(?:данным|информации)|со\\s+ссылкой\\s+на)`: данным, информации, ссылкой), or None."""
    if not flags & regex.I or flags & regex.X or _VERBOSE_RE.search(pattern):
        return None  # verbose: `#` comments
    pattern = _classes_as_dots(pattern)  # a class may hold `(`, `)` or `|`; it is one character, no literal
    literals = _required(pattern) if pattern is not None else None
    if not literals:
        return None
    twins = _hidden_twins("".join(sorted(literals)))
    return None if twins is None else Gate(tuple(sorted(lit.lower() for lit in literals)), twins)


def _classes_as_dots(pattern: str) -> Optional[str]:
    """`pattern` with each character class written as `.` (the same one character, no literal), or None for
    a class that nests (V1 set operations) or does not close."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern[i] == "[":
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            j += pattern[j:j + 1] == "]"  # a `]` first in a class is a member
            while j < len(pattern) and pattern[j] not in "[]":
                j += 2 if pattern[j] == "\\" else 1
            if j >= len(pattern) or pattern[j] == "[":
                return None
            out.append(".")
            i = j + 1
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def _required(body: str) -> Optional[frozenset[str]]:
    """Literals one of which every match of `body` (alternatives at its top level) holds, or None."""
    found = [_required_in_sequence(alt) for alt in _split_alternatives(body)]
    return None if any(f is None for f in found) else frozenset().union(*found)  # type: ignore[arg-type]


def _required_in_sequence(sequence: str) -> Optional[frozenset[str]]:
    """The mandatory literal run or group of `sequence` (no top-level `|`) with the longest shortest literal."""
    best: Optional[frozenset[str]] = None
    for kind, text in _mandatory_items(sequence):
        found = frozenset([text]) if kind == "literal" else _required(text)
        if found and all(found) and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found
    return best


_META = frozenset("\\()|[]{}.*+?^$#")
_VERBOSE_RE = re.compile(r"\(\?[a-zA-Z-]*x")
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,\d*)?\}")
_GROUP_OPENING = re.compile(r"\(\?(?::|P<\w+>|[a-zA-Z-]+:)|\((?!\?)")


def _mandatory_items(sequence: str) -> Iterable[tuple[str, str]]:
    """("literal", run) and ("group", inner pattern) items every match of `sequence` holds; anything else (an
    escape such as `\\s`, `.`, a lookaround, a global flag) ends a run and is no item."""
    run, i = "", 0
    while i < len(sequence):
        kind, text, step = _item(sequence, i)
        if step <= 0:
            return
        quantifier = _QUANTIFIER.match(sequence, i + step)
        optional = quantifier is not None and (quantifier.group()[0] in "?*" or quantifier.group(1) in ("", "0"))
        if kind == "literal" and not optional:
            run += text
        if kind != "literal" or quantifier is not None:  # `ab+c` holds `ab`, not `abc`
            if run:
                yield "literal", run
            run = ""
        if kind == "group" and not optional:
            yield "group", text
        i += step + (len(quantifier.group()) if quantifier else 0)
    if run:
        yield "literal", run


def _item(sequence: str, i: int) -> tuple[str, str, int]:
    """(kind, text, length) of the item at `i`: a literal character, a group, or something else (kind "");
    length 0 where the pattern cannot be read."""
    ch = sequence[i]
    if ch == "\\":
        if i + 1 < len(sequence) and not sequence[i + 1].isalnum() and not sequence[i + 1].isspace():
            return "literal", sequence[i + 1], 2
        if sequence[i + 2:i + 3] == "{":  # \p{Lu}, \N{...}
            end = sequence.find("}", i)
            return ("", "", end + 1 - i) if end > 0 else ("", "", 0)
        return "", "", 2
    if ch == "(":
        close = _group_end(sequence, i)
        opening = _GROUP_OPENING.match(sequence, i)
        if close is None:
            return "", "", 0
        return ("group", sequence[opening.end():close], close + 1 - i) if opening else ("", "", close + 1 - i)
    if ch in _META or ch.isspace():
        return "", "", 1
    return "literal", ch, 1


def _pieces(pattern: str) -> Iterable[tuple[int, str, int]]:
    """(position, character, group depth before it) of the characters outside escapes, in a pattern
    without character classes."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        yield i, ch, depth
        depth += (ch == "(") - (ch == ")")
        i += 1


def _group_end(pattern: str, start: int) -> Optional[int]:
    """The position of the `)` that closes the group opening at `start`."""
    return next((i for i, ch, depth in _pieces(pattern) if i > start and ch == ")" and depth == 1), None)


def _split_alternatives(body: str) -> list[str]:
    """`body` cut at its top-level `|`."""
    cuts = [i for i, ch, depth in _pieces(body) if ch == "|" and depth == 0]
    return [body[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(body)])]


def _hidden_twins(letters: str) -> Optional[str]:
    """Characters the engine matches case-insensitively with a piece of `letters` whose `str.lower` differs
    (its simple case twins, and every character that expands when folded); None when unknown."""
    try:
        from regex import _regex as engine  # the engine's case tables, as its own compiler reads them
        flags = regex.I | regex.F | regex.U
        twins = {chr(c) for x in set(letters) for c in engine.get_all_cases(flags, ord(x))
                 if chr(c).lower() != x.lower()}
        expanding = set(engine.get_expand_on_folding())
    except Exception:  # noqa: BLE001 - without the tables the pattern is simply always tried
        return None
    if any(len(x.casefold()) != 1 or x in expanding for x in letters):
        return None  # a literal character that folds to several: a line could spell it differently
    return "".join(sorted(twins | expanding))
