"""What the knowledge base links and merges, on the hand-written records, and the Parquet export."""
import sqlite3

import pytest

from ppo_nlp.cli import main
from ppo_nlp.kb import build_kb
from ppo_nlp.kb.schema import DERIVED


@pytest.fixture
def db(tmp_path, records_file):
    build_kb([records_file], tmp_path / "kb.sqlite")
    return sqlite3.connect(str(tmp_path / "kb.sqlite"))


@pytest.mark.parametrize("query, expected", [
    # one person across scripts, two documents; the feminine name stays a woman
    ("SELECT person_id, documents, gender FROM people WHERE name LIKE 'Ерлан%' OR name LIKE 'Yerlan%'",
     [("person:erlan_jakupov", 2, "m")]),
    ("SELECT gender FROM people WHERE name = 'Бахыт Серикова'", [("f",)]),
    # the generic maslikhat gets the place its sentence names
    ("SELECT org_id, place_id FROM organizations WHERE org_id LIKE 'org:maslikhat%'",
     [("org:maslikhat@loc:kato:351010000", "loc:kato:351010000")]),
    # hierarchy and place of a regional branch
    ("SELECT level, parent_id, place_id FROM organizations WHERE org_id = 'org:amanat:branch:almaty_region'",
     [("regional_branch", "org:amanat", "loc:kato:190000000")]),
    # a count linked to the branch its sentence names, stated by the person there, dated by the article
    ("SELECT value, org_id, place_id, stated_by, as_of, as_of_source FROM counts",
     [(157.0, "org:amanat:branch:almaty_region", "loc:kato:190000000", "person:erlan_jakupov", "2023-05-02",
       "published")]),
    ("SELECT first_seen, last_seen, documents FROM positions WHERE person_id = 'person:erlan_jakupov'",
     [("2023-05-02", "2024-01-15", 2)]),
    ("SELECT rule FROM merges WHERE kind = 'person' ORDER BY doc_id", [("same_name_key",), ("same_name_key",)]),
    ("SELECT project_id, org_id FROM project_reports", [("project:taza_beisenbi", "org:amanat")]),
])
def test_kb_links(db, query, expected):
    assert db.execute(query).fetchall() == expected


def test_kb_parquet_tables_match_sqlite(tmp_path, records_file, db):
    pd = pytest.importorskip("pandas")
    assert main(["kb", records_file, "-o", str(tmp_path / "pq"), "--format", "parquet"]) == 0
    for table in DERIVED:
        frame = pd.read_parquet(tmp_path / "pq" / f"{table}.parquet")
        rows = db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        assert len(frame) == len(rows)
        as_tuples = [tuple(None if pd.isna(v) else v for v in r) for r in frame.itertuples(index=False)]
        assert as_tuples == rows


def test_kb_parquet_refuses_non_empty_folder(tmp_path, records_file):
    (tmp_path / "pq").mkdir()
    (tmp_path / "pq" / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["kb", records_file, "-o", str(tmp_path / "pq"), "--format", "parquet"]) == 2
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["keep.txt"]


def test_kb_generic_ids_split_by_place_and_join_named_body(tmp_path):
    from tests.kb.conftest import record, write_jsonl

    text1 = "Маслихат Караганды и районный филиал в Карасайском районе провели встречу."
    text2 = "Депутаты маслихата Алматы встретились с жителями."
    text3 = "Karasay district branch held a meeting."
    records = [
        record("1.txt", text1, orgs=[("org:maslikhat", "Маслихат", "Маслихат", "government"),
                                     ("org:amanat:branch:district", "Районный филиал", "районный филиал", "party_branch")],
               locations=[("loc:karaganda", "Караганда", "Караганды", "city"),
                          ("loc:district:karasai", "Карасайский район", "Карасайском районе", "district")]),
        record("2.txt", text2, orgs=[("org:maslikhat", "Маслихат", "маслихата", "government")],
               locations=[("loc:almaty", "Алматы", "Алматы", "city")]),
        record("3.txt", text3, orgs=[("org:amanat:branch:district:karasay", "Karasay district branch",
                                      "Karasay district branch", "party_branch")]),
    ]
    build_kb([write_jsonl(tmp_path / "g.jsonl", records)], tmp_path / "kb.sqlite")
    conn = sqlite3.connect(str(tmp_path / "kb.sqlite"))
    maslikhats = conn.execute("SELECT org_id FROM organizations WHERE org_id LIKE 'org:maslikhat%'").fetchall()
    assert len(maslikhats) == 2
    branch = conn.execute("SELECT documents, place_id FROM organizations WHERE org_id = "
                          "'org:amanat:branch:district:karasay'").fetchall()
    assert branch == [(2, "loc:kato:195200000")]
