"""Records follow shared/RECORDS.md and validate against the shipped JSON Schema."""
from __future__ import annotations

import jsonschema
import pytest

from ppo_nlp.doc import Count, Document, Entity, Mention, Organization, Person, Position, Project, Segment
from ppo_nlp.records import SCHEMA_PATH, document_record, dumps, error_record, validate

CONTRACT_ORDER = ["schema_version", "id", "source", "lang", "lang_score", "script", "segments", "title", "published",
                  "outlet", "author", "text", "entities", "organizations", "people", "projects", "counts",
                  "locations"]


def sample_document() -> Document:
    doc = Document(id="a.txt", source="a.txt", text="Нұр Отан: 5 ППО", lang="ru", lang_score=0.987654,
                   segments=[Segment(0, 15, "ru")])
    doc.entities = [Entity("ORG", "Нұр Отан", 0, 8, "gazetteer:organizations", id="org:amanat")]
    doc.organizations = [Organization("org:amanat", "AMANAT", "party", [Mention("Нұр Отан", 0, 8)])]
    doc.people = [Person("person:x", "Тамара Дуйсенова", "Tamara Duisenova", [Position("секретарь партии", "org:amanat")])]
    doc.projects = [Project("project:p", "Цифровая партия", {"ru": "Цифровая партия"})]
    doc.counts = [Count(5.0, "exact", "5 ППО", 10, 15, subject="ППО", subject_id="ppo")]
    return doc


def test_records_document_fields_in_contract_order():
    record = document_record(sample_document())
    assert list(record) == CONTRACT_ORDER
    validate(record)


def test_records_numbers_are_plain():
    record = document_record(sample_document())
    assert record["counts"][0]["value"] == 5 and isinstance(record["counts"][0]["value"], int)
    assert record["lang_score"] == 0.9877
    assert record["projects"][0]["names"] == {"ru": "Цифровая партия", "kk": None, "en": None}


def test_records_error_record_validates():
    record = error_record("x.bin", "x.bin", "E002", "binary content")
    validate(record)
    assert dumps(record) == '{"schema_version":"1.3","id":"x.bin","source":"x.bin","error":{"code":"E002","message":"binary content"}}'


@pytest.mark.parametrize("mutate", [
    lambda r: r.pop("text"),
    lambda r: r.update(lang="russian"),
    lambda r: r["counts"][0].update(qualifier="many"),
    lambda r: r.update(published="1 March 2022"),
    lambda r: r["people"][0].pop("name_latin"),
])
def test_records_schema_rejects_broken_records(mutate):
    record = document_record(sample_document())
    mutate(record)
    with pytest.raises(jsonschema.ValidationError):
        validate(record)


def test_records_schema_ships_inside_package():
    assert SCHEMA_PATH.is_file() and SCHEMA_PATH.parent.parent.name == "ppo_nlp"
