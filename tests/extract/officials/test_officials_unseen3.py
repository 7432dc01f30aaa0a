"""Officials: classes of failure found on a third set of real articles nobody tuned on (Russian and English news
about the party). A plural title before a list of names gives each name the title in the singular; «Елбасы» is
a title, not a name, and a dash sets off a second title of the same person; English: an age between a title and
its name, "following" and "met" end a title's phrase, "rector" and "MP" are titles. A name at the end of one
list line is not in apposition to the title that opens the next line. All sentences are our own."""
from __future__ import annotations

import pytest

from tests.conftest import people_with_orgs

_people = people_with_orgs


@pytest.mark.parametrize("text, lang, expected", [
    # a plural title, its organization phrase, three names: three deputies of the party
    ("На брифинге выступили депутаты от партии AMANAT Марат Сейтов, Гульнар Ахметова и Ирина Петренко.", "ru",
     [("Марат Сейтов", {("депутат от партии AMANAT", "AMANAT")}),
      ("Гульнар Ахметова", {("депутат от партии AMANAT", "AMANAT")}),
      ("Ирина Петренко", {("депутат от партии AMANAT", "AMANAT")})]),
    # the title and the names in an oblique case: the names come back in the nominative
    ("Аким поблагодарил депутатов маслихата Марата Сейтова и Ирину Петренко.", "ru",
     [("Марат Сейтов", {("депутат маслихата", "Маслихат")}), ("Ирина Петренко", {("депутат маслихата", "Маслихат")})]),
    # one name after a plural noun is no list
    ("Члены партии Иван Петров пришли на встречу.", "ru", [("Иван Петров", set())]),
    # English: an organization before the plural head
    ("The bill was drafted by AMANAT deputies Marat Seitov, Gulnar Akhmetova and Irina Petrenko.", "en",
     [("Marat Seitov", {("deputy", "AMANAT")}), ("Gulnar Akhmetova", {("deputy", "AMANAT")}),
      ("Irina Petrenko", {("deputy", "AMANAT")})]),
    ("The council removed members Ospan Alseitov and Nurlan Nigmatov.", "en",
     [("Ospan Alseitov", {("member", None)}), ("Nurlan Nigmatov", {("member", None)})]),
])
def test_unseen3_plural_title_before_names(text, lang, expected):
    assert _people(text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Пресс-секретарь Елбасы рассказал о встрече.", "ru", []),
    # «Елбасы» before a name in the genitive: the name in the nominative, both titles his
    ("В зале говорили о книгах экс-президента РК, Елбасы Ивана Петрова, и о его друзьях.", "ru",
     [("Иван Петров", {("елбасы", None), ("экс-президент РК", None)})]),
    ("Первый председатель совета – Елбасы Нурсултан Назарбаев приехал на форум.", "ru",
     [("Нурсултан Назарбаев", {("елбасы", None), ("первый председатель совета", None)})]),
    ("Предложение внес секретарь партии – депутат Мажилиса Ерлан Сейтов.", "ru",
     [("Ерлан Сейтов", {("депутат Мажилиса", "Мажилис"), ("секретарь партии", None)})]),
    ("The honorary chairman of the council – Elbasy Nursultan Nazarbayev came to the forum.", "en",
     [("Nursultan Nazarbayev", {("elbasy", None), ("honorary chairman of the council", None)})]),
])
def test_unseen3_elbasy_and_dashed_titles(text, lang, expected):
    assert _people(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("He appointed as the secretary of the party 52-year-old Tamara Aitova.",
     [("Tamara Aitova", {("secretary of the party", None)})]),
    ("They named as secretary of the party 42-year old Tamara Aitova.",
     [("Tamara Aitova", {("secretary of the party", None)})]),
    ("Senator Yerzhan Kudaibergenov was elected chairman of the council following a vote of members.",
     [("Yerzhan Kudaibergenov", {("senator", None), ("chairman of the council", None)})]),
    ("Akim of Pavlodar region met Asain Baikhanov and discussed the plan.", [("Asain Baikhanov", set())]),
    ("The list includes Prime Minister Alikhan Smailov, rector of Kazakh National University Zhansait Tuimebayev.",
     [("Alikhan Smailov", {("prime minister", None)}),
      ("Zhansait Tuimebayev", {("rector of Kazakh National University", None)})]),
    ("MP Aidos Sarym said the bill was ready.", [("Aidos Sarym", {("MP", None)})]),
])
def test_unseen3_english_title_ends(text, expected):
    assert _people(text, "en") == expected


@pytest.mark.parametrize("text, expected", [
    # a list of headlines: the name ending one line is not the press secretary who opens the next
    ("Читайте также:\n- Аким передал дела Ивану Петрову\n- Пресс-секретарь акима о передаче дел: это продолжение",
     [("Иван Петров", set())]),
    # a comma at the end of a line still sets off the title of the name before it
    ("Отчет подготовил Иван Петров,\nпресс-секретарь акима.", [("Иван Петров", {("пресс-секретарь акима", None)})]),
])
def test_unseen3_apposition_not_across_list_lines(text, expected):
    assert _people(text, "ru") == expected


@pytest.mark.parametrize("text, expected", [
    # «главе» is the dative of the title «глава» …
    ("Поручение дано главе района Ивану Петрову.", [("Иван Петров", {("глава района", None)})]),
    ("Обращение отправлено главе государства Ерлану Сейтову.", [("Ерлан Сейтов", {("глава государства", None)})]),
    # … but «во главе с» (led by) is no title
    ("Делегацию во главе с Иваном Петровым встретили в аэропорту.", [("Иван Петров", set())]),
])
def test_unseen3_dative_head(text, expected):
    assert _people(text, "ru") == expected
