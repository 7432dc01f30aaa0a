"""`normalize.org_tree`: levels, parents within an article, and places named by ids."""
from __future__ import annotations

import pytest

from ppo_nlp.normalize.org_tree import derived_parent, level, place_named_by_id

ARTICLE = {
    "org:amanat": ("party", None),
    "org:amanat:branch:almaty_region": ("party_branch", "loc:kato:190000000"),
    "org:amanat:branch:district:karasay": ("party_branch", None),
    "org:ppo:bent": ("ppo", None),
    "org:amanat:central_office": ("party_body", None),
    "org:amanat:central_office:dept": ("party_body", None),
    "org:maslikhat": ("state_body", None),
}


@pytest.mark.parametrize("org_id, org_type, expected", [
    ("org:amanat", "party", "party"),
    ("org:ppo:bent", "ppo", "primary"),
    ("org:amanat:branch:district:karasay", "party_branch", "district_branch"),
    ("org:amanat:branch:almaty_region", "party_branch", "regional_branch"),
    ("org:amanat:central_office", "party_body", "party_body"),
    ("org:maslikhat", "state_body", None),
])
def test_org_tree_level(org_id, org_type, expected):
    assert level(org_id, org_type, place_named_by_id(org_id)) == expected


@pytest.mark.parametrize("org_id, expected", [
    ("org:ppo:bent", "org:amanat:branch:district:karasay"),  # primary -> the article's district branch
    ("org:amanat:branch:district:karasay", "org:amanat:branch:almaty_region"),
    ("org:amanat:branch:almaty_region", "org:amanat"),
    ("org:amanat:central_office:dept", "org:amanat:central_office"),  # a body -> the body that holds it
    ("org:amanat:central_office", "org:amanat"),
    ("org:amanat", None),
    ("org:maslikhat", None),  # not a party unit
])
def test_org_tree_parent_within_an_article(org_id, expected):
    org_type, place = ARTICLE[org_id]
    local = {o: (t, place_named_by_id(o) or p) for o, (t, p) in ARTICLE.items()}
    assert derived_parent(org_id, org_type, local[org_id][1], local) == expected


def test_org_tree_primary_without_branches_belongs_to_the_party():
    assert derived_parent("org:ppo:x", "ppo", None, {"org:ppo:x": ("ppo", None)}) == "org:amanat"


@pytest.mark.parametrize("org_id, kind", [
    ("org:amanat:branch:almaty_region", "oblast"),
    ("org:amanat:branch:district:karasay", "district"),
    ("org:maslikhat", None),
    ("org:amanat", None),
])
def test_org_tree_place_named_by_id(org_id, kind):
    from ppo_nlp.normalize.org_tree import kind_of
    assert kind_of(place_named_by_id(org_id)) == kind
