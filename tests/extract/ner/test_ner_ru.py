"""Russian NER output checked against the morphological dictionary (ppo_nlp.extract.ner.ru)."""
import pytest

from ppo_nlp.doc import Entity
from ppo_nlp.extract.ner.ru import check_ru


def _person(text: str, surface: str) -> Entity:
    start = text.index(surface)
    return Entity("PERSON", surface, start, start + len(surface), "ner:ru")


@pytest.mark.parametrize("text, predicted, expected", [
    # a place called a person becomes LOC
    ("Переговоры между Киевом и Анкарой продолжатся.", "Анкарой", [("LOC", "Киевом"), ("LOC", "Анкарой")]),
    ("Острова называются Южными Курилами.", "Южными Курилами", [("LOC", "Южными Курилами")]),
    # a person whose surname is also a place stays a person
    ("Встречу провёл Ван Цзюнь из Пекина.", "Ван Цзюнь", [("PERSON", "Ван Цзюнь"), ("LOC", "Пекина")]),
    # separators glued to a name are cut off; the pieces are separate people
    ("В числе гостей Крис Хелмбрехт - управляющий директор.", "Крис Хелмбрехт -", [("PERSON", "Крис Хелмбрехт")]),
    ("Президент ФИДЕ Илюмжинов, Кирсан Илюмжинов сообщил.", "Илюмжинов, Кирсан Илюмжинов",
     [("PERSON", "Илюмжинов"), ("PERSON", "Кирсан Илюмжинов")]),
    ("Выступил Виктор Майклсон - зав. кафедрой РГГУ.", "Виктор Майклсон - зав. кафедрой",
     [("PERSON", "Виктор Майклсон")]),
    # a sentence-initial common word is not part of the name; initials are kept
    ("Реакцией Кана было разочарование.", "Реакцией Кана", [("PERSON", "Кана")]),
    ("Письмо подписал А. Санько вчера.", "А. Санько", [("PERSON", "А. Санько")]),
    # a lone common word is dropped
    ("Законно, бесплатно, онлайн.", "Законно", []),
])
def test_person_checks(text, predicted, expected):
    found = check_ru(text, [_person(text, predicted)])
    assert [(e.label, e.text) for e in found] == expected
    assert all(text[e.start:e.end] == e.text for e in found)


@pytest.mark.parametrize("text, expected", [
    ("Власти Беларуси ответили отказом.", [("LOC", "Беларуси")]),
    ("Кабель проложат до Гаваны.", [("LOC", "Гаваны")]),
    # a word that is also a surname or a common word is left to the model
    ("Орёл и Курск.", [("LOC", "Курск")]),
    ("Реакция была быстрой.", []),
])
def test_lone_places(text, expected):
    assert [(e.label, e.text) for e in check_ru(text, [])] == expected


def test_places_inside_spans_are_not_added_twice():
    text = "Посольство Республики Беларусь открыто."
    org = Entity("ORG", "Посольство Республики Беларусь", 0, 30, "ner:ru")
    assert check_ru(text, [org]) == [org]


def _span(text: str, surface: str, label: str) -> Entity:
    start = text.index(surface)
    return Entity(label, surface, start, start + len(surface), "ner:ru")


@pytest.mark.parametrize("text, predicted, label, expected", [
    # a one-word ORG that is only a place name, or adjectives before a territory word, is a place
    ("Митинг прошёл в центре Химок.", "Химок", "ORG", [("LOC", "Химок")]),
    ("В Дальневосточном федеральном округе три пояса.", "Дальневосточном федеральном округе", "ORG",
     [("LOC", "Дальневосточном федеральном округе")]),
    ("Признать Палестинское государство.", "Палестинское государство", "ORG", [("LOC", "Палестинское государство")]),
    # an organization named after a place stays an organization
    ("Суд Партизанского района вынес решение.", "Суд Партизанского района", "ORG",
     [("ORG", "Суд Партизанского района")]),
    # place names side by side are separate places
    ("После завоевания Крыма Россией начался исход.", "Крыма Россией", "LOC", [("LOC", "Крыма"), ("LOC", "Россией")]),
    ("Он родился в Нижнем Новгороде.", "Нижнем Новгороде", "LOC", [("LOC", "Нижнем Новгороде")]),
    # a position ending in a country gives the country to a LOC
    ("Министр связи и коммуникаций РФ Игорь Щёголев.", "Министр связи и коммуникаций РФ", "POSITION",
     [("POSITION", "Министр связи и коммуникаций"), ("LOC", "РФ")]),
    ("Министр иностранных дел выступил.", "Министр иностранных дел", "POSITION", [("POSITION", "Министр иностранных дел")]),
    # trailing function words are cut; a lone common word is dropped
    ("Разница с Владивостоком и временем.", "Владивостоком и", "ORG", [("LOC", "Владивостоком")]),
    ("Турецкий бизнес растёт.", "Турецкий", "LOC", []),
])
def test_span_checks(text, predicted, label, expected):
    found = check_ru(text, [_span(text, predicted, label)])
    assert [(e.label, e.text) for e in found] == expected
    assert all(text[e.start:e.end] == e.text for e in found)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_capital_word_candidates_are_the_capitalised_words(seed):
    """`lone_places` reads only the words `_MAYBE_CAPITAL` finds: exactly the capitalised words of `_WORD`."""
    import random

    from ppo_nlp.extract.ner import ru

    rng = random.Random(seed)
    alphabet = "aZ-_ 5.ЖжⅧǅⒶ\u0301—,«Ә"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        words = [(m.span(), m.group()) for m in ru._WORD.finditer(text) if m.group()[:1].isupper()]
        assert [(m.span(), m.group()) for m in ru._MAYBE_CAPITAL.finditer(text)
                if m.group()[:1].isupper()] == words, text


@pytest.mark.parametrize("word", [
    "елка", "ёлка", "Елкой", "по-русски", "кое-кто", "Нур-Султан", "Усть-Каменогорск", "псевдонаучный", "сверхновая",
    "Тоқаев", "Amanat", "2024", "COVID-19", "интернет-портал", "Алма-Аты", "Аманатовцы", "Шымкентом", "ъ", "-",
    "Петров-Водкин", "мега-проект", "антикризисный", "Ёлкин", "Семёнов", "Семенов", "х" * 45,
])
def test_unlisted_words_have_no_dictionary_reading(word):
    """`listed` is False only for words without a dictionary reading: the checks may skip parsing them."""
    from ppo_nlp.extract.ner.ru import listed
    from ppo_nlp.normalize.morph import known_parses

    assert listed(word) or not known_parses(word)
