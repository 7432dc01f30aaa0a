"""Fact tables beside a CSV or Parquet output: one table per fact type, every row with its document id and
evidence offsets; spreadsheet-safe CSV; resumed runs neither lose nor repeat a fact."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ppo_nlp.io import open_writer
from ppo_nlp.io.facttables import FACT_TABLES, table_path
from ppo_nlp.io.outputs import OutputRefused, check_output
from ppo_nlp.io.tables import TABLES
from ppo_nlp.io.writers import output_files
from ppo_nlp.records import error_record
from tests.io.test_writers import write_all

GOLDEN = Path(__file__).parents[1] / "golden"


def records(n: int) -> list[dict]:
    """The seeds' golden records (every fact type) with an error record after each, `n` in all."""
    seeds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*.json"))]
    mixed = [r for seed in seeds for r in (seed, error_record(f"x{seed['id']}", "x", "E002", "binary content"))]
    return mixed[:n]



def read_table(path, fmt, name) -> list[dict]:
    target = table_path(path, name)
    if fmt == "csv":
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
        return list(csv.DictReader(target.open(encoding="utf-8-sig", newline="")))
    return pq.read_table(target).to_pylist()


def expected_rows(recs, name) -> int:
    good = [r for r in recs if "error" not in r]
    if name == "people":
        return sum(max(len(p["positions"]), 1) for r in good for p in r["people"])
    return sum(len(r[name]) for r in good)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("name", FACT_TABLES)
def test_facttables_one_row_per_fact_with_document_and_offsets(tmp_path, fmt, name):
    path = tmp_path / f"out.{fmt}"
    recs = records(5)
    write_all(path, fmt, recs)
    rows = read_table(path, fmt, name)
    assert list(rows[0]) == list(TABLES[name]) if rows else True
    assert len(rows) == expected_rows(recs, name) > 0
    text = {r["id"]: r["text"] for r in recs if "error" not in r}
    for row in rows:
        assert row["doc_id"] in text and int(row["start"]) < int(row["end"]) <= len(text[row["doc_id"]])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_facttables_entity_offsets_point_at_their_text(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    recs = records(2)
    write_all(path, fmt, recs)
    text = {r["id"]: r["text"] for r in recs if "error" not in r}
    for row in read_table(path, fmt, "entities"):
        assert text[row["doc_id"]][int(row["start"]):int(row["end"])] == row["text"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_facttables_resume_neither_loses_nor_repeats(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    recs = records(7)
    writer = open_writer(path, fmt)
    for rec in recs[:4]:
        writer.write(rec)
    writer.abort()  # a stop after four records
    write_all(path, fmt, recs, resume=True)
    for name in FACT_TABLES:
        assert len(read_table(path, fmt, name)) == expected_rows(recs, name)


def test_facttables_csv_cells_never_start_a_formula(tmp_path):
    path = tmp_path / "out.csv"
    rec = records(1)[0]
    rec["organizations"][0]["name"] = "=HYPERLINK(\"http://x\")"
    write_all(path, "csv", [rec])
    names = [row["name"] for row in read_table(path, "csv", "organizations")]
    assert "'=HYPERLINK(\"http://x\")" in names


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_facttables_an_existing_table_is_never_overwritten_unasked(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    table_path(path, "counts").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputRefused):
        check_output(path, [tmp_path / "in"], output_files(path, fmt), resume=False, overwrite=False)
    check_output(path, [tmp_path / "in"], output_files(path, fmt), resume=False, overwrite=True)
