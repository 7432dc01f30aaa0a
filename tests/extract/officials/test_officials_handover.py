"""What the officials stage finds reaches the records: people and their titles through the whole row of stages
(the entities the stage reads, the stages after it), not only from `extract_officials` on a bare document."""
from __future__ import annotations

import pytest

import ppo_nlp
from ppo_nlp.doc import Document
from ppo_nlp.extract.officials import extract_officials
from ppo_nlp.records import document_record


@pytest.fixture(scope="module")
def nlp():
    return ppo_nlp.load(lang="ru", ner=False, time_limit=None)


def _record_people(nlp, text: str) -> list[tuple[str, list[str]]]:
    return [(p["name"], [pos["title"] for pos in p["positions"]]) for p in document_record(nlp(text))["people"]]


@pytest.mark.parametrize("text, expected", [
    # an organization found before the stage whose last word is a title, right before a name in the genitive:
    # the title is the person's («администрация президента» is an ORG entity)
    ("Вчера из администрации президента Обамы пришёл ответ на письмо.", [("Обама", ["президент"])]),
    ("Письмо пришло в администрацию президента Токаева утром.", [("Токаев", ["президент"])]),
    # a name in the nominative after it is the subject, not the title's holder
    ("Вчера Администрация Президента Мурат Нуртлеу посетил завод.", [("Мурат Нуртлеу", [])]),
    # a title inside the organization with a head before it stays the head's («руководитель администрации …»)
    ("Выступил руководитель администрации президента Иван Петров.",
     [("Иван Петров", ["руководитель администрации президента"])]),
])
def test_officials_title_closing_an_organization_reaches_the_record(nlp, text, expected):
    assert _record_people(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Выступил аким области Ерлан Жакупов. Жакупову вручили награду.",
    "Секретарь партии Тамара Дуйсенова открыла форум, его вела министр Анна Петрова.",
])
def test_officials_records_keep_what_the_extractor_finds(nlp, text):
    bare = [(p.name, [pos.title for pos in p.positions]) for p in extract_officials(Document("t", "t", text, lang="ru"))[1]]
    assert bare and _record_people(nlp, text) == bare
