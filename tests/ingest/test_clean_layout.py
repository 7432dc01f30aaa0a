"""clean() on synthetic pages in ru, kk and en: header, body and footer zones, title, blank lines."""
from __future__ import annotations

import pytest

from ppo_nlp.ingest import clean
from ppo_nlp.ingest.lines import normalize_text

RU_BODY = [
    "В Астане прошёл форум первичных партийных организаций партии AMANAT.",
    "В нём приняли участие более 300 председателей ППО из всех регионов страны.",
    "Итоги работы",
    "По словам секретаря партии, число первичных организаций выросло до 5800.",
]
KK_BODY = [
    "Астанада AMANAT партиясының бастауыш партия ұйымдарының форумы өтті.",
    "Форумға еліміздің барлық өңірінен 300-ден астам төраға қатысты.",
]
EN_BODY = [
    "The AMANAT party held a forum of primary party organizations in Astana.",
    "More than 300 chairpersons from all regions of the country took part in it.",
]


@pytest.mark.parametrize("header, title, body, footer", [
    (["Главная | Новости | Политика | Экономика", "Партия", "12 марта 2024, 10:15", "1520"],
     "Форум первичных партийных организаций прошёл в Астане", RU_BODY,
     ["Поделиться", "Facebook VK Telegram", "Читайте также:", "Комментарии (3)", "Иван: отличный форум, спасибо!"]),
    (["Басты бет / Жаңалықтар / Саясат", "Жаңалықтар", "12 наурыз 2024, 10:15", "Қаралды: 250"],
     "Астанада бастауыш партия ұйымдарының форумы өтті", KK_BODY,
     ["Бөлісу", "Сондай-ақ оқыңыз", "Пікірлер (0)", "© 2024 Астана ақшамы. Барлық құқықтар қорғалған."]),
    (["Home > News > Politics", "March 12, 2024", "Share"], "AMANAT holds forum of primary organizations",
     EN_BODY, ["Tags: AMANAT, forum", "Related", "Comments are closed.", "© 2024 Astana Times. All rights reserved."]),
])
def test_clean_layout_page_zones(header, title, body, footer):
    page = "\n".join(["Сайт партии", *header, title, *body, *footer])
    result = clean(page, "text", {})
    assert result.text == "\n".join([title, *body])
    assert result.title == title
    assert set(result.removed) == {"Сайт партии", *header, *footer}


@pytest.mark.parametrize("line", [
    "Итоги работы",  # a subheading between prose lines
    "4577",  # a number alone inside the body is not a view counter
    "* * *",
    "12 марта 2024 года",
])
def test_clean_layout_body_lines_between_prose_kept(line):
    page = "\n".join([RU_BODY[0], RU_BODY[1], line, RU_BODY[3]])
    assert line in clean(page, "text", {}).text.split("\n")


@pytest.mark.parametrize("line", ["Фото: пресс-служба партии", "Поделиться", "Реклама", "Читайте также:"])
def test_clean_layout_listed_furniture_dropped_inside_body(line):
    page = "\n".join([RU_BODY[0], RU_BODY[1], line, RU_BODY[3]])
    result = clean(page, "text", {})
    assert line not in result.text and RU_BODY[3] in result.text


def test_clean_layout_blank_lines_collapsed():
    page = "\n\n\nЗаголовок статьи о форуме\n\n\n\n" + "\n\n\n".join(RU_BODY) + "\n\n\n"
    assert clean(page, "text", {}).text == "Заголовок статьи о форуме\n\n" + "\n\n".join(RU_BODY)


def test_clean_layout_no_blank_lines_added_where_none():
    assert clean("\n".join(RU_BODY), "text", {}).text == "\n".join(RU_BODY)


def test_clean_layout_whitespace_collapsed():
    page = "  В   Астане\u00a0прошёл\tфорум первичных партийных организаций партии, сообщили в пресс-службе.\u200b  \r\n"
    assert clean(page, "text", {}).text == "В Астане прошёл форум первичных партийных организаций партии, сообщили в пресс-службе."


def test_clean_layout_first_sentence_is_not_a_title():
    result = clean("\n".join(KK_BODY), "text", {})
    assert result.title is None and result.text == "\n".join(KK_BODY)


def test_clean_layout_repeated_title_dropped():
    title = "Форум первичных партийных организаций прошёл в Астане"
    page = "\n".join([title, "Форум прошёл в Астане", title, *RU_BODY, title])
    result = clean(page, "text", {})
    assert result.text.split("\n").count(title) == 1 and result.text.startswith(title)


def test_clean_layout_meta_title_prepended_when_absent():
    result = clean("\n".join(RU_BODY), "text", {"title": "Форум ППО"})
    assert result.title == "Форум ППО" and result.text == "Форум ППО\n\n" + "\n".join(RU_BODY)


def test_clean_layout_meta_title_not_doubled():
    result = clean("\n".join(["Форум ППО", *RU_BODY]), "text", {"title": "Форум ППО"})
    assert result.text == "\n".join(["Форум ППО", *RU_BODY])


def test_clean_layout_empty_and_furniture_only():
    assert clean("", "text", {}).text == ""
    assert clean("Наверх\nПоделиться\n", "text", {}).text == ""


@pytest.mark.parametrize("text", [
    "1 " * 60_000,
    '"' * 20_000,
    "а" * 300_000,
    ("Партия провела форум. " * 40 + "\n") * 4500,  # about 4 MB
    "Комментарии (0):\n" * 10_000,
    ("<p>" + "x" * 1000) * 2000,
])
@pytest.mark.parametrize("kind", ["text", "html"])
def test_clean_layout_hostile_inputs_complete(text, kind):
    result = clean(text, kind, {})
    assert isinstance(result.text, str)


@pytest.mark.parametrize("raw, lines", [
    ("Коалиция құрылды, деп хабарлады филиал.Количество показов: 6",
     ["Коалиция құрылды, деп хабарлады филиал.", "Количество показов: 6"]),
    ("The party met in Astana.Views: 1 204", ["The party met in Astana.", "Views: 1 204"]),
    ("dms_4665В районном филиале партии состоялся семинар.", ["dms_4665", "В районном филиале партии состоялся семинар."]),
    ("IMG_0042.jpgThe congress opened on Friday.", ["IMG_0042.jpg", "The congress opened on Friday."]),
    ("В 2020 году просмотров стало больше: 5", ["В 2020 году просмотров стало больше: 5"]),
    ("COVID19 ограничения сняты.", ["COVID19 ограничения сняты."]),
])
def test_clean_layout_glued_furniture_split(raw, lines):
    assert normalize_text(raw).split("\n") == lines


@pytest.mark.parametrize("glued", ["Количество показов: 6", "Views: 12", "Қаралды: 45"])
def test_clean_layout_glued_counter_removed_sentence_kept(glued):
    last = "Коалиция облыстағы барлық партиялық ұйымдардың жұмысына ықпал етпек."
    result = clean("\n".join(KK_BODY + [last + glued]), "text", {})
    assert result.text.split("\n")[-1] == last and glued not in result.text


SECTION_LEAD = "Итоги выборов в районный маслихат подвели вчера: партия получила большинство мест."
SECTION_BODY = [
    "Наблюдатели от общественных объединений отметили, что голосование прошло спокойно и без нарушений, "
    "а явка на участках в сёлах оказалась выше, чем в районном центре.",
    "Председатель территориальной комиссии добавил, что жалоб от кандидатов за день голосования не поступало, "
    "и поблагодарил членов участковых комиссий за работу в выходной день.",
]


@pytest.mark.parametrize("heading, kept", [
    ("Комментарии", True),  # a bare heading with a short lead above and the article below: a section
    ("Комментарии (3)", False),  # a counted comment thread is always the page's footer
    ("© 2024 Районная газета. Все права защищены.", False),
])
def test_clean_layout_section_heading_does_not_cut_the_article(heading, kept):
    page = "\n".join([SECTION_LEAD, heading, *SECTION_BODY])
    text = clean(page, "text", {}).text
    assert (SECTION_BODY[1] in text) is kept and SECTION_LEAD in text and heading not in text


def test_clean_layout_comment_thread_after_the_article_is_cut():
    page = "\n".join([*SECTION_BODY, SECTION_LEAD, "Комментарии", "Гость: согласен, всё прошло хорошо."])
    assert clean(page, "text", {}).text == "\n".join([*SECTION_BODY, SECTION_LEAD])
