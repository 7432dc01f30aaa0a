"""Writers: every format round-trips, and resume continues without losing or duplicating a document."""
from __future__ import annotations

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from ppo_nlp.io import open_writer, to_pandas
from ppo_nlp.io.writers import output_files, spool_path
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
        return [row["id"] for row in csv.DictReader(path.open(encoding="utf-8-sig", newline=""))]
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
    assert done == {r["id"] for r in recs[:4] if "error" not in r}  # error records are re-run
    assert sorted(read_ids(path, fmt)) == sorted(r["id"] for r in recs)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_writers_resume_drops_a_half_written_line(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    recs = records(5)
    write_all(path, fmt, recs[:3])
    with path.open("ab") as fh:  # a kill -9 in the middle of a line
        fh.write('"doc3.txt","half'.encode() if fmt == "csv" else b'{"schema_version":"1.0","id":"doc3.txt","sou')
    done = write_all(path, fmt, recs, resume=True)
    assert done == {"doc1.txt", "doc2.txt"}  # doc0.txt is an error record: re-run
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


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+7 701 000 00 00", "'+7 701 000 00 00"),
    ("-5", "'-5"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("'quoted", "''quoted"),
    ("AMANAT", "AMANAT"),
    ("Нұр Отан", "Нұр Отан"),
])
def test_writers_csv_cells_never_start_a_formula(tmp_path, value, cell):
    path = tmp_path / "out.csv"
    rec = records(2)[1]
    rec["id"], rec["title"] = value, value
    write_all(path, "csv", [rec])
    row = next(csv.DictReader(path.open(encoding="utf-8-sig", newline="")))
    assert (row["id"], row["title"]) == (cell, cell)
    assert write_all(path, "csv", [rec], resume=True) == {value}  # resume knows the id again


@pytest.mark.parametrize("ids", [["a\rb", "c"], ["a\nb", "c\r\nd"], ["a,b", "c\"d"]])
def test_writers_csv_one_row_per_document(tmp_path, ids):
    import pandas as pd

    path = tmp_path / "out.csv"
    recs = records(3)[1:]
    for rec, doc_id in zip(recs, ids):
        rec["id"], rec["title"] = doc_id, "line one\rline two\nline three"
    write_all(path, "csv", recs)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame["id"]) == ids and len(frame) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read the Cyrillic as UTF-8


@pytest.mark.parametrize("length", [131_073, 1_000_000])
def test_writers_csv_resume_with_long_documents(tmp_path, length):
    path = tmp_path / "out.csv"
    recs = records(3)
    recs[1]["text"] = "Ә" * length
    write_all(path, "csv", recs[:2])
    assert write_all(path, "csv", recs, resume=True) == {"doc1.txt"}  # doc0 is an error record: re-run
    assert sorted(read_ids(path, "csv")) == ["doc0.txt", "doc1.txt", "doc2.txt"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
@pytest.mark.parametrize("resume", [False, True])
def test_writers_nothing_is_touched_before_the_first_record(tmp_path, fmt, resume):
    path = tmp_path / f"out.{fmt}"
    write_all(path, fmt, records(2))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    writer = open_writer(path, fmt, resume=resume)
    writer.done_ids()
    writer.abort()  # a run that failed to start
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
def test_writers_a_stopped_run_keeps_its_records_for_resume(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    recs = records(6)
    writer = open_writer(path, fmt)
    for rec in recs[:4]:
        writer.write(rec)
    writer.abort()  # a stop after four records
    done = write_all(path, fmt, recs, resume=True)
    assert done == {r["id"] for r in recs[:4] if "error" not in r}
    assert sorted(read_ids(path, fmt)) == sorted(r["id"] for r in recs)
    expected = {p.name for p in output_files(path, fmt)} - {spool_path(path).name}
    assert {p.name for p in tmp_path.iterdir()} == expected  # no temporary file left


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
def test_writers_resume_replaces_error_records(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    broken = [error_record(f"doc{i}.txt", f"doc{i}.txt", "E010", "RuntimeError: bug") for i in range(3)]
    write_all(path, fmt, broken)
    fixed = [dict(r, id=f"doc{i}.txt") for i, r in enumerate(records(6)[1:3] + records(6)[4:5])]
    assert write_all(path, fmt, fixed, resume=True) == set()
    assert sorted(read_ids(path, fmt)) == ["doc0.txt", "doc1.txt", "doc2.txt"]
