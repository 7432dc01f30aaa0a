"""Writers: every format round-trips, and resume continues without losing or duplicating a document."""
from __future__ import annotations

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from ppo_nlp.io import open_writer, to_pandas
from ppo_nlp.records import document_record, error_record
from tests.test_records import sample_document


def records(n: int) -> list[dict]:
    out = []
    for i in range(n):
        rec = document_record(sample_document())
        rec["id"] = f"doc{i}.txt"
        out.append(rec if i % 3 else error_record(f"doc{i}.txt", f"doc{i}.txt", "E002", "binary content"))
    return out


def write_all(path, fmt, recs, resume=False):
    writer = open_writer(path, fmt, resume=resume)
    done = writer.done_ids()
    for rec in recs:
        if rec["id"] not in done:
            writer.write(rec)
    writer.close()
    return done


def read_ids(path, fmt) -> list[str]:
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        return [row["id"] for row in csv.DictReader(path.open(encoding="utf-8"))]
    if fmt == "parquet":
        return pq.read_table(path).column("id").to_pylist()
    db = sqlite3.connect(path)
    return [r[0] for r in db.execute("SELECT id FROM documents UNION ALL SELECT id FROM errors ORDER BY id")]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
def test_writers_resume_writes_each_document_once(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    recs = records(7)
    write_all(path, fmt, recs[:4])
    done = write_all(path, fmt, recs, resume=True)
    assert done == {r["id"] for r in recs[:4]}
    assert sorted(read_ids(path, fmt)) == sorted(r["id"] for r in recs)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_writers_resume_drops_a_half_written_line(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    recs = records(5)
    write_all(path, fmt, recs[:3])
    with path.open("ab") as fh:  # a kill -9 in the middle of a line
        fh.write('"doc3.txt","half'.encode() if fmt == "csv" else b'{"schema_version":"1.0","id":"doc3.txt","sou')
    done = write_all(path, fmt, recs, resume=True)
    assert done == {"doc0.txt", "doc1.txt", "doc2.txt"}
    assert sorted(read_ids(path, fmt)) == sorted(r["id"] for r in recs)


def test_writers_jsonl_is_the_record_itself(tmp_path):
    path = tmp_path / "out.jsonl"
    recs = records(2)
    write_all(path, "jsonl", recs)
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == recs


def test_writers_sqlite_fact_tables(tmp_path):
    path = tmp_path / "out.sqlite"
    write_all(path, "sqlite", records(3))
    db = sqlite3.connect(path)
    assert db.execute("SELECT org_id, name FROM organizations").fetchall() == [("org:amanat", "AMANAT")] * 2
    assert db.execute("SELECT code FROM errors").fetchall() == [("E002",)]
    assert db.execute("SELECT title, organization FROM people LIMIT 1").fetchone() == ("секретарь партии", "org:amanat")


def test_writers_pandas_frames():
    frames = to_pandas(records(3))
    assert list(frames["counts"]["value"]) == [5, 5]
    assert list(frames["errors"]["code"]) == ["E002"]


def test_writers_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        open_writer(tmp_path / "x.out", "xml")
