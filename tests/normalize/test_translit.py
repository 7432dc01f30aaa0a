"""to_latin: one documented table (Kazakh Latin 2021 + ICAO Doc 9303), deterministic, idempotent on Latin."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppo_nlp.normalize.translit import _letter, to_latin


@pytest.mark.parametrize("text, expected", [
    ("ә ғ қ ң ө ұ ү һ і", "ä ğ q ñ ö ū ü h ı"),
    ("ж х ц ч ш щ ю я ы й ъ ь е ё у в э", "zh kh ts ch sh shch iu ia y i   e e u v e"),
    ("Тамара Дуйсенова", "Tamara Duisenova"),
    ("Касым-Жомарт Токаев", "Kasym-Zhomart Tokaev"),
    ("Жангүл Оразалиева", "Zhangül Orazalieva"),
    ("Қасым-Жомарт Тоқаев", "Qasym-Zhomart Toqaev"),
    ("Шынболат СЕЙДУАЛИЕВ", "Shynbolat SEIDUALIEV"),
    ("ЖАНГҮЛ", "ZHANGÜL"),
    ("Ж. Қалтаев", "Zh. Qaltaev"),
    ("Юлия Щукина", "Iuliia Shchukina"),
    ("Erlan Karin", "Erlan Karin"),
    ("", ""),
])
def test_translit_table(text, expected):
    assert to_latin(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_translit_never_raises_and_is_deterministic(text):
    assert to_latin(text) == to_latin(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_translit_idempotent(text):
    once = to_latin(text)
    assert to_latin(once) == once


@given(st.text(alphabet=st.characters(max_codepoint=0x24F)))
def test_translit_keeps_latin_text(text):
    assert to_latin(text) == text


def letter_by_letter(text: str) -> str:
    return "".join(_letter(text, i) for i in range(len(text)))


@pytest.mark.parametrize("text", [
    "".join(map(chr, range(0x10000))), "ЖЖ Жж ЖАН Щука ЩУКА аЯ Я-Ю ЮЮ", "ШЧХЦ", "Ж", "", "İЖ\u0301Ш",
])
def test_translit_equals_the_rule_letter_by_letter(text: str) -> None:
    assert to_latin(text) == letter_by_letter(text)
