"""Streaming writers for JSONL, CSV, Parquet and SQLite, each able to resume an interrupted run.

Every writer has `done_ids()` (ids already written, for `--resume`), `write(record)` and `close()`.
A run killed at any moment leaves an output that `--resume` can continue without losing or duplicating
a document: JSONL and CSV drop a half-written last line, SQLite commits whole transactions, Parquet spools
to JSONL and is written only at the end.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path
from typing import Any, Optional

from ppo_nlp.io.tables import FLAT_COLUMNS, TABLES, flat_row, table_rows
from ppo_nlp.records import dumps

FORMATS = ("jsonl", "csv", "parquet", "sqlite")
_SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".sqlite": "sqlite",
             ".sqlite3": "sqlite", ".db": "sqlite"}


def guess_format(path: str | Path) -> str:
    """The format an output path asks for by its suffix (JSONL when unknown)."""
    return _SUFFIXES.get(Path(path).suffix.lower(), "jsonl")


def _valid_jsonl_prefix(path: Path) -> tuple[list[str], int]:
    """Ids of the complete, parseable lines at the start of a JSONL file, and where they end."""
    ids, good_end, offset = [], 0, 0
    with path.open("rb") as fh:
        for raw in fh:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                break
            try:
                ids.append(json.loads(raw)["id"])
            except (ValueError, KeyError, TypeError):
                break
            good_end = offset
    return ids, good_end


class JsonlWriter:
    """One record per line, flushed line by line."""

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self._done: list[str] = []
        if resume and path.exists():
            self._done, good_end = _valid_jsonl_prefix(path)
            with path.open("r+b") as fh:
                fh.truncate(good_end)
        self._fh = path.open("a" if resume else "w", encoding="utf-8", newline="\n")

    def done_ids(self) -> set[str]:
        return set(self._done)

    def write(self, record: dict[str, Any]) -> None:
        self._fh.write(dumps(record) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def _read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Complete rows of an earlier CSV run (a row cut short by a kill is dropped)."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text = text[: text.rfind("\n") + 1]
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    return [r for r in rows if None not in r and all(v is not None for v in r.values())]


class CsvWriter:
    """One row per document; nested lists as JSON text (see `ppo_nlp.io.tables`)."""

    def __init__(self, path: Path, resume: bool) -> None:
        kept = _read_csv_rows(path) if resume and path.exists() else []
        self._done = [row["id"] for row in kept]
        self._fh = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.DictWriter(self._fh, fieldnames=FLAT_COLUMNS, lineterminator="\n")
        self._csv.writeheader()
        self._csv.writerows(kept)
        self._fh.flush()

    def done_ids(self) -> set[str]:
        return set(self._done)

    def write(self, record: dict[str, Any]) -> None:
        self._csv.writerow(flat_row(record))
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


class SqliteWriter:
    """Fact tables (documents, errors, entities, organizations, people, projects, counts, locations)."""

    COMMIT_EVERY = 50

    def __init__(self, path: Path, resume: bool) -> None:
        if not resume and path.exists():
            path.unlink()
        self._db = sqlite3.connect(str(path))
        for name, columns in TABLES.items():
            self._db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns)})")
        self._pending = 0

    def done_ids(self) -> set[str]:
        rows = self._db.execute("SELECT id FROM documents UNION SELECT id FROM errors")
        return {row[0] for row in rows}

    def write(self, record: dict[str, Any]) -> None:
        for name, rows in table_rows(record).items():
            if rows:
                marks = ", ".join("?" * len(TABLES[name]))
                self._db.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        self._pending += 1
        if self._pending >= self.COMMIT_EVERY:
            self._db.commit()
            self._pending = 0

    def close(self) -> None:
        self._db.commit()
        self._db.close()


class ParquetWriter:
    """Spools records as JSONL beside the output and writes the Parquet file when the run ends."""

    BATCH = 1000

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self.spool = path.with_name(path.name + ".partial.jsonl")
        if resume and path.exists() and not self.spool.exists():
            self._respool_existing()
        self._jsonl = JsonlWriter(self.spool, resume)

    def _respool_existing(self) -> None:
        import pyarrow.parquet as pq

        with self.spool.open("w", encoding="utf-8") as fh:
            for row in pq.read_table(self.path).to_pylist():
                fh.write(json.dumps({"id": row["id"], "__flat__": row}, ensure_ascii=False) + "\n")

    def done_ids(self) -> set[str]:
        return self._jsonl.done_ids()

    def write(self, record: dict[str, Any]) -> None:
        self._jsonl.write(record)

    def close(self) -> None:
        self._jsonl.close()
        _spool_to_parquet(self.spool, self.path, self.BATCH)
        self.spool.unlink()


def _spool_rows(spool: Path) -> Any:
    with spool.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            yield obj["__flat__"] if "__flat__" in obj else flat_row(obj)


def _parquet_schema() -> Any:
    import pyarrow as pa

    types = {"lang_score": pa.float64()}
    return pa.schema([(name, types.get(name, pa.string())) for name in FLAT_COLUMNS])


def _spool_to_parquet(spool: Path, out: Path, batch: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    tmp = out.with_name(out.name + ".tmp")
    with pq.ParquetWriter(str(tmp), schema) as writer:
        rows: list[dict[str, Any]] = []
        for row in _spool_rows(spool):
            rows.append(row)
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    os.replace(tmp, out)


_WRITERS = {"jsonl": JsonlWriter, "csv": CsvWriter, "sqlite": SqliteWriter, "parquet": ParquetWriter}


def open_writer(path: str | Path, fmt: Optional[str] = None, resume: bool = False) -> Any:
    """A writer for `path` in `fmt` (guessed from the suffix when None)."""
    fmt = fmt or guess_format(path)
    if fmt not in _WRITERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return _WRITERS[fmt](path, resume)
