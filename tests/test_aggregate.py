"""aggregate: mentions grouped into facts (entities by id, greedy clusters, first of each key)."""
from __future__ import annotations

import pytest

from ppo_nlp import aggregate
from ppo_nlp.doc import Entity


def _ent(label, text, start, source="gazetteer:organizations", id=None, **attrs):
    return Entity(label, text, start, start + len(text), source, id=id, attrs=attrs)


@pytest.mark.parametrize("entities, expected", [
    ([_ent("ORG", "Нұр Отан", 0, id="org:amanat"), _ent("ORG", "Аманат", 20, id="org:amanat")],
     [("org:amanat", 2)]),
    ([_ent("ORG", "Жаңа Ұйым", 0, "ner:kk"), _ent("ORG", "жана уйым", 30, "ner:kk")], [("org:zhana_uyym", 2)]),
    ([_ent("ORG", "Бюро", 5, "ner:ru"), _ent("ORG", "Альфа", 0, "ner:ru")], [("org:alfa", 1), ("org:byuro", 1)]),
    ([_ent("LOC", "Астана", 0, id="loc:astana")], []),
])
def test_aggregate_organizations_by_id(entities, expected):
    assert [(o.id, len(o.mentions)) for o in aggregate.organizations(entities)] == expected


def test_aggregate_best_attribute_by_precedence():
    group = [_ent("ORG", "X", 0, "ner:ru", id="org:x", name="from ner"),
             _ent("ORG", "X", 10, "gazetteer:organizations", id="org:x", name="from gazetteer")]
    assert aggregate.organizations(group)[0].name == "from gazetteer"


def _same_letter(item, group):
    return any(item[0] == other[0] for other in group)


@pytest.mark.parametrize("items, may_join, expected", [
    (["ab", "ac", "bd"], lambda item, n: True, [["ab", "ac"], ["bd"]]),
    (["ab", "ac", "bd"], lambda item, n: False, [["ab"], ["ac"], ["bd"]]),
    ([], lambda item, n: True, []),
])
def test_aggregate_cluster(items, may_join, expected):
    assert aggregate.cluster(items, lambda s: len(s), _same_letter, may_join) == expected


def test_aggregate_cluster_only_within_bucket():
    groups = aggregate.cluster(["ab", "abc"], len, _same_letter, lambda item, n: True)
    assert groups == [["ab"], ["abc"]]


@pytest.mark.parametrize("items, expected", [
    ([(1, "a"), (2, "b"), (1, "c")], [(1, "a"), (2, "b")]),
    ([], []),
    ([(3, "x"), (3, "y"), (3, "z")], [(3, "x")]),
])
def test_aggregate_first_of_each(items, expected):
    assert aggregate.first_of_each(items, lambda t: t[0]) == expected
