"""Officials: where a Russian title's phrase ends and whose it is (issue 16): a surname with other dictionary
readings right after a title, a bracketed short name or a phrase with «с» inside a title, the case of a name
after a title in two cases, titles joined by «и» before one name, and «один из» inside a title.
All sentences are our own."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.officials.people import extract_officials


def _people(text: str) -> list[tuple[str, set[str]]]:
    return [(p.name, {pos.title for pos in p.positions}) for p in extract_officials(Document("t", "t", text, lang="ru"))[1]]


@pytest.mark.parametrize("text, expected", [
    # a surname that is also a plural noun or a first name in the genitive plural ends the title's phrase
    ("Вчера аким Петров осмотрел новый мост.", [("Петров", {"аким"})]),
    ("Депутат Соколов голосовал против поправки.", [("Соколов", {"депутат"})]),
    ("Утром аким Волков принял фермеров района.", [("Волков", {"аким"})]),
    ("Так звучит позиция президента Путина по этому вопросу.", [("Путин", {"президент"})]),
    ("По словам директора лицея Орлов, ремонт завершён.", [("Орлов", {"директор лицея"})]),
    # a place or a possessive that may be the organization's stays in the phrase
    ("Губернатор Кирова пока молчит.", []),
    ("Директор музея Ленина провёл экскурсию.", []),
])
def test_surname_with_other_readings_ends_the_title(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bracketed short name closes a prepositional phrase of the title
    ("Как пояснила глава комитета по охране лесов (КОЛ) Дина Ахметова, проверка идёт.",
     [("Дина Ахметова", {"глава комитета по охране лесов (КОЛ)"})]),
    ("Заместитель акима по вопросам спорта (ЗВС) Марат Сейткали открыл стадион.",
     [("Марат Сейткали", {"заместитель акима по вопросам спорта (ЗВС)"})]),
    # «с» opens a phrase of the organization («борьбы с …»), not of another person («с депутатом …»)
    ("Директор центра по борьбе с наводнениями Иван Орлов дал прогноз.",
     [("Иван Орлов", {"директор центра по борьбе с наводнениями"})]),
    ("В пятницу прошла встреча министра с депутатом Иваном Орловым.", [("Иван Орлов", {"депутат"})]),
    ("Обсуждение министра энергетики с главой банка Иваном Орловым затянулось.", [("Иван Орлов", {"глава банка"})]),
])
def test_phrases_inside_a_title(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title in the genitive or the accusative: the name's own form decides
    ("Журналисты окружили пресс-секретаря Алину Ким у входа.", [("Алина Ким", {"пресс-секретарь"})]),
    ("Ответ пресс-секретаря Алины Ким был коротким.", [("Алина Ким", {"пресс-секретарь"})]),
    ("Мы дождались директора Ивана Орлова у ворот.", [("Иван Орлов", {"директор"})]),
])
def test_name_case_after_a_title_in_two_cases(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two titles joined by «и» right before one name are the one person's
    ("Министр и вице-премьер Алексей Орлов открыл форум.", [("Алексей Орлов", {"министр", "вице-премьер"})]),
    ("Глава района и председатель совета Дина Ахметова вручила награды.",
     [("Дина Ахметова", {"глава района", "председатель совета"})]),
    # a plural verb next to them says they are two people
    ("Аким района и председатель совета Иван Орлов вручили награды.", [("Иван Орлов", {"председатель совета"})]),
    ("Вчера встретились аким района и председатель совета Иван Орлов.", [("Иван Орлов", {"председатель совета"})]),
    # not over a comma-less plural title
    ("В зале сидели министры и председатель совета Иван Орлов.", [("Иван Орлов", {"председатель совета"})]),
])
def test_titles_joined_by_and_before_a_name(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # «один из» inside the organization phrase: the phrase goes on in the plural
    ("Вчера задержан глава одной из крупнейших строительных фирм Иван Орлов.",
     [("Иван Орлов", {"глава одной из крупнейших строительных фирм"})]),
    ("Директор одного из пяти городских банков Анна Попова ушла в отставку.",
     [("Анна Попова", {"директор одного из пяти городских банков"})]),
    ("Глава одного из районов заявил, что Иван Орлов прав.", [("Иван Орлов", set())]),
])
def test_one_of_inside_a_title(text, expected):
    assert _people(text) == expected
