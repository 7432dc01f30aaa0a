"""ppo_nlp.to_spacy: our entities on a spaCy Doc (all in doc.spans, the longest non-overlapping as ents)."""
from __future__ import annotations

import pytest
import spacy

import ppo_nlp

TEXT = "Партия «AMANAT» провела форум в Алматы."


def rec(*ents) -> dict:
    return {"id": "t", "text": TEXT, "entities": [
        {"label": lab, "text": TEXT[s:e], "start": s, "end": e, "source": "test"} for lab, s, e in ents]}


@pytest.mark.parametrize("ents, spans, doc_ents", [
    ([("ORG", 8, 14), ("LOC", 32, 38)], ["ORG:AMANAT", "LOC:Алматы"], ["ORG:AMANAT", "LOC:Алматы"]),
    # nested: both spans kept, the longest is the entity
    ([("ORG", 0, 15), ("ORG", 8, 14)], ["ORG:Партия «AMANAT»", "ORG:AMANAT"], ["ORG:Партия «AMANAT»"]),
    # inside a token: expanded to the whole token
    ([("LOC", 33, 36)], ["LOC:Алматы"], ["LOC:Алматы"]),
    # outside the text or empty: skipped
    ([("LOC", 30, 90), ("ORG", 5, 5)], [], []),
])
def test_show_spacy_entities(ents, spans, doc_ents):
    doc = ppo_nlp.to_spacy(rec(*ents), spacy.blank("ru"))
    assert doc.text == TEXT
    assert [f"{s.label_}:{s.text}" for s in doc.spans["ppo_nlp"]] == spans
    assert [f"{s.label_}:{s.text}" for s in doc.ents] == doc_ents


@pytest.mark.parametrize("nlp", [None, "kk", spacy.blank("en")])
def test_show_spacy_pipelines_and_displacy(nlp):
    from spacy import displacy

    doc = ppo_nlp.to_spacy(rec(("ORG", 8, 14)), nlp)
    assert "AMANAT" in displacy.render(doc, style="ent")
    assert "ORG" in displacy.render(doc, style="span", options={"spans_key": "ppo_nlp"})


def test_show_spacy_refuses_error_records():
    with pytest.raises(ValueError, match="error record"):
        ppo_nlp.to_spacy({"id": "x", "source": "x", "error": {"code": "E008", "message": "empty"}})
