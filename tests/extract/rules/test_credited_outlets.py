"""The outlet a story is credited to («передает Liter.kz») is its source, not one of its organizations."""
from __future__ import annotations

import pytest

import ppo_nlp
from ppo_nlp.extract.rules import credited


@pytest.mark.parametrize("text, name, expected", [
    ("Форум прошёл в Астане, передает Liter.kz.", "Liter.kz", True),
    ("Об этом пишет корреспондент Tengrinews.kz", "Tengrinews.kz", True),
    ("по словам спикера, со ссылкой на Kazinform", "Kazinform", True),
    ("Форум өтті, деп жазады Egemen.kz", "Egemen.kz", True),
    ("По данным Бюро статистики, членов стало больше.", "Бюро статистики", False),  # a source of data
    ("Сайт Liter.kz провел конкурс журналистов.", "Liter.kz", False),
])
def test_credited(text: str, name: str, expected: bool) -> None:
    assert credited(text, text.index(name)) is expected


@pytest.fixture(scope="module")
def nlp():
    return ppo_nlp.load(time_limit=None)


@pytest.mark.parametrize("text, kept, dropped, marked", [
    ("Партия «AMANAT» провела форум в Астане, передает Liter.kz.", {"AMANAT"}, {"Liter.kz"}, True),
    ("«AMANAT» партиясы форум өткізді, деп жазады Egemen.kz.", {"AMANAT"}, {"Egemen.kz"}, False),
    ("Сайт Liter.kz провел конкурс журналистов.", {"Liter.kz"}, set(), True),
])
def test_credited_outlet_is_no_organization_fact(nlp, text: str, kept: set[str], dropped: set[str],
                                                 marked: bool) -> None:
    doc = nlp(text)
    names = {o.name for o in doc.organizations}
    assert kept <= names and not dropped & names
    assert not marked or dropped <= {e.text for e in doc.entities}  # the credit stays marked in the text


@pytest.mark.parametrize("text, name, expected", [
    # a cue right after the name credits the story to it
    ("The forum opened on Monday, Kazinform correspondent says.", "Kazinform", True),
    ("Форум ашылды, Kazinform тілшісі хабарлайды.", "Kazinform", True),
    ("Tengrinews сообщает, что форум открылся.", "Tengrinews", True),
    # a dateline: a place, a full stop, the outlet and a dash open the line
    ("Headline of the story\nASTANA. KAZINFORM – The forum opened on Monday.", "KAZINFORM", True),
    ("АСТАНА. Kazinform – Форум открылся в понедельник.", "Kazinform", True),
    # place and outlet in capitals: no dash needed; in mixed case a dash is
    ("Headline of the story\nAKTAU. KAZINFORM The forum opened on Monday.", "KAZINFORM", True),
    ("AKTAU. Kazinform opened a new office on Monday.", "Kazinform", False),
    # a story about the outlet names it otherwise
    ("Kazinform – the largest news agency of the country – turned 100.", "Kazinform", False),
    ("Kazinform opened a new office in Almaty, its director said.", "Kazinform", False),
])
def test_credited_after_or_in_a_dateline(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert credited(text, start, start + len(name)) is expected
