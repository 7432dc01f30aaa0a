"""`Pipeline.process_many` (NER of a chunk in one call per language) gives exactly `process`'s records."""
from __future__ import annotations

from pathlib import Path

import pytest

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest import RawDoc
from ppo_nlp.pipeline import Options, Pipeline

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options(time_limit=None))


def raws() -> list[RawDoc]:
    """corpus/ articles with an empty document, a failed read and a short English one in between."""
    articles = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "articles").glob("*.txt"))]
    docs = [RawDoc(f"a{i}", "corpus", text, "text", {}, None) for i, text in enumerate(articles)]
    docs.insert(1, RawDoc("empty", "x", "  \n", "text", {}, None))
    docs.insert(3, RawDoc("unreadable", "x", None, "text", {}, IngestError("E002", "cannot decode")))
    docs.append(RawDoc("en", "x", "AMANAT party chairman Yerlan Koshanov met voters in Astana.", "text", {}, None))
    return docs


def test_process_many_equals_process(pipeline) -> None:
    docs = raws()
    assert pipeline.process_many(docs) == [pipeline.process(raw) for raw in docs]


def test_process_many_keeps_errors_in_place(pipeline) -> None:
    records = pipeline.process_many(raws())
    assert [r["error"]["code"] for r in records if "error" in r] == ["E008", "E002"]
    assert records[1]["id"] == "empty" and records[3]["id"] == "unreadable"


def test_failed_joint_ner_falls_back_to_each_document(pipeline, monkeypatch) -> None:
    docs = raws()
    expected = [pipeline.process(raw) for raw in docs]
    ner = pipeline._stages.ner

    def fails_on_many(many):
        if len(many) > 1:
            raise RuntimeError("joint call failed")
        return ner(many)

    monkeypatch.setattr(pipeline._stages, "ner", fails_on_many)
    assert pipeline.process_many(docs) == expected
