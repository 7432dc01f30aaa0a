"""The places stage (`extract/gazetteer/places.py`): KATO places and countries named in a text, and the
place words that name no place. Sentences written for these tests."""
from __future__ import annotations

import pytest

import ppo_nlp


def _runner(ner: bool):
    pipes = {}

    def run(text: str, lang: str):
        if lang not in pipes:
            pipes[lang] = ppo_nlp.load(lang=lang, ner=ner)
        return pipes[lang](text)

    return run


@pytest.fixture(scope="module")
def nlp():
    return _runner(ner=False)


@pytest.fixture(scope="module")
def nlp_ner():
    return _runner(ner=True)


def names(doc) -> set[str]:
    return {loc.name for loc in doc.locations}


@pytest.mark.parametrize("text, lang, expected", [
    ("Жители села Аккемер Мугалжарского района получили газ.", "ru", {"Аккемер", "Мугалжарский район"}),
    ("Аким Алгинского района встретился с жителями.", "ru", {"Алгинский район"}),
    # a district adjective after a village it holds, the noun said once for the list
    ("Медпункты построены в селах Бестамак Алгинского и Жарлы Байганинского районов.", "ru",
     {"Бестамак", "Алгинский район", "Жарлы", "Байганинский район"}),
    ("Карагандинский регион лидирует по числу новых членов.", "ru", {"Карагандинская область"}),
    ("Шиелі ауданының әкімі жиынға қатысты.", "kk", {"Шиелі ауданы"}),
    ("Жол картасы бойынша Н.Ілиясов ауылына газ тартылады.", "kk", {"Н.Ілиясов"}),
    ("Партия мүшелері Түркістан өңіріне барды.", "kk", {"Түркістан облысы"}),
    ("Опыт Турции и Индонезии изучили партийцы.", "ru", {"Турция", "Индонезия"}),
    ("Делегаты Түркияға және Қытайға барды.", "kk", {"Түркия", "Қытай"}),
    ("Встреча прошла в г.Семей и в поселке Бестобе.", "ru", {"Семей", "Бестобе"}),
])
def test_places_found_in_the_nominative(nlp, text, lang, expected):
    assert names(nlp(text, lang)) == expected


@pytest.mark.parametrize("text, lang", [
    ("«AMANAT» партиясы Іле аудандық филиалының есеп беру жиыны өтті.", "kk"),  # the branch's level
    ("Партияның облыстық филиалында Алматы облыстық кеңесі жиналды.", "kk"),
    ("«Таза Қазақстан» жобасы бойынша сенбілік өтті.", "kk"),  # a word of a project's name
    ("Кездесуге ҚР Парламенті Мәжілісінің екі депутаты келді.", "kk"),  # a word of a state body's name
    ("Депутат Мажилиса Парламента Республики Казахстан выступил.", "ru"),
    ("Новость передает Almaty.tv со ссылкой на пресс-службу.", "ru"),  # a site
    ("Ветераны Победы собрались у мемориала.", "ru"),  # a village named by a common word, no type word
    ("Амангельды Ахметов выступил на собрании.", "ru"),  # a village named after a person
    ("ТӨРЕШОВА АУДАНДА ЖҰМЫС ІСТЕЙДІ.", "kk"),  # capitals and a type word: no such district
    ("Премии получили 40 павлодарским и 12 акмолинским учителям.", "ru"),  # adjectives in lower case
    ("Это важно для казахстанской молодёжи.", "ru"),
])
def test_places_not_places(nlp, text, lang):
    assert names(nlp(text, lang)) == set()


@pytest.mark.parametrize("text, lang", [
    ("Съезге барлық өңірлерден делегаттар келді.", "kk"),  # case forms of common words, capitalised
    ("Жиында Конституцияға өзгерістер талқыланды.", "kk"),
    ("Делегация прибыла утром. Совещание началось.", "ru"),  # a capitalised common noun
])
def test_places_ner_words_that_are_no_places(nlp_ner, text, lang):
    assert names(nlp_ner(text, lang)) == set()


@pytest.mark.parametrize("text", [
    "Whether in the city or in the steppe, the posters are everywhere.",
    "The Roadmap for the new programme was adopted. The Mayor signed it.",
    "Regional Conference Opens With Kazakh Songs",
    # a word of a quoted title or of a bracketed gloss names no place
    "The campaign ‘Safe Road’ reached 40 villages.",
    'The action "Safe Road" reached 40 villages.',
    "Pupils learn under ‘Balapan Zholy’ (Road to Knowledge) and ‘Warm Hands’.",
    "Help came from the projects ‘Ak Niet’ (Safe City Watch) and ‘Qamqor’ (Care).",
])
def test_places_english_capitals_are_no_places(nlp_ner, text):
    assert names(nlp_ner(text, "en")) == set()


@pytest.mark.parametrize("text, lang, place_id", [
    ("в Алгинском районе", "ru", "loc:kato:153200000"),  # KATO ids for places the gazetteer lacks
    ("Сырдария ауданына келді", "kk", "loc:kato:434800000"),
    ("в Шымкенте", "ru", "loc:shymkent"),  # the gazetteer's ids stay (crosswalk.tsv)
    ("Шымкент қаласында", "kk", "loc:shymkent"),
    ("в Турции", "ru", "loc:tr"),
    ("The volunteers of Syrdariya district planted trees.", "en", "loc:kato:434800000"),  # Latin, typed
    ("Delegates of the Alga district met on Monday.", "en", "loc:kato:153200000"),
])
def test_places_ids(nlp, text, lang, place_id):
    assert [loc.id for loc in nlp(text, lang).locations] == [place_id]


@pytest.mark.parametrize("text, kato", [
    # one name, two districts: the one inside the oblast the text names
    ("Солтүстік Қазақстан облысы. Жамбыл ауданында жиын өтті.", "594600000"),
    ("Жамбыл облысы. Жамбыл ауданында жиын өтті.", "314000000"),
])
def test_places_prefer_the_oblast_of_the_text(nlp, text, kato):
    ids = [loc.id for loc in nlp(text, "kk").locations]
    assert f"loc:kato:{kato}" in ids


@pytest.mark.parametrize("text, expected", [
    ("Delegates from Kyiv (Ukraine) and the city of Tbilisi came.", {"Kyiv", "Ukraine", "Tbilisi"}),
    ("He said: “We met in Riga last week”.", {"Riga"}),  # quoted speech, no title
])
def test_places_english_places_in_brackets_or_speech_stay(nlp_ner, text, expected):
    assert names(nlp_ner(text, "en")) == expected
