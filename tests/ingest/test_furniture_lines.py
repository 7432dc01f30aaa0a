"""Furniture lists: what one line alone is (ru, kk, en), and lines that look like furniture but are not."""
from __future__ import annotations

import pytest

from ppo_nlp.ingest.furniture import load_lists, match_line, parse_entry

FURNITURE = [
    # ru
    "Комментарии (0):", "Комменатриев нет.", "Добавить комментарий", "Вернуться к списку новостей",
    "© 2015 Информационный портал аппарата акима Бухар-Жырауского района",
    "Разработка и поддержка сайта: Интернет компания «Creatida»", "АВТОР", "Подпишитесь на наш",
    "Telegram-канал", "и узнавайте новости первыми!", "Фото: пресс служба Nur Otan", "Наверх",
    "Комментарии закрыты.", "Новости района", "Пн Вт Ср Чт Пт Сб Вс", "Поделиться", "Читайте также:",
    "Все права защищены.", "Реклама", "Просмотров: 4577", "Теги: партия, форум", "Facebook Twitter VK Telegram",
    "Поделиться: Facebook WhatsApp", "Мы используем файлы cookie, чтобы сайт работал лучше",
    # kk
    "Пікірлер (3)", "Жазылыңыз", "Telegram арнамызға жазылыңыз!", "Бөлісу", "Сондай-ақ оқыңыз",
    "Барлық құқықтар қорғалған", "Жарнама", "Қаралды: 120", "Дс Сс Ср Бс Жм Сн Жс", "Аудан жаңалықтары",
    # en
    "Subscribe", "Share", "Related", "All rights reserved.", "Comments (2)", "Leave a reply", "Advertisement",
    "Read more", "Back to top", "We use cookies to improve your experience.", "Copyright © 2023 Astana Times",
    "Photo: Akorda press service", "Mon Tue Wed Thu Fri Sat Sun",
]

BODY = [
    "Комментарии экспертов к новому закону опубликованы на сайте партии.",
    "Фото с форума опубликовали в социальных сетях партии.",
    "Партия запустила Telegram-канал для членов первичных организаций.",
    "Подписаться на газету можно в любом отделении почты, сообщили в партии.",
    "Реклама политических партий регулируется законом о выборах.",
    "Пікірлер жиналып, партия жобасына енгізілді.",
    "Share of members grew by 5 percent in 2023.",
    "Related projects were discussed at the forum in Astana.",
    "The party has 5839 primary organizations.",
    "Форум прошёл результативно",
    "Шынболат СЕЙДУАЛИЕВ,",
    "Т.Курбанова",
    "В 2015 году © партия зарегистрировала эмблему «Нұр Отан», сообщили в пресс-службе партии.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_matched(line):
    assert match_line(line) is not None


@pytest.mark.parametrize("line", BODY)
def test_furniture_body_lines_not_matched(line):
    assert match_line(line) is None


@pytest.mark.parametrize("line, end", [
    ("Комментарии (0):", True), ("© 2015 Портал", True), ("© Kazinform", False), ("Фото: Kazinform", False),
    ("Наверх", True), ("Читайте также", False),
])
def test_furniture_footer_start_flag(line, end):
    assert match_line(line).end is end


@pytest.mark.parametrize("raw, expected", [
    ("x.id   line   Some words  # why", ("x.id", "line", "Some words", False)),
    ("x.id   regex+end   a\\s+b", ("x.id", "regex", "a\\s+b", True)),
    ("# comment", None),
    ("", None),
])
def test_furniture_entry_format(raw, expected):
    entry = parse_entry(raw)
    assert (entry and (entry.id, entry.kind, entry.pattern, entry.end)) == expected


def test_furniture_lists_load_with_unique_ids():
    lists = load_lists()
    ids = [e.id for e in lists.lines.values()] + [e.id for _, e in lists.prefixes + lists.regexes]
    assert len(ids) == len(set(ids)) and len(ids) > 100


@pytest.mark.parametrize("line", ["1 " * 60_000, '"' * 20_000, "а" * 300_000, "Фото: " + "x " * 100_000])
def test_furniture_hostile_lines_complete(line):
    match_line(line)
