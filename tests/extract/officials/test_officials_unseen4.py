"""Officials: classes of failure found on a fourth set of real articles nobody tuned on (Russian, Kazakh and
English news about the party's branches, factions and maslikhats). A Russian title in the instrumental gets its
name through a verb of electing further on, over the verb's subject and a prepositional phrase; in a list, a
title joined by «и» to the title right before the next name is that name's, not the apposition of the name
before it; a Kazakh genitive title that only opens a longer title is no apposition of its own. All sentences
are our own."""
from __future__ import annotations

import pytest

from tests.conftest import people_with_orgs

_people = people_with_orgs


@pytest.mark.parametrize("text, expected", [
    # the verb's subject between the title and the verb
    ("Заместителем председателя совета депутаты избрали Марата Сейткалиева.",
     [("Марат Сейткалиев", {("заместитель председателя совета", None)})]),
    # a prepositional phrase between
    ("Руководителем фракции партии в городском маслихате избрана Айгуль Нурланова.",
     [("Айгуль Нурланова", {("руководитель фракции партии", "Депутатская фракция партии")})]),
    ("Председателем совета ветеранов на заседании единогласно избран Иван Петров.",
     [("Иван Петров", {("председатель совета ветеранов", None)})]),
    # the name after the verb with its own title
    ("Председателем комиссии назначен её заместитель Иван Петров.",
     [("Иван Петров", {("заместитель", None), ("председатель комиссии", None)})]),
    # no verb of electing: nothing ties the title to the name
    ("Председателем совета ветеранов в городе гордится Иван Петров.", [("Иван Петров", set())]),
    # a comma ends the window
    ("Директором школы его назначили в мае, а Иван Петров уехал.", [("Иван Петров", set())]),
])
def test_unseen4_instrumental_title_far_from_the_name(text, expected):
    assert _people(text, "ru") == expected


@pytest.mark.parametrize("text, expected", [
    ("На встрече были директор ТОО «Альфа» Иван Петров, глава ТОО «Бета» и депутат городского маслихата "
     "Сергей Смирнов.",
     [("Иван Петров", {("директор ТОО «Альфа»", "ТОО «Альфа»")}),
      ("Сергей Смирнов", {("глава ТОО «Бета»", "ТОО «Бета»"), ("депутат городского маслихата", "Маслихат")})]),
    # a chain over a comma as well
    ("Пришли аким района Иван Петров, директор школы и председатель совета ветеранов, депутат маслихата "
     "Анна Ким.",
     [("Иван Петров", {("аким района", None)}),
      ("Анна Ким", {("директор школы", None), ("председатель совета ветеранов", None),
                    ("депутат маслихата", "Маслихат")})]),
    # no name after the second title: both are the apposition of the name before them
    ("Выступил Иван Петров, директор школы и депутат маслихата.",
     [("Иван Петров", {("директор школы", None), ("депутат маслихата", "Маслихат")})]),
])
def test_unseen4_titles_joined_before_the_next_name(text, expected):
    assert _people(text, "ru") == expected


@pytest.mark.parametrize("text, expected", [
    ("Жиынға аудан әкімі Серік Омаров, «Нұр Отан» партиясы Павлодар облыстық филиалы хатшысының бірінші "
     "орынбасары Айгүл Серікова қатысты.",
     [("Серік Омаров", {("аудан әкімі", None)}),
      ("Айгүл Серікова", {("хатшының бірінші орынбасары", "AMANAT Павлодар облыстық филиалы")})]),
])
def test_unseen4_kk_genitive_title_opens_a_longer_one(text, expected):
    assert _people(text, "kk") == expected


@pytest.mark.parametrize("text, expected", [
    # "Party" between title words: the party's title, and no person named "Party"
    ("Nur Otan won the vote, Deputy Party Chairman Marat Seitov said.",
     [("Marat Seitov", {("deputy party chairman", "AMANAT")})]),
    ("AMANAT met on Monday; First Deputy Party Chairman Marat Seitov opened it.",
     [("Marat Seitov", {("first deputy party chairman", "AMANAT")})]),
    ("Nur Otan Party Executive Secretary Marat Seitov spoke.",
     [("Marat Seitov", {("executive secretary", "AMANAT")})]),
    # a participle and its preposition end the title's organization phrase
    ("Marat Seitov was named the chairman of the district maslikhat of the 7th term elected in March.",
     [("Marat Seitov", {("chairman of the district maslikhat of the 7th term", "Маслихат")})]),
])
def test_unseen4_english_party_word_and_participle(text, expected):
    assert _people(text, "en") == expected


@pytest.mark.parametrize("title, office", [
    ("deputy party chairman", "deputy_chairman"),
    ("first deputy party chairman", "first_deputy_chairman"),
    ("party chairman", "chairman"),
])
def test_unseen4_english_party_word_office(title, office):
    from ppo_nlp.extract.officials.offices import office_id
    assert office_id(title, "en") == office
