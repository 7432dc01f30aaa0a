"""One article as HTML: the clean text with every entity highlighted, and its facts beside it.

Each entity becomes `<mark data-label data-start data-end>` at the record's own offsets (nested mentions
nest; a mention that crosses another is cut into pieces that carry `data-part`). Every fact links to its
evidence: the element with id `s{start}-{end}` (an entity, or a plain `.ev` span when no entity covers
exactly those characters).
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from ppo_nlp.show import facts
from ppo_nlp.show.facts import items, span_of
from ppo_nlp.show.markup import attr, colour, esc, label_class, label_rules, ordered_labels
from ppo_nlp.show.spans import Piece, Span, layout, valid


def entity_spans(record: dict[str, Any]) -> list[Span]:
    out = []
    for i, ent in enumerate(items(record, "entities")):
        pos = span_of(ent)
        if pos is not None:
            out.append(Span(pos[0], pos[1], "ent", ent, i))
    return out


def segment_spans(record: dict[str, Any]) -> list[Span]:
    """Language passages, marked only when the text holds more than one language."""
    segs = [s for s in items(record, "segments") if span_of(s) is not None]
    if len({str(s.get("lang")) for s in segs}) < 2:
        return []
    return [Span(s["start"], s["end"], "seg", s, i) for i, s in enumerate(segs)]


def evidence_spans(record: dict[str, Any], covered: set[tuple[int, int]]) -> list[Span]:
    """Plain anchors for fact evidence that no entity covers exactly."""
    out, seen = [], set(covered)
    for pos in facts.evidence(record):
        if pos not in seen:
            seen.add(pos)
            out.append(Span(pos[0], pos[1], "ev", None, len(out)))
    return out


def _open_tag(piece: Piece, prefix: str, anchors: set[tuple[int, int]]) -> str:
    span = piece.span
    pos = (span.start, span.end)
    ident = ""
    if piece.part == 0 and span.kind != "seg" and pos not in anchors:
        anchors.add(pos)
        ident = f' id="{prefix}s{span.start}-{span.end}"'
    part = f' data-part="{piece.part}"' if piece.part or piece.end < span.end else ""
    where = f' data-start="{span.start}" data-end="{span.end}"{part}'
    if span.kind == "seg":
        lang = esc(span.data.get("lang"))
        return f'<span class="seg" lang="{lang}" data-lang="{lang}"{where}>'
    if span.kind == "ev":
        return f'<span class="ev"{ident}{where}>'
    ent = span.data
    label = str(ent.get("label"))
    tip = " · ".join(str(ent[k]) for k in ("label", "source", "id", "score") if ent.get(k) is not None)
    height = f" h{min(piece.height, 4)}" if piece.height else ""
    return (f'<mark{ident} class="{label_class(label)}{height}" data-label={attr(label)}{where}'
            f' title={attr(tip)}>')


def text_html(text: str, spans: Iterable[Span], prefix: str = "") -> tuple[str, set[tuple[int, int]]]:
    """The highlighted text and the `(start, end)` ranges that received an anchor id."""
    out: list[str] = []
    anchors: set[tuple[int, int]] = set()
    for event in layout(len(text), spans):
        if event[0] == "text":
            out.append(esc(text[event[1]:event[2]]))
        elif event[0] == "open":
            out.append(_open_tag(event[1], prefix, anchors))
        else:
            out.append("</span>" if event[1].span.kind != "ent" else "</mark>")
    return "".join(out), anchors


def _toolbar(labels: list[str], prefix: str) -> str:
    """Legend and CSS-only toggles (no script): hide a label's colour, hide the label tags."""
    parts = [f'<input type="checkbox" class="tg hidelb" id="{prefix}hidelb">'
             f'<label for="{prefix}hidelb" style="--c:#fff">hide label tags</label>']
    for label in labels:
        cls = label_class(label)
        parts.append(f'<input type="checkbox" class="tg" id="{prefix}hide-{cls}" title="hide {esc(label)}">'
                     f'<label for="{prefix}hide-{cls}" class="{cls}" style="--c:var(--{cls})">{esc(label)}</label>')
    return "".join(parts)


def _header(record: dict[str, Any]) -> str:
    title = record.get("title") or record.get("id") or "(untitled)"
    fields = [("published", record.get("published")), ("outlet", record.get("outlet")),
             ("author", record.get("author")), ("lang", _lang(record)), ("id", record.get("id")),
             ("source", record.get("source"))]
    meta = "".join(f'<span><span class="k">{k}:</span> {esc(v)}</span>' for k, v in fields if v not in (None, ""))
    return f"<h1>{esc(title)}</h1><p class=\"meta\">{meta}</p>"


def _lang(record: dict[str, Any]) -> Optional[str]:
    lang, score = record.get("lang"), record.get("lang_score")
    if lang is None:
        return None
    return f"{lang} ({score})" if isinstance(score, (int, float)) else str(lang)


def error_fragment(record: dict[str, Any]) -> str:
    err = record.get("error") if isinstance(record.get("error"), dict) else {}
    return (f'<div class="ppo">{_header(record)}<p class="warn">Not processed: <b>{esc(err.get("code"))}</b> '
            f'{esc(err.get("message"))}</p></div>')


def fragment(record: dict[str, Any], prefix: str = "", removed: Optional[list[str]] = None) -> str:
    """The article as an HTML fragment with its own style rules (for a page or a notebook cell)."""
    if "error" in record:
        return error_fragment(record)
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    ents = entity_spans(record)
    spans = segment_spans(record) + ents + evidence_spans(record, {(s.start, s.end) for s in ents})
    body, anchors = text_html(text, spans, prefix)
    labels = ordered_labels(str(s.data.get("label")) for s in ents)
    colours = "".join(f"--{label_class(x)}:{colour(x)};" for x in labels)
    bad = [s.data for s in ents if not valid(s, len(text))]
    lang = esc(record.get("lang") or "und")
    return (f'<div class="ppo" style="{colours}"><style>{label_rules(labels, prefix)}</style>{_header(record)}'
            f'{_toolbar(labels, prefix)}<div class="layout"><div class="text" lang="{lang}">{body}</div>'
            f'<aside class="facts">{facts.panel(record, prefix, anchors, bad, removed)}</aside></div></div>')

