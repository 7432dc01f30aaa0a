"""The row of stages: every stage reads only fields written before it and writes only what it declares."""
from __future__ import annotations

import copy
import dataclasses

import pytest

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.row import INPUTS, Stage, check_row, stage_row

TEXTS = [
    ("ru", "Секретарь партии «Нұр Отан» Тамара Дуйсенова открыла форум 5 мая 2021 года. "
           "В области работают более 54 тысяч членов партии."),
    ("kk", "«Amanat» партиясы Жамбыл облыстық филиалының төрағасы Асқар Мырзахметов 120 адаммен кездесті."),
    ("en", "The Amanat party opened 30 public reception desks in the Almaty region."),
]


def _noop(doc: Document) -> None:
    return None


@pytest.mark.parametrize("row, error", [
    ([Stage("a", _noop, ("text",), ("found.a",)), Stage("b", _noop, ("found.a",), ())], None),
    ([Stage("b", _noop, ("found.a",), ()), Stage("a", _noop, ("text",), ("found.a",))], "reads found.a"),
    ([Stage("a", _noop, ("found.x?",), ("found.a",))], None),
    ([Stage("a", _noop, ("people",), ())], "reads people"),
])
def test_row_check_needs_fields_written_before(row, error):
    if error is None:
        check_row(row)
    else:
        with pytest.raises(ValueError, match=error):
            check_row(row)


@pytest.mark.parametrize("ner, names", [
    (False, ["gazetteer", "rules", "places", "dates", "known", "counts", "officials", "merge", "facts", "org_links",
             "count_links"]),
    (True, ["gazetteer", "rules", "places", "dates", "ner", "known", "counts", "officials", "merge", "facts",
            "org_links", "count_links"]),
])
def test_row_order(ner, names):
    assert [s.name for s in stage_row(ner)] == names


def test_row_finder_stores_its_layer():
    stage = Stage.finder("x", lambda doc: [Entity("ORG", "A", 0, 1, "rule:x")], ("text",))
    doc = Document("d", "s", "A")
    stage.run(doc)
    assert stage.assigns == ("found.x",) and [e.text for e in doc.found["x"]] == ["A"]


def _state(doc: Document) -> dict[str, object]:
    out = {f.name: copy.deepcopy(getattr(doc, f.name)) for f in dataclasses.fields(doc) if f.name != "found"}
    out.update({f"found.{k}": copy.deepcopy(v) for k, v in doc.found.items()})
    return out


@pytest.mark.parametrize("lang, text", TEXTS)
def test_row_stages_write_only_what_they_assign(lang, text):
    doc = Document("d", "s", text, lang=lang)
    for stage in stage_row(ner=False):
        before = _state(doc)
        stage.run(doc)
        after = _state(doc)
        changed = {k for k in after if before.get(k, None) != after[k]}
        assert changed <= set(stage.assigns), stage.name
    assert doc.organizations and doc.counts


def test_row_inputs_are_document_fields():
    fields = {f.name for f in dataclasses.fields(Document)}
    assert INPUTS <= fields
    for stage in stage_row(ner=False):
        assert all(a.split(".")[0] in fields for a in stage.assigns), stage.name
