"""The pipeline never raises on any text, never unpickles anything, and stops a stuck document."""
from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest import IngestLimits, RawDoc
from ppo_nlp.pipeline import Options, Pipeline
from ppo_nlp.records import document_record, validate
from ppo_nlp.timeout import DocumentTimeout

PIECES = ["Нұр Отан", "AMANAT", "партии", "ППО", "«", "»", "“", '"', "более", "астам", "56", "мыңнан", "1,5",
          "тыс.", "%", "2023 жылғы", "1 Марта 2022, 12:01", "Секретарь", "Тамары Дуйсеновой", "\n", " ", ".",
          "-", "Д.", "СЕЙДУАЛИЕВ", "филиалының", "атқарушы хатшысы", "million", "chairman of", "Комментарии",
          "\U00011bf0", "12.05.", ":00", "٣"]  # U+11BF0: a digit to `regex`, not to this Python's int()
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(PIECES), max_size=80).map("".join))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options(time_limit=None))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_robustness_fuzz_pipeline_never_raises(pipeline, text):
    record = pipeline.process(RawDoc("fuzz", "fuzz", text, "text", {}, None))
    validate(record)
    if "error" in record:
        assert record["error"]["code"] in {"E008"}, record["error"]
        return
    for entity in record["entities"]:
        assert record["text"][entity["start"]:entity["end"]] == entity["text"]
    for count in record["counts"]:
        assert record["text"][count["start"]:count["end"]] == count["text"]


@pytest.mark.parametrize("text", [
    "\U00011bf0\U00011bf1\U00011bf2\U00011bf3 жылы 5 \U00011bf0 мамыр", "12.\U00011bf0.2020 членов \U00011bf0 тыс.",
    "12.05.\U00011bf0\U00011bf0\U00011bf0\U00011bf0 в \U00011bf0\U00011bf0:00", "Опубликовано: \U00011bf0\U00011bf0.05.2021\nТекст",
])
def test_robustness_digits_newer_than_python(pipeline, text):
    """Digits `regex` knows and this Python's int() does not are plain characters, not a failed document."""
    record = pipeline.process(RawDoc("digits", "digits", text, "text", {}, None))
    assert "error" not in record, record.get("error")


def test_robustness_models_and_resources_load_without_pickle(monkeypatch, seed_paths):
    def refuse(*args, **kwargs):
        raise AssertionError("pickle used while loading or running the pipeline")

    for name in ("load", "loads"):
        monkeypatch.setattr(pickle, name, refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    import numpy

    real_load = numpy.load
    monkeypatch.setattr(numpy, "load", lambda *a, **k: real_load(*a, **{**k, "allow_pickle": False}))
    from ppo_nlp.extract.ner.model import load_ner

    load_ner.cache_clear()
    record = Pipeline(Options()).process(RawDoc("s", "s", seed_paths[0].read_text(encoding="utf-8"), "text", {}, None))
    assert "error" not in record and record["people"]


def test_robustness_time_limit_makes_an_error_record(seed_paths):
    text = "\n".join(p.read_text(encoding="utf-8") for p in seed_paths) * 40
    record = Pipeline(Options(time_limit=0.05)).process(RawDoc("slow", "slow", text, "text", {}, None))
    assert record["error"]["code"] == "E009"
    fine = Pipeline(Options(time_limit=60)).process(RawDoc("s", "s", seed_paths[0].read_text(encoding="utf-8"),
                                                           "text", {}, None))
    assert "error" not in fine


SENTENCE = "Секретарь партии «Нур Отан» Тамара Дуйсенова открыла форум."


@pytest.mark.parametrize("text, kwargs, error, match", [
    (None, {}, TypeError, "str or bytes, not NoneType"),
    (42, {}, TypeError, "str or bytes, not int"),
    (SENTENCE, {"kind": "pdf"}, ValueError, "kind must be one of text, html"),
    ("а" * 1001, {}, IngestError, "E003"),
    (b"\x00\x01\x02\xff" * 10, {}, IngestError, "E002"),
])
def test_robustness_api_refuses_bad_input_clearly(text, kwargs, error, match):
    nlp = Pipeline(Options(ner=False, limits=IngestLimits(max_member_bytes=1000)))
    with pytest.raises(error, match=match):
        nlp(text, **kwargs)


@pytest.mark.parametrize("data, text", [
    (SENTENCE.encode("utf-8"), SENTENCE), (SENTENCE.encode("cp1251"), SENTENCE), (SENTENCE.encode("utf-16"), SENTENCE),
    (SENTENCE + "\udfff", SENTENCE + "\ufffd"),
])
def test_robustness_api_decodes_bytes_and_repairs_text(data, text):
    doc = Pipeline(Options(ner=False))(data)
    assert doc.text == text and [o.id for o in doc.organizations] == ["org:amanat"]
    record = document_record(doc)
    validate(record)
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # writable as UTF-8


@pytest.mark.parametrize("limit", [-1, 0, float("nan"), float("inf"), "60", True])
def test_robustness_options_refuse_bad_time_limit(limit):
    with pytest.raises(ValueError, match="time_limit must be a positive number"):
        Options(time_limit=limit)


def test_robustness_api_call_honours_time_limit(seed_paths):
    text = "\n".join(p.read_text(encoding="utf-8") for p in seed_paths) * 40
    with pytest.raises(DocumentTimeout):
        Pipeline(Options(ner=False, time_limit=0.05))(text)
