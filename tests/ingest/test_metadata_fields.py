"""Title, published, outlet and author from page layout, JSON meta and HTML."""
from __future__ import annotations

import pytest

from ppo_nlp.ingest import clean
from ppo_nlp.ingest.metadata import _attribution_patterns, _search, attributions, outlet_gate

BODY = ("В Астане прошёл форум первичных партийных организаций партии AMANAT.\n"
        "В нём приняли участие более 300 председателей ППО из всех регионов страны.")


@pytest.mark.parametrize("header, published", [
    ("1 Марта 2022, 12:01", "2022-03-01T12:01"),
    ("15 қазан 2023 ж.", "2023-10-15"),
    ("2023 жылғы 15 қазан", "2023-10-15"),
    ("March 1, 2022", "2022-03-01"),
    ("01.03.2022 14:05", "2022-03-01T14:05"),
    ("Опубликовано: 12:30, 5 мая 2021", "2021-05-05T12:30"),
    ("В 2018 году", None),
])
def test_metadata_published_from_header(header, published):
    assert clean(f"Заголовок статьи о форуме\n{header}\n{BODY}", "text", {}).published == published


def test_metadata_body_dates_are_not_publication_dates():
    text = f"Заголовок статьи о форуме\n{BODY}\nФорум прошёл 27 августа 2018 года в Караганде, сообщили в партии."
    assert clean(text, "text", {}).published is None


@pytest.mark.parametrize("value, iso", [
    ("2022-03-01T12:01:00+06:00", "2022-03-01T12:01"), ("2022-03-01", "2022-03-01"), ("1 марта 2022", "2022-03-01"),
])
def test_metadata_published_from_meta(value, iso):
    assert clean(BODY, "text", {"published": value}).published == iso


@pytest.mark.parametrize("line, outlet", [
    ("Текст о форуме партии, деп хабарлайды turkystan.kz.", "turkystan.kz"),
    ("Об этом, как передает корреспондент BaigeNews.kz, сообщил секретарь партии.", "BaigeNews.kz"),
    ("Об этом сообщает МИА «Казинформ» со ссылкой на пресс-службу партии.", "Казинформ"),
    ("The forum gathered 200 members of the party, reports Kazinform.", "Kazinform"),
    ("Об этом сообщает пресс-служба партии в своём канале.", None),
])
def test_metadata_outlet_from_attribution(line, outlet):
    assert clean(f"{line}\n{BODY}", "text", {}).outlet == outlet


@pytest.mark.parametrize("footer, outlet", [
    ("© 2015 Информационный портал акимата района", "Информационный портал акимата района"),
    ("© 2024 Tengrinews.kz. Все права защищены.", "Tengrinews.kz"),
    ("Copyright © 2023 Astana Times. All rights reserved.", "Astana Times"),
    ("© 2020-2024 «Egemen Qazaqstan»", "Egemen Qazaqstan"),
    ("© 2024 Все права защищены", None),
    ("© Kazinform", None),
])
def test_metadata_outlet_from_copyright(footer, outlet):
    assert clean(f"{BODY}\n{footer}", "text", {}).outlet == outlet


@pytest.mark.parametrize("lines, author", [
    (["Шынболат СЕЙДУАЛИЕВ,", "пресс-секретарь областного филиала партии Amanat"], "Шынболат Сейдуалиев"),
    (["Т.Курбанова"], "Т. Курбанова"),
    (["А.Б. Иванов"], "А. Б. Иванов"),
    (["Айгүл НҰРЛАНОВА"], "Айгүл Нұрланова"),
    (["Автор: Иван Петров"], "Иван Петров"),
    (["Вернуться к списку новостей"], None),
    (["АҚПАРАТТЫҚ ПОРТАЛЫ"], None),
])
def test_metadata_author_from_closing_byline(lines, author):
    result = clean("\n".join([BODY, *lines]), "text", {})
    assert result.author == author
    assert all(line in result.text for line in lines if line != "Вернуться к списку новостей")


def test_metadata_author_from_header_date_line():
    text = f"Заголовок статьи о форуме\nАВТОР\nпресс служба Nur Otan 1 Марта 2022, 12:01\n{BODY}"
    result = clean(text, "text", {})
    assert (result.author, result.published) == ("пресс служба Nur Otan", "2022-03-01T12:01")


@pytest.mark.parametrize("label", ["Опубликовано 1 Марта 2022", "Дата публикации: 01.03.2022"])
def test_metadata_date_labels_are_not_authors(label):
    assert clean(f"Заголовок статьи о форуме\n{label}\n{BODY}", "text", {}).author is None


def test_metadata_meta_wins():
    meta = {"title": "T", "published": "2021-01-02", "outlet": "O", "author": "A"}
    result = clean(f"© 2015 Портал\n{BODY}\nТ.Курбанова", "text", meta)
    assert (result.title, result.published, result.outlet, result.author) == ("T", "2021-01-02", "O", "A")


HTML = """<!doctype html><html><head><title>Форум ППО | Astana News</title>
<meta property="og:title" content="Форум первичных организаций прошёл в Астане">
<meta property="og:site_name" content="Astana News">
<meta property="article:published_time" content="2024-03-12T10:15:00+05:00">
<meta name="author" content="Айгүл Нұрланова">
<script>var x = "<p>не текст</p>";</script><style>p {color: red}</style></head>
<body><header><nav><a href="/">Главная</a><a href="/news">Новости</a></nav></header>
<article><header><h1>Форум первичных организаций прошёл в Астане</h1><time datetime="2024-03-12">12.03</time></header>
<p>В Астане прошёл форум первичных партийных организаций партии AMANAT.</p>
<p>В нём приняли участие более 300 председателей&nbsp;ППО из всех регионов страны.</p>
<div class="share-buttons">Поделиться Facebook</div>
<p>Секретарь партии<br>подвела итоги.</p></article>
<aside>Популярное</aside><div id="comments">Комментарии (2)</div><footer>© 2024 Astana News</footer>
</body></html>"""


def test_metadata_html_page():
    result = clean(HTML, "html", {})
    assert result.title == "Форум первичных организаций прошёл в Астане"
    assert (result.published, result.outlet, result.author) == ("2024-03-12T10:15", "Astana News", "Айгүл Нұрланова")
    assert result.text == ("Форум первичных организаций прошёл в Астане\n\n"
                           "В Астане прошёл форум первичных партийных организаций партии AMANAT.\n\n"
                           "В нём приняли участие более 300 председателей ППО из всех регионов страны.\n\n"
                           "Секретарь партии\nподвела итоги.")


def test_metadata_html_title_tag_site_suffix_stripped():
    result = clean("<title>Форум ППО прошёл | Astana News</title><p>" + BODY + "</p>", "html", {})
    assert result.title == "Форум ППО прошёл" and result.text.startswith("Форум ППО прошёл\n\n")


def test_metadata_html_json_ld():
    page = ('<script type="application/ld+json">{"headline": "H", "datePublished": "2023-05-01",'
            ' "author": {"name": "A B"}, "publisher": {"name": "P"}}</script><p>' + BODY + "</p>")
    result = clean(page, "html", {})
    assert (result.title, result.published, result.author, result.outlet) == ("H", "2023-05-01", "A B", "P")


@pytest.mark.parametrize("template, gate", [
    ("{OUTLET}\\s+(?:reports|reported)", "\\s+(?:reports|reported)"), ("{OUTLET}\\s+ok|b", "\\s+ok|b"),
    ("reports\\s+{OUTLET}", None), ("{OUTLET}", None), ("{OUTLET}+x", None), ("{OUTLET}{2}x", None),
    ("{OUTLET}(?i)x", None), ("{OUTLET}\\s+(?P=outlet)", None), ("{OUTLET} and {OUTLET}", None),
])
def test_metadata_outlet_gate_only_a_part_every_match_contains(template, gate):
    found = outlet_gate(template)
    assert (found.pattern if found else None) == gate


@pytest.mark.parametrize("line", [
    "Kazinform тілшісі хабарлағандай, форум өтті.", "Astana Times reports that the forum ended.",
    "Kazinform correspondent said the party met.", "AMANAT reported. The party told Astana Times that 5 joined.",
    "The forum ended in Astana, the party said.", "ҚазАқпарат ақпарат агенттігі мәлімдеді.",
])
def test_metadata_outlet_gates_change_no_answer(line):
    gated = [m.group("outlet") for p, g in _attribution_patterns() for m in _search(p, g, line)]
    plain = [m.group("outlet") for p, _ in _attribution_patterns() for m in _search(p, None, line)]
    assert gated == plain


@pytest.mark.parametrize("line, outlets", [
    ("Как передает корреспондент Orda.kz, форум партии прошёл в Шымкенте.", ["Orda.kz"]),
    ("Об этом сообщает «Жас Алаш» со ссылкой на пресс-службу.", ["«Жас Алаш»"]),
    ("Сессия маслихата прошла в среду, пишет \u201cДала жаршысы\u201d.", ["\u201cДала жаршысы\u201d"]),
    ("Партия AMANAT провела форум в Таразе.", []),
    ("Жиын өтті деп хабарлайды qazaqstan-times.kz", ["qazaqstan-times.kz"]),
    ("Steppe Wire тілшісінің хабарлауынша, жиын өтті.", ["Steppe Wire"]),
    ("Партия провела форум в Таразе, передает агентство без названия.", []),
    ("По данным областного акимата, в форуме участвовали 300 человек.", []),
])
def test_metadata_attributions_skip_only_lines_without_an_outlet(line, outlets):
    plain = [m.group("outlet") for p, g in _attribution_patterns() for m in _search(p, g, line)]
    assert attributions(line) == plain == outlets


@pytest.mark.parametrize("lines, title, outlet", [
    (["Главная Политика Форум ППО прошёл в Астане", "Форум ППО прошёл в Астане"], "Форум ППО прошёл в Астане", None),
    (["Форум ППО прошёл в Астане | Астана ақшамы", "Форум ППО прошёл в Астане"], "Форум ППО прошёл в Астане",
     "Астана ақшамы"),
    (["Форум ППО прошёл в Астане", "Форум ППО прошёл в Астане - «Дала жаршысы» газеті"], "Форум ППО прошёл в Астане",
     "«Дала жаршысы» газеті"),
    (["Party forum held in Astana - The Steppe Herald", "Party forum held in Astana"], "Party forum held in Astana",
     "The Steppe Herald"),
    (["Аманат пробуждает доверие - Максат Жакауов"], "Аманат пробуждает доверие - Максат Жакауов", None),
    (["Форум ППО прошёл в Астане", "Форум ППО прошёл в Астане и Алматы"], "Форум ППО прошёл в Астане и Алматы", None),
])
def test_metadata_title_copy_with_breadcrumb_or_site_name(lines, title, outlet):
    result = clean("\n".join([*lines, BODY]), "text", {})
    assert (result.title, result.outlet) == (title, outlet)
    assert result.text.split("\n")[0] == title and result.text.count(title) == 1 + BODY.count(title)


@pytest.mark.parametrize("line, title, published", [
    ("03.03.2022 Форум ППО прошёл в Астане", "Форум ППО прошёл в Астане", "2022-03-03"),
    ("June 28. Party branch welcomes new members", "Party branch welcomes new members", None),
    ("12 наурыз 2024, 10:15 Астанада партия форумы өтті", "Астанада партия форумы өтті", "2024-03-12T10:15"),
    ("28 июня. Форум ППО прошёл в Астане", "Форум ППО прошёл в Астане", None),
    ("Форум ППО прошёл 28 июня", "Форум ППО прошёл 28 июня", None),
])
def test_metadata_title_date_in_front(line, title, published):
    result = clean(f"{line}\n{BODY}", "text", {})
    assert (result.title, result.published, result.author) == (title, published, None)
    assert result.text.split("\n")[0] == line


@pytest.mark.parametrize("widget, published", [
    ("Суббота, 16 марта 2024", None),
    ("Saturday, 16 March 2024 KZ RU EN", None),
    ("Сегодня: 5 марта 2025", None),
    ("Сенбі, 16 наурыз 2024", None),
    ("Суббота, 16 марта 2024, 10:15", "2024-03-16T10:15"),  # with a time: the article's own date
    ("16 марта 2024", "2024-03-16"),
])
def test_metadata_date_widget_is_not_published(widget, published):
    result = clean(f"{widget}\nЗаголовок статьи о форуме\n{BODY}", "text", {})
    assert (result.published, result.author) == (published, None)


@pytest.mark.parametrize("lines, author", [
    (["Kudrenok Tatyana", "26 April 2022, 15:12"], "Kudrenok Tatyana"),
    (["26 April 2022, 15:12", "Tatyana Kudrenok"], "Tatyana Kudrenok"),
    (["Айгүл Нұрланова"], "Айгүл Нұрланова"),
    (["Общество Политика"], None),
    (["Новости Казахстана", "12.03.2024"], None),
])
def test_metadata_author_under_title(lines, author):
    result = clean("\n".join(["Заголовок статьи о форуме", *lines, BODY]), "text", {})
    assert result.author == author


@pytest.mark.parametrize("lead, outlet", [
    ("ASTANA. KAZINFORM – The party held a forum of primary organizations in the capital.", "Kazinform"),
    ("АСТАНА. КАЗИНФОРМ — Партия провела форум первичных организаций в столице страны.", "Казинформ"),
    ("turkystan.kz «AMANAT» партиясы облыстық филиалында жиын өтті, оған 40 адам қатысты.", "turkystan.kz"),
    ("Region-news.KZ В областном филиале партии прошло собрание первичных организаций.", "Region-news.KZ"),
    ("ALMATY (Reuters) – The ruling party held a forum of its primary organizations.", "Reuters"),
    ("ASTANA – The party held a forum of primary organizations in the capital on Friday.", None),
    ("The Steppe Herald presents a close-up view of how the party campaigns in the regions.", "The Steppe Herald"),
    ("The Amanat Party presents its program to voters in all regions of the country today.", None),
    ("Nur Otan partııasynyń Atyraý aýdandyq fılıalynda keńes ótti, oǵan 25 adam qatysty.", None),
    ("Об этом сообщает Azattyq Rýhy со ссылкой на пресс-службу партии.", "Azattyq Rýhy"),
    ("Жиын өтті, деп хабарлайды ERNUR.KZ.", "ERNUR.KZ"),
    ("Съезд шақырылды, - деп хабарлайды \"Дала ақпарат\".", "Дала ақпарат"),
    ("Съезд шақырылды, - деп хабарлайды “Дала ақпарат”.", "Дала ақпарат"),
    ("NUR-SULTAN. Kazinform – Президент бугун партиянинг қурултойига раислик қилмоқда.", "Kazinform"),
    ("ASTANA. The party said – the congress will open on Friday in the capital city.", None),
    ("ASTANA. KAZINFORM Nur Otan Party has held its congress in the capital on Friday.", "Kazinform"),
    ("ТАРАЗ. ҚазАқпарат – Партияның қалалық филиалында конференция өтті, оған 80 делегат қатысты.", "ҚазАқпарат"),
    ("ASTANA. THE PARTY held its congress in the capital on Friday, members said.", None),
])
def test_metadata_outlet_from_dateline(lead, outlet):
    assert clean(f"{lead}\n{BODY}", "text", {}).outlet == outlet


@pytest.mark.parametrize("lines, author, kept", [
    (["Kudrenok Tatyana", "26 April 2022, 15:12"], "Kudrenok Tatyana", False),
    (["By Aigerim Seitkali"], "Aigerim Seitkali", False),  # a labelled byline is metadata too
    (["Written by Aigerim Seitkali"], "Aigerim Seitkali", False),
    (["By Aigerim Seitkali in Nation on 5 March 2024"], "Aigerim Seitkali", False),  # section and date after
])
def test_metadata_header_byline_leaves_the_body(lines, author, kept):
    result = clean("\n".join(["Party forum held in Astana", *lines, EN_BODY]), "text", {})
    assert result.author == author and (lines[0] in result.text) is kept
    assert EN_BODY in result.text


EN_BODY = ("The AMANAT party held a forum of primary party organizations in Astana.\n"
           "More than 300 chairpersons from all regions of the country took part in it.")


def test_metadata_weekday_date_under_the_title_is_published():
    result = clean(f"Заголовок статьи о форуме\nСуббота, 16 марта 2024\n{BODY}", "text", {})
    assert result.published == "2024-03-16"


@pytest.mark.parametrize("line, title, outlet", [
    ("Форум ППО прошёл в Астане | Kazinform", "Форум ППО прошёл в Астане", "Kazinform"),
    ("Съезд партии открылся в столице - «Дала» Ұлттық телеарнасы", "Съезд партии открылся в столице",
     "«Дала» Ұлттық телеарнасы"),
    ("Party congress opens in the capital - Steppe News", "Party congress opens in the capital", "Steppe News"),
    ("Партия - за честные выборы - Егемен Қазақстан газеті", "Партия - за честные выборы", "Егемен Қазақстан газеті"),
    ("Партия укрепляет веру избирателей - Ерлан Сапаров", "Партия укрепляет веру избирателей - Ерлан Сапаров", None),
    ("Elections in the regions - postponed until May", "Elections in the regions - postponed until May", None),
    ("Party congress opens – live updates", "Party congress opens – live updates", None),
])
def test_metadata_title_site_suffix(line, title, outlet):
    result = clean(f"{line}\n{BODY}", "text", {})
    assert (result.title, result.outlet) == (title, outlet)
    assert result.text.split("\n")[0] == line
