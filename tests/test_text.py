"""text.py: the one-pass folds (a search for the characters a table changes) do what the separate quote, dash
and Kazakh tables did in a row with `str.translate`."""
from __future__ import annotations

import pytest

from ppo_nlp.text import _DASHES, _KK_TO_RU, _QUOTES, Words, fold, fold_quotes

EVERY_BMP_CHAR = "".join(map(chr, range(0x10000)))
EVERY_ASTRAL_CHAR = "".join(map(chr, range(0x10000, 0x110000)))


@pytest.mark.parametrize("text", [EVERY_BMP_CHAR, EVERY_ASTRAL_CHAR, "«Нұр Отан» — ‘Amanat’ ＂Ё", "ӘҒҚҢӨҰҮҺІ әғқңөұүһі ё", ""])
def test_text_fold_equals_table_chain(text):
    assert fold_quotes(text) == text.translate(_QUOTES).translate(_DASHES)
    assert fold(text) == text.translate(_QUOTES).translate(_DASHES).translate(_KK_TO_RU).lower()


@pytest.mark.parametrize("text, folded", [
    ("«Нұр Отан»", '"нур отан"'), ("Қарғалы–2023", "каргалы-2023"), ("ЁЛКА", "елка"),
])
def test_text_fold_examples(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text", [
    "«Нұр Отан» партиясы — ЁЛКА «AMANAT»", "İstanbul İzmir’de", "ΟΔΟΣ Σ ΣΑΣb aΣb", "Қазақстан'да 12-ші",
    "", "   ", "word\nWORD\tWöRD", "ǅemal ǆ Ǆ", "ﬁnance ß ẞ",
])
def test_words_folded_equals_fold_of_each_token(text: str) -> None:
    words = Words(text)
    assert words.folded == [fold(t.text) for t in words.tokens]
