"""The spaCy `kk` language: registration, abbreviations as one token, hyphenated words, numbers, stop words."""
from __future__ import annotations

import pytest
import spacy

from ppo_nlp.lang.spacy_kk import Kazakh, blank_kk, like_num, load_abbreviations


def test_spacy_kk_is_registered() -> None:
    assert isinstance(spacy.blank("kk"), Kazakh)


@pytest.mark.parametrize("text, tokens", [
    ("2023 ж. өтті", ["2023", "ж.", "өтті"]),
    ("1990-2000 жж. аралығында", ["1990", "-", "2000", "жж.", "аралығында"]),
    ("Астана қ. әкімі", ["Астана", "қ.", "әкімі"]),
    ("кітаптар, т.б. заттар", ["кітаптар", ",", "т.б.", "заттар"]),
    ("5 млн. теңге", ["5", "млн.", "теңге"]),
    ("ҚР Президенті", ["ҚР", "Президенті"]),
    ("Қасым-Жомарт Тоқаев", ["Қасым-Жомарт", "Тоқаев"]),
    ("сондай-ақ іс-шаралар", ["сондай-ақ", "іс-шаралар"]),
    ("Ол келді.", ["Ол", "келді", "."]),
    ("«Нұр Отан» партиясы", ["«", "Нұр", "Отан", "»", "партиясы"]),
])
def test_spacy_kk_tokenizes(text: str, tokens: list[str]) -> None:
    assert [t.text for t in blank_kk()(text)] == tokens


@pytest.mark.parametrize("abbr", ["ж.", "Ж.", "т.б.", "Т.Б.", "млрд", "ҚР"])
def test_spacy_kk_abbreviations_loaded(abbr: str) -> None:
    assert abbr in load_abbreviations()


@pytest.mark.parametrize("word, expected", [
    ("бес", True), ("бесінші", True), ("жиырма", True), ("мың", True), ("1,5", True), ("10", True),
    ("онда", False), ("Астана", False), ("мен", False),
])
def test_spacy_kk_like_num(word: str, expected: bool) -> None:
    assert like_num(word) is expected


@pytest.mark.parametrize("word, expected", [("және", True), ("үшін", True), ("партия", False)])
def test_spacy_kk_stop_words(word: str, expected: bool) -> None:
    assert blank_kk()(word)[0].is_stop is expected
