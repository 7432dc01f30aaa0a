"""Person names to the nominative with gender (ru with pymorphy3 and tables, kk case endings, ALL CAPS)."""
from __future__ import annotations

import pytest

from ppo_nlp.normalize.names import strip_kk_case, surname_keys, title_case_name, to_nominative


@pytest.mark.parametrize("tokens, expected", [
    (["Тамары", "Дуйсеновой"], ("Тамара Дуйсенова", "f")),
    (["Тамара", "Дуйсенова"], ("Тамара Дуйсенова", "f")),
    (["Асхата", "Оралова"], ("Асхат Оралов", "m")),
    (["Асхатом", "Оралом"], ("Асхат Орал", "m")),  # the text's own surname in the nominative
    (["Касым-Жомарта", "Токаева"], ("Касым-Жомарт Токаев", "m")),
    (["Дауыла", "Бейсенкулова"], ("Дауыл Бейсенкулов", "m")),
    (["Шынболат", "СЕЙДУАЛИЕВ"], ("Шынболат Сейдуалиев", "m")),
    (["Т.", "Курбанова"], ("Т. Курбанова", "f")),
    (["Т.", "Курбановой"], ("Т. Курбанова", "f")),
    (["Юрия", "Лужкова"], ("Юрий Лужков", "m")),
    (["Юрию", "Долгорукому"], ("Юрий Долгорукий", "m")),
    (["Эльвиры", "Набиуллиной"], ("Эльвира Набиуллина", "f")),
    (["Владимира", "Владимировича", "Путина"], ("Владимир Владимирович Путин", "m")),
    (["Ерланом", "Жакуповым"], ("Ерлан Жакупов", "m")),
    (["Ерлана", "Карина"], ("Ерлан Карин", "m")),
    (["Жанны", "Оразалиевой"], ("Жанна Оразалиева", "f")),
    (["Бауыржана", "Байбека"], ("Бауыржан Байбек", "m")),
    # surnames on -ай/-ей in a case form (a Kazakh name in Russian text)
    (["Жандоса", "Базартая"], ("Жандос Базартай", "m")),
    (["Жандосу", "Базартаю"], ("Жандос Базартай", "m")),
    (["Аманжолу", "Әлтаю"], ("Аманжол Әлтай", "m")),
    (["Айгуль", "Базартай"], ("Айгуль Базартай", "f")),
    # a feminine patronymic stays feminine; a listed first name beats a rarer homograph (Нурлану: not Нурлана)
    (["Ирины", "Александровны", "Сучилиной"], ("Ирина Александровна Сучилина", "f")),
    (["Нурлану", "Серикову"], ("Нурлан Сериков", "m")),
])
def test_names_ru_nominative(tokens, expected):
    assert to_nominative(tokens, "ru") == expected


def test_names_ru_case_hint_solves_ova():
    assert to_nominative(["Оралова"], "ru", case_hint="gent") == ("Оралов", "m")
    assert to_nominative(["Оралова"], "ru") == ("Оралова", "f")


@pytest.mark.parametrize("tokens, expected", [
    (["Ерлан", "Жакуповқа"], ("Ерлан Жакупов", "m")),
    (["Жангүл", "Оразалиеваның"], ("Жангүл Оразалиева", "f")),
    (["Қасым-Жомарт", "Тоқаевтың"], ("Қасым-Жомарт Тоқаев", "m")),
    (["Бауыржан", "Байбектің"], ("Бауыржан Байбек", "m")),
    (["Жандос", "Қалтаевпен"], ("Жандос Қалтаев", "m")),
    (["Жангүл", "Оразалиева"], ("Жангүл Оразалиева", "f")),
    (["Ерден", "Серікұлы"], ("Ерден Серікұлы", "m")),
    (["Жандос", "Базартайдың"], ("Жандос Базартай", "m")),
    (["ЛӘЙЛӘ", "ТӨРЕШОВА"], ("Ләйлә Төрешова", "f")),
])
def test_names_kk_case_endings(tokens, expected):
    assert to_nominative(tokens, "kk") == expected


@pytest.mark.parametrize("word, expected", [
    ("Ерден", "Ерден"),  # a first name that ends like an ablative: kept
    ("Жакуповтан", "Жакупов"),
    ("Оразалиеваға", "Оразалиева"),
])
def test_names_strip_kk_case(word, expected):
    assert strip_kk_case(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("СЕЙДУАЛИЕВ", "Сейдуалиев"), ("КАСЫМ-ЖОМАРТ", "Касым-Жомарт"), ("Оралов", "Оралов"), ("McLean", "McLean"),
])
def test_names_title_case(word, expected):
    assert title_case_name(word) == expected


def test_names_surname_keys_cover_both_genders():
    assert {"оралов", "оралова"} <= surname_keys("Оралова", "ru")
    assert "жакупов" in surname_keys("Жакуповқа", "kk")


def test_names_en_kept():
    assert to_nominative(["ERLAN", "KARIN"], "en")[0] == "Erlan Karin"


@pytest.mark.parametrize("tokens, hint, expected", [
    (["Дейв", "Донателли"], "nomn", "Дейв Донателли"),  # an indeclinable foreign name is not read as genitive
    (["Ивана", "Петрова"], "gent", "Иван Петров"),
])
def test_names_case_hint_rejects_other_cases(tokens, hint, expected):
    assert to_nominative(tokens, "ru", case_hint=hint)[0] == expected


SEEN_NAMES = [(["Тамары", "Дуйсеновой"], "ru", None), (["Ерлан", "Жакуповқа"], "kk", None),
              (["Нурлану", "Оралову"], "ru", "datv"), (["А", ".", "Петрову"], "ru", "gent")]


@pytest.mark.parametrize("words,lang,case", SEEN_NAMES)
def test_officials_name_cache_reads_as_to_nominative(words, lang, case) -> None:
    from ppo_nlp.extract.officials.people import _nominative
    first = _nominative(words, lang, case)
    assert first == _nominative(words, lang, case) == to_nominative(words, lang, case_hint=case)
