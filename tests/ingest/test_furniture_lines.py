"""Furniture lists: what one line alone is (ru, kk, en), and lines that look like furniture but are not."""
from __future__ import annotations

import pytest

from ppo_nlp.ingest.furniture import (MAX_PREFIX_WORDS, _SPACE_RE, _branch, _match_prefix, _match_regex,
                                    combine_regexes, load_lists, match_line, normalize, parse_entry)
from ppo_nlp.text import fold

FURNITURE = [
    "Pikir qaldyrý", "Pıkır üsteu", "Ūqsas jaŋalyqtar",
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
    # counters, date widgets, share/subscribe, photo credits and captions, menus on other layouts
    "Количество показов: 12", "Просмотры: 31", "Дата создания: 03.11", "Дата публикации: 12.03.2024",
    "Хабарламаларға жазылу", "Жаңалықтарға жазылу", "Негізгі бет /", "БАҚ біз туралы", "СМИ о нас",
    "Популярные темы", "Стоковые изображения от Shutterstock", "Фото предоставлено пресс-службой акимата",
    "Подпишитесь на нашу рассылку", "Будьте в курсе последних новостей и получайте свежие статьи.",
    "Көрсетілім: 45", "Қаз Рус Eng", "А А А Қаз Рус Eng", "KZ RU EN", "Skip to Content", "Skip to main content",
    "^ top", "Photo credit amanat.kz.", "Go to the main site",
    "Translation by Assem Zhanmukhanova", "Editing by Saule Mukhamejanova", "Photo by Akorda press service",
    "Delegates vote at the regional conference. Photo credit: akorda.kz.",
    "Делегаты голосуют на конференции филиала. Фото: пресс-служба партии",
    "Жиынға қатысушылар. Сурет: облыстық филиалдың баспасөз қызметі",
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
    "Количество показов спектакля выросло вдвое, сообщили в театре.",
    "Дата создания первичной организации — 4 февраля 2021 года.",
    "Будьте внимательны при выборе кандидатов, призвал председатель.",
    "Хабарламаларға жазылу үшін тұрғындар қоғамдық қабылдауға келді.",
    "Skip the queue: the party opened 20 new reception offices.",
    "Top officials of the party attended the congress in Astana.",
    "The photo exhibition was opened by the party chairman. It showed 40 works by local photographers.",
    "Photo credit cards were handed to journalists covering the congress of the party in Astana on Friday.",
    "А вот в районе открыли новую школу на 300 мест.",
    "Он отметил рост числа членов партии. Фото и видео опубликованы на сайте партии.",
    "The branch held a forum. Photo exhibitions were opened in 12 schools.",
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


@pytest.mark.parametrize("row, expected", [
    (("x.id", "line", "Some words"), ("x.id", "line", "Some words", False)),
    (("x.id", "regex+end", "a\\s+b"), ("x.id", "regex", "a\\s+b", True)),
])
def test_furniture_entry_format(row, expected):
    entry = parse_entry(row)
    assert (entry.id, entry.kind, entry.pattern, entry.end) == expected


@pytest.mark.parametrize("row", [("x.id", "line"), ("x.id", "word", "a"), ("x.id", "line+start", "a")])
def test_furniture_entry_refused(row):
    with pytest.raises(ValueError):
        parse_entry(row)


def test_furniture_lists_load_with_unique_ids():
    lists = load_lists()
    ids = [e.id for e in lists.lines.values()] + [e.id for _, e in lists.prefixes + lists.regexes]
    assert len(ids) == len(set(ids)) and len(ids) > 100


@pytest.mark.parametrize("line", ["1 " * 60_000, '"' * 20_000, "а" * 300_000, "Фото: " + "x " * 100_000])
def test_furniture_hostile_lines_complete(line):
    match_line(line)


EDGE_LINES = ["Просмотров: 4577", "Views: 12", "12 views", "• | •", "★★★☆ 4.5/5", "Latest news", "NEWS",
              "Соңғы жаңалықтары", "Аудан жаңалықтары", "© Фото с сайта", "(c) 2020 - 2023 site.kz",
              "Комментарии (12)", "Фото:", "Фото: Kazinform:", "Источник -", "Читайте также: форум партии",
              "Теги: партия, форум", "Поделиться:", "Facebook", "", ":", "—"]


def _each_regex(line):
    """The first regex entry that fullmatches, tried one by one (the reference for the alternation)."""
    return next((e for p, e in load_lists().regexes if p.fullmatch(line)), None)


def _each_prefix(line):
    """The first prefix entry, scanned in list order (the reference for the first-character index)."""
    stripped = line.strip()
    if len(stripped.split()) > MAX_PREFIX_WORDS:
        return None
    folded, norm = _SPACE_RE.sub(" ", fold(stripped)), normalize(stripped)
    for key, entry in load_lists().prefixes:
        head = folded if not key[-1].isalnum() else norm
        if head.startswith(key) and (len(head) == len(key) or not head[len(key)].isalnum()):
            return entry
    return None


@pytest.mark.parametrize("line", FURNITURE + BODY + EDGE_LINES)
def test_furniture_regex_alternation_equals_one_by_one(line):
    assert load_lists().any_regex is not None  # the shipped patterns combine
    assert _match_regex(load_lists(), line) == _each_regex(line)


@pytest.mark.parametrize("line", FURNITURE + BODY + EDGE_LINES)
def test_furniture_prefix_index_equals_scan(line):
    assert _match_prefix(load_lists(), line.strip(), normalize(line.strip())) == _each_prefix(line)


@pytest.mark.parametrize("patterns, combined", [
    (["a+", "b(?:c|d)", "(?i:x)y", "(?<=a)b", "(?!x)y"], True),
    (["a+", "[(?]z"], False),  # only looks unsafe: refused all the same (the safe side)
    (["(a)\\1"], False), (["(?P<n>a)(?P=n)"], False), (["(?i)a"], False), (["a(?#note)"], False),
    (["a\\g<0>"], False), (["(?>a)"], False), ([], False), (["a", "b"], True), (["(?-i:A)b", "c(?=d)"], True),
])
def test_furniture_regexes_combine_only_when_safe(patterns, combined):
    assert (combine_regexes(patterns) is not None) is combined


@pytest.mark.parametrize("patterns, line, branch", [
    (["a.*", "ab"], "ab", 0), (["a", "ab"], "ab", 1), (["(a|b)c", "b"], "b", 1), (["x?", "y"], "y", 1),
])
def test_furniture_regex_alternation_first_fullmatch_wins(patterns, line, branch):
    assert _branch(combine_regexes(patterns).fullmatch(line)) == branch
