"""The evaluator matches on meaning: case, quotes, ё/е, Kazakh letter variants and inflection."""
from __future__ import annotations

import pytest

from ppo_nlp.evaluate import _name_match, evaluate, similar


@pytest.mark.parametrize("a, b, same", [
    ("Нұр Отан", "«Нур Отан»", True),
    ("Маслихат", "маслихатов", True),
    ("Жамбылский областной филиал", "Жамбылского областного филиала", True),
    ("Қарызсыз қоғам", "Карызсыз когам", True),
    ("Цифровая партия", "Счастливая семья", False),
    ("Мажилис", "Сенат", False),
    ("", "Мажилис", False),
])
def test_evaluate_similar(a, b, same):
    assert similar(a, b) is same


@pytest.mark.parametrize("name, gold, same", [
    ("Тамара Дуйсенова", "Тамара Дуйсенова", True),
    ("М. Нурланов", "М. Нурланов", True),
    ("Т. Курбанова", "Тамара Курбанова", True),
    ("Тамары Дуйсеновой", "Тамара Дуйсенова", True),
    ("Асхат Оралов", "Ерлан Жакупов", False),
])
def test_evaluate_name_match(name, gold, same):
    assert _name_match(name, gold) is same


def test_evaluate_counts_precision_and_recall():
    record = {"id": "d.txt", "lang": "ru", "title": None, "published": None, "outlet": None, "author": None,
              "text": "", "organizations": [], "people": [], "projects": [], "locations": [],
              "counts": [{"value": 250, "qualifier": "more_than", "min": None, "max": None, "text": "250"},
                         {"value": 7, "qualifier": "exact", "min": None, "max": None, "text": "7"}]}
    gold = {"lang": "ru", "organizations": [], "people": [], "projects": [], "locations": [],
            "counts": [{"value": 250, "qualifier": "more_than"}, {"value": 2, "qualifier": "exact", "optional": True}],
            "ranges": [{"min": 3, "max": 100}]}
    scores = evaluate([record], {"d": gold})
    assert scores["counts"]["precision"] == 0.5 and scores["counts"]["recall"] == 0.5
    assert scores["lang"]["recall"] == 1.0


@pytest.mark.parametrize("ours, gold, same", [
    (0.333333, 0.3333, True),   # a third, written by the gold to four decimals
    (0.34, 0.3333, False),
    (0.5, 0.5, True),
    (1500000, 1500000, True),
    (56000, 57000, False),
    (None, 3, False),
])
def test_evaluate_numbers_match_to_the_gold_precision(ours, gold, same):
    from ppo_nlp.evaluate import _same_number
    assert _same_number(ours, gold) is same
