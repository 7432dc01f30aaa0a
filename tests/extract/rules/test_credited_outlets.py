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
