"""rules.orgnames: head nouns of organization names and the shapes that are never an organization."""
from __future__ import annotations

import pytest

from ppo_nlp.extract.rules import head_type, not_organization_name
from ppo_nlp.extract.rules.orgnames import roman_numeral


@pytest.mark.parametrize("word,expected", [
    ("университета", "education"), ("колледжі", "education"), ("мектеп-интернатының", "education"),
    ("больнице", "health"), ("ауруханасы", "health"), ("Управление", "government"), ("әкімдігі", "government"),
    ("коалициясы", "public_body"), ("сайлау", None), ("спорт", None), ("жиында", None),
    ("ұйымының", "ngo"), ("ұйымдастырылды", None), ("министрлігінің", "government"), ("қорытынды", None),
    ("мектебінде", "education"), ("кеңестер", None),
])
def test_orgnames_head_type(word, expected):
    assert head_type(word) == expected


@pytest.mark.parametrize("word,expected", [
    ("XXXVII", True), ("XLІІ", True), ("ХХ", True), ("XXIII", True), ("IV", True),
    ("ADAL", False), ("I", False), ("КПК", False), ("MIX", True), ("Liter", False),
])
def test_orgnames_roman_numeral(word, expected):
    assert roman_numeral(word) is expected


def _check(text: str, mention: str, lang: str) -> bool:
    start = text.index(mention)
    return not_organization_name(mention, text, start, start + len(mention), lang)


@pytest.mark.parametrize("text,mention,lang,expected", [
    ("партияның XXXVII съезіне", "XXXVII", "kk", True),
    ("XLІІ конференциясы өтті", "XLІІ", "kk", True),
    ("ДЕПУТАТТАРМЕН КЕЗДЕСТІ. ЖИЫНДА АУДАН ТҰРҒЫНДАРЫНЫҢ", "ЖИЫНДА", "kk", True),
    ("ОБЛЫСТЫҚ ФИЛИАЛЫ ПАРТИЯНЫҢ ЖҰМЫСЫН", "ПАРТИЯНЫҢ", "kk", True),
    ("Өткен Президенттік сайлау кезінде", "Президенттік сайлау", "kk", True),
    ("Облыстық спорт басқармасы", "Облыстық спорт басқармасы", "kk", False),
    ("Сессиядан кейін «ADAL» партиясының кеңесінде", "ADAL", "kk", False),
    ("члены КПК выступили", "КПК", "ru", False),
    ("в Многопрофильном Центре онкологии прошла встреча", "Многопрофильном Центре онкологии", "ru", False),
    ("Студенты Назарбаев Университета", "Назарбаев Университета", "kk", False),
])
def test_orgnames_not_organization_name(text, mention, lang, expected):
    assert _check(text, mention, lang) is expected


@pytest.mark.parametrize("text,mention,expected", [
    ("как передает Liter.kz, встреча прошла", "Liter.kz", True),
    ("сообщил наш корреспондент со ссылкой на Qazaq Úni.", "Qazaq Úni", True),
    ("деп жазады Egemen.kz", "Egemen.kz", True),
    ("встреча в Многопрофильном Центре онкологии", "Многопрофильном Центре онкологии", False),
    ("Члены КПК выступили", "КПК", False),
])
def test_orgnames_media_mention(text, mention, expected):
    from ppo_nlp.extract.rules import media_mention
    assert media_mention(mention, text, text.index(mention)) is expected
