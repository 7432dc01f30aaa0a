"""link_counts: the organization, the place and the as-of date of each count. Sentences written for the
tests; organizations and places are given by their surface form (the first occurrence in the text)."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Count, Document, Location, Mention, Organization
from ppo_nlp.extract.counts import link_counts


def _mention(text: str, surface: str) -> Mention:
    start = text.index(surface)
    return Mention(surface, start, start + len(surface))


def _linked(text: str, orgs: list, places: list, figure: str, published=None, as_of=None, lang="ru",
            subject_id=None) -> tuple:
    doc = Document("t", "t", text=text, lang=lang, published=published)
    doc.organizations = [Organization(i, i, kind, [_mention(text, s) for s in surfaces])
                         for i, kind, surfaces in orgs]
    doc.locations = [Location(i, i, "region", [_mention(text, s) for s in surfaces]) for i, surfaces in places]
    at = text.index(figure)
    doc.counts = [Count(1.0, "exact", figure, at, at + len(figure), as_of=as_of, subject_id=subject_id)]
    link_counts(doc)
    return doc.counts[0].organization, doc.counts[0].place, doc.counts[0].as_of


BRANCH = ("org:branch", "party_branch")
PARTY = ("org:party", "party")
PPO = ("org:ppo", "ppo")
COUNCIL = ("org:maslikhat", "government")
OFFICE = ("org:office", "party_body")

CASES = [
    # the organization and the place named in the count's sentence, before the figure
    ("Областной филиал партии объединяет 157 первичных организаций.", [(*BRANCH, ["Областной филиал"])],
     [], "157 первичных", None, None, ("org:branch", None, None)),
    ("В Карагандинской области работают 410 ППО, в Темиртау их 38.", [],
     [("loc:karaganda", ["Карагандинской области"]), ("loc:temirtau", ["Темиртау"])], "38",
     None, None, (None, "loc:temirtau", None)),
    ("В Карагандинской области работают 410 ППО, в Темиртау их 38.", [],
     [("loc:karaganda", ["Карагандинской области"]), ("loc:temirtau", ["Темиртау"])], "410 ППО",
     None, None, (None, "loc:karaganda", None)),
    # none before it in the sentence: the nearest after it
    ("Более 12 тысяч членов насчитывает городской филиал.", [(*BRANCH, ["городской филиал"])], [],
     "12 тысяч членов", None, None, ("org:branch", None, None)),
    # nothing in the sentence: the last one named in the sentence before
    ("Отчет представил Павлодарский филиал партии. За год принято 900 человек.",
     [(*BRANCH, ["Павлодарский филиал"])], [("loc:pavlodar", ["Павлодарский"])], "900 человек",
     None, None, ("org:branch", "loc:pavlodar", None)),
    # nothing nearby: the article's main organization (the branch before the party) and the place in its name
    ("Филиал партии в Атырау провел конференцию. Партия едина.\nЖурналисты задали вопросы.\nУчаствовали 120 делегатов.",
     [(*PARTY, ["Партия едина"]), (*BRANCH, ["Филиал партии в Атырау"])], [("loc:atyrau", ["Атырау"])],
     "120 делегатов", None, None, ("org:branch", "loc:atyrau", None)),
    ("Партия провела съезд.\nДелегаты приехали.\nУчаствовали 400 делегатов.", [(*PARTY, ["Партия"])], [],
     "400 делегатов", None, None, ("org:party", None, None)),
    # an untyped organization (a name found by capitalisation) is never the main one
    ("Жиында сөз сөйледі.\nБарлығы 80 адам.", [("org:zhiynda", None, ["Жиында"])], [], "80 адам",
     None, None, (None, None, None)),
    # as_of: the sentence's own date wins; else the published date
    ("Принято 300 человек.", [], [], "300 человек", "2023-05-04T10:00:00", None, (None, None, "2023-05-04")),
    ("Принято 300 человек.", [], [], "300 человек", "2023-05-04", "2023-01-01", (None, None, "2023-01-01")),
]


@pytest.mark.parametrize("text,orgs,places,figure,published,as_of,expected", CASES)
def test_counts_links_organization_place_as_of(text, orgs, places, figure, published, as_of, expected):
    assert _linked(text, orgs, places, figure, published, as_of) == expected


def test_counts_links_no_counts_is_a_no_op():
    doc = Document("t", "t", text="Текст без чисел.", lang="ru")
    link_counts(doc)
    assert doc.counts == []


MORE = [
    # the figure's clause first: a body named after a comma belongs to another figure
    ("Обновлено 20 процентов, 28 председателей являются депутатами маслихата.", [COUNCIL + (["маслихата"],)],
     "20 процентов", "ru", None, None),
    ("Обновлено 20 процентов, 28 председателей являются депутатами маслихата.", [COUNCIL + (["маслихата"],)],
     "28", "ru", None, "org:maslikhat"),
    # a dash right after a bare figure stands for a verb: the clause goes on
    ("28 являются депутатами маслихата, 32 — членами совета партии.",
     [COUNCIL + (["маслихата"],), (*OFFICE, ["совета партии"])], "32", "ru", None, "org:office"),
    # in its sentence the party itself only when no other organization is named
    ("Организация «Светлый путь» основана в 2019 году, ее составляют 140 членов партии.",
     [(*PPO, ["Организация «Светлый путь»"]), (*PARTY, ["партии"])], "140 членов", "ru", "party_member", "org:ppo"),
    # a mention inside another gives way to it (the party inside a branch's name)
    ("Жамбылский филиал партии Amanat сообщил: 266 организаций.",
     [(*BRANCH, ["Жамбылский филиал партии Amanat"]), (*PARTY, ["Amanat"])], "266", "ru", "ppo", "org:branch"),
    # figures of party units are never a party body's
    ("Центральный аппарат партии сообщил, что работают 5839 организаций.",
     [(*OFFICE, ["Центральный аппарат партии"]), (*PARTY, ["партии"])], "5839", "ru", "ppo", "org:party"),
    # a new paragraph does not inherit the bodies of the one before; the main one is not a party body
    ("Центральный аппарат партии провел форум.\nПрошли 4 заседания.", [(*OFFICE, ["Центральный аппарат"])],
     "4 заседания", "ru", None, None),
    # from earlier sentences, no generic government body (a list of guests)
    ("Пришли депутаты маслихата. Коалиция объединила 250 человек.", [COUNCIL + (["маслихата"],)],
     "250 человек", "ru", None, None),
    # Kazakh names the owner before the figure: a later body in the clause is something else
    ("Жиынға 40 делегаттың 37-сі келіп фракциясының жұмысын тыңдады.", [(*OFFICE, ["фракциясының"])],
     "40 делегаттың", "kk", None, None),
    ("Жиынға 40 делегаттың 37-сі келіп фракциясының жұмысын тыңдады.", [(*OFFICE, ["фракциясының"])],
     "40 делегаттың", "ru", None, "org:office"),
    # with no branch named, the article's main organization is AMANAT before any other «party» it names
    ("«Партия добрых дел»: о работе AMANAT.\nВыдано 17 кредитов.",
     [("org:dobrykh_del", "party", ["Партия добрых дел"]), ("org:amanat", "party", ["AMANAT"])],
     "17 кредитов", "ru", None, "org:amanat"),
]


@pytest.mark.parametrize("text,orgs,figure,lang,subject_id,expected", MORE)
def test_counts_links_clause_specific_paragraph(text, orgs, figure, lang, subject_id, expected):
    assert _linked(text, orgs, [], figure, lang=lang, subject_id=subject_id)[0] == expected
