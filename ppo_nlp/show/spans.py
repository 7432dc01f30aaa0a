"""Lay out possibly nested and crossing spans over a text as properly nested HTML elements.

A span that crosses an enclosing one is cut at the enclosing span's end and continued after it; every
piece keeps the span's own offsets (`Span.start`, `Span.end`) and carries its piece number, so a reader of
the HTML can join the pieces back. The outcome is a flat list of events that `markup` turns into tags:
`("text", start, end)`, `("open", Piece)`, `("close", Piece)`.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Union

# Outer layers first when two spans cover the same characters.
RANKS = {"seg": 0, "ent": 1, "ev": 2}


@dataclass(frozen=True)
class Span:
    """Something to mark over `text[start:end]`: a language segment, an entity or a fact's evidence."""

    start: int
    end: int
    kind: str  # seg | ent | ev
    data: Any = None
    order: int = 0  # ties between spans of one kind keep the input order


@dataclass
class Piece:
    """One element in the output: the part `[start, end)` of `span` (part 0, 1, ... when it was cut)."""

    span: Span
    start: int
    end: int
    part: int
    height: int = 0  # how many levels of pieces lie inside it (0 for a leaf)


Event = Union[tuple[str, int, int], tuple[str, Piece]]


def valid(span: Span, length: int) -> bool:
    """Whether a span can be placed: non-empty and inside the text."""
    return 0 <= span.start < span.end <= length


def _key(span: Span, start: int, part: int, seq: int) -> tuple:
    return (start, -span.end, RANKS.get(span.kind, 9), span.order, part, seq)


def layout(length: int, spans: Iterable[Span]) -> list[Event]:
    """Events that open and close properly nested pieces of `spans` over a text of `length` characters."""
    heap = [_key(s, s.start, 0, i) + (s,) for i, s in enumerate(spans) if valid(s, length)]
    heapq.heapify(heap)
    events: list[Event] = []
    stack: list[Piece] = []
    pos, seq = 0, len(heap)
    while heap:
        start, *_, part, _seq, span = heapq.heappop(heap)
        pos = _close_until(events, stack, pos, start)
        end = span.end
        if stack and stack[-1].end < end:  # crosses the enclosing piece: cut it there, continue later
            end = stack[-1].end
            heapq.heappush(heap, _key(span, end, part + 1, seq) + (span,))
            seq += 1
        if start > pos:
            events.append(("text", pos, start))
            pos = start
        piece = Piece(span, start, end, part)
        events.append(("open", piece))
        stack.append(piece)
    pos = _close_until(events, stack, pos, length)
    if pos < length:
        events.append(("text", pos, length))
    return events


def _close_until(events: list[Event], stack: list[Piece], pos: int, limit: int) -> int:
    """Close every open piece that ends at or before `limit`; returns the new text position."""
    while stack and stack[-1].end <= limit:
        piece = stack.pop()
        if piece.end > pos:
            events.append(("text", pos, piece.end))
            pos = piece.end
        events.append(("close", piece))
        if stack:  # evidence anchors and passages add no visible level
            stack[-1].height = max(stack[-1].height, piece.height + (piece.span.kind == "ent"))
    return pos


def pieces(events: list[Event]) -> Iterator[Piece]:
    """The pieces in opening order."""
    return (event[1] for event in events if event[0] == "open")  # type: ignore[misc]
