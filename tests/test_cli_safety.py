"""What a run promises: mistakes refused with exit 2 and nothing touched, locked outputs, ids, stdin/stdout."""
from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from ppo_nlp import __version__, batch, cli
from ppo_nlp.cli import main
from ppo_nlp.ingest.model import RawDoc
from ppo_nlp.io.outputs import OutputLock
from ppo_nlp.io.writers import output_files

TEXT_RU = "Первичная партийная организация партии AMANAT провела собрание в Астане.\n"
TEXT_KK = "AMANAT партиясының бастауыш партия ұйымы Астанада жиналыс өткізді.\n"


def _jsonl(path: Path, ids: list[str]) -> Path:
    texts = [TEXT_RU, TEXT_KK]
    lines = [json.dumps({"id": d, "text": texts[i % 2]}, ensure_ascii=False) for i, d in enumerate(ids)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _folder(root: Path, n: int = 2) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"doc{i}.txt").write_text(TEXT_RU, encoding="utf-8")
    return root


def _exit(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# (name, argv built from tmp_path as t, words the message must hold)
REFUSED = [
    ("output is the jsonl input", lambda t: ["extract", str(_jsonl(t / "x.jsonl", ["a"])), "-o", str(t / "x.jsonl")],
     "also an input"),
    ("output is the txt input", lambda t: ["extract", str(_folder(t / "in") / "doc0.txt"), "-o",
                                           str(t / "in" / "doc0.txt"), "--format", "jsonl"], "also an input"),
    ("output inside the input folder", lambda t: ["extract", str(_folder(t / "in")), "-o",
                                                  str(t / "in" / "sub" / "r.jsonl")], "inside the input folder"),
    ("output already there", lambda t: ["extract", str(_folder(t / "in")), "-o",
                                        str(_jsonl(t / "old.jsonl", ["old"]))], "--overwrite"),
    ("output is a folder", lambda t: ["extract", str(_folder(t / "in")), "-o", str(_folder(t / "out.jsonl"))],
     "is a folder"),
    ("unknown suffix", lambda t: ["extract", str(_folder(t / "in")), "-o", str(t / "r.xlsx")], "--format"),
    ("missing input", lambda t: ["extract", str(t / "nowhere"), "-o", str(t / "r.jsonl")], "nowhere"),
    ("empty folder", lambda t: ["extract", str(_folder(t / "empty", 0)), "-o", str(t / "r.jsonl")],
     "no input files"),
    ("only hidden files", lambda t: ["extract", str(_hidden_only(t / "h")), "-o", str(t / "r.jsonl")],
     "no input files"),
    ("negative time limit", lambda t: ["extract", str(_folder(t / "in")), "-o", str(t / "r.jsonl"),
                                       "--time-limit", "-1"], "time-limit"),
    ("nan time limit", lambda t: ["extract", str(_folder(t / "in")), "-o", str(t / "r.jsonl"),
                                  "--time-limit", "nan"], "time-limit"),
    ("inf time limit", lambda t: ["extract", str(_folder(t / "in")), "-o", str(t / "r.jsonl"),
                                  "--time-limit", "inf"], "time-limit"),
    ("zero time limit", lambda t: ["extract", str(_folder(t / "in")), "-o", str(t / "r.jsonl"),
                                   "--time-limit", "0"], "time-limit"),
    ("resume and overwrite", lambda t: ["extract", str(_folder(t / "in")), "-o", str(t / "r.jsonl"), "--resume",
                                        "--overwrite"], "not allowed"),
    ("csv to stdout", lambda t: ["extract", str(_folder(t / "in")), "-o", "-", "--format", "csv"], "JSONL only"),
    ("stdin twice", lambda t: ["extract", "-", "-", "-o", str(t / "r.jsonl")], "only once"),
]


def _hidden_only(root: Path) -> Path:
    root.mkdir()
    (root / ".draft.txt").write_text(TEXT_RU, encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG")
    return root


@pytest.mark.parametrize("name, argv, words", REFUSED, ids=[r[0] for r in REFUSED])
def test_cli_safety_refuses_with_exit_2_and_touches_nothing(tmp_path, capsys, name, argv, words):
    args = argv(tmp_path)
    before = _snapshot(tmp_path)
    assert _exit(args) == 2
    assert words in capsys.readouterr().err
    assert _snapshot(tmp_path) == before


def test_cli_safety_dask_missing_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli, "_importable", lambda module: False)
    assert _exit(["extract", str(_folder(tmp_path / "in")), "-o", str(tmp_path / "r.jsonl"), "--dask", "local"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'ppo_nlp[dask]'" in err and "Traceback" not in err
    assert not (tmp_path / "r.jsonl").exists()


def test_cli_safety_a_locked_output_is_refused(tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    with OutputLock(out):
        assert _exit(["extract", str(_folder(tmp_path / "in")), "-o", str(out), "--no-ner"]) == 2
    assert "another run is writing" in capsys.readouterr().err
    assert not out.exists()
    assert _exit(["extract", str(tmp_path / "in"), "-o", str(out), "--no-ner"]) == 0
    assert not Path(str(out) + ".lock").exists()


def test_cli_safety_makes_the_output_folder(tmp_path):
    out = tmp_path / "new" / "deeper" / "r.csv"
    assert _exit(["extract", str(_folder(tmp_path / "in")), "-o", str(out), "--no-ner"]) == 0
    expected = sorted(p.name for p in output_files(out, "csv"))  # r.csv and its fact tables
    assert sorted(p.name for p in out.parent.iterdir()) == expected  # no lock or temporary file left


def _models_missing(monkeypatch) -> list[str]:
    def warm(self):
        raise FileNotFoundError(2, "No such file or directory", "models/langid/config.json")

    monkeypatch.setattr(batch.Pipeline, "warm", warm)
    return []


def _dask_unreachable(monkeypatch) -> list[str]:
    import ppo_nlp.distributed

    def connect(scheduler, workers=2):
        raise OSError(f"Timed out trying to connect to {scheduler}")

    monkeypatch.setattr(cli, "_importable", lambda module: True)
    monkeypatch.setattr(ppo_nlp.distributed, "connect", connect)
    return ["--dask", "tcp://192.0.2.1:8786"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
@pytest.mark.parametrize("again", ["--overwrite", "--resume"])
@pytest.mark.parametrize("fail", [_models_missing, _dask_unreachable])
def test_cli_safety_a_failed_start_keeps_the_earlier_output(tmp_path, monkeypatch, fmt, again, fail):
    src, out = _folder(tmp_path / "in"), tmp_path / f"r.{fmt}"
    assert main(["extract", str(src), "-o", str(out), "--no-ner"]) == 0
    (src / "doc9.txt").write_text(TEXT_KK, encoding="utf-8")
    before = _snapshot(tmp_path)
    extra = fail(monkeypatch)
    assert _exit(["extract", str(src), "-o", str(out), "--no-ner", again] + extra) == 2
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("ids, expected", [
    (["a", "b"], ["a", "b"]),
    (["a", "a", "a"], ["a", "a~2", "a~3"]),
    (["a", "a", "a~2"], ["a", "a~2", "a~2~2"]),
    (["a~2", "a", "a"], ["a~2", "a", "a~3"]),
])
def test_cli_safety_unique_ids(ids, expected):
    raws = [RawDoc(i, "src", "text") for i in ids]
    assert [r.id for r in batch.unique_ids(raws)] == expected


def test_cli_safety_resume_writes_a_third_repeated_id(tmp_path):
    src, out = _jsonl(tmp_path / "in.jsonl", ["a", "a", "a~2"]), tmp_path / "r.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--no-ner"]) == 0
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]))
    assert main(["extract", str(src), "-o", str(out), "--no-ner", "--resume"]) == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "a~2", "a~2~2"]


def _ids_and_errors(out: Path, fmt: str) -> tuple[list[str], int]:
    """Every id in an output (document or error), and how many are error records."""
    if fmt == "sqlite":
        db = sqlite3.connect(out)
        errors = [r[0] for r in db.execute("SELECT id FROM errors")]
        return [r[0] for r in db.execute("SELECT id FROM documents")] + errors, len(errors)
    if fmt == "jsonl":
        recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        return [r["id"] for r in recs], sum("error" in r for r in recs)
    import pandas as pd

    frame = pd.read_parquet(out) if fmt == "parquet" else pd.read_csv(out, dtype=str, keep_default_na=False)
    return list(frame["id"]), int((frame["error_code"].fillna("") != "").sum())


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
def test_cli_safety_resume_reruns_error_records(tmp_path, monkeypatch, fmt):
    src, out = _folder(tmp_path / "in", 3), tmp_path / f"r.{fmt}"
    with monkeypatch.context() as patch:
        patch.setattr("ppo_nlp.pipeline.document_record", _broken_record)
        assert main(["extract", str(src), "-o", str(out), "--no-ner"]) == 1
    assert _ids_and_errors(out, fmt)[1] == 3
    assert main(["extract", str(src), "-o", str(out), "--no-ner", "--resume"]) == 0
    ids, errors = _ids_and_errors(out, fmt)
    assert sorted(ids) == ["doc0.txt", "doc1.txt", "doc2.txt"] and errors == 0


def _broken_record(doc):
    raise RuntimeError("a bug that a later version fixes")


@pytest.mark.parametrize("stdin, stdin_format, expected", [
    (TEXT_RU.encode(), "auto", ["stdin"]),
    (TEXT_RU.encode(), "text", ["stdin"]),
    ((json.dumps({"id": "x", "text": TEXT_RU}) + "\n" + json.dumps({"text": TEXT_KK}) + "\n").encode(), "auto",
     ["x", "stdin#2"]),
    ((json.dumps({"id": "x", "text": TEXT_RU}) + "\n").encode(), "jsonl", ["x"]),
])
def test_cli_safety_stdin_to_stdout(monkeypatch, capsys, stdin, stdin_format, expected):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(stdin))))
    assert main(["extract", "-", "-o", "-", "--no-ner", "--stdin-format", stdin_format]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == expected and all("error" not in r for r in records)


def test_cli_safety_version(capsys):
    assert _exit(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"ppo-nlp {__version__}"


@pytest.mark.parametrize("files, expected", [
    ({"a.txt": "x", "b.html": "x"}, (2, True)),
    ({"a.txt": "x", "sub/b.txt": "x", ".hidden/c.txt": "x", ".d.txt": "x", "e.png": "x"}, (2, True)),
    ({"a.txt": "x", "b.jsonl": "{}"}, (2, False)),
    ({"a.zip": "x"}, (1, False)),
    ({"notes.docx": "x"}, (1, True)),
    ({}, (0, True)),
])
def test_cli_safety_counts_inputs_for_the_progress_total(tmp_path, files, expected):
    root = tmp_path / "in"
    root.mkdir()
    for name, body in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(body, encoding="utf-8")
    assert batch.count_inputs([str(root)]) == expected
