"""The place gazetteer (resources/places) and its lookup: inflected ru/kk forms, Latin spellings, ambiguity,
common words, display names, hierarchy. Runs on the shipped data only."""
from __future__ import annotations

import json

import pytest

from ppo_nlp.normalize import places as pl
from ppo_nlp.normalize.place_keys import latin_skeleton, masculine
from ppo_nlp.paths import RESOURCES_DIR


def ids(form: str, lang: str) -> list[str]:
    return [p.kato for p in pl.lookup(form, lang)]


@pytest.mark.parametrize("form,lang,expected", [
    # Russian: case forms of adjective + type word, nouns, type word first, former names, nesting
    ("в Алгинском районе", "ru", "153200000"),
    ("Алгинский район", "ru", "153200000"),
    ("Алматинской области", "ru", "190000000"),
    ("по Восточно-Казахстанской области", "ru", "630000000"),
    ("области Абай", "ru", "100000000"),
    ("Абайской области", "ru", "100000000"),
    ("в Усть-Каменогорске", "ru", "631010000"),
    ("Нур-Султане", "ru", "710000000"),
    ("Капшагае", "ru", "191010000"),
    ("г.Семей", "ru", "101010000"),
    ("в городе Семей", "ru", "101010000"),
    ("Карааульском сельском округе", "ru", "103230000"),
    ("Южно-Казахстанской области", "ru", "610000000"),
    ("Жамбылском районе Алматинской области", "ru", "194200000"),
    ("Аккемер Мугалжарского района", "ru", "154833100"),
    ("Байдибекском районе", "ru", "613600000"),       # adjective of a district named by a noun
    ("Есильском районе Астаны", "ru", "711210000"),
    ("Туркестанского областного", "ru", "610000000"),
    ("Жамбылской областей", "ru", "310000000"),       # the end of «Алматинской и Жамбылской областей»
    ("Уилского районов", "ru", "155200000"),
    # Kazakh: case, possessive and accusative endings on the name or on the type word
    ("Алматы облысының", "kk", "190000000"),
    ("Петропавлда", "kk", "591010000"),
    ("Шиелі ауданында", "kk", "435200000"),
    ("Қонаевта", "kk", "191010000"),
    ("Оңтүстік Қазақстан облысында", "kk", "610000000"),
    ("Қараауыл ауылдық округінде", "kk", "103230000"),
    ("Алматы облысы Жамбыл ауданының", "kk", "194200000"),
    ("Н.Ілиясов ауылын", "kk", "434843100"),
    ("Шиелі аудандық", "kk", "435200000"),
    # Latin: Kazakh Latin alphabets, passport style, English names and former names
    ("Qostanaı oblysy", "latin", "390000000"),
    ("Qostanaı oblysynda", "latin", "390000000"),
    ("Kostanay Region", "en", "390000000"),
    ("Shymkentte", "latin", "790000000"),
    ("Nur-Sultan", "en", "710000000"),
    ("North Kazakhstan Region", "en", "590000000"),
    ("Turkistan region", "en", "610000000"),
    ("Zhambyl district of Almaty region", "en", "194200000"),
    ("Kazakhstan's", "en", "KZ"),
    ("the city of Shymkent", "en", "790000000"),
    ("Almaty's Medeu district", "en", "751710000"),
    ("Алгинского р-на", "ru", "153200000"),
    ("Қызылжар ауданындағы", "kk", "595000000"),
    ("Бөрлі аудандық", "kk", "273600000"),
    ("Уилского районного", "ru", "155200000"),
])
def test_places_lookup_resolves(form, lang, expected):
    found = ids(form, lang)
    assert found and found[0] == expected, (form, found[:5])


@pytest.mark.parametrize("form,lang", [
    ("Қазақстан", "kk"), ("Казахстан", "ru"), ("Kazakhstan", "en"), ("Алматы", "ru"), ("Almaty", "en"),
])
def test_places_lookup_prefers_prominent_kinds(form, lang):
    """Villages share the names of the country and of cities; the country/city comes first."""
    found = pl.lookup(form, lang)
    assert found[0].kind in ("country", "city_republican") and len(found) > 1


@pytest.mark.parametrize("form,lang,expected", [
    ("Аккемер", "ru", {"154833100", "155245200"}),
    ("в селе Аккемер", "ru", {"154833100", "155245200"}),
    ("Жамбыл ауданы", "kk", {"194200000", "314000000", "594600000"}),
    ("Yesil district", "en", {"114800000", "594200000", "711210000"}),
])
def test_places_lookup_returns_every_candidate(form, lang, expected):
    assert set(ids(form, lang)) == expected


@pytest.mark.parametrize("form,lang,oblast,expected", [
    ("Жамбыл ауданы", "kk", "loc:kato:310000000", "314000000"),
    ("Жамбыл ауданы", "kk", "loc:kato:590000000", "594600000"),
    ("Аккемер", "ru", "loc:kato:150000000", "154833100"),
    ("Аккемер", "ru", None, "154833100"),
])
def test_places_prefer_keeps_the_article_oblast_first(form, lang, oblast, expected):
    assert pl.prefer(pl.lookup(form, lang), oblast)[0].kato == expected


@pytest.mark.parametrize("form,lang", [
    ("Алгинский", "ru"),         # a district adjective without its type word
    ("Алматинской", "ru"),
    ("Съезге", "kk"),            # case forms of common words that are not places
    ("Жиында", "kk"),
    ("Конституцияға", "kk"),
    ("Партия", "ru"),
    ("", "ru"), ("   ", "kk"), ("!!!", "ru"), ("«»", "kk"), ("x" * 5000, "en"), ("в", "ru"),
])
def test_places_lookup_finds_nothing(form, lang):
    assert pl.lookup(form, lang) == []


@pytest.mark.parametrize("form,lang,place_id,name", [
    ("Турции", "ru", "loc:tr", "Турция"),             # foreign countries from countries.tsv (CLDR)
    ("Түркияда", "kk", "loc:tr", "Түркия"),
    ("в Германии", "ru", "loc:de", "Германия"),
    ("Қытаймен", "kk", "loc:cn", "Қытай"),
    ("Киргизии", "ru", "loc:kg", "Кыргызстан"),       # the name the press writes, CLDR's kept as alias
    ("США", "ru", "loc:us", "США"),
    ("Ресейдің", "kk", "loc:ru", "Ресей"),
    ("Казахстана", "ru", "loc:kz", "Казахстан"),       # the country before the village of that name
])
def test_places_lookup_countries(form, lang, place_id, name):
    best = pl.lookup(form, lang)[0]
    assert (best.id, best.kind, pl.nominative(best, lang)) == (place_id, "country", name)


@pytest.mark.parametrize("name,lang,needed", [
    ("Того", "ru", True),       # also a form of the pronoun «тот»
    ("Чад", "ru", True),
    ("Турция", "ru", False),
])
def test_places_countries_that_are_common_words_need_context(name, lang, needed):
    assert pl.needs_context(pl.lookup(name, lang)[0], lang) is needed


@pytest.mark.parametrize("value", [None, 42, b"Astana"])
def test_places_lookup_bad_input_is_empty(value):
    assert pl.lookup(value, "ru") == []


@pytest.mark.parametrize("form,lang,context_lang,needed", [
    ("Победа", "ru", "ru", True),      # a common Russian noun
    ("Мектеп", "kk", "kk", True),      # 'school'
    ("Береке", "kk", "kk", True),
    ("Амангельды", "ru", "ru", True),  # a person's name
    ("Семей", "ru", "ru", False),      # «семей» is only an inflected form of «семья»
    ("Астана", "kk", "kk", False),     # cities are never flagged
    ("Аккемер", "ru", "ru", False),
    ("Аманат", "ru", "en", True),      # the party's name
    ("Baytaq", "en", "en", True),
])
def test_places_common_word_needs_context(form, lang, context_lang, needed):
    found = pl.lookup(form, lang)
    assert found and pl.needs_context(found[0], context_lang) == needed


@pytest.mark.parametrize("place_id,lang,expected", [
    ("loc:kato:153200000", "ru", "Алгинский район"),
    ("loc:kato:153200000", "kk", "Алға ауданы"),
    ("loc:kato:100000000", "ru", "Абайская область"),
    ("loc:kato:100000000", "kk", "Абай облысы"),
    ("loc:kato:590000000", "en", "North Kazakhstan Region"),
    ("loc:kato:710000000", "en", "Astana"),
    ("loc:kato:191010000", "ru", "Конаев"),
    ("loc:kato:191010000", "kk", "Қонаев"),
    ("loc:kato:103230000", "ru", "Карааульский сельский округ"),
    ("loc:kato:103230000", "kk", "Қараауыл ауылдық округі"),
    ("loc:kato:101000000", "ru", "городская администрация Семей"),
    ("loc:kato:154833100", "ru", "Аккемер"),
    ("loc:kato:154833100", "en", "Aqkemer"),
    ("loc:kz", "kk", "Қазақстан"),
])
def test_places_nominative(place_id, lang, expected):
    assert pl.nominative(pl.place(place_id), lang) == expected


@pytest.mark.parametrize("place_id,parent,oblast,district", [
    ("loc:kato:154833100", "loc:kato:154833000", "loc:kato:150000000", "loc:kato:154800000"),
    ("loc:kato:153200000", "loc:kato:150000000", "loc:kato:150000000", None),
    ("loc:kato:150000000", "loc:kz", None, None),
    ("loc:kato:710000000", "loc:kz", None, None),
    ("loc:kz", None, None, None),
])
def test_places_hierarchy(place_id, parent, oblast, district):
    p = pl.place(place_id)
    assert (p.parent, p.oblast, p.district) == (parent, oblast, district)


def test_places_former_names_are_kept():
    assert "Нур-Султан" in pl.place("loc:kato:710000000").former


def test_places_data_is_well_formed():
    every = pl.places()
    assert len(every) > 12000
    assert {p.kind for p in every.values()} <= set(pl.KIND_ORDER)
    assert all(p.parent is None or p.parent in every for p in every.values())
    assert all(p.name_ru and p.name_kk and p.bare_ru and p.bare_kk for p in every.values())
    assert all(set(p.common) <= {"ru", "kk", "en", "name", "org"} for p in every.values())


def test_places_shipped_data_is_small_and_sorted():
    files = sorted((RESOURCES_DIR / "places").iterdir()) + sorted((RESOURCES_DIR / "orgs").iterdir())
    assert sum(f.stat().st_size for f in files) < 3_000_000
    lines = (RESOURCES_DIR / "places" / "places.tsv").read_text(encoding="utf-8").splitlines()[2:]
    assert lines == sorted(lines)


def test_places_crosswalk_covers_the_old_location_ids():
    path = RESOURCES_DIR / "gazetteers" / "locations.jsonl"
    old = {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    rows = (RESOURCES_DIR / "places" / "crosswalk.tsv").read_text(encoding="utf-8").splitlines()[2:]
    mapped = dict(row.split("\t") for row in rows)
    assert set(mapped) == old
    assert all(pl.place(f"loc:kato:{code}" if code.isdigit() else f"loc:{code.lower()}") for code in
               mapped.values())


@pytest.mark.parametrize("a,b", [
    ("Qostanaı", "Kostanay"), ("Shymkent", "Şymkent"), ("Taldyqorğan", "Taldykorgan"), ("Aqtöbe", "Aktobe"),
    ("Öskemen", "Oskemen"), ("Jezqazğan", "Zhezkazgan"), ("Mañğystau", "Mangystau"), ("Yesil", "Esil"),
])
def test_places_latin_skeleton_joins_spellings(a, b):
    assert latin_skeleton(a) == latin_skeleton(b)


@pytest.mark.parametrize("a,b", [("Astana", "Almaty"), ("Aral", "Oral"), ("Aqsu", "Aqsay")])
def test_places_latin_skeleton_keeps_names_apart(a, b):
    assert latin_skeleton(a) != latin_skeleton(b)


@pytest.mark.parametrize("word,expected", [
    ("Акмолинская", "акмолинский"), ("Восточно-Казахстанская", "восточно-казахстанский"),
    ("Абай", "абай"), ("Жетысуская", "жетысуский"),
])
def test_places_masculine(word, expected):
    assert masculine(word) == expected


@pytest.mark.parametrize("place_id,expected", [
    ("loc:kz", "country"), ("loc:kato:150000000", "region"), ("loc:kato:710000000", "city"),
    ("loc:kato:194020100", "city"), ("loc:kato:153200000", "district"), ("loc:kato:103230000", "district"),
    ("loc:kato:154833100", "village"), ("loc:kato:116830100", "village"),
])
def test_places_record_type(place_id, expected):
    assert pl.record_type(pl.place(place_id)) == expected


@pytest.mark.parametrize("form,lang,expected", [
    ("Алматы облысы Еңбекшіқазақ ауданы Есік қаласы", "kk", "194020100"),
    ("в городе Есик Енбекшиказахского района Алматинской области", "ru", "194020100"),
    ("Aqkemer village, Mugalzhar district, Aktobe region", "en", "154833100"),
])
def test_places_lookup_reads_nested_places(form, lang, expected):
    assert ids(form, lang) == [expected]


def test_places_lookup_ignores_sentences():
    assert pl.lookup(" ".join(["Алматы облысы"] * 10), "kk") == []


@pytest.mark.parametrize("form,lang,not_expected", [
    ("Jastar", "en", "Жас"),      # a village Жастар is not Жас + plural
    ("Жастар", "kk", "Жас"),
])
def test_places_lookup_keeps_whole_names(form, lang, not_expected):
    assert all(p.bare_kk != not_expected for p in pl.lookup(form, lang))


@pytest.mark.parametrize("form,lang,expected", [
    ("ВКО", "ru", ["630000000"]), ("СҚО", "kk", ["590000000"]), ("ЮКО", "ru", ["610000000"]),
    ("SKO", "en", ["590000000"]), ("Шемонаихинский район ВКО", "ru", ["636800000"]),
    ("вко", "ru", []),            # initials only in capitals
])
def test_places_lookup_region_initials(form, lang, expected):
    assert ids(form, lang) == expected


@pytest.mark.parametrize("form,expected", [
    ("Qaratal aýyldyq okrýgі", "104551000"),     # 2017 alphabet ý, a Cyrillic і inside Latin text
    ("Qyzyljar aýdanyndaǵy", "595000000"),
    ("Almatı oblısı", "190000000"),               # 2018 alphabet
])
def test_places_lookup_reads_latin_alphabets(form, expected):
    assert expected in ids(form, "latin")


@pytest.mark.parametrize("form,lang", [
    ("Токаев", "ru"), ("Тажибаев", "ru"), ("Оралов", "ru"), ("Кошанов", "ru"),   # surnames, not plurals
])
def test_places_lookup_surnames_are_not_places(form, lang):
    assert pl.lookup(form, lang) == []


@pytest.mark.parametrize("form,lang,first_kind,taraz_rank", [
    ("Жамбыл", "kk", "village", "last"),   # Taraz was Жамбыл in 1938-1997: former names rank last
    ("Джамбул", "ru", "village", "last"),
])
def test_places_lookup_ranks_former_names_last(form, lang, first_kind, taraz_rank):
    found = pl.lookup(form, lang)
    assert found[0].kind == first_kind and found[-1].kato == "311010000"


@pytest.mark.parametrize("form,lang,flag_lang,needed", [
    ("May", "en", "en", True),       # the month
    ("Shymkent", "en", "en", False),
])
def test_places_english_common_words_need_context(form, lang, flag_lang, needed):
    found = pl.lookup(form, lang)
    assert found and pl.needs_context(found[0], flag_lang) == needed
