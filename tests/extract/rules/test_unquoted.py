"""English project names written without quotes after a trigger word."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document, Segment
from ppo_nlp.extract.gazetteer import extract_gazetteer
from ppo_nlp.extract.rules.unquoted import extract_unquoted_projects


def _projects(text: str, lang: str = "en") -> list[tuple[str, str]]:
    doc = Document("d", "t", text, lang=lang, segments=[Segment(0, len(text), lang)])
    doc.found["gazetteer"] = extract_gazetteer(doc)
    return [(e.text, e.id) for e in extract_unquoted_projects(doc)]


@pytest.mark.parametrize("text, expected", [
    ("The branch runs the projects Green Steppe, Clean Rivers and Bright Future.",
     [("Green Steppe", "project:green_steppe"), ("Clean Rivers", "project:clean_rivers"),
      ("Bright Future", "project:bright_future")]),
    ("They presented a programme titled Hope for Every Village.", [("Hope for Every Village", "project:hope_for_every_village")]),
    ("Volunteers joined the social project Meyirim Uyi on Sunday.", [("Meyirim Uyi", "project:meyirim_uyi")]),
    ("Students of the Bilimdi Aul project met the projects Taza El?m and Jas Tulpar.",
     [("Bilimdi Aul", "project:bilimdi_aul"), ("Taza El?m", "project:taza_el_m"), ("Jas Tulpar", "project:jas_tulpar")]),
    ("Green Steppe project volunteers came.", []),
    ("They approved the Rural Youth Support Program in May.",
     [("Rural Youth Support Program", "project:rural_youth_support_program")]),  # a capital opening a sentence may be no name
])
def test_unquoted_project_lists(text, expected):
    assert _projects(text) == expected


@pytest.mark.parametrize("text", [
    "The project was approved by the council in May.",
    "The programme of the party, Aliya Nurova said, is ready.",
    "Farmers applied to the Auyl Amanaty programme.",  # the gazetteer names it
    "The projects Auyl Amanaty and Zher Amanaty grew.",  # the gazetteer names both
])
def test_unquoted_no_project(text):
    assert _projects(text) == []


def test_unquoted_only_in_english_passages():
    assert _projects("Проект Green Steppe запущен.", lang="ru") == []
