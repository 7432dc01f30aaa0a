"""The article HTML: every entity at its offsets, nested ones inside, hostile text kept as text."""
from __future__ import annotations

import re

import pytest

import ppo_nlp
from ppo_nlp.doc import Document, Entity, Mention, Organization
from ppo_nlp.show.dom import highlights, joined

TEXT = "Партия «AMANAT» провела форум в Алматы. 150 первичных организаций."


def ent(label: str, start: int, end: int, text: str = TEXT) -> dict:
    return {"label": label, "text": text[start:end], "start": start, "end": end, "source": "test", "score": 1.0}


def record(text: str = TEXT, entities=(), **extra) -> dict:
    return {"schema_version": "1.0", "id": "t1", "source": "t1", "lang": "ru", "lang_score": 1.0,
            "segments": [{"start": 0, "end": len(text), "lang": "ru"}], "title": None, "published": None,
            "outlet": None, "author": None, "text": text, "entities": list(entities), "organizations": [],
            "people": [], "projects": [], "counts": [], "locations": [], **extra}


HOSTILE = 'x <script>alert(1)</script> & "q" \r\n</div></mark><b>y'
CASES = [
    ("plain", record(entities=[ent("ORG", 8, 14), ent("LOC", 32, 38)])),
    ("nested", record(entities=[ent("ORG", 0, 15), ent("ORG", 8, 14), ent("COUNT", 40, 65)])),
    ("crossing", record(entities=[ent("ORG", 0, 15), ent("PROJECT", 8, 23), ent("DATE", 8, 23)])),
    ("same span twice", record(entities=[ent("LOC", 32, 38), ent("ORG", 32, 38)])),
    ("unknown label", record(entities=[ent("EVENT", 16, 29), ent('Q"><i>', 0, 6)])),
    ("hostile text", record(HOSTILE, entities=[ent("PERSON", 2, 10, HOSTILE), ent("ORG", 29, 42, HOSTILE)])),
    ("astral and surrogate", record("a\U0001F600b \ud800c", entities=[ent("LOC", 1, 3, "a\U0001F600b \ud800c")])),
    ("two languages", record(entities=[ent("ORG", 8, 14), ent("LOC", 32, 38)],
                             segments=[{"start": 0, "end": 20, "lang": "ru"}, {"start": 20, "end": 66, "lang": "kk"}])),
]


@pytest.mark.parametrize("name, rec", CASES, ids=[c[0] for c in CASES])
def test_show_article_every_entity_at_its_offsets(name, rec):
    text, found = highlights(str(ppo_nlp.render(rec)))
    assert len(text) == len(rec["text"])
    pieces = joined(found)
    for e in rec["entities"]:
        first, last, covered = pieces[(e["label"], e["start"], e["end"])]
        assert (first, last) == (e["start"], e["end"])
        assert len(covered) == e["end"] - e["start"]
        assert covered == text[e["start"]:e["end"]]


@pytest.mark.parametrize("title, needle", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('"><img src=x onerror=alert(1)>', "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
    ("Nur Otan & AMANAT", "Nur Otan &amp; AMANAT"),
])
def test_show_article_escapes_metadata(title, needle):
    html = str(ppo_nlp.render(record(title=title, outlet=title, entities=[ent("ORG", 8, 14)])))
    assert needle in html
    assert title not in html
    assert "<script" not in html.lower().replace("&lt;script", "")


@pytest.mark.parametrize("rec, ids", [
    (record(entities=[ent("ORG", 8, 14)], organizations=[
        {"id": "org:amanat", "name": "AMANAT", "type": "party",
         "mentions": [{"text": "AMANAT", "start": 8, "end": 14}]}]),
     ["s8-14"]),
    (record(counts=[{"value": 150, "qualifier": "exact", "unit": None, "subject": "ППО", "subject_id": "ppo",
                     "min": None, "max": None, "change": None, "as_of": None, "text": "150", "start": 40, "end": 43}]),
     ["s40-43"]),
    (record(people=[{"id": "p", "name": "Ерлан", "name_latin": "Erlan", "positions": [{"title": "секретарь",
                     "organization": None}], "mentions": [{"text": "форум", "start": 24, "end": 29}]}]),
     ["s24-29"]),
])
def test_show_article_facts_link_to_evidence(rec, ids):
    html = str(ppo_nlp.render(rec))
    links = re.findall(r'href="#([^"]+)"', html)
    assert links == ids
    for target in links:
        assert f'id="{target}"' in html


@pytest.mark.parametrize("count, shown", [
    ({"value": 150, "qualifier": "more_than"}, "&gt; 150"),
    ({"value": 5839, "qualifier": "exact", "unit": "tenge"}, "5\u202f839 tenge"),
    ({"value": None, "min": 10, "max": 12, "qualifier": "approx"}, "≈ 10–12"),
    ({"value": 35, "qualifier": "exact", "change": "increase", "unit": "percent"}, "+ 35 percent"),
])
def test_show_article_count_values(count, shown):
    base = {"text": "150", "start": 40, "end": 43}
    assert f"<b>{shown}</b>" in str(ppo_nlp.render(record(counts=[{**base, **count}])))


def test_show_article_error_record_and_removed_furniture():
    err = {"schema_version": "1.0", "id": "bad<1>", "source": "s", "error": {"code": "E008", "message": "empty"}}
    assert "E008" in str(ppo_nlp.render(err)) and "bad&lt;1&gt;" in str(ppo_nlp.render(err))
    doc = Document(id="d", source="d", text=TEXT, lang="ru", removed=["Поделиться <a>", "Реклама"])
    doc.entities.append(Entity("ORG", "AMANAT", 8, 14, "test"))
    doc.organizations.append(Organization("org:amanat", "AMANAT", "party", [Mention("AMANAT", 8, 14)]))
    html = str(ppo_nlp.render(doc))
    assert "<details><summary>Removed furniture (2 lines)" in html and "Поделиться &lt;a&gt;" in html


def test_show_article_notebook_fragments_have_distinct_ids():
    view = ppo_nlp.render(record(entities=[ent("ORG", 8, 14)]))
    first, second = view._repr_html_(), view._repr_html_()
    ids = lambda h: set(re.findall(r' id="([^"]+)"', h))  # noqa: E731
    assert ids(first) and not ids(first) & ids(second)
    assert "<html" not in first and str(view).startswith("<!DOCTYPE html>")
