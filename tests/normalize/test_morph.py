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
