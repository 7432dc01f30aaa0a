"""Officials: Kazakhstani Russian title words, a member's title taken for its body, a second English title
after "and" with its own organization in front, "deputy" before another head, plural titles before a colon
or ages."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.officials.people import extract_officials


def _ent(text: str, label: str, surface: str, oid: str, otype: str) -> Entity:
    start = text.index(surface)
    return Entity(label, surface, start, start + len(surface), "test", id=oid, attrs={"type": otype, "name": oid})


def _people(text: str, lang: str, ents=()) -> list[tuple[str, list[tuple[str, object]]]]:
    doc = Document("t", "t", text, lang=lang, entities=[_ent(text, *e) for e in ents])
    return [(p.name, [(pos.title, pos.organization) for pos in p.positions]) for p in extract_officials(doc)[1]]


MAZHILIS_WORD = ("ORG", "Мажилисмен", "org:mazhilis", "government")
PARTY_EN = ("ORG", "AMANAT", "org:amanat", "party")
SENATE_EN = ("ORG", "Senate", "org:senate", "government")


@pytest.mark.parametrize("text, lang, ents, expected", [
    # title words of Kazakhstani Russian
    ("Об этом рассказала мажилисменка Айгуль Сапарова.", "ru", [], [("Айгуль Сапарова", [("мажилисменка", None)])]),
    ("Гендиректор Карагандинского завода Болат Нурланов ушёл в отставку.", "ru", [],
     [("Болат Нурланов", [("гендиректор Карагандинского завода", None)])]),
    # the organization finder read «Мажилисмен» as the Mazhilis: the title keeps it as its organization
    ("Мажилисмен Ерлан Касымов выступил с запросом.", "ru", [MAZHILIS_WORD],
     [("Ерлан Касымов", [("мажилисмен", "org:mazhilis")])]),
    # a second English title after "and", its organization written before it
    ("“We shall see,” said Marat Bekov, chairman of the AMANAT party and Senate Speaker.", "en",
     [PARTY_EN, SENATE_EN], [("Marat Bekov", [("chairman of the AMANAT party", "org:amanat"), ("speaker", "org:senate")])]),
    # "deputy" before another head is a modifier, not a title of its own
    ("Marat Bekov, first deputy chairman of the AMANAT party, arrived late.", "en", [PARTY_EN],
     [("Marat Bekov", [("first deputy chairman of the AMANAT party", "org:amanat")])]),
    ("Two years later Marat Bekov became deputy chairman of the AMANAT party.", "en", [PARTY_EN],
     [("Marat Bekov", [("deputy chairman of the AMANAT party", "org:amanat")])]),
])
def test_officials_leftovers(text, lang, ents, expected):
    assert _people(text, lang, ents) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a colon after a plural title, ages before the names
    ("The council named its secretaries: 55-year old Marat Bekov, 48-year-old Aigul Saparova and Serik Nurlanov.",
     "en", ["secretary"] * 3),
    ("На форуме выступили депутаты: Ерлан Касымов, Айгуль Сапарова и Болат Нурланов.", "ru", ["депутат"] * 3),
    ("На форуме выступили 40-летний Ерлан Касымов и Айгуль Сапарова.", "ru", [None, None]),
    # a colon with no plural title before it: no titles
    ("Слово взяли: Ерлан Касымов, Айгуль Сапарова и Болат Нурланов.", "ru", [None] * 3),
])
def test_officials_plural_before_colon_or_ages(text, lang, expected):
    got = _people(text, lang)
    assert [pos[0][0] if pos else None for _, pos in got] == expected
