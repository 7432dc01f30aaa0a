"""Officials: classes of failure found on real articles nobody tuned on (issue: unseen articles). English: a
one-word gloss of a title in brackets («akim (governor) of the region»), a title tied to the name before it by
a predicate («… has been elected as chairman of …»). All sentences are our own."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.officials.people import extract_officials


def _people(text: str, lang: str) -> list[tuple[str, set[str]]]:
    doc = Document("t", "t", text, lang=lang)
    return [(p.name, {pos.title for pos in p.positions}) for p in extract_officials(doc)[1]]


@pytest.mark.parametrize("text, expected", [
    # the gloss is a translation of the head: left out of the title, the phrase after it kept
    ("Akim (governor) of Zhambyl region Dauren Abenov opened the plant.",
     [("Dauren Abenov", {"akim of Zhambyl region"})]),
    ("Deputy akim (mayor) of Taraz Aigul Serikova visited the school.", [("Aigul Serikova", {"deputy akim of Taraz"})]),
    # a name in brackets is no gloss
    ("The akim (Dauren Abenov) of the district came.", [("Dauren Abenov", set())]),
])
def test_unseen_english_gloss(text, expected):
    assert _people(text, "en") == expected


@pytest.mark.parametrize("text, expected", [
    ("Dauren Abenuly has been elected as chairman of a district branch of the party.",
     [("Dauren Abenuly", {"chairman of a district branch of the party"})]),
    ("Aigul Serikova was unanimously elected the secretary of the district council.",
     [("Aigul Serikova", {"secretary of the district council"})]),
    ("Dauren Abenov became chairman of the youth wing.", [("Dauren Abenov", {"chairman of the youth wing"})]),
    ("Aigul Serikova previously served as the chairman of the district council.",
     [("Aigul Serikova", {"chairman of the district council"})]),
    # an active «appointed»: the name before it gives the post
    ("Dauren Abenov appointed the chairman of the commission.", [("Dauren Abenov", set())]),
    # other words between the name and the title: no tie
    ("Dauren Abenov met the chairman of the commission.", [("Dauren Abenov", set())]),
])
def test_unseen_english_predicate(text, expected):
    assert _people(text, "en") == expected


def _people_full(text: str) -> list[tuple[str, set[str]]]:
    from ppo_nlp.pipeline import load
    return [(p.name, {pos.title for pos in p.positions}) for p in load()(text).people]


@pytest.mark.parametrize("text, expected", [
    # Kazakh: a name, a comma and a title whose organization phrase has a party name and a quoted branch
    ("Жиналыста сөз алды.\nДаурен Абенов, «AMANAT» партиясы «Шұғыла» филиалының атқарушы хатшысы:\n– Жұмыс жалғасады.",
     [("Даурен Абенов", {"атқарушы хатшы"})]),
    # a caption line in capitals: a listed first name or a surname's shape is enough before a title
    ("Жиналыста сөз алды.\nСНХ: ДАУРЕН ТЕЗЕ – АУДАНДЫҚ ФИЛИАЛДЫҢ ТӨРАҒАСЫ",
     [("Даурен Тезе", {"төраға"})]),
    ("Жиналыста сөз алды.\nЖАНАТ АБЕНОВ, ардагерлер кеңесінің төрағасы:\n– Біз қатысамыз.",
     [("Жанат Абенов", {"төраға"})]),
    # a shouted line with no title after it stays no name
    ("Жиналыста сөз алды.\nДАУРЕН ТЕЗЕ ЖИНАЛЫСҚА КЕЛДІ", []),
])
def test_unseen_kazakh_captions(text, expected):
    assert _people_full(text) == expected


def _branches(text: str) -> list[str]:
    from ppo_nlp.pipeline import load
    return sorted(o.name for o in load()(text).organizations if o.type == "party_branch")


@pytest.mark.parametrize("text, expected", [
    # Kazakh puts the owner before the branch: a union's or a chamber's regional branch is not the party's
    ("«AMANAT» партиясы жиын өткізді. Ардагерлер одағы облыстық филиалының төрағасы келді.", []),
    ("«AMANAT» партиясы жиын өткізді. Кәсіпкерлер палатасының облыстық филиалы қолдады.", []),
    ("«AMANAT» партиясы жиын өткізді. Облыстық филиалдың төрағасы келді.", ["AMANAT Облыстық филиалы"]),
])
def test_unseen_kazakh_branch_owner(text, expected):
    assert _branches(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an institution's word in Latin letters inside a Cyrillic text is no part of a name
    ("Кездесуге аудан жастары мен Shymkent University оқытушылары да келді.", []),
    ("Жиынға Серік Омаров пен Dauletov College оқытушылары келді.", [("Серік Омаров", set())]),
])
def test_unseen_latin_institution_in_cyrillic(text, expected):
    assert _people_full(text) == expected
