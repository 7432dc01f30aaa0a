"""Merge rules for people as a table of name pairs: same person / different people."""
import pytest

from ppo_nlp.kb import people
from ppo_nlp.normalize.person_keys import person_key


def _ids(names: list[tuple[str, str]], orgs=frozenset()) -> list[str]:
    mentions = [people.parse(doc, {"id": f"person:{i}", "name": n}, orgs) for i, (doc, n) in enumerate(names)]
    found, _ = people.merge(mentions)
    where = {(m.doc_id, m.name): pid for pid, p in found.items() for m in p.mentions}
    return [where[(doc, n)] for doc, n in names]


@pytest.mark.parametrize("a, b, same", [
    ("Ерлан Жакупов", "Ерлан Жақыпов", True),
    ("Ерлан Жакупов", "Yerlan Zhakupov", True),
    ("Ерлан Жақыпов", "Erlan Zhaqypov", True),
    ("Жангүл Оразалиева", "Zhangül Orazalieva", True),
    ("Касым-Жомарт Токаев", "Kassym-Jomart Tokayev", True),
    ("Айдар Сапаров", "Aydar Saparov", True),
    ("Бауыржан Байбек", "Bauyrzhan Baybek", True),
    ("Бауыржан Байбек", "Baýyrjan Baıbek", True),
    ("Ерлан Кошанов", "Yerlan Koshanov", True),
    ("Ерлан Қошанов", "Erlan Koshanov", True),
    ("Наталья Лапшина", "Natalıa Lapshına", True),
    ("Бахыт Серикова", "Бахыт Сериков", False),
    ("Асель Ахметова", "Асель Ахметов", False),
    ("Ерлан Жакупов", "Ерлан Жумабаев", False),
    ("Ерлан Жакупов", "Ержан Жакупов", False),
    ("Марат Ахметов", "Мурат Ахметов", False),
])
def test_people_full_name_pairs(a, b, same):
    first, second = _ids([("d1", a), ("d2", b)])
    assert (first == second) is same


@pytest.mark.parametrize("full, partial, same_doc, same", [
    ("Ерлан Жакупов", "Е. Жакупов", True, True),
    ("Yerlan Zhakupov", "Е. Жакупов", True, True),
    ("Ерлан Жакупов", "Жакупов", True, True),
    ("Ерлан Жакупов", "А. Жакупов", True, False),
    ("Ерлан Жакупов", "Е. Жакупова", True, False),
    ("Ерлан Жакупов", "Е. Жакупов", False, False),  # other article, no shared organization
])
def test_people_partial_names(full, partial, same_doc, same):
    first, second = _ids([("d1", full), ("d1" if same_doc else "d2", partial)])
    assert (first == second) is same


def test_people_partial_names_ambiguous_stay_apart():
    ids = _ids([("d1", "Ерлан Жакупов"), ("d1", "Ербол Жакупов"), ("d1", "Е. Жакупов")])
    assert len(set(ids)) == 3


def test_people_partial_name_joins_through_shared_organization():
    orgs = frozenset({"org:amanat:branch:almaty_region"})
    ids = _ids([("d1", "Ерлан Жакупов"), ("d2", "Е. Жакупов")], orgs)
    assert ids[0] == ids[1]


@pytest.mark.parametrize("name, key", [
    ("Ерлан Жакупов", "erlan_jakupov"),
    ("Yerlan Zhakupov", "erlan_jakupov"),
    ("Бахыт Серикова", "bahut_serekova"),
])
def test_people_key(name, key):
    assert person_key(name) == key


def test_people_id_ignores_other_people():
    alone = _ids([("d1", "Ерлан Жакупов")])
    crowd = _ids([("d0", "Бахыт Серикова"), ("d1", "Ерлан Жакупов"), ("d2", "Е. Жакупов")])
    assert alone[0] == crowd[1]
