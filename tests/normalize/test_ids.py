"""normalize.ids.slug: the one id maker (organizations, projects, places and people share it)."""
from __future__ import annotations

import pytest

from ppo_nlp.normalize.ids import slug


@pytest.mark.parametrize("text, expected", [
    ("Нұр Отан", "nur_otan"),
    ("Қарғалы", "kargaly"),
    ("Каргалы", "kargaly"),
    ("Өрлеу", "orleu"),
    ("Партийная контент-фабрика", "partiynaya_kontent_fabrika"),
    ("«Қарызсыз қоғам»", "karyzsyz_kogam"),
    ("Jas Otan!", "jas_otan"),
    ("Юлия Яковлева", "yuliya_yakovleva"),
    ("Ёлка", "elka"),
])
def test_ids_slug_table(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize("text, max_len, expected", [
    ("один два три", 7, "odin_dv"),
    ("один два", 5, "odin"),  # a cut at a separator leaves no trailing `_`
])
def test_ids_slug_max_len(text, max_len, expected):
    assert slug(text, max_len) == expected


@pytest.mark.parametrize("text", ["«»", "!!!", "中文"])
def test_ids_slug_hash_when_nothing_is_left(text):
    out = slug(text)
    assert len(out) == 10 and all(c in "0123456789abcdef" for c in out)
    assert out != slug(text + "?")
