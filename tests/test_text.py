"""text.py: the one-pass folds (a search for the characters a table changes) do what the separate quote, dash
and Kazakh tables did in a row with `str.translate`."""
from __future__ import annotations

import re

import pytest
import regex

from ppo_nlp.text import (_DASHES, _KK_TO_RU, _QUOTES, SAME_CLASSES, WORD_RE, Words, fold, fold_quotes,
                          lowers_in_place)

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


def same_class_chars() -> str:
    """Every character of `SAME_CLASSES` (ranges and single characters)."""
    spans = re.findall(r"(.)-(.)|(.)", SAME_CLASSES, re.S)
    return "".join(one or "".join(map(chr, range(ord(lo), ord(hi) + 1))) for lo, hi, one in spans)


@pytest.mark.parametrize("pattern", [r"\w", r"\d", r"\s", r"[^\W\d_]", r"\S"])
def test_same_classes_agree_in_re_and_regex(pattern: str) -> None:
    chars = same_class_chars()
    assert len(chars) > 1000
    assert re.findall(pattern, chars) == regex.findall(pattern, chars, regex.V1)


@pytest.mark.parametrize("text", [
    "«Нұр Отан» партиясы — ЁЛКА 12-ші", "Сто\u0301имость ² ½ x", "a\u200db \x1c 𝐀bc", "тест\u0483 ﬁ", "", " \n\t",
])
def test_words_tokens_equal_regex_tokens(text: str) -> None:
    assert Words(text).tokens == [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


@pytest.mark.parametrize("text,expected", [
    ("Нұр Отан, ЁЛКА и Ёж", True), ("ΟΔΟΣ", False), ("İstanbul", False), ("", True),
])
def test_lowers_in_place(text: str, expected: bool) -> None:
    assert lowers_in_place(text) is expected
    if expected:
        assert len(text.lower()) == len(text)
