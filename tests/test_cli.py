"""`ppo-nlp extract | detect | evaluate` end to end on the corpus."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from ppo_nlp.cli import main
from ppo_nlp.records import validate
from tests.conftest import CORPUS

ARTICLES = str(CORPUS / "articles")


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "records.jsonl"
    assert main(["extract", ARTICLES, "-o", str(out)]) == 0
    return out


def test_cli_extract_writes_a_valid_record_per_article(corpus_run):
    records = read_jsonl(corpus_run)
    assert [r["id"] for r in records] == sorted(p.name for p in (CORPUS / "articles").glob("*.txt"))
    for record in records:
        validate(record)
        for entity in record["entities"]:
            assert record["text"][entity["start"]:entity["end"]] == entity["text"]


def test_cli_extract_is_deterministic_across_workers(corpus_run, tmp_path):
    out = tmp_path / "two.jsonl"
    assert main(["extract", ARTICLES, "-o", str(out), "--workers", "2"]) == 0
    assert out.read_bytes() == corpus_run.read_bytes()


def test_cli_extract_resume_after_a_cut(corpus_run, tmp_path):
    out = tmp_path / "cut.jsonl"
    lines = corpus_run.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:40])
    assert main(["extract", ARTICLES, "-o", str(out), "--resume"]) == 0
    assert out.read_bytes() == corpus_run.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite"])
def test_cli_extract_other_formats(tmp_path, fmt):
    out = tmp_path / f"records.{fmt}"
    assert main(["extract", ARTICLES, "-o", str(out), "--format", fmt, "--no-ner"]) == 0
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == 5
    elif fmt == "sqlite":
        assert sqlite3.connect(out).execute("SELECT count(*) FROM documents").fetchone() == (5,)
    else:
        assert out.read_text(encoding="utf-8").count("\n") >= 6


def test_cli_extract_bad_input_gives_error_records_and_exit_1(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "articles" / "000_a92b2e7f9a72e7ca.txt", src / "good.txt")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--no-ner"]) == 1
    records = {r["id"]: r for r in read_jsonl(out)}
    assert set(records) == {"good.txt", "binary.txt", "empty.txt"}
    assert records["binary.txt"]["error"]["code"] == "E002"
    assert records["empty.txt"]["error"]["code"] == "E008"
    assert "error" not in records["good.txt"]


@pytest.mark.parametrize("argv", [["extract", ARTICLES], ["extract", ARTICLES, "-o", "x.jsonl", "--workers", "0"],
                                  ["extract", ARTICLES, "-o", "x.jsonl", "--lang", "de"], ["frobnicate"]])
def test_cli_usage_errors_exit_2(argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_cli_summary_line_and_entry_point(tmp_path):
    out = tmp_path / "r.jsonl"
    proc = subprocess.run([sys.executable, "-m", "ppo_nlp.cli", "extract", ARTICLES, "-o", str(out), "--no-ner"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "5 documents, 0 failed" in proc.stderr and "chars/s" in proc.stderr


def test_cli_detect_prints_one_line_per_file(capsys):
    assert main(["detect", ARTICLES]) == 0
    langs = [json.loads(line)["lang"] for line in capsys.readouterr().out.splitlines()]
    assert langs == ["ru", "ru", "ru", "ru", "kk"]


def test_cli_evaluate_prints_the_table(corpus_run, capsys):
    assert main(["evaluate", str(corpus_run), "--gold", str(CORPUS / "gold")]) == 0
    table = capsys.readouterr().out
    assert "officials" in table and "documents: 5" in table
