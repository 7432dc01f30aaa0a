"""Nested and crossing spans become properly nested pieces that cover each character exactly once."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppo_nlp.show.spans import Span, layout


def brackets(length: int, spans: list[Span]) -> str:
    """Events as a string: `[A` opens span A (`[A2` its second piece), `]` closes, digits are characters."""
    out = []
    for event in layout(length, spans):
        if event[0] == "text":
            out.append("".join(str(i % 10) for i in range(event[1], event[2])))
        elif event[0] == "open":
            piece = event[1]
            out.append(f"[{piece.span.data}{piece.part or ''}")
        else:
            out.append("]")
    return "".join(out)


@pytest.mark.parametrize("spans, expected", [
    ([(0, 3, "A")], "[A012]3456"),
    ([(2, 5, "A"), (0, 7, "B")], "[B01[A234]56]"),  # the outer one opens first whatever the input order
    ([(1, 3, "A"), (1, 3, "B")], "0[A[B12]]3456"),  # same characters: input order, first outside
    ([(0, 4, "A"), (2, 6, "B")], "[A01[B23]][B145]6"),  # crossing: B cut at A's end and continued
    ([(0, 2, "A"), (2, 4, "B")], "[A01][B23]456"),  # touching, not nested
    ([(3, 3, "A"), (5, 9, "B"), (-1, 2, "C")], "0123456"),  # empty or outside the text: skipped
    ([(0, 7, "A"), (0, 3, "B"), (1, 2, "C")], "[A[B0[C1]2]3456]"),
])
def test_show_spans_nesting(spans, expected):
    assert brackets(7, [Span(s, e, "ent", name, i) for i, (s, e, name) in enumerate(spans)]) == expected


def test_show_spans_segments_outermost():
    spans = [Span(0, 3, "ent", "E"), Span(0, 3, "ev", "V"), Span(0, 7, "seg", "S")]
    assert brackets(7, spans) == "[S[E[V012]]3456]"


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 30).flatmap(lambda n: st.tuples(st.just(n), st.lists(
    st.tuples(st.integers(-2, n + 2), st.integers(-2, n + 2), st.sampled_from(["seg", "ent", "ev"])), max_size=12))))
def test_show_spans_cover_text_once_and_nest(case):
    length, raw = case
    spans = [Span(s, e, kind, i, i) for i, (s, e, kind) in enumerate(raw)]
    text, stack, covered = [], [], {}
    for event in layout(length, spans):
        if event[0] == "text":
            text.extend(range(event[1], event[2]))
        elif event[0] == "open":
            piece = event[1]
            assert not stack or stack[-1].start <= piece.start < piece.end <= stack[-1].end
            assert piece.span.start <= piece.start < piece.end <= piece.span.end
            stack.append(piece)
            covered.setdefault(piece.span.order, []).append((piece.start, piece.end))
        else:
            assert stack.pop() is event[1]
    assert text == list(range(length)) and not stack
    for span in spans:
        placed = 0 <= span.start < span.end <= length
        got = covered.get(span.order, [])
        assert (sum(e - s for s, e in got) == span.end - span.start and got[0][0] == span.start) if placed else not got
