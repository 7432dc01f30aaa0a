"""Officials by structure: participle clauses, party bodies in Kazakh titles, coordinated Kazakh titles,
patronymic short forms, names that belong to places or institutions, shouted leads and NER noise."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.officials.people import extract_officials


def _ent(text: str, label: str, surface: str, oid: str, otype: str, source: str = "test") -> Entity:
    start = text.index(surface)
    return Entity(label, surface, start, start + len(surface), source, id=oid, attrs={"type": otype, "name": oid})


def _people(text: str, lang: str, ents=(), ner=()) -> list[tuple[str, list[tuple[str, object]]]]:
    doc = Document("t", "t", text, lang=lang, entities=[_ent(text, *e) for e in ents])
    doc.found["ner_new"] = [_ent(text, "PERSON", s, "", "", "ner:test") for s in ner]
    return [(p.name, [(pos.title, pos.organization) for pos in p.positions]) for p in extract_officials(doc)[1]]


PARTY = ("ORG", "AMANAT", "org:amanat", "party")
BRANCH = ("ORG", "облыстық филиалының", "org:branch", "party_branch")
CITY_BRANCH = ("ORG", "қалалық филиалының", "org:branch", "party_branch")


@pytest.mark.parametrize("text, ents, expected", [
    # a participle clause between the title and the name
    ("«AMANAT» қалалық филиалының төрағасы болып қызметке кіріскен Серік Ахметов ауданға келді.", [PARTY, CITY_BRANCH],
     [("Серік Ахметов", [("төраға", "org:branch")])]),
    ("«AMANAT» қалалық филиалының төрағасы болып сайланған Айгүл Серікова сөз алды.", [PARTY, CITY_BRANCH],
     [("Айгүл Серікова", [("төраға", "org:branch")])]),
    # «болып» without a participle before the name: not a clause of that name
    ("Ол қалалық филиалының төрағасы болып, Серік Ахметов келді.", [CITY_BRANCH], [("Серік Ахметов", [])]),
    # the party itself before the head: the organization, not a word of the title
    ("Жиынға «AMANAT» партия төрағасы Ерлан Сапаров қатысты.", [PARTY], [("Ерлан Сапаров", [("төраға", "org:amanat")])]),
    # a party body keeps its noun in the title; a state body or a branch does not
    ("Саяси кеңес бюросының мүшесі Гүлнар Әлиева сөйледі.", [("ORG", "Саяси кеңес бюросының", "org:bureau", "party_body")],
     [("Гүлнар Әлиева", [("бюро мүшесі", "org:bureau")])]),
    ("Партиялық тексеру комитетінің төрағасы Нұрлан Беков келді.",
     [("ORG", "Партиялық тексеру комитетінің", "org:cc", "party_body")], [("Нұрлан Беков", [("комитет төрағасы", "org:cc")])]),
    ("Мәжілісінің депутаты Асқар Төлеуов қатысты.", [("ORG", "Мәжілісінің", "org:mazhilis", "government")],
     [("Асқар Төлеуов", [("депутат", "org:mazhilis")])]),
    # a district akim is not linked to a party branch named earlier in the sentence
    ("Ол облыстық филиалының төрағасы ретінде алдымен аудан әкімі Берік Жұмабаевпен кездесті.", [BRANCH],
     [("Берік Жұмабаев", [("аудан әкімі", None)])]),
    # two titles of one person: a comma, then the second title's organization
    ("Комитетінің төрағасы, Мәжілісінің депутаты Б.Ж.Сапаров сөйледі.",
     [("ORG", "Комитетінің", "org:cc", "party_body"), ("ORG", "Мәжілісінің", "org:mazhilis", "government")],
     [("Б. Ж. Сапаров", [("депутат", "org:mazhilis"), ("комитет төрағасы", "org:cc")])]),
])
def test_officials_structure_kk(text, ents, expected):
    assert _people(text, "kk", ents) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # first name + patronymic is a short form of the full name in the same text
    ("Атқарушы хатшы Қаныбек Серікбаев жиынды ашты. Қаныбек Оралұлының айтуынша, жұмыс жалғасады.", "kk",
     ["Қаныбек Серікбаев"]),
    # two people with that first name: the short form stays apart
    ("Қаныбек Серікбаев пен Қаныбек Әлиев келді. Қаныбек Оралұлы сөйледі.", "kk",
     ["Қаныбек Серікбаев", "Қаныбек Әлиев", "Қаныбек Оралұлы"]),
    # Russian case forms of -ай surnames go back to the nominative
    ("С участием председателя филиала Жандоса Базартая прошло заседание.", "ru", ["Жандос Базартай"]),
    ("Встреча с Ерланом Кошербаем прошла в Астане.", "ru", ["Ерлан Кошербай"]),
])
def test_officials_structure_names(text, lang, expected):
    assert [name for name, _ in _people(text, lang)] == expected


@pytest.mark.parametrize("text, lang, ents, ner", [
    # a name in the name of an institution, a village or a street
    ("Руководитель офиса в КазНПУ им. Абая Кунанбаева написал пост.", "ru", (), ()),
    ("Школа имени Абая Кунанбаева открылась.", "ru", (), ()),
    ("Жол картасы аясында Н.Ілиясов ауылын абаттандыру жұмысы басталды.", "kk", (), ()),
    ("Ғабит Мүсірепов атындағы мектепте жиын өтті.", "kk", (), ()),
    # a shouted lead: common words in capitals are not a first name + surname
    ("ЖИЫНДА ФИЛИАЛДЫҢ КЕЛЕСІ ЖЫЛҒЫ ЖОСПАРЫ СӨЗ БОЛЫП ТАЛҚЫЛАНДЫ.", "kk", (), ("СӨЗ БОЛЫП",)),
    # a village and its district, found by a model as a person
    ("Жители сел Аккемер Мугалжарского и Самбай Алгинского районов получат помощь.", "ru", (),
     ("Аккемер Мугалжарского", "Самбай Алгинского")),
    # a lone capitalised word from a model: not a name without a name shape
    ("Бүгін «Адал және Жасампаз Ел үшін» коалиция құрылды.", "kk", (), ("Жасампаз",)),
    ("В составе Алматинского филиала их свыше тысячи.", "ru", (), ("Алматинского",)),
    # two places side by side, and quoted company names
    ("Жители Аксу Жолымбет и Каражал получили помощь.", "ru", (), ()),
    ("ТОО «Казахмыс Смелтинг» подписало меморандум.", "ru", (), ()),
])
def test_officials_structure_not_people(text, lang, ents, ner):
    assert _people(text, lang, ents, ner) == []


@pytest.mark.parametrize("text, lang, ents, expected", [
    # a shouted lead with a real name: title case, both words
    ("ФИЛИАЛЫНЫҢ АТҚАРУШЫ ХАТШЫСЫ ГҮЛНАР ЖАНСЕРІКОВА АУДАНДА БОЛДЫ.", "kk",
     [("LOC", "ЖАНСЕРІКОВА АУДАНДА", "loc:district:x", "district", "rule:district")], [("Гүлнар Жансерікова", ["атқарушы хатшы"])]),
    # a model's name in capitals with a first name and a surname shape is kept
    ("ЖИЫНҒА БЕРІК ТӘЖІБАЕВ ҚАТЫСТЫ.", "kk", [], [("Берік Тәжібаев", [])]),
])
def test_officials_structure_shouted_names(text, lang, ents, expected):
    doc = Document("t", "t", text, lang=lang, entities=[_ent(text, *e) for e in ents])
    doc.found["ner_new"] = [_ent(text, "PERSON", "БЕРІК ТӘЖІБАЕВ", "", "", "ner:test")] if "БЕРІК" in text else []
    assert [(p.name, [x.title for x in p.positions]) for p in extract_officials(doc)[1]] == expected


@pytest.mark.parametrize("text, expected", [
    # «имени» / «им.» and the name after it belong to the organization phrase, not to a person
    ("Выступил директор школы имени Абая Кунанбаева Марат Сериков.",
     [("Марат Сериков", ["директор школы имени Абая Кунанбаева"])]),
    ("Слово предоставили директору школы имени Абая Марату Серикову.", [("Марат Сериков", ["директор школы имени Абая"])]),
    ("Выступил ректор КазНПУ им. Абая Марат Сериков.", [("Марат Сериков", ["ректор КазНПУ им. Абая"])]),
    # a mixed-case acronym continues the title
    ("Выступил ректор КарГУ Айдос Бекенов.", [("Айдос Бекенов", ["ректор КарГУ"])]),
    # a feminine patronymic stays feminine
    ("Секретарем первичной организации избрана Ирина Александровна Сучилина.",
     [("Ирина Александровна Сучилина", ["секретарь первичной организации"])]),
    # reported speech: the speaker's title before the name after the verb of saying
    ("— Работа продолжится, — сказал председатель областного филиала партии Марат Ахметов.",
     [("Марат Ахметов", ["председатель областного филиала партии"])]),
])
def test_officials_structure_ru(text, expected):
    assert [(name, [t for t, _ in pos]) for name, pos in _people(text, "ru")] == expected


@pytest.mark.parametrize("text, ents, expected", [
    ("«Жұмыс жалғасады», – деді аудандық филиалдың төрағасы Болат Сапаров.", [], [("Болат Сапаров", ["төраға"])]),
    # two titles joined by a comma; the second one's organization between them
    ("Облыс әкімі, партияның облыстық филиалының төрағасы Нұрлан Нұрланов жиынды ашты.",
     [("ORG", "партияның облыстық филиалының", "org:branch", "party_branch")],
     [("Нұрлан Нұрланов", ["төраға", "облыс әкімі"])]),
    ("ЖИЫНҒА ОБЛЫС ӘКІМІ ЕРЛАН НҰРЛАНОВ ҚАТЫСТЫ.", [], [("Ерлан Нұрланов", ["облыс әкімі"])]),
])
def test_officials_structure_kk_speech_and_capitals(text, ents, expected):
    assert [(name, [t for t, _ in pos]) for name, pos in _people(text, "kk", ents)] == expected


@pytest.mark.parametrize("text, ents, expected", [
    # a head noun alone («комиссии») is the organization of the document with that head
    ("Члены Комиссии партийного контроля собрались в Астане. Слово взял заместитель председателя комиссии Бауыржан Тлеулесов.",
     [("ORG", "Комиссии партийного контроля", "org:cc", "party_body")],
     [("Бауыржан Тлеулесов", [("заместитель председателя комиссии", "org:cc")])]),
    # two commissions in the document: the head noun alone names neither
    ("Прошли заседания Комиссии партийного контроля и Комиссии по этике. Председатель комиссии Ержан Искендеров выступил.",
     [("ORG", "Комиссии партийного контроля", "org:cc", "party_body"), ("ORG", "Комиссии по этике", "org:ethics", "party_body")],
     [("Ержан Искендеров", [("председатель комиссии", None)])]),
])
def test_officials_structure_head_noun_organization(text, ents, expected):
    assert _people(text, "ru", ents) == expected


@pytest.mark.parametrize("text, ents, expected", [
    # the bureau of a branch: the branch is the organization, the body stays in the title
    ("Жиынды қалалық филиалының Саяси кеңес бюросының мүшесі Динара Омарова жүргізді.",
     [("ORG", "қалалық филиалының", "org:branch", "party_branch"), ("ORG", "Саяси кеңес бюросының", "org:bureau", "party_body")],
     [("Динара Омарова", [("бюро мүшесі", "org:branch")])]),
])
def test_officials_structure_body_of_a_branch(text, ents, expected):
    assert _people(text, "kk", ents) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # words that say «and at the same time» join two titles of one person
    ("Выступил аким района и по совместительству глава районного филиала партии Асхат Нуржанов.", "ru",
     [("Асхат Нуржанов", ["глава районного филиала партии", "аким района"])]),
    ("Жиынға аудан әкімі әрі филиал төрағасы Серік Омаров қатысты.", "kk", [("Серік Омаров", ["төраға", "аудан әкімі"])]),
    # a plain «и» may join two people: only the nearest title is the name's
    ("Выступили аким района и глава районного филиала партии Асхат Нуржанов.", "ru",
     [("Асхат Нуржанов", ["глава районного филиала партии"])]),
])
def test_officials_structure_same_person_joiners(text, lang, expected):
    assert [(name, [t for t, _ in pos]) for name, pos in _people(text, lang)] == expected


@pytest.mark.parametrize("text, expected", [
    # the subject before «… болып» + a verb, and «қызметіне» ("to the post of") before the name
    ("Серік Омаров облыстық филиалдың төрағасы болып тағайындалды.", [("Серік Омаров", ["төраға"])]),
    ("Облыстық филиалдың төрағасы қызметіне Серік Омаров тағайындалды.", [("Серік Омаров", ["төраға"])]),
    # an apposition after the name: the title's organization phrase comes first
    ("Серік Омаров, облыстық филиалдың төрағасы, жиынды ашты.", [("Серік Омаров", ["төраға"])]),
    # institutions before the head, and professions
    ("Жиынға мектеп директоры Айгүл Омарова қатысты.", [("Айгүл Омарова", ["мектеп директоры"])]),
    ("Аудандық аурухана бас дәрігері Серік Омаров сөйледі.", [("Серік Омаров", ["аурухана бас дәрігері"])]),
    ("Концертте айтыскер ақын Серік Омаров өнер көрсетті.", [("Серік Омаров", ["айтыскер ақын"])]),
    # a name after a comma that ends a clause is not the subject of the next title; the name after «болып» is
    ("Жиынға Серік Омаров келді, облыстық филиалдың төрағасы болып Айгүл Омарова сайланды.",
     [("Серік Омаров", []), ("Айгүл Омарова", ["төраға"])]),
    ("Жиынға Серік Омаров келді, облыстық филиалдың төрағасы болып сайланды.", [("Серік Омаров", [])]),
])
def test_officials_structure_kk_clauses(text, expected):
    assert [(name, [t for t, _ in pos]) for name, pos in _people(text, "kk")] == expected


@pytest.mark.parametrize("text, expected", [
    ("По словам политолога Марата Шибутова, реформа важна.", [("Марат Шибутов", ["политолог"])]),
    ("Механизатор Серик Омаров рассказал о посевной.", [("Серик Омаров", ["механизатор"])]),
])
def test_officials_structure_ru_professions(text, expected):
    assert [(name, [t for t, _ in pos]) for name, pos in _people(text, "ru")] == expected


@pytest.mark.parametrize("text, expected", [
    # official style: surname, first name, patronymic; an unknown patronymic still gives the gender
    ("Оспанова Кадиша Базарбаевна освобождена от должности.", [("Кадиша Базарбаевна Оспанова", [])]),
    # a title, a dash, then the name
    ("Теперь первый заместитель председателя филиала партии — Алтынбеков Бекзат Комарович.",
     [("Бекзат Комарович Алтынбеков", ["первый заместитель председателя филиала партии"])]),
    ("Глава региона — Ерлан Сапаров — открыл форум.", [("Ерлан Сапаров", ["глава региона"])]),
    ("Председатель филиала — это главный человек в партии.", []),
    # a branch named by its region is not the document's main branch
    ("Выступили председатель Алматинского филиала партии Куат Байгожаев и председатель Абайского филиала Куаныш "
     "Сулейменов.", [("Куат Байгожаев", ["председатель Алматинского филиала партии"]),
                     ("Куаныш Сулейменов", ["председатель Абайского филиала"])]),
])
def test_officials_structure_ru_order_and_dash(text, expected):
    assert [(name, [t for t, _ in pos]) for name, pos in _people(text, "ru")] == expected


@pytest.mark.parametrize("text, expected", [
    # «X-ты Y етіп тағайындады»: appointed X as Y
    ("Ол Серік Омаровты облыстық филиалдың төрағасы етіп тағайындады.", [("Серік Омаров", ["төраға"])]),
])
def test_officials_structure_kk_appointed_as(text, expected):
    assert [(name, [t for t, _ in pos]) for name, pos in _people(text, "kk")] == expected
