"""extract_counts: value, qualifier, unit, subject, class, range, change and as-of, per language."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.counts.find import extract_counts


def _counts(text: str, lang: str, entities=()) -> list[tuple]:
    doc = Document("t", "t", text=text, lang=lang, entities=list(entities))
    return [(c.value, c.qualifier, c.unit, c.subject, c.subject_id) for c in extract_counts(doc)]


RU = [
    ("В нем приняли участие более 250 человек.", [(250, "more_than", None, "человек", "person")]),
    ("В Казахстане действуют 5839 первичных партийных организаций.",
     [(5839, "exact", None, "первичная партийная организация", "ppo")]),
    ("которые объединяют свыше 1 млн партийцев", [(1_000_000, "more_than", None, "партиец", "party_member")]),
    ("в ней состоят более миллиона казахстанцев", [(1_000_000, "more_than", None, "казахстанец", None)]),
    ("около 4 тыс. председателей ППО", [(4000, "approx", None, "председатель ППО", "ppo_chair")]),
    ("59 процентов составляют специалисты, 3,5 процента — бизнес", [(59, "exact", "percent", None, None),
                                                                   (3.5, "exact", "percent", None, None)]),
    ("это 51,3% от общего количества", [(51.3, "exact", "percent", None, None)]),
    ("Выделено 2,5 млрд тенге.", [(2_500_000_000, "exact", "tenge", None, None)]),
    ("насчитывается 3001«первичка»", [(3001, "exact", None, "первичка", "ppo")]),
    ("по 4 секционным заседаниям", [(4, "exact", None, "секционное заседание", None)]),
    ("в 26 сельских округах", [(26, "exact", None, "сельский округ", None)]),
    ("На республиканском уровне — 9, в регионах — 8, в районах — 5 советов.",
     [(9, "exact", None, "совет", None), (8, "exact", None, "совет", None), (5, "exact", None, "совет", None)]),
    ("«Первичек» с численностью до 500 человек - 2432.", [(500, "less_than", None, "человек", "person"),
                                                         (2432, "exact", None, "первичка", "ppo")]),
    ("28 председателей являются депутатами, 32 — членами совета.",
     [(28, "exact", None, "председатель", None), (32, "exact", None, "председатель", None)]),
    ("Партию поддержали почти две тысячи жителей.", [(2000, "approx", None, "житель", "person")]),
    ("Фермерам дадут кредиты до 5 млн тенге сроком на три года.", [(5_000_000, "less_than", "tenge", None, None)]),
    ("С полей убрали 40 тонн овощей.", [(40, "exact", "tonne", "овощ", None)]),
]
KK = [
    ("өңірдің 150-ден астам бастауыш ұйым төрағасы қатысуда",
     [(150, "more_than", None, "бастауыш ұйым төрағасы", "ppo_chair")]),
    ("157 бастауыш партия ұйымының 56 мыңнан астам мүшесі", [(157, "exact", None, "бастауыш партия ұйымы", "ppo"),
                                                            (56000, "more_than", None, "мүше", "party_member")]),
    ("93 мың гектар жер мемлекетке қайтарылды", [(93000, "exact", "hectare", "жер", None)]),
    ("280 тонна қоқыс шығарылды", [(280, "exact", "tonne", "қоқыс", None)]),
    ("10 партиялық топтан құралған", [(10, "exact", None, "партиялық топ", None)]),
    ("16 мыңнан астам адам оқытылды", [(16000, "more_than", None, "адам", "person")]),
    ("Облыста 500-ге жуық БПҰ бар, оның 30 пайызы ауылда.", [(500, "approx", None, "БПҰ", "ppo"),
                                                            (30, "exact", "percent", None, None)]),
    ("1085 мүше бар, олардың төрттен бірі – жастар.", [(1085, "exact", None, "мүше", "party_member"),
                                                     (0.25, "exact", "fraction", "жастар", None)]),
    ("Ауданда 48 бастауыш ұйымдары бар.", [(48, "exact", None, "бастауыш ұйымы", "ppo")]),
    # a stem that drops its vowel before the possessive (орын -> орны), a softened one (ошақ -> ошағы), the
    # accusative н after a possessive
    ("Ауданда 120 жұмыс орны ашылды.", [(120, "exact", None, "жұмыс орны", None)]),
    ("Биыл 3 мыңнан астам жұмыс орнын ашу көзделген.", [(3000, "more_than", None, "жұмыс орны", None)]),
    ("Ауылда 40 жұмыс орнына сұраныс бар.", [(40, "exact", None, "жұмыс орны", None)]),
    ("Қалада 7 мың жұмыс орындары құрылды.", [(7000, "exact", None, "жұмыс орны", None)]),
    ("Облыста 15 білім ошағы салынды.", [(15, "exact", None, "білім ошағы", None)]),
    ("Ауданда 4 білім ошағын жөндеді.", [(4, "exact", None, "білім ошағы", None)]),
    # a vowel-final stem takes no -та ending
    ("Жыл сайын 900 квота бөлінеді.", [(900, "exact", None, "квота", None)]),
    # a manner adverb modifies the counted noun; a modal predicate counts nothing
    ("Отбасылар 30 мың теңгеден қаржылай көмек алды.", [(30000, "exact", "tenge", "қаржылай көмек", None)]),
    ("Жалпы 25 мың теңге ақшалай сыйлық берілді.", [(25000, "exact", "tenge", "ақшалай сыйлық", None)]),
    ("Тағы 900 мың теңге қажет.", [(900000, "exact", "tenge", None, None)]),
    # the Russian spelling of the currency in Kazakh text is the tenge too, in any case
    ("Қайырымдылық акциясында 3 млн тенге жиналды.", [(3000000, "exact", "tenge", None, None)]),
    ("Әр отбасына 50 мың тенгеден берілді.", [(50000, "exact", "tenge", None, None)]),
    # after an adjective the possessive is no compound's: the head is the bare stem
    ("Мәслихаттың 140 қызметтегі депутаты қатысты.", [(140, "exact", None, "қызметтегі депутат", None)]),
    ("Былтыр 4 рет жалпы жиналыс өтті.", [(4, "exact", None, "жалпы жиналыс", None)]),
    # a noun with the adjective ending "having" modifies the head that follows; alone it stands as written
    ("Олардың 15 көпбалалы ана.", [(15, "exact", None, "көпбалалы ана", None)]),
    ("Өткен жылы 6 мыңнан астам көпбалалы және жалғызбасты ата-ана қолдау алды.",
     [(6000, "more_than", None, "көпбалалы", None)]),
    ("Облыста 40 адамды жұмысқа алды.", [(40, "exact", None, "адам", "person")]),
    ("Ауданның 20 ауылы бар.", [(20, "exact", None, "ауыл", None)]),
    # an anniversary or a span is no count
    ("Одақтың 80 жылдығы қарсаңында жиын өтті.", []),
    ("Партия 30 жылдық мерейтойын атап өтті.", []),
    # a price in the dative measures nothing after it; a school word before it makes no label of a sum
    ("Емхана 210 млн теңгеге жаңа жабдық алды.", [(210_000_000, "exact", "tenge", None, None)]),
    ("Ауруханаға 57 млн. 300 мың теңге бөлінді.", [(57_300_000, "exact", "tenge", None, None)]),
    ("Биыл мектепке 46 млн теңге жұмсалды.", [(46_000_000, "exact", "tenge", None, None)]),
    # a range of days is a date
    ("Партияның 512 мүшесі 7-9 қараша аралығында дауыс берді.", [(512, "exact", None, "мүше", "party_member")]),
]
EN = [
    ("The party has more than 700,000 members.", [(700_000, "more_than", None, "member", "party_member")]),
    ("About 250 delegates attended.", [(250, "approx", None, "delegate", "delegate")]),
    ("It unites 3,200 primary party organizations.",
     [(3200, "exact", None, "primary party organization", "ppo")]),
    ("Turnout was 63.5 percent.", [(63.5, "exact", "percent", None, None)]),
    ("nearly 2 million people", [(2_000_000, "approx", None, "people", "person")]),
    ("In the region 1,250 polling stations were opened.", [(1250, "exact", None, "polling station", None)]),
    ("The party has 14 elected deputies there.", [(14, "exact", None, "elected deputy", None)]),
    ("On 20-22 May 2019, 340 volunteers cleaned the parks.", [(340, "exact", None, "volunteer", None)]),
]
NONE = [
    ("ru", "Плана нации «100 конкретных шагов»"), ("ru", "на внеочередном XXII съезде партии"),
    ("ru", 'программы "Общество благополучия: 10 целей десятилетия" и до 2025 года'),
    ("ru", "1 Марта 2022, 12:01\n4577\nФото"), ("ru", "100%200%\nНовости"), ("ru", "Комментарии (0):"),
    ("ru", "Тел.: 8 (7172) 55-66-77, +7 701 123 45 67"), ("ru", "Статья 5 Устава. Пункт 3."),
    ("ru", "В 2017-2018 годы и в 2023 году"), ("ru", "© 2015 Информационный портал"),
    ("ru", "На съезде обсуждаются два вопроса. За последние два года."), ("ru", "занял 2-е место, 3-й этап"),
    ("ru", "В течение 3 лет и 2 месяцев"), ("ru", "Предыдущий съезд прошёл 28 января."),
    ("ru", "Форум пройдёт 14–16 апреля."), ("kk", "Жиын 5-6 маусымда өтеді."),
    ("kk", "1-ші орын алды. 3 жыл бойы жұмыс істеді."), ("kk", "екі күндік форумға, екі күн бойы"),
    ("kk", "2023 жылғы 15 қыркүйекте"), ("en", "On 12 March 2021 at 10:30, page 4 of 12"),
]


@pytest.mark.parametrize("text,expected", RU)
def test_counts_ru(text: str, expected: list) -> None:
    assert _counts(text, "ru") == expected


@pytest.mark.parametrize("text,expected", KK)
def test_counts_kk(text: str, expected: list) -> None:
    assert _counts(text, "kk") == expected


@pytest.mark.parametrize("text,expected", EN)
def test_counts_en(text: str, expected: list) -> None:
    assert _counts(text, "en") == expected


@pytest.mark.parametrize("lang,text", NONE)
def test_counts_furniture_names_dates_are_not_counts(lang: str, text: str) -> None:
    assert _counts(text, lang) == []


@pytest.mark.parametrize("text,lang,expected", [
    ("в них состоят от 3 до 100 членов партии", "ru", (3, 100, "член партии")),
    ("от 100 до 500 человек", "ru", (100, 500, "человек")),
    ("5-6 экспертов", "ru", (5, 6, "эксперт")),
    ("from 3 to 100 members", "en", (3, 100, "member")),
    ("100-ден 200-ге дейін адам", "kk", (100, 200, "адам")),
])
def test_counts_ranges(text: str, lang: str, expected: tuple) -> None:
    (count,) = extract_counts(Document("t", "t", text=text, lang=lang))
    assert (count.min, count.max, count.subject) == expected
    assert count.value is None and count.qualifier == "exact"


@pytest.mark.parametrize("text,lang,expected", [
    ("Количество общественных советов сократится на 700.", "ru", (700, "decrease", "общественный совет")),
    ("ряды партии пополнились примерно на четыре тысячи человек", "ru", (4000, "increase", "человек")),
    ("Число членов партии выросло на 12 тысяч.", "ru", (12000, "increase", "член партии")),
    ("Мүшелер саны 5 мыңға артты.", "kk", (5000, "increase", "мүше")),
    ("Membership rose by 4,000 members.", "en", (4000, "increase", "member")),
])
def test_counts_changes(text: str, lang: str, expected: tuple) -> None:
    (count,) = extract_counts(Document("t", "t", text=text, lang=lang))
    assert (count.value, count.change, count.subject) == expected


@pytest.mark.parametrize("text,lang", [
    ("Число советов сократят с 12 до 7.", "ru"),
    ("Кеңестер саны 11-ден 7-ге дейін азаяды.", "kk"),
    ("The number of councils will be cut from 12 to 7.", "en"),
])
def test_counts_from_a_larger_to_a_smaller_number_is_a_fall_not_an_upper_bound(text: str, lang: str) -> None:
    first, second = extract_counts(Document("t", "t", text=text, lang=lang))
    assert (first.value, first.qualifier, first.change) == (12 if lang != "kk" else 11, "exact", None)
    assert (second.value, second.qualifier, second.change) == (7, "exact", "decrease")


@pytest.mark.parametrize("text,lang,iso", [
    ("По состоянию на 1 июля 2018 года действуют 5839 ППО и свыше 1 млн партийцев.", "ru", "2018-07-01"),
    ("2023 жылғы 1 қаңтардағы жағдай бойынша 1200 бастауыш партия ұйымы бар.", "kk", "2023-01-01"),
    ("As of January 1, 2023, the party had 700,000 members.", "en", "2023-01-01"),
])
def test_counts_as_of(text: str, lang: str, iso: str) -> None:
    counts = extract_counts(Document("t", "t", text=text, lang=lang))
    assert counts and all(c.as_of == iso for c in counts)


def test_counts_skip_numbers_inside_entities() -> None:
    text = "Проект 100 шагов поддержали 300 человек."
    ent = Entity("PROJECT", "Проект 100 шагов", 0, 16, "gazetteer:projects")
    assert _counts(text, "ru", [ent]) == [(300, "exact", None, "человек", "person")]


def test_counts_evidence_span() -> None:
    text = "В нем приняли участие более 250 человек."
    (count,) = extract_counts(Document("t", "t", text=text, lang="ru"))
    assert text[count.start:count.end] == count.text == "более 250 человек"
    assert count.source == "rule:counts"


def test_counts_same_fact_twice_is_reported_once() -> None:
    text = "Количество советов сократится на 700.\nКоличество советов по стране сократится на 700."
    assert len(extract_counts(Document("t", "t", text=text, lang="ru"))) == 1


@pytest.mark.parametrize("text", [
    "1 " * 60000, '"' * 20000, "а" * 300000, "«1 " * 20000, "1," * 50000, "1 марта " * 20000,
    "более 5 человек, " * 20000, "." * 20000 + " " * 20000 + "a", "\n".join(["4577"] * 20000),
])
def test_counts_hostile_inputs_return(text: str) -> None:
    assert isinstance(extract_counts(Document("t", "t", text=text, lang="ru")), list)


@pytest.mark.parametrize("text,inside,outside", [
    ("Пишите: info@amanat.kz 25 человек", "info@amanat.kz", "25"),
    ("см. www.amanat.kz/news/2023 и 25 человек", "www.amanat.kz/news/2023", "25"),
    ("адрес xwww.site.kz/a@b.kz, 25 человек", "xwww.site.kz/a@b.kz,", "25"),  # e-mail and link in one word
    ("адрес https://x.kz/?m=a@b 25 человек", "https://x.kz/?m=a@b", "25"),
    ("«100 конкретных шагов» и «5 шагов: \"план\"» 25 человек", "«100 конкретных шагов»", "25"),
])
def test_counts_blocked_spans_links_mail_quotes(text: str, inside: str, outside: str) -> None:
    from ppo_nlp.extract.counts.filters import blocked_spans

    blocked = blocked_spans(Document("t", "t", text=text, lang="ru"), [])
    start = text.index(inside)
    assert blocked.covers(start, start + len(inside))
    assert blocked.covers(start + len(inside) - 1, start + len(inside))
    at = text.rindex(outside)
    assert not blocked.covers(at, at + len(outside))
