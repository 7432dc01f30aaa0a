"""Kazakh Latin alphabets: Cyrillic -> Latin per alphabet, alphabet detection, Latin -> Cyrillic with offsets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppo_nlp.normalize.kk_cyrillic import to_cyrillic
from ppo_nlp.normalize.kk_latin import ALPHABETS, detect_alphabet, latin_forms, table, transliterate

PHRASES = [
    "Нұр Отан партиясының төрағасы",
    "Қостанай облыстық филиалы",
    "мәслихат депутаттары жиналысқа қатысты",
    "42 мыңнан астам мүше",
    "Бір жарым миллионнан астам адам",
    "ЖАҢА ҚАЗАҚСТАН",
    "Ұйымдастыру алқасы, аяқталды, идеялар",
    "Өскемен, Үржар, Шығыс, Ғалым, Әлия, Іле",
]


@pytest.mark.parametrize("cyr, alphabet, latin", [
    ("Қостанай облысы", "2017", "Qostanai' oblysy"),
    ("Қостанай облысы", "2018", "Qostanaı oblysy"),
    ("Қостанай облысы", "2021", "Qostanai oblysy"),
    ("Қостанай облысы", "passport", "Kostanai oblysy"),
    ("төраға, мәслихат, праймериз", "2018", "tóraǵa, máslıhat, praımerız"),
    ("төраға, мәслихат, ұйым", "2021", "törağa, mäslihat, ūiym"),
    ("төраға, шешім, үшін", "2017", "to'rag'a, s'es'im, u's'in"),
    ("Жаңа Шымкент", "passport", "Zhana Shymkent"),
    ("ШЫҢҒЫС", "2018", "SHYŃǴYS"),
    ("Іле, Ишим", "2021", "Ile, İşim"),
    ("партия 2024", "2018", "partııa 2024"),
])
def test_kk_latin_transliterate_table(cyr, alphabet, latin):
    assert transliterate(cyr, alphabet) == latin


@pytest.mark.parametrize("latin, alphabet", [
    ("Qostanaı oblysynyń tóraǵasy", "2018"),
    ("Qostanai oblysynyñ törağasy", "2021"),
    ("Jaŋa jyldyŋ basy", "2021"),
    ("Qostanai' oblysynyn' to'rag'asy", "2017"),
    ("Kostanai oblysynyn toragasy", "passport"),
    ("12 345", "passport"),
])
def test_kk_latin_detect_alphabet(latin, alphabet):
    assert detect_alphabet(latin) == alphabet
    assert to_cyrillic(latin).offsets.alphabet == alphabet


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("cyr", PHRASES)
def test_kk_latin_round_trip_latin_cyrillic_latin(cyr, alphabet):
    latin = transliterate(cyr, alphabet)
    back = to_cyrillic(latin, alphabet)
    assert transliterate(back.text, alphabet) == latin


@pytest.mark.parametrize("alphabet", ["2018", "2021"])
@pytest.mark.parametrize("cyr", PHRASES)
def test_kk_latin_official_alphabets_give_back_the_cyrillic(cyr, alphabet):
    assert to_cyrillic(transliterate(cyr, alphabet), alphabet).text == cyr


@pytest.mark.parametrize("latin, cyr", [
    ("Nur Otan partııasynyń tóraǵasy", "Нұр Отан партиясының төрағасы"),
    ("Nūr Otan partiiasynyñ törağasy", "Нұр Отан партиясының төрағасы"),
    ("Nur Otan parti'i'asynyn' to'rag'asy", "Нұр Отан партиясының төрағасы"),
    ("Nur Otan parti’i’asynyn’ to’rag’asy", "Нұр Отан партиясының төрағасы"),
    ("fılıaly, saıası, Iaǵnı, Ishki", "филиалы, саяси, Яғни, Ішкі"),
    ("konferentsııa, aıtsa", "конференция, айтса"),
    ("Partiianyn Kostanai filialy, Yerlan", "Партиянын Костанай филиалы, Ерлан"),
    ("О\u0301zgerister", "Өзгерістер"),  # a Cyrillic О with a combining acute, as found in real pages
    ("Oblysymyzdan 800 adam", "Облысымыздан 800 адам"),
    # the 2021 drafts' ŋ and ǧ
    ("Jaŋa audandyq töraǧa", "Жаңа аудандық төраға"),
    ("JAŊA ǦASYR", "ЖАҢА ҒАСЫР"),
    # Russian loans: ц written s, ия written ıa after a consonant, and the words that keep с or иа
    ("Bıyl fraksııa men konferensııa ótti", "Биыл фракция мен конференция өтті"),
    ("Fransııaǵa sapar, ınısıatıva, sosıal", "Францияға сапар, инициатива, социал"),
    ("partıasynyń, partıalyq, Azıa, Konstıtýsıa", "партиясының, партиялық, Азия, Конституция"),
    ("pensııa, medıa, materıaldar, dıaspora, Olımpıada, Dıana", "пенсия, медиа, материалдар, диаспора, Олимпиада, Диана"),
    ("sessııa, komısıa, Rossııa", "сессия, комисия, Россия"),
])
def test_kk_latin_to_cyrillic(latin, cyr):
    assert to_cyrillic(latin).text == cyr


@pytest.mark.parametrize("latin, word", [
    ("Nur Otan partııasynyń tóraǵasy", "партиясының"),
    ("Nur Otan parti'i'asynyn' to'rag'asy", "төрағасы"),
    ("О\u0301zgerister men jańa tulǵalar", "Өзгерістер"),
    ("Bir jarym mıllıonnan astam adam", "миллионнан"),
])
def test_kk_latin_offsets_point_into_the_latin_text(latin, word):
    cyr, offsets = to_cyrillic(latin)
    start = cyr.index(word)
    lat_start, lat_end = offsets.span(start, start + len(word))
    assert to_cyrillic(latin[lat_start:lat_end]).text == word
    assert lat_start == 0 or not latin[lat_start - 1].isalpha()
    assert lat_end == len(latin) or not latin[lat_end].isalpha()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aáäbcdeǵğghıiİIjklmnńñoóöpqrsştuúūüývwyz'’ \u0301О-,.0")),
       st.sampled_from(ALPHABETS))
def test_kk_latin_offset_map_is_monotone_and_complete(text, alphabet):
    cyr, offsets = to_cyrillic(text, alphabet)
    assert len(offsets.starts) == len(cyr) == len(offsets.ends)
    assert list(offsets.starts) == sorted(offsets.starts)
    assert all(0 <= s < e <= len(text) for s, e in zip(offsets.starts, offsets.ends))
    assert offsets.span(0, len(cyr)) == ((0, len(text)) if cyr else (0, 0))


@pytest.mark.parametrize("start, end", [(-1, 2), (3, 2), (0, 99)])
def test_kk_latin_offset_map_rejects_bad_spans(start, end):
    with pytest.raises(ValueError):
        to_cyrillic("Qazaqstan").offsets.span(start, end)


@pytest.mark.parametrize("alphabet", ["1940", "", "latin"])
def test_kk_latin_unknown_alphabet_is_a_clear_error(alphabet):
    with pytest.raises(ValueError, match="alphabet"):
        transliterate("Қазақстан", alphabet)
    with pytest.raises(ValueError, match="alphabet"):
        to_cyrillic("Qazaqstan", alphabet)


@pytest.mark.parametrize("name, expected", [
    ("Ерлан Қошанов", {"Yerlan Koshanov", "Erlan Qoşanov", "Erlan Qoshanov", "Erlan Qos'anov"}),
    ("Бауыржан Байбек", {"Bauyrzhan Baibek", "Baýyrjan Baıbek", "Bauyrjan Baibek"}),
    ("Ауыл аманаты", {"Auyl amanaty", "Aýyl amanaty", "Ay'yl amanaty"}),
    ("Ардагерлерді ардақтайық", {"Ardagerlerdi ardaktaiyk", "Ardagerlerdi ardaqtaıyq"}),
    ("Нұрсұлтан Назарбаев", {"Nursultan Nazarbayev", "Nūrsūltan Nazarbaev"}),
    ("Қостанай", {"Qostanaı", "Kostanai", "Kostanay", "Qostanai"}),
])
def test_kk_latin_latin_forms_cover_official_passport_and_english(name, expected):
    assert expected <= latin_forms(name)


@pytest.mark.parametrize("name", ["Amanat", "", "2024"])
def test_kk_latin_latin_forms_of_non_cyrillic_is_empty(name):
    assert latin_forms(name) == set()


def test_kk_latin_table_covers_the_kazakh_alphabet():
    assert set(table()) == set("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә")
