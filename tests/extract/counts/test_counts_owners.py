"""Which figures an organization can have (money, population, the parties of a country: none) and which
mentions can have a figure (not the source of the figures; for delegates, not a guest's branch). Sentences
written for the tests; organizations and places are given by their surface form (first occurrence)."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Count, Document, Location, Mention, Organization
from ppo_nlp.extract.counts import link_counts
from ppo_nlp.extract.counts.owners import source_mentions

BRANCH = ("org:branch", "party_branch")
PARTY = ("org:party", "party")
AKIMAT = ("org:akimat", "government")
WING = ("org:wing", "youth_wing")
COUNCIL = ("org:council", "party_body")


def _mention(text: str, surface: str) -> Mention:
    start = text.index(surface)
    return Mention(surface, start, start + len(surface))


def _doc(text: str, orgs: list, lang: str, places: list = ()) -> Document:
    doc = Document("t", "t", text=text, lang=lang)
    doc.organizations = [Organization(i, i, kind, [_mention(text, s)]) for i, kind, s in orgs]
    doc.locations = [Location(i, i, "region", [_mention(text, s)]) for i, s in places]
    return doc


def _linked(text: str, orgs: list, figure: str, lang: str, subject=None, subject_id=None, unit=None,
            places: list = ()) -> tuple:
    doc = _doc(text, orgs, lang, places)
    at = text.index(figure)
    doc.counts = [Count(1.0, "exact", figure, at, at + len(figure), unit=unit, subject=subject,
                        subject_id=subject_id)]
    link_counts(doc)
    return doc.counts[0].organization, doc.counts[0].place


UNOWNED = [
    # a sum of money is no organization's figure, though the article is a branch's
    ("Филиал партии провел форум. На ремонт школы выделено 120 млн тенге.", [(*BRANCH, "Филиал партии")],
     "120 млн тенге", "ru", None, None, "tenge", None),
    ("Филиал партии өткізді. Жобаға 40 млн теңге бөлінді.", [(*BRANCH, "Филиал партии")],
     "40 млн теңге", "kk", None, None, "tenge", None),
    # the parties of a country
    ("The AMANAT party is one of the seven political parties in the race.", [(*PARTY, "AMANAT party")],
     "seven political parties", "en", "political party", None, None, None),
    ("Партия AMANAT – одна из шести политических партий страны.", [(*PARTY, "Партия AMANAT")],
     "шести политических партий", "ru", "политическая партия", None, None, None),
    ("Елімізде AMANAT партиясымен бірге 7 саяси партия бар.", [(*PARTY, "AMANAT партиясымен")],
     "7 саяси партия", "kk", "саяси партия", None, None, None),
    # a population: a cue right before the figure, or its subject
    ("The party office visited the region, home to nearly 700,000 people.", [(*PARTY, "party office")],
     "nearly 700,000 people", "en", "people", "person", None, None),
    ("Филиал партии работает в районе с населением более 60 тысяч человек.", [(*BRANCH, "Филиал партии")],
     "более 60 тысяч человек", "ru", "человек", "person", None, None),
    ("Филиал партии бар. Аудан халқы 45 мың адам.", [(*BRANCH, "Филиал партии")],
     "45 мың адам", "kk", "адам", "person", None, None),
    # a share of a thing no organization owns, named right after a figure without a subject
    ("The branch met farmers; farming draws more than half of all investments there.",
     [(*BRANCH, "The branch")], "more than half", "en", None, None, "fraction", None),
    ("Филиал партии провел встречу. Аграрии дают 40% инвестиций района.", [(*BRANCH, "Филиал партии")],
     "40%", "ru", None, None, "percent", None),
    # still the organization's: a measured result of its project, a share of the population it reaches,
    # its own members wherever they live, people it met
    ("Филиал партии бар. «Жер аманаты» бойынша 93 мың гектар жер қайтарылды.", [(*BRANCH, "Филиал партии")],
     "93 мың гектар жер", "kk", "жер", None, "hectare", "org:branch"),
    ("В филиале партии 33 тысячи членов, это около 10% всего населения.", [(*BRANCH, "филиале партии")],
     "около 10%", "ru", None, None, "percent", "org:branch"),
    ("Филиал партии сообщил: в районе проживают 900 членов партии.", [(*BRANCH, "Филиал партии")],
     "900 членов партии", "ru", "член партии", "party_member", None, "org:branch"),
    ("Филиал партии встретился с 3000 сельских жителей.", [(*BRANCH, "Филиал партии")],
     "3000 сельских жителей", "ru", "сельский житель", "person", None, "org:branch"),
]


@pytest.mark.parametrize("text,orgs,figure,lang,subject,subject_id,unit,expected", UNOWNED)
def test_counts_owners_unowned_figures_link_to_no_organization(text, orgs, figure, lang, subject, subject_id,
                                                               unit, expected):
    assert _linked(text, orgs, figure, lang, subject, subject_id, unit)[0] == expected


def test_counts_owners_unowned_figure_keeps_its_place():
    text = "Филиал партии провел встречу. В области проживают 540 тысяч человек."
    got = _linked(text, [(*BRANCH, "Филиал партии")], "540 тысяч человек", "ru", "человек", "person",
                  places=[("loc:region", "области")])
    assert got == (None, "loc:region")


SOURCES = [
    # the source of the figures is passed over: the article's main organization, or the next one, wins
    ("Филиал партии подвел итоги. По данным акимата района, в акции участвовали 300 человек.",
     [(*BRANCH, "Филиал партии"), (*AKIMAT, "акимата района")], "300 человек", "ru", "org:branch"),
    ("Филиал партии подвел итоги. По данным областного акимата, на выборы пришли 300 человек.",
     [(*BRANCH, "Филиал партии"), (*AKIMAT, "акимата")], "300 человек", "ru", "org:branch"),
    ("Филиал партиясы қорытынды шығарды. Комитетінің ақпаратына сәйкес, сайлауға 900 адам қатысты.",
     [(*BRANCH, "Филиал партиясы"), (*AKIMAT, "Комитетінің")], "900 адам", "kk", "org:branch"),
    ("Филиал партиясы бар. Әкімдіктің мәліметінше, 900 адам қатысты.",
     [(*BRANCH, "Филиал партиясы"), (*AKIMAT, "Әкімдіктің")], "900 адам", "kk", "org:branch"),
    ("The branch held primaries. According to the election committee, 1,200 people voted.",
     [(*BRANCH, "The branch"), (*AKIMAT, "election committee")], "1,200 people", "en", "org:branch"),
    # a party unit that gives figures gives its own
    ("Первичка «Заря» провела собрание. По данным городского филиала партии, в партию вступили 500 человек.",
     [("org:ppo", "ppo", "Первичка «Заря»"), (*BRANCH, "городского филиала партии")], "500 человек", "ru",
     "org:branch"),
    # a body named without source words keeps its figures
    ("Филиал партии подвел итоги. Акимат района провел 30 встреч.",
     [(*BRANCH, "Филиал партии"), (*AKIMAT, "Акимат района")], "30 встреч", "ru", "org:akimat"),
]


@pytest.mark.parametrize("text,orgs,figure,lang,expected", SOURCES)
def test_counts_owners_source_of_figures_is_passed_over(text, orgs, figure, lang, expected):
    assert _linked(text, orgs, figure, lang)[0] == expected


@pytest.mark.parametrize("text,surface,lang,expected", [
    ("По данным акимата, 5.", "акимата", "ru", True),
    ("Акимат сообщил: 5.", "Акимат", "ru", False),
    ("Комитеттің ақпаратына сәйкес 5.", "Комитеттің", "kk", True),
    ("Комитеттің 5 мүшесі.", "Комитеттің", "kk", False),
    ("according to the Party, 5.", "Party", "en", True),
    # source words of another language are not read
    ("По данным акимата, 5.", "акимата", "en", False),
])
def test_counts_owners_source_mentions(text, surface, lang, expected):
    doc = _doc(text, [(*AKIMAT, surface)], lang)
    assert (doc.organizations[0].mentions[0].start in source_mentions(doc.organizations, text, lang)) is expected


DELEGATES = [
    # delegates: the party unit named in their clause, else the article's main one (their meeting's host),
    # not a guest's branch elsewhere in the sentence nor a body of the sentence before
    ("Аудандық филиалдың конференциясы өтті. Облыстық филиалдың төрағасы, «Жастар Рухы» қанатының "
     "өкілдерінен 120 делегат қатысты.", [("org:district", "party_branch", "Аудандық филиалдың"),
                                          ("org:region", "party_branch", "Облыстық филиалдың"),
                                          (*WING, "«Жастар Рухы» қанатының")], "120 делегат", "kk", "org:district"),
    ("The AMANAT Party called a congress.\nOn Monday regional political councils met and chose "
     "250 delegates for it.", [(*PARTY, "AMANAT Party"), (*COUNCIL, "political councils")],
     "250 delegates", "en", "org:party"),
    ("Партия провела съезд. На конференцию городского филиала избрано 80 делегатов.",
     [(*PARTY, "Партия"), (*BRANCH, "городского филиала")], "80 делегатов", "ru", "org:branch"),
]


@pytest.mark.parametrize("text,orgs,figure,lang,expected", DELEGATES)
def test_counts_owners_delegates_belong_to_their_meetings_host(text, orgs, figure, lang, expected):
    assert _linked(text, orgs, figure, lang, subject_id="delegate")[0] == expected
