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
