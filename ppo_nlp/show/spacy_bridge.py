"""Our entities on a spaCy `Doc`, so that displaCy and other spaCy tools work on ppo_nlp output."""
from __future__ import annotations

from typing import Any

from ppo_nlp.show.facts import items, span_of

SPANS_KEY = "ppo_nlp"


def _nlp(nlp: Any, lang: Any) -> Any:
    """The given pipeline, else a blank one for the given code or the record's language (`xx` if unknown)."""
    import spacy

    if nlp is not None and not isinstance(nlp, str):
        return nlp
    code = nlp or (lang if lang in ("ru", "kk", "en") else "xx")
    if code == "kk":
        import ppo_nlp.lang.spacy_kk  # noqa: F401  (registers spaCy's missing Kazakh language)
    return spacy.blank(code)


def to_spacy(record: dict[str, Any], nlp: Any = None) -> Any:
    """Tokenize the record's text with `nlp` and attach its entities.

    Character offsets become token spans with `alignment_mode="expand"`. `doc.spans["ppo_nlp"]` holds every
    entity (nested and overlapping ones too); `doc.ents` keeps the longest non-overlapping ones.
    """
    from spacy.tokens import Span
    from spacy.util import filter_spans

    if "error" in record:
        raise ValueError(f"record {record.get('id')!r} is an error record: it has no text")
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    doc = _nlp(nlp, record.get("lang")).make_doc(text)
    spans: list[Span] = []
    for ent in items(record, "entities"):
        pos = span_of(ent)
        if pos is None or not 0 <= pos[0] < pos[1] <= len(text):
            continue
        span = doc.char_span(pos[0], pos[1], label=str(ent.get("label")), alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans[SPANS_KEY] = spans
    doc.ents = filter_spans(spans)
    return doc
