"""Hand-written records (short sentences of our own) for the knowledge-base tests."""
import json

import pytest


def _mention(text: str, word: str) -> dict:
    start = text.index(word)
    return {"text": word, "start": start, "end": start + len(word)}


def record(doc_id: str, text: str, orgs=(), people=(), counts=(), locations=(), projects=(), published=None):
    """A record in the shape `ppo-nlp extract` writes; entities are (id, name, surface, extra) tuples."""
    def entity(eid, name, surface, **extra):
        return {"id": eid, "name": name, "mentions": [_mention(text, surface)], **extra}
    return {
        "schema_version": "1.0", "id": doc_id, "source": doc_id, "lang": "ru", "title": doc_id,
        "published": published, "outlet": None, "author": None, "text": text, "entities": [],
        "organizations": [entity(i, n, s, type=t) for i, n, s, t in orgs],
        "people": [entity(i, n, s, name_latin=None, positions=p) for i, n, s, p in people],
        "projects": [entity(i, n, s, names={"ru": n, "kk": None, "en": None}) for i, n, s in projects],
        "locations": [entity(i, n, s, type=t) for i, n, s, t in locations],
        "counts": [{"value": v, "qualifier": "exact", "unit": None, "subject": subj, "subject_id": sid,
                    "min": None, "max": None, "change": None, "as_of": None, **_mention(text, surface)}
                   for v, surface, subj, sid in counts],
    }


ALMATY = "Председатель Алматинского областного филиала Ерлан Жакупов сообщил, что в филиале 157 первичных организаций."
KARAGANDA = "Депутат маслихата Караганды Бахыт Серикова поддержала проект «Таза бейсенбі»."
LATIN = "Yerlan Zhakupov met voters of the Almaty regional branch."


def corpus() -> list[dict]:
    return [
        record("a.txt", ALMATY, published="2023-05-02",
               orgs=[("org:amanat:branch:almaty_region", "Алматинский областной филиал", "Алматинского областного филиала", "party_branch")],
               people=[("person:erlan_zhakupov", "Ерлан Жакупов", "Ерлан Жакупов",
                        [{"title": "председатель", "organization": "org:amanat:branch:almaty_region"}])],
               counts=[(157, "157 первичных организаций", "первичная организация", "ppo")]),
        record("b.txt", KARAGANDA, published="2023-06-10",
               orgs=[("org:maslikhat", "Маслихат", "маслихата", "government")],
               people=[("person:bakhyt_serikova", "Бахыт Серикова", "Бахыт Серикова", [])],
               locations=[("loc:karaganda", "Караганда", "Караганды", "city")],
               projects=[("project:taza_beisenbi", "Таза бейсенбі", "Таза бейсенбі")]),
        record("c.txt", LATIN, published="2024-01-15",
               orgs=[("org:amanat:branch:almaty_region", "Almaty regional branch", "Almaty regional branch", "party_branch")],
               people=[("person:yerlan_zhakupov", "Yerlan Zhakupov", "Yerlan Zhakupov",
                        [{"title": "председатель", "organization": "org:amanat:branch:almaty_region"}])]),
    ]


def write_jsonl(path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.fixture
def records_file(tmp_path):
    return write_jsonl(tmp_path / "r.jsonl", corpus())
