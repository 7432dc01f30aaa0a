"""extract_counts as readers read counts: subjects named earlier (anaphora), partitives, qualifier forms,
number words in every case and Kazakh subjects in their dictionary form. Sentences written for the tests."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.counts import extract_counts
from ppo_nlp.extract.counts.context import as_of_possible


def _counts(text: str, lang: str) -> list[tuple]:
    doc = Document("t", "t", text=text, lang=lang)
    return [(c.value, c.qualifier, c.subject or c.unit) for c in extract_counts(doc)]


ANAPHORA = [
    ("ru", "В области работают 210 первичных организаций, в Таразе их 41.",
     [(210, "exact", "первичная организация"), (41, "exact", "первичная организация")]),
    ("ru", "Пенсионеры составляют 35%, а в городском филиале их более 9 тысяч.",
     [(35, "exact", "percent"), (9000, "more_than", "пенсионер")]),
    ("ru", "Студенты составляют треть, а в столице их свыше 12 тысяч.",
     [(0.333333, "exact", "fraction"), (12000, "more_than", "студент")]),
    ("ru", "За год поступило 980 заявок, из них 615 удовлетворены.",
     [(980, "exact", "заявка"), (615, "exact", "заявка")]),
    ("ru", "Создано 57 ППО, 19 из которых работают на селе.", [(57, "exact", "ППО"), (19, "exact", "ППО")]),
    ("ru", "На курсы записались около 400 пенсионеров. До конца года планируется обучить 1 500.",
     [(400, "approx", "пенсионер"), (1500, "exact", "пенсионер")]),
    ("ru", "В стране зарегистрировано семь политических партий. Четыре из них прошли в парламент.",
     [(7, "exact", "политическая партия"), (4, "exact", "политическая партия")]),
    ("ru", "В 2022 году в партию вступили 800 человек, в 2023 году – 950.",
     [(800, "exact", "человек"), (950, "exact", "человек")]),
    ("kk", "Жиынға шақырылған 90 делегаттың 84-і келді.", [(90, "exact", "делегат"), (84, "exact", "делегат")]),
    ("kk", "Жоспарда 30 іс-шара бар. 30 іс-шараның 22-сі өтті, 8-і дайындалу үстінде.",
     [(30, "exact", "іс-шара"), (22, "exact", "іс-шара"), (8, "exact", "іс-шара")]),
    ("kk", "Бізге 12 мың өтініш түсті. Соның 2 мыңнан астамы ауылдардан келді.",
     [(12000, "exact", "өтініш"), (2000, "more_than", "өтініш")]),
    ("kk", "Сайлауға 640 үміткер қатысты. Олардың 95-і екінші кезеңге өтті.",
     [(640, "exact", "үміткер"), (95, "exact", "үміткер")]),
    ("kk", "Мұғалімдердің 70-і жиналысқа қатысты.", [(70, "exact", "мұғалім")]),
    ("en", "Some 300 volunteers came to the square, while about 2,000 watched online.",
     [(300, "approx", "volunteer"), (2000, "approx", "volunteer")]),
]

LEMMAS = [
    ("kk", "Аудандағы 48 бастауыш ұйымдарға хат жіберілді.", [(48, "exact", "бастауыш ұйым")]),
    ("kk", "Филиалда 2300 партия мүшелері тіркелген.", [(2300, "exact", "партия мүшесі")]),
    ("kk", "Облыста 12 мыңнан астам мүшесi бар.", [(12000, "more_than", "мүше")]),  # a Latin i typed in
    ("kk", "Жастар он бастамасын ұсынды.", [(10, "exact", "бастама")]),
    ("kk", "Былтыр 3 мыңнан астам азамат мүше болды.", [(3000, "more_than", "азамат")]),
    ("kk", "Жыл бойы 15 рет тексеру жұмыстары жүргізілді.", [(15, "exact", "тексеру жұмысы")]),
    ("kk", "Көпірге 12,5 млн теңге бө", [(12_500_000, "exact", "tenge")]),  # a line cut mid-word
    ("ru", "В области действует более полутысячи «первичек».", [(500, "more_than", "первичка")]),
    ("ru", "На форум приехали полсотни волонтеров.", [(50, "exact", "волонтёр")]),
    ("ru", "В четырех районах открыты поликлиники.", [(4, "exact", "район")]),
    ("kk", "Екі ауданда емхана ашылды.", [(2, "exact", "аудан")]),
    ("ru", "В селе построен детский сад на 90 мест.", [(90, "exact", "место")]),
    ("ru", "В субботнике участвовали более сотни студентов.", [(100, "more_than", "студент")]),
    ("ru", "Помощь оказана трем десяткам многодетных семей.", [(30, "exact", "многодетная семья")]),
    ("kk", "Форумға 250-ге жуық жас қатысты.", [(250, "approx", "жас")]),  # young people, not an age
    ("en", "The offices received about 1.5 thousands requests.", [(1500, "approx", "request")]),
    ("en", "Six political parties took part in the vote.", [(6, "exact", "political party")]),
    ("en", "The party opened 14 district branches this year.", [(14, "exact", "district branch")]),
    ("en", "About one and a half million people voted.", [(1_500_000, "approx", "people")]),
    ("kk", "Сайлауға бір жарым миллионнан астам адам қатысты.", [(1_500_000, "more_than", "адам")]),
]

CLASSES = [
    ("kk", "Биыл 9 жаңа бастауыш ұйым құрылды.", "ppo"),
    ("ru", "За год создано 14 новых первичных партийных организаций.", "ppo"),
    ("ru", "Обучение прошли 300 сельских жителей.", "person"),
]

NOT_COUNTS = [
    ("ru", "Их 23."),  # nothing named before
    ("ru", "Обсудили два вопроса. В двух словах о главном."),
    ("ru", "Команда заняла 1 место."),
    ("ru", "Решили, что решение примут 15."),  # no counted phrase before the clause-final figure
    ("kk", "Оның 5-і 2024 жылы ашылды."),
    ("kk", "Екі мәселе талқыланды."),
    ("kk", "Ол 18 жасында партияға кірді."),  # an age
    ("en", "Thousands of people came. Two issues were discussed."),
    ("en", "About 600 attended the forum."),  # no counted phrase before the figure and its verb
]


@pytest.mark.parametrize("lang,text,expected", ANAPHORA)
def test_counts_readers_anaphora(lang: str, text: str, expected: list) -> None:
    assert _counts(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", LEMMAS)
def test_counts_readers_lemmas_and_number_words(lang: str, text: str, expected: list) -> None:
    assert _counts(text, lang) == expected


@pytest.mark.parametrize("lang,text", NOT_COUNTS)
def test_counts_readers_no_antecedent_no_count(lang: str, text: str) -> None:
    assert _counts(text, lang) == []


@pytest.mark.parametrize("lang,text,subject_id", CLASSES)
def test_counts_readers_class_of_a_modified_subject(lang: str, text: str, subject_id: str) -> None:
    (count,) = extract_counts(Document("t", "t", text=text, lang=lang))
    assert count.subject_id == subject_id


AS_OF_GATE = [  # whether some as-of phrase may date a figure of the text: every word of one of them occurs
    ("По Состоянию на 1 мая партия насчитывала 300 тысяч членов.", True),
    ("Данные на дату подачи отчёта уточняются.", True),
    ("1 қаңтардағы ЖАҒДАЙ бойынша филиалда 500 мүше бар.", True),
    ("As of March, the branch had 40 members.", True),
    ("В мае в партию вступили 800 человек.", False),
    ("На собрании обсудили состояние дел.", False),
]


@pytest.mark.parametrize("text,possible", AS_OF_GATE)
def test_counts_readers_as_of_gate(text: str, possible: bool) -> None:
    assert as_of_possible(text) is possible
