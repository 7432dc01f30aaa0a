"""The SQLite knowledge base: schema, keys, idempotent and incremental adds, refusal of foreign files."""
import sqlite3

import pytest

from ppo_nlp.cli import main
from ppo_nlp.kb import build_kb
from ppo_nlp.kb.schema import DERIVED, INDEXES
from tests.kb.conftest import corpus, write_jsonl


def _dump(path) -> dict:
    conn = sqlite3.connect(str(path))
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in DERIVED + ("sources",)}
    conn.close()
    return out


@pytest.mark.parametrize("table, column, sql_type, pk", [
    ("documents", "doc_id", "TEXT", 1), ("documents", "chars", "INTEGER", 0),
    ("counts", "value", "REAL", 0), ("counts", "start", "INTEGER", 0), ("counts", "count_id", "TEXT", 1),
    ("people", "person_id", "TEXT", 1), ("organizations", "org_id", "TEXT", 1),
    ("positions", "position_id", "TEXT", 1), ("position_documents", "doc_id", "TEXT", 2),
    ("mentions", "start", "INTEGER", 2), ("places", "place_id", "TEXT", 1),
])
def test_kb_column_types_and_keys(tmp_path, records_file, table, column, sql_type, pk):
    build_kb([records_file], tmp_path / "kb.sqlite")
    conn = sqlite3.connect(str(tmp_path / "kb.sqlite"))
    info = {row[1]: row for row in conn.execute(f"PRAGMA table_info({table})")}
    assert info[column][2] == sql_type and info[column][5] == pk


@pytest.mark.parametrize("table, column, target", [
    ("counts", "org_id", "organizations"), ("counts", "place_id", "places"), ("counts", "stated_by", "people"),
    ("positions", "person_id", "people"), ("organizations", "parent_id", "organizations"),
    ("project_reports", "project_id", "projects"), ("mentions", "doc_id", "documents"),
])
def test_kb_foreign_keys_declared_and_hold(tmp_path, records_file, table, column, target):
    build_kb([records_file], tmp_path / "kb.sqlite")
    conn = sqlite3.connect(str(tmp_path / "kb.sqlite"))
    keys = {(row[3], row[2]) for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
    assert (column, target) in keys
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("table", sorted(INDEXES))
def test_kb_indexes_present(tmp_path, records_file, table):
    build_kb([records_file], tmp_path / "kb.sqlite")
    conn = sqlite3.connect(str(tmp_path / "kb.sqlite"))
    names = {row[1] for row in conn.execute(f"PRAGMA index_list({table})")}
    assert {f"idx_{table}_{c}" for c in INDEXES[table]} <= names


@pytest.mark.parametrize("order", ["same_twice", "split", "reversed_split"])
def test_kb_adds_are_idempotent_and_incremental(tmp_path, records_file, order):
    once = tmp_path / "once.sqlite"
    build_kb([records_file], once)
    other = tmp_path / "other.sqlite"
    records = corpus()
    if order == "same_twice":
        build_kb([records_file], other)
        build_kb([records_file], other)
    else:
        parts = [records[:1], records[1:]] if order == "split" else [records[1:], records[:1]]
        for i, part in enumerate(parts):
            build_kb([write_jsonl(tmp_path / f"p{i}.jsonl", part)], other)
    assert _dump(once) == _dump(other)


def test_kb_ids_stable_when_unrelated_article_added(tmp_path):
    records = corpus()
    small, big = tmp_path / "small.sqlite", tmp_path / "big.sqlite"
    build_kb([write_jsonl(tmp_path / "s.jsonl", records[:1])], small)
    build_kb([write_jsonl(tmp_path / "b.jsonl", records[:2])], big)
    query = ("SELECT p.position_id, p.person_id, p.org_id FROM positions p JOIN position_documents d"
             " USING (position_id) WHERE d.doc_id = 'a.txt'")
    rows = [sqlite3.connect(str(p)).execute(query).fetchall() for p in (small, big)]
    assert rows[0] and rows[0] == rows[1]


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 100])
def test_kb_refuses_foreign_file(tmp_path, records_file, content):
    target = tmp_path / "x.sqlite"
    target.write_bytes(content)
    assert main(["kb", records_file, "-o", str(target)]) == 2
    assert target.read_bytes() == content


def test_kb_failed_run_keeps_database(tmp_path, records_file):
    target = tmp_path / "kb.sqlite"
    build_kb([records_file], target)
    before = _dump(target)
    assert main(["kb", records_file, str(tmp_path / "missing.jsonl"), "-o", str(target)]) == 2
    assert _dump(target) == before


def test_kb_changed_record_replaces_its_old_version(tmp_path):
    records = corpus()
    target = tmp_path / "kb.sqlite"
    build_kb([write_jsonl(tmp_path / "1.jsonl", records)], target)
    records[0]["title"] = "a new title"
    summary = build_kb([write_jsonl(tmp_path / "2.jsonl", records[:1])], target)
    conn = sqlite3.connect(str(target))
    assert (summary.replaced, summary.added) == (1, 0)
    assert conn.execute("SELECT title FROM documents WHERE doc_id = 'a.txt'").fetchall() == [("a new title",)]
    assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)


@pytest.mark.parametrize("extra_line, code", [
    ("", 0),
    ('{"schema_version": "1.0", "id": "bad.txt", "source": "bad.txt", "error": {"code": "E1", "message": "x"}}', 1),
    ("{not json", 1),
])
def test_kb_exit_status(tmp_path, extra_line, code):
    path = tmp_path / "r.jsonl"
    write_jsonl(path, corpus())
    with path.open("a", encoding="utf-8") as handle:
        handle.write(extra_line + "\n")
    assert main(["kb", str(path), "-o", str(tmp_path / "kb.sqlite")]) == code
    assert sqlite3.connect(str(tmp_path / "kb.sqlite")).execute("SELECT count(*) FROM documents").fetchone() == (3,)
