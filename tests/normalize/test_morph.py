"""The morphology cache counts each parse at PARSE_BYTES: never less than what a parse holds."""
from __future__ import annotations

import pytest

from ppo_nlp.cache import approx_bytes
from ppo_nlp.normalize.morph import PARSE_BYTES, parses

WORDS = ["председатель", "партии", "Аманат", "встретился", "стали", "Кошанов", "первичных", "тысяч", "мама",
         "по-казахски", "ООН", "Жамбылского", "а", "экс-премьера", "стекло", "Ертіс", "xyz", "2024"]


@pytest.mark.parametrize("word", WORDS)
def test_parse_bytes_covers_every_parse(word: str) -> None:
    found = parses(word)
    assert approx_bytes(found) <= 64 + PARSE_BYTES * len(found)


COMMON = [("Сегодня", True), ("ключевая", True), ("Турецкий", True), ("Москва", False), ("Кошанов", False),
          ("Дуйсеновой", False), ("xyz", False), ("Жамбылского", False), ("встретился", True), ("", False)]


@pytest.mark.parametrize("word,common", COMMON)
def test_common_word_kept_per_word_reads_as_every_dictionary_reading_says(word: str, common: bool) -> None:
    from ppo_nlp.normalize.morph import COMMON_POS, PROPER_TAGS, common_word, known_parses
    found = known_parses(word)
    direct = bool(found) and all(p.tag.POS in COMMON_POS and not any(t in p.tag for t in PROPER_TAGS) for p in found)
    assert common_word(word) == direct == common


INFLECT = [("Долгорукому", {"nomn", "sing", "masc"}), ("Толстой", {"nomn", "sing", "femn"}),
           ("Александровной", {"nomn", "femn"}), ("Петровичу", {"nomn", "masc"}), ("лесу", {"loc2"}),
           ("синего", {"plur", "datv"}), ("Кошановой", {"nomn", "sing", "femn"}), ("Жамбылского", {"gent"}),
           ("мама", {"voct"}), ("Байкенова", {"nomn", "sing", "masc"}), ("стали", {"nomn", "sing", "neut"}),
           ("по-казахски", {"nomn"}), ("Ертіс", {"datv"}), ("xyz", {"gent"}), ("псевдокошке", {"nomn"}),
           ("Кужахметовской", {"nomn", "sing", "femn"}), ("Зейнуллиному", {"nomn", "sing", "masc"}),
           ("Тасжургеновым", {"nomn", "sing", "masc"})]


@pytest.mark.parametrize("word,required", INFLECT)
def test_inflected_word_is_the_word_pymorphy3_inflects_to(word: str, required: set[str]) -> None:
    """Dictionary words, unknown words read by their endings or prefixes, hyphenated ones, rare cases."""
    from ppo_nlp.normalize.morph import inflected_word
    for p in parses(word.lower()):
        form = p.inflect(set(required))
        assert inflected_word(p, frozenset(required)) == (form.word if form else None)


@pytest.mark.parametrize("word,required", INFLECT[:6])
def test_inflected_word_falls_back_to_parse_inflect(word: str, required: set[str], monkeypatch) -> None:
    """A pymorphy3 that keeps its paradigms otherwise: every inflection goes through `Parse.inflect`."""
    from ppo_nlp.normalize import morph
    monkeypatch.setattr(morph, "_paradigms_readable", lambda: False)
    monkeypatch.setattr(morph, "_best_form", None)  # never reached on the fallback path
    for p in parses(word.lower()):
        form = p.inflect(set(required))
        assert morph.inflected_word(p, frozenset(required)) == (form.word if form else None)


@pytest.mark.parametrize("word", WORDS + ["елка", "Оралову", "Кадиша"])
def test_known_parses_are_the_parses_pymorphy3_calls_known(word: str) -> None:
    from ppo_nlp.normalize.morph import known_parses
    assert known_parses(word) == [p for p in parses(word.lower()) if p.is_known]
