"""Exact prefilters for furniture regexes that begin with `.{0,N}(?:literal|literal|...)`, and for patterns
that open with literals (`opening_gate`).

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
    searched with the standard `re` (exact code points, no case rules)."""

    literals: tuple[str, ...]
    twins: str

    @cached_property
    def _literal_re(self) -> re.Pattern:
        return re.compile("|".join(map(re.escape, self.literals)))

    @cached_property
    def _twin_re(self) -> Optional[re.Pattern]:
        return re.compile(f"[{re.escape(self.twins)}]") if self.twins else None

    def may_match(self, line: str, lowered: Optional[str] = None) -> bool:
        """False only when no match is possible (`lowered`: `line.lower()` when known)."""
        low = line.lower() if lowered is None else lowered
        return bool(self._literal_re.search(low) or (self._twin_re and self._twin_re.search(line)))


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


def opening_gate(pattern: str, flags: int) -> Optional[Gate]:
    """The gate of a case-insensitive pattern that opens with a literal (`деп\\s+...`) or with a group of
    alternatives that each open with one (`(?:reports?|according\\s+to)...`: `report`, `according`), or None."""
    if not flags & regex.I or not pattern or pattern[0] in "^|" or "[" in pattern:
        return None  # a character class may hold `(`, `)` or `|` (and nest, in V1): not read here
    if pattern.startswith("(?:"):
        close = _group_end(pattern, 0)
        if close is None or pattern[close + 1:close + 2] in ("?", "*", "{"):
            return None
        alternatives = _split_alternatives(pattern[3:close])
    elif _split_alternatives(pattern) == [pattern]:
        alternatives = [pattern]
    else:
        return None
    literals = [opening_literal(alt) for alt in alternatives]
    if not all(literals):
        return None
    twins = _hidden_twins("".join(literals))
    return None if twins is None else Gate(tuple(lit.lower() for lit in literals), twins)


_META = frozenset("\\()|[]{}.*+?^$#")


def opening_literal(alternative: str) -> str:
    """The literal characters `alternative` opens with (escaped punctuation counts); the last one is left out
    when a quantifier that allows none of it follows."""
    out, i = [], 0
    while i < len(alternative):
        ch = alternative[i]
        if ch == "\\" and i + 1 < len(alternative) and not alternative[i + 1].isalnum() \
                and not alternative[i + 1].isspace():
            out.append(alternative[i + 1])
            i += 2
            continue
        if ch in _META or ch.isspace():
            break
        out.append(ch)
        i += 1
    if out and alternative[i:i + 1] in ("?", "*", "{"):
        out.pop()
    return "".join(out)


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
