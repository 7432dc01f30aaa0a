"""Officials by class of error in names (issue 16): state bodies' short names read as surnames, foreign
surnames in -а in the genitive, lone surnames tied to a title by a predicate, East-Asian names, English
names with particles and words that are no names."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.officials.lexicon import is_short_body
from ppo_nlp.extract.officials.people import extract_officials
from ppo_nlp.normalize.names import to_nominative


def _people(text: str, lang: str = "ru") -> list[tuple[str, set[str]]]:
    return [(p.name, {pos.title for pos in p.positions}) for p in extract_officials(Document("t", "t", text, lang=lang))[1]]


@pytest.mark.parametrize("text, expected", [
    # a state body's short name after a title is no surname: the title's phrase goes on over it
    ("Сергей Иванов, член Совфеда от Омской области, выступил.",
     [("Сергей Иванов", {"член Совфеда от Омской области"})]),
    ("Поправку внёс в думу членом Совфеда от областного Законодательного собрания Петром Сергеевичем Ивановым.",
     [("Пётр Сергеевич Иванов", {"член Совфеда от областного Законодательного собрания"})]),
    ("Выступил представитель Росгвардии Иван Петров.", [("Иван Петров", {"представитель Росгвардии"})]),
    ("Приехал сотрудник Росстата.", []),
])
def test_short_body_is_no_surname(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("word, expected", [
    ("Совфеда", True), ("Росгвардии", True), ("Минцифры", True), ("Росстата", True), ("Совбеза", True),
    # surnames that start like a body's prefix
    ("Минаев", False), ("Гордеев", False), ("Обломов", False), ("Гордона", False), ("Советов", False),
    ("Ростислав", False), ("Генрих", False),
])
def test_is_short_body(word, expected):
    assert is_short_body(word) is expected


@pytest.mark.parametrize("words, case, expected", [
    # a surname in -а in the genitive is a man's or a woman's alike
    (["Сейджи", "Маехары"], "gent", "Сейджи Маехара"),
    (["Ибрагима", "Кейты"], "gent", "Ибрагим Кейта"),
    (["Маехары"], "gent", "Маехара"),
    # a Russian surname keeps its own paradigm
    (["Анны", "Петровой"], "gent", "Анна Петрова"),
    (["Б.", "Даулетулы"], None, "Б. Даулетулы"),  # a Kazakh surname in -улы is no genitive
])
def test_a_stem_surname_genitive(words, case, expected):
    assert to_nominative(words, "ru", case_hint=case)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("Поездку министра финансов Японии Сейджи Маехары отложили.",
     [("Сейджи Маехара", {"министр финансов Японии"})]),
])
def test_a_stem_surname_in_officials(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a predicate ties a title to a lone surname of a person named in full elsewhere
    ("Иван Петренко выступил. Вчера Петренко был министром здравоохранения.",
     [("Иван Петренко", {"министр здравоохранения"})]),
    ("Иван Петренко выступил. Петренко работал премьером три года.", [("Иван Петренко", {"премьер"})]),
    ("Анна Сидорова выступила. Сидорову назначили министром.", [("Анна Сидорова", {"министр"})]),
    # a lone capitalised word that is no surname of the document gets no title
    ("Иван Петренко выступил. Вчера Волков был министром.", [("Иван Петренко", set())]),
])
def test_lone_surname_predicate(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a listed East-Asian family name and one or two given-name syllables are one name
    ("Генсек ООН Пан Ги Мун прибыл в Бамако.", [("Пан Ги Мун", {"генсек ООН"})]),
    ("Лидер КНДР Ким Чен Ын выступил с речью.", [("Ким Чен Ын", {"лидер КНДР"})]),
    ("Председатель КНР Си Цзиньпин прибыл.", [("Си Цзиньпин", {"председатель КНР"})]),
    ("Президент Пак Кын Хе уехала.", [("Пак Кын Хе", {"президент"})]),
    # a Russian first name after the family name is no given-name syllable: the general rules read it
    ("Директор школы Ким Виктор выступил.", [("Ким Виктор", {"директор школы"})]),
    ("Депутат Ким Андреевич Петров выступил.", [("Ким Андреевич Петров", {"депутат"})]),
])
def test_east_asian_names(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name with a particle is whole, also without a listed first name
    ("Dutch striker Lex van Drooge scored twice.", [("Lex van Drooge", set())]),
    ("Winger Jan ter Horst crossed the ball.", [("Jan ter Horst", set())]),
    # a rank written with a hyphen is a title, not a name
    ("Lieutenant-Colonel John Smith said the troops left.", [("John Smith", {"lieutenant-colonel"})]),
    # an adjective of religion or nationality is no name
    ("The Roman Catholic bishop spoke on Sunday.", []),
    ("Roman Polanski arrived.", [("Roman Polanski", set())]),
])
def test_english_names(text, expected):
    assert _people(text, "en") == expected
