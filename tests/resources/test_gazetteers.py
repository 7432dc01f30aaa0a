"""The gazetteer data files: well-formed lines, stable unique ids, one id per alias, known types."""
from __future__ import annotations

import regex
import pytest

from ppo_nlp.extract.gazetteer.latin import latin_aliases

from ppo_nlp.resources import (
    ALIAS_LANGS, GAZETTEER_NAMES, alias_items, load_gazetteer, load_table, location_info, lookup,
    organization_info, project_info,
)
from ppo_nlp.text import fold

ID_RE = regex.compile(r"^(org|project|loc):[a-z0-9_]+(:[a-z0-9_]+)*$")
PREFIX = {"organizations": "org:", "projects": "project:", "locations": "loc:"}
TYPES = {
    "organizations": {"party", "party_body", "party_branch", "ppo", "youth_wing", "government", "public_body", "other",
                      "media", "state_body", "local_government", "education", "health", "business", "ngo"},
    "locations": {"country", "region", "city", "district", "village"},
}
FLAGS = {"case_sensitive", "needs_context", "inflect", "why", "ambiguous", "not_after", "singular"}
ALL = [(name, entry) for name in GAZETTEER_NAMES for entry in load_gazetteer(name)]


@pytest.mark.parametrize("name,entry", ALL, ids=[e["id"] for _, e in ALL])
def test_gazetteer_entry_is_well_formed(name, entry):
    assert ID_RE.match(entry["id"]) and entry["id"].startswith(PREFIX[name])
    assert entry["name"] and set(entry["names"]) == {"ru", "kk", "en"}
    assert set(entry["aliases"]) <= set(ALIAS_LANGS)
    if name in TYPES:
        assert entry["type"] in TYPES[name]
    for former in entry.get("former", []):
        assert regex.match(r"^\d{4}-\d{2}-\d{2}$", former["until"]) and former["name"]
    if entry.get("parent"):
        assert lookup(entry["parent"]) is not None, entry["parent"]


def test_gazetteer_ids_are_unique():
    ids = [e["id"] for _, e in ALL]
    assert len(ids) == len(set(ids))


def test_gazetteer_alias_flags_are_known_and_explained():
    kinds = {row[0] for row in load_table("context_words")}
    for _, entry in ALL:
        for _, text, flags in alias_items(entry):
            assert set(flags) <= FLAGS, (entry["id"], text)
            if flags:
                assert flags.get("why"), (entry["id"], text)
            assert flags.get("needs_context") in kinds | {None}, (entry["id"], text)


def test_gazetteer_no_alias_has_two_ids():
    owner: dict[str, str] = {}
    for _, entry in ALL:
        for _, text, flags in alias_items(entry):
            key = fold(text)
            if flags.get("ambiguous"):
                continue
            assert owner.setdefault(key, entry["id"]) == entry["id"], (text, owner[key], entry["id"])


def test_gazetteer_every_name_is_matchable():
    for _, entry in ALL:
        items = alias_items(entry)
        aliases = {fold(text).rstrip("!") for _, text, _ in items + list(latin_aliases(items))}
        for name in {entry["name"], *filter(None, entry["names"].values())}:
            assert any(fold(name).startswith(a) for a in aliases), (entry["id"], name)


@pytest.mark.parametrize("name", ["organizations", "projects"])
def test_gazetteer_typed_latin_aliases_are_not_generated(name):
    """Latin spellings the transliteration module makes are generated (extract/gazetteer/latin.py), not typed."""
    for entry in load_gazetteer(name):
        items = [i for i in alias_items(entry) if i[0] != "latin"]
        made = {fold(text) for _, text, _ in latin_aliases(items)} | {fold(text) for lang, text, _ in items if lang == "en"}
        typed = [a for a in entry["aliases"].get("latin", []) if isinstance(a, str)]
        assert not [a for a in typed if fold(a) in made], entry["id"]


def test_gazetteer_has_every_region_and_republican_city():
    locs = load_gazetteer("locations")
    assert sum(e["type"] == "region" for e in locs) == 17
    republican = {e["id"] for e in locs if e["type"] == "city" and e["parent"] == "loc:kz"}
    assert republican == {"loc:astana", "loc:almaty", "loc:shymkent"}


@pytest.mark.parametrize("entity_id,expected", [
    ("org:amanat", ("AMANAT", "party")),
    ("org:jastar_ruhy", ("Жастар Рухы", "youth_wing")),
    ("org:mazhilis", ("Мажилис", "government")),
    ("project:x", None),
])
def test_resources_organization_info(entity_id, expected):
    assert organization_info(entity_id) == expected


def test_resources_project_and_location_info():
    name, names = project_info("project:karyzsyz_kogam")
    assert names == {"ru": "Общество без долгов", "kk": "Қарызсыз қоғам", "en": "Debt-free Society"}
    assert location_info("loc:konaev", "kk") == ("Қонаев", "city")
    assert location_info("loc:astana") == ("Астана", "city")
    assert location_info("org:amanat") is None
