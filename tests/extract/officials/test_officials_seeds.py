"""Every official of the five seed articles is found with the right name, position title and organization.

The ORG entities the extractor needs come from the gazetteer stage when it exists; otherwise they are made
here by simple means: every gold surface form is looked for word by word on the first four letters.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.officials.people import extract_officials
from ppo_nlp.normalize.ids import slug
from ppo_nlp.text import fold, word_spans

SEEDS = Path(__file__).resolve().parents[3] / "corpus"
STEMS = sorted(p.stem for p in (SEEDS / "gold").glob("*.json"))


def _org_id(canonical: str) -> str:
    return "org:" + slug(canonical)


def _word_key(word: str) -> str:
    key = fold(word)
    return key[:4] if len(key) >= 4 else key


def _find(text: str, phrase: str) -> list[tuple[int, int]]:
    """Spans of `phrase` in `text`, matching each word on its first four letters."""
    toks = [t for t in word_spans(text) if t.text[:1].isalnum()]
    want = [_word_key(t.text) for t in word_spans(phrase) if t.text[:1].isalnum()]
    keys = [_word_key(t.text) for t in toks]
    return [(toks[i].start, toks[i + len(want) - 1].end) for i in range(len(toks) - len(want) + 1)
            if want and keys[i:i + len(want)] == want]


def _orgs(text: str, gold: dict) -> list[Entity]:
    """Longest-first, non-overlapping ORG entities for every gold organization surface form."""
    found = []
    for org in gold["organizations"]:
        for phrase in {org["canonical"], *org.get("match", [])}:
            found += [(s, e, org) for s, e in _find(text, phrase)]
    out, used = [], set()
    for s, e, org in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if not used & set(range(s, e)):
            used.update(range(s, e))
            out.append(Entity("ORG", text[s:e], s, e, "test", id=_org_id(org["canonical"]),
                              attrs={"type": org.get("type"), "name": org["canonical"]}))
    return sorted(out, key=lambda x: x.start)


def _doc(stem: str) -> tuple[Document, dict]:
    gold = json.loads((SEEDS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    text = (SEEDS / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
    doc = Document(stem, stem, text, lang=gold["lang"])
    doc.entities = _orgs(text, gold)
    return doc, gold


def _same_name(a: str, b: str) -> bool:
    return fold(a).replace(".", "").split() == fold(b).replace(".", "").split()


@pytest.mark.parametrize("stem", STEMS)
def test_officials_seed_people(stem):
    doc, gold = _doc(stem)
    people = extract_officials(doc)[1]
    for g in gold["people"]:
        match = [p for p in people if _same_name(p.name, g["name"])]
        assert match, f"{g['name']} not found among {[p.name for p in people]}"
        if not g.get("position"):
            continue
        wanted = {fold(t) for t in [g["position"], *g.get("also_positions", [])]}
        titles = {fold(pos.title) for pos in match[0].positions}
        assert wanted & titles, f"{g['name']}: {titles} vs {wanted}"


@pytest.mark.parametrize("stem", STEMS)
def test_officials_seed_organizations(stem):
    doc, gold = _doc(stem)
    people = {fold(p.name): p for p in extract_officials(doc)[1]}
    for g in gold["people"]:
        if not g.get("position"):
            continue
        person = people[fold(g["name"])]
        orgs = {pos.organization for pos in person.positions if fold(pos.title) == fold(g["position"])}
        expected = _org_id(g["organization"]) if g["organization"] else None
        assert expected in orgs, f"{g['name']}: {orgs} vs {expected}"


def test_officials_seed_no_extra_people():
    """Nobody but the gold people (the seeds name no one else)."""
    for stem in STEMS:
        doc, gold = _doc(stem)
        names = {fold(g["name"]) for g in gold["people"]}
        assert {fold(p.name) for p in extract_officials(doc)[1]} <= names
