"""Officials: person + position + organization in ru/kk/en, both orders, bylines, initials, Kazakh chains."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.officials.people import extract_officials
from ppo_nlp.text import fold


def _org(text: str, surface: str, oid: str, otype: str) -> Entity:
    start = text.index(surface)
    return Entity("ORG", surface, start, start + len(surface), "test", id=oid, attrs={"type": otype, "name": oid})


def _people(text: str, lang: str, orgs=()) -> list[tuple[str, list[str]]]:
    doc = Document("t", "t", text, lang=lang, entities=[_org(text, *o) for o in orgs])
    return [(p.name, [pos.title for pos in p.positions]) for p in extract_officials(doc)[1]]


@pytest.mark.parametrize("text, expected", [
    ("Открыла работу форума Секретарь партии Тамара Дуйсенова.", [("Тамара Дуйсенова", ["секретарь партии"])]),
    ("Форум прошёл с участием Секретаря партии Тамары Дуйсеновой.", [("Тамара Дуйсенова", ["секретарь партии"])]),
    ("Председатель филиала партии Дауыл Бейсенкулов отметил успехи.",
     [("Дауыл Бейсенкулов", ["председатель филиала партии"])]),
    ("Шынболат СЕЙДУАЛИЕВ,\nпресс-секретарь областного филиала партии",
     [("Шынболат Сейдуалиев", ["пресс-секретарь областного филиала партии"])]),
    ("Слово взял первый заместитель председателя городского филиала партии Б.Оспанов.",
     [("Б. Оспанов", ["первый заместитель председателя городского филиала партии"])]),
    ("под председательством президента РК Касым-Жомарта Токаева.", [("Касым-Жомарт Токаев", ["президент РК"])]),
    # a common noun in the nominative that is also an oblique case of a rare first name («Герой» of «Гера») opens
    # no name: an honorary title before an adjective is no person
    ("Ветерану присвоено звание Герой Социалистического Труда.", []),
    ("На вечер пришёл Герой Советского Союза Пётр Сомов.", [("Пётр Сомов", [])]),
    ("Праздник провели вместе с Розой Сейткали.", [("Роза Сейткали", [])]),
    ("Глава государства Касым-Жомарт Токаев подписал указ.", [("Касым-Жомарт Токаев", ["глава государства"])]),
    ("Иван Петров, директор школы, выступил.", [("Иван Петров", ["директор школы"])]),
    ("Встреча с депутатом Мажилиса Айгуль Сапаровой прошла в Астане.", [("Айгуль Сапарова", ["депутат Мажилиса"])]),
    ("Об этом сообщил аким области Бердибек Сапарбаев.", [("Бердибек Сапарбаев", ["аким области"])]),
    ("Требуют отставки мэра Москвы Юрия Лужкова.", [("Юрий Лужков", ["мэр Москвы"])]),
    ("В 2009 году администрация президента Обамы смягчила ограничения.", [("Обама", ["президент"])]),
])
def test_officials_ru(text, expected):
    assert _people(text, "ru") == expected


@pytest.mark.parametrize("text, expected", [
    ("«AMANAT» партиясы Алматы қалалық филиалының атқарушы хатшысы Ерлан Жакупов сөз сөйледі.",
     [("Ерлан Жакупов", ["атқарушы хатшы"])]),
    ("«Қарғалы» бастауыш партия ұйымының төрайымы Жангүл Оразалиева пікір білдірді.",
     [("Жангүл Оразалиева", ["төрайым"])]),
    ("Жұмыс департаменті директорының орынбасары Жандос Қалтаев қатысты.",
     [("Жандос Қалтаев", ["департамент директорының орынбасары"])]),
    ("Облыс әкімі Марат Сұлтанғазиевтың айтуынша, жұмыс жалғасады.", [("Марат Сұлтанғазиев", ["облыс әкімі"])]),
    ("Мемлекет басшысы Қасым-Жомарт Тоқаев сөз сөйледі.", [("Қасым-Жомарт Тоқаев", ["мемлекет басшысы"])]),
    # the party (or a branch) before the head is the organization, not a word of the title
    ("Партия төрағасы Ерлан Қошанов форумда сөйледі.", [("Ерлан Қошанов", ["төраға"])]),
    ("Жиында партия төрағасының бірінші орынбасары Бауыржан Байбек сөз сөйледі.",
     [("Бауыржан Байбек", ["төрағаның бірінші орынбасары"])]),  # the party is the organization, not the title
])
def test_officials_kk(text, expected):
    assert _people(text, "kk") == expected


@pytest.mark.parametrize("text, expected", [
    ("Chairman Erlan Karin opened the meeting.", [("Erlan Karin", ["chairman"])]),
    ("Erlan Karin, secretary of the Amanat party, said the forum was useful.",
     [("Erlan Karin", ["secretary of the Amanat party"])]),
    ("Executive secretary Askhat Oralov spoke.", [("Askhat Oralov", ["executive secretary"])]),
    ("First Deputy Chairman of the Amanat party Dauren Serikov greeted the guests.",
     [("Dauren Serikov", ["first deputy chairman of the Amanat party"])]),
    ("The Amanat party, chaired by Dauren Serikov, visited the farms.", [("Dauren Serikov", ["chairman"])]),
    ("The youth wing, headed by Aliya Nurova, met students.", [("Aliya Nurova", ["head"])]),
    ("A letter came from the first president of the country, Elbasy Nursultan Nazarbayev.",
     [("Nursultan Nazarbayev", ["elbasy", "first president of the country"])]),
    ("The march was led by example, not by words.", []),
    ("They met the secretary of the maslikhat, Marat Ibrayev, in the morning.",
     [("Marat Ibrayev", ["secretary of the maslikhat"])]),
    ("Marat Ibrayev, secretary of the maslikhat, Kumar Aksakalov, akim of the region, came.",
     [("Marat Ibrayev", ["secretary of the maslikhat"]), ("Kumar Aksakalov", ["akim of the region"])]),
    # a verb before an article ends a chain: the title is the one next to the name
    ("The minister of culture greeted the akim of the district Serik Abenov at the gate.",
     [("Serik Abenov", ["akim of the district"])]),
    ("The head of the youth wing thanked a chairman Bolat Ermekov for the help.",
     [("Bolat Ermekov", ["chairman"])]),
    ("Minister of the Interior Yerzhan Sadenov opened the office.", [("Yerzhan Sadenov", ["minister of the Interior"])]),
    ("Chairman of the board of the fund Dana Kassym spoke.", [("Dana Kassym", ["chairman of the board of the fund"])]),
])
def test_officials_en(text, expected):
    assert _people(text, "en") == expected


def test_officials_initials_and_surname_link_to_full_name():
    text = ("Председатель филиала Дауыл Бейсенкулов выступил. — Это важно, — привёл данные Д. Бейсенкулов. "
            "Позже Бейсенкулов добавил.")
    doc = Document("t", "t", text, lang="ru")
    _, people = extract_officials(doc)
    assert len(people) == 1
    assert [m.text for m in people[0].mentions] == ["Дауыл Бейсенкулов", "Д. Бейсенкулов", "Бейсенкулов"]
    assert all(text[m.start:m.end] == m.text for m in people[0].mentions)


def test_officials_other_case_links_to_nominative():
    text = "Сообщил исполнительный секретарь партии Асхат Оралов. Затем зачитал Оралов. Слово Оралову."
    people = extract_officials(Document("t", "t", text, lang="ru"))[1]
    assert [(p.name, len(p.mentions)) for p in people] == [("Асхат Оралов", 3)]


@pytest.mark.parametrize("text, lang, name", [
    ("Т.Курбанова", "ru", "Т. Курбанова"),
    ("Вчера Тамара Дуйсенова приехала в Караганду.", "ru", "Тамара Дуйсенова"),
    ("Форумға Жандос Қалтаев қатысты.", "kk", "Жандос Қалтаев"),
])
def test_officials_person_without_position(text, lang, name):
    people = extract_officials(Document("t", "t", text, lang=lang))[1]
    assert [(p.name, p.positions) for p in people] == [(name, [])]


def test_officials_person_fields():
    doc = Document("t", "t", "Открыла форум Секретарь партии Тамара Дуйсенова.", lang="ru")
    entities, people = extract_officials(doc)
    p = people[0]
    assert (p.id, p.name_latin, p.gender) == ("person:tamara_duesenova", "Tamara Duisenova", "f")
    labels = {(e.label, e.text, e.source) for e in entities}
    assert ("PERSON", "Тамара Дуйсенова", "rule:officials") in labels
    assert ("POSITION", "Секретарь", "rule:officials") in labels
    assert next(e for e in entities if e.label == "POSITION").attrs["title"] == "секретарь партии"


@pytest.mark.parametrize("text, lang, org, expected", [
    ("Открыла форум Секретарь партии Тамара Дуйсенова. Партия «Нұр Отан» растёт.", "ru",
     ("Нұр Отан", "org:amanat", "party"), "org:amanat"),
    ("Выступил исполнительный секретарь партии Nur Otan Асхат Оралов.", "ru",
     ("Nur Otan", "org:amanat", "party"), "org:amanat"),
    ("«AMANAT» партиясы Алматы қалалық филиалының атқарушы хатшысы Ерлан Жакупов сөйледі.", "kk",
     ("«AMANAT» партиясы Алматы қалалық филиалының", "org:amanat:branch:almaty", "party_branch"),
     "org:amanat:branch:almaty"),
    ("«Қарғалы» бастауыш партия ұйымының төрайымы Жангүл Оразалиева сөйледі.", "kk",
     ("Қарғалы", "org:ppo:kargaly", "ppo"), "org:ppo:kargaly"),
    # a bare "branch" in the title points to the branch the document speaks of
    ("Костанайский областной филиал подвел итоги. Его провел председатель филиала Кумар Аксакалов.", "ru",
     ("Костанайский областной филиал", "org:amanat:branch:kostanay", "party_branch"), "org:amanat:branch:kostanay"),
    ("Қарағанды облыстық филиалында кездесу өтті. Филиал төрағасының бірінші орынбасары Марат Сейітжанов сөйледі.",
     "kk", ("Қарағанды облыстық филиалында", "org:amanat:branch:karaganda", "party_branch"),
     "org:amanat:branch:karaganda"),
])
def test_officials_organization(text, lang, org, expected):
    doc = Document("t", "t", text, lang=lang, entities=[_org(text, *org)])
    people = extract_officials(doc)[1]
    assert people[0].positions[0].organization == expected


def test_officials_ner_person_is_a_candidate():
    text = "Сегодня выступил Ким Чен Ын."
    start = text.index("Ким")
    ner = Entity("PERSON", "Ким Чен Ын", start, len(text) - 1, "ner:ru")
    people = extract_officials(Document("t", "t", text, lang="ru", entities=[ner], found={"ner_new": [ner]}))[1]
    assert [fold(p.name) for p in people] == ["ким чен ын"]


@pytest.mark.parametrize("text", [
    "В рамках модернизации партии председатели ППО обсудили проекты.",
    "Председатели первичек и депутаты маслихатов приняли участие.",
    "После Медведева выступил посол.",
    "",
])
def test_officials_no_false_people(text):
    assert extract_officials(Document("t", "t", text, lang="ru"))[1] == []


@pytest.mark.parametrize("text", [
    "The rally was held on Dostyk Avenue in the evening.",  # a first name before a street word
    "Winners of the Abai Prize were named on Friday.",
    "Among the guests were teachers and doctors.",
])
def test_officials_en_no_false_people(text):
    assert extract_officials(Document("t", "t", text, lang="en"))[1] == []


@pytest.mark.parametrize("text", [
    "1 " * 60_000, '"' * 20_000, "а" * 300_000, "Тамара Дуйсенова, секретарь партии. " * 2_000,
    "Ә" * 100_000, "Т." * 50_000, "«" * 30_000 + "Секретарь партии",
])
def test_officials_hostile_input(text):
    entities, people = extract_officials(Document("t", "t", text, lang="ru"))
    assert all(0 <= e.start <= e.end <= len(text) for e in entities)


@pytest.mark.parametrize("text, expected", [
    # KazNERD-style sentences checked by hand: a capitalised institution after a title is not a name
    ("Президент Әкімшілігі жетекшісінің орынбасары Өмірзақ Шөкеевты тағайындады.", ["Өмірзақ Шөкеев"]),
    ("Астана қаласының әкімі Асқар Мамин мәслихат депутаттарымен кездесті.", ["Асқар Мамин"]),
    ("«Нұр Отан» партиясының төрағасы Нұрсұлтан Назарбаевтың қатысуымен съезд өтті.", ["Нұрсұлтан Назарбаев"]),
])
def test_officials_kk_kaznerd_style(text, expected):
    assert [name for name, _ in _people(text, "kk")] == expected


@pytest.mark.parametrize("text, lang, expected", [
    # «экс-» keeps the head a title
    ("Экс-премьер Казахстана Иван Петров выступил.", "ru", [("Иван Петров", ["экс-премьер Казахстана"])]),
    # new heads: envoy, deputy-head short forms, ranks
    ("Полпред президента Иван Петров выступил.", "ru", [("Иван Петров", ["полпред президента"])]),
    ("Замглавы Министерства финансов Иван Петров выступил.", "ru",
     [("Иван Петров", ["замглавы Министерства финансов"])]),
    ("Colonel John Smith said the talks went well.", "en", [("John Smith", ["colonel"])]),
    # an adjectival head before another head is its modifier
    ("Иван Петров — управляющий директор компании.", "ru", [("Иван Петров", ["управляющий директор компании"])]),
])
def test_officials_heads_and_prefixes(text, lang, expected):
    assert _people(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Посол Казахстана в России Иван Петров вручил грамоты.", [("Иван Петров", ["посол Казахстана в России"])]),
    ("Иван Петров, заместитель акима по социальным вопросам, выступил.",
     [("Иван Петров", ["заместитель акима по социальным вопросам"])]),
    ("Министр по чрезвычайным ситуациям Иван Петров прибыл.", [("Иван Петров", ["министр по чрезвычайным ситуациям"])]),
    # the phrase is dropped when no name follows it
    ("Аким области на встрече сказал, что Иван Петров прав.", [("Иван Петров", [])]),
])
def test_officials_ru_prepositional_phrase(text, expected):
    assert _people(text, "ru") == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Лидер партии, депутат Мажилиса Иван Петров выступил.", "ru",
     [("Иван Петров", ["депутат Мажилиса", "лидер партии"])]),
    ("Иван Петров, депутат маслихата и директор школы, выступил.", "ru",
     [("Иван Петров", ["депутат маслихата", "директор школы"])]),
    ("Erlan Karin, secretary and spokesman of the party, spoke.", "en",
     [("Erlan Karin", ["secretary", "spokesman of the party"])]),
    # «и» before a name may join two people: not linked
    ("Аким области и председатель маслихата Иван Петров выступили.", "ru",
     [("Иван Петров", ["председатель маслихата"])]),
])
def test_officials_coordinated_titles(text, lang, expected):
    assert _people(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Иван Петров был назначен министром образования.", [("Иван Петров", ["министр образования"])]),
    ("Анна Иванова избрана председателем филиала партии.", [("Анна Иванова", ["председатель филиала партии"])]),
    ("Председателем совета стал Иван Петров.", [("Иван Петров", ["председатель совета"])]),
    ("Иван Петров согласился занять пост премьер-министра.", [("Иван Петров", ["премьер-министр"])]),
    ("Иван Петров не был министром.", [("Иван Петров", [])]),
])
def test_officials_ru_predicate_titles(text, expected):
    assert _people(text, "ru") == expected


@pytest.mark.parametrize("text, expected", [
    ("Министр образования и науки Иван Петров выступил.", [("Иван Петров", ["министр образования и науки"])]),
    ("Иван Петров, депутат маслихата и директор школы, выступил.",
     [("Иван Петров", ["депутат маслихата", "директор школы"])]),
])
def test_officials_ru_and_inside_organization(text, expected):
    assert _people(text, "ru") == expected


@pytest.mark.parametrize("text, lang", [
    ("Слово взял первый заместитель председателя городского филиала партии Б.Оспанов.", "ru"),
    ("Требуют отставки экс-мэра Москвы Юрия Лужкова и управляющего директора.", "ru"),
    ("Қалалық филиалының атқарушы хатшысы Ерлан Жакупов сөз сөйледі.", "kk"),
    ("Executive secretary of the party Erlan Karin and the PRESIDENT spoke.", "en"),
    ("Аким области Бердибек Сапарбаев и Chairman of the Board John Smith.", "ru"),
    ("ЭКС–ПРЕМЬЕРА сменил Вице-премьер, а Ex-Chairman ушёл; Заместителём стал Қазақ.", "ru"),
    ("Облыстық филиалының ТӨРАҒАСЫ мен экс-әкімі келді.", "kk"),
])
def test_officials_position_prefilter_same_as_full_scan(text, lang, monkeypatch):
    """`find_positions` only tries words that are heads; trying every word finds the same titles, and every
    word `may_head` takes is among the folded candidates."""
    from ppo_nlp.extract.officials import positions
    from ppo_nlp.extract.officials.persons import build_ctx

    ctx = build_ctx(Document("t", "t", text, lang=lang))
    fast = positions.find_positions(ctx, set())
    heads = [i for i, t in enumerate(ctx.tokens) if any(positions.may_head(t.text, x) for x in ("ru", "kk", "en"))]
    assert set(heads) <= set(positions.head_candidates(ctx))
    monkeypatch.setattr(positions, "may_head", lambda word, lang: True)
    monkeypatch.setattr(positions, "head_candidates", lambda ctx: range(len(ctx.tokens)))
    assert fast == positions.find_positions(ctx, set())
    assert fast
