"""Streaming writers for JSONL, CSV, Parquet and SQLite, each able to resume an interrupted run.

Every writer has `done_ids()` (ids `--resume` skips), `write(record)`, `close()` (the run is complete)
and `abort()` (the run stopped: keep what was written). Nothing is opened before the first record, so a
run that fails to start never touches an earlier output. A fresh output is written under a temporary
name beside the target and renamed onto it once its first record is safely on disk; from then on records
are flushed one by one, and a run killed at any moment leaves an output `--resume` continues without
losing or duplicating a document. `--resume` re-runs every error record: JSONL and CSV are rewritten
(atomically, through a renamed temporary file) without them, SQLite deletes them in the same transaction
that inserts the new record, Parquet spools to JSONL and is written only at the end.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterator, Optional

from ppo_nlp.io import csvfile, facttables
from ppo_nlp.io.outputs import StagedFile
from ppo_nlp.io.tables import FLAT_COLUMNS, TABLES, flat_row, table_rows
from ppo_nlp.records import dumps

FORMATS = ("jsonl", "csv", "parquet", "sqlite")
SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".sqlite": "sqlite",
            ".sqlite3": "sqlite", ".db": "sqlite"}


def guess_format(path: str | Path) -> Optional[str]:
    """The format an output path asks for by its suffix (None when the suffix is unknown; JSONL for `-`)."""
    if str(path) == "-":
        return "jsonl"
    return SUFFIXES.get(Path(path).suffix.lower())


def _jsonl_lines(path: Path) -> Iterator[tuple[bytes, str, bool]]:
    """(line, id, is_error) for the complete, parseable lines at the start of a JSONL file."""
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return
            try:
                obj = json.loads(raw)
                yield raw, str(obj["id"]), "error" in obj
            except (ValueError, KeyError, TypeError):
                return


class JsonlWriter:
    """One record per line, flushed line by line."""

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self._fh: Any = None
        self._staged: Optional[StagedFile] = None
        self._done: set[str] = set()
        self._rewrite = not (resume and path.exists())
        if not self._rewrite:
            self._scan()

    def _scan(self) -> None:
        good_end, has_errors = 0, False
        for raw, doc_id, is_error in _jsonl_lines(self.path):
            good_end += len(raw)
            has_errors = has_errors or is_error
            if not is_error:
                self._done.add(doc_id)
        self._keep = has_errors or good_end < self.path.stat().st_size

    def done_ids(self) -> set[str]:
        return set(self._done)

    def _open(self) -> None:
        if not self._rewrite and not self._keep:  # a clean earlier output: append to it
            self._fh = self.path.open("a", encoding="utf-8", newline="\n")
            return
        self._staged = StagedFile(self.path)
        self._fh = self._staged.fh
        if not self._rewrite:  # keep the earlier records, without error records and a cut last line
            for raw, _, is_error in _jsonl_lines(self.path):
                if not is_error:
                    self._fh.write(raw.decode("utf-8"))
            self._staged.promote()

    def write(self, record: dict[str, Any]) -> None:
        if self._fh is None:
            self._open()
        self._fh.write(dumps(record) + "\n")
        self._fh.flush()
        if self._staged is not None and not self._staged.promoted:
            self._staged.promote()

    def close(self) -> None:
        if self._fh is None and self._rewrite:  # a complete run with no record: an empty output
            self._open()
        if self._staged is not None:
            self._staged.promote()
        self.abort()

    def abort(self) -> None:
        if self._staged is not None:
            self._staged.discard()
        elif self._fh is not None:
            self._fh.close()
        self._fh = None


class StdoutWriter:
    """JSONL on standard output (`-o -`)."""

    def done_ids(self) -> set[str]:
        return set()

    def write(self, record: dict[str, Any]) -> None:
        sys.stdout.write(dumps(record) + "\n")
        sys.stdout.flush()

    def close(self) -> None:
        sys.stdout.flush()

    def abort(self) -> None:
        sys.stdout.flush()


def _is_error_row(row: dict[str, str]) -> bool:
    return bool(row.get("error_code"))


class CsvWriter:
    """One row per document; nested lists as JSON text (see `ppo_nlp.io.tables` and `ppo_nlp.io.csvfile`)."""

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self._resume = resume and path.exists()
        rows = csvfile.complete_rows(path) if self._resume else iter(())
        self._done = {csvfile.unescape_cell(r.get("id", "")) for r in rows if not _is_error_row(r)}
        self._staged: Optional[StagedFile] = None
        self._facts: Optional[facttables.CsvFactTables] = None

    def done_ids(self) -> set[str]:
        return set(self._done)

    def _open(self) -> None:
        self._staged = StagedFile(self.path, encoding=csvfile.ENCODING, newline="")
        self._facts = facttables.CsvFactTables(self.path)
        self._csv = csvfile.row_writer(self._staged.fh)
        self._csv.writerow(FLAT_COLUMNS)
        if self._resume:  # earlier rows as they were written, less error rows and a cut last row
            for row in csvfile.complete_rows(self.path):
                if not _is_error_row(row):
                    self._csv.writerow([row.get(c, "") for c in FLAT_COLUMNS])
            for record in facttables.earlier_records(self.path):
                self._facts.write(record)

    def write(self, record: dict[str, Any]) -> None:
        if self._staged is None:
            self._open()
        assert self._staged is not None and self._facts is not None
        self._facts.write(record)  # the facts first: a document row is never without its facts
        flat = flat_row(record)
        self._csv.writerow([csvfile.escape_cell(flat[c]) for c in FLAT_COLUMNS])
        self._staged.fh.flush()
        self._facts.promote()
        self._staged.promote()

    def close(self) -> None:
        if self._staged is None and not self._resume:
            self._open()
        if self._staged is not None and self._facts is not None:
            self._facts.promote()
            self._staged.promote()
        self.abort()

    def abort(self) -> None:
        if self._staged is not None and self._facts is not None:
            self._facts.discard()
            self._staged.discard()


class SqliteWriter:
    """Fact tables (documents, errors, entities, organizations, people, projects, counts, locations).

    A fresh database is built under a temporary name and renamed onto the target after its first commit;
    `--resume` deletes a document's old error row in the transaction that inserts its new record.
    """

    COMMIT_EVERY = 50

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self._resume = resume and path.exists()
        self._db: Optional[sqlite3.Connection] = None
        self._done: set[str] = set()
        if self._resume:
            self._connect(path)
            assert self._db is not None
            self._done = {row[0] for row in self._db.execute("SELECT id FROM documents")}
        self._pending = 0

    def _connect(self, path: Path) -> None:
        try:
            self._db = sqlite3.connect(str(path))
            for name, columns in TABLES.items():
                self._db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns)})")
        except sqlite3.DatabaseError as err:
            raise ValueError(f"{path} is not a ppo-nlp SQLite output: {err}") from err

    def _staged_db(self) -> Path:
        """A new database under a temporary name beside the target, connected."""
        staged = StagedFile(self.path)
        staged.discard()  # only its unique name is used: SQLite makes the file itself
        self._connect(staged.tmp)
        return staged.tmp

    def done_ids(self) -> set[str]:
        return set(self._done)

    def write(self, record: dict[str, Any]) -> None:
        fresh = self._db is None
        if fresh:
            tmp = self._staged_db()
        assert self._db is not None
        if self._resume:
            self._db.execute("DELETE FROM errors WHERE id = ?", (record["id"],))
        for name, rows in table_rows(record).items():
            if rows:
                marks = ", ".join("?" * len(TABLES[name]))
                self._db.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        self._pending += 1
        if fresh:
            self._promote(tmp)
        elif self._pending >= self.COMMIT_EVERY:
            self._db.commit()
            self._pending = 0

    def _promote(self, tmp: Path) -> None:
        """Commit the first record, close, rename the database onto the target and reopen it there."""
        assert self._db is not None
        self._db.commit()
        self._db.close()
        os.replace(tmp, self.path)
        self._connect(self.path)
        self._resume, self._pending = True, 0

    def close(self) -> None:
        if self._db is None:
            if self._resume:
                return
            tmp = self._staged_db()
            self._promote(tmp)  # a complete run with no record: empty tables
        self.abort()

    def abort(self) -> None:
        if self._db is not None:
            self._db.commit()
            self._db.close()
            self._db = None


class ParquetWriter:
    """Spools records as JSONL beside the output (`OUT.partial.jsonl`) and writes Parquet when the run ends.

    A run that stops keeps its spool, which `--resume` continues; the Parquet file is replaced atomically.
    """

    BATCH = 1000

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self.spool = spool_path(path)
        from_parquet = resume and path.exists() and not self.spool.exists()
        self._jsonl: Optional[JsonlWriter] = None if from_parquet else JsonlWriter(self.spool, resume)
        self._done = self._parquet_done() if from_parquet else self._jsonl.done_ids()  # type: ignore[union-attr]

    def _parquet_done(self) -> set[str]:
        import pyarrow.parquet as pq

        table = pq.read_table(self.path, columns=["id", "error_code"]).to_pydict()
        return {i for i, code in zip(table["id"], table["error_code"]) if not code}

    def _respool_existing(self) -> None:
        """The rows of the earlier Parquet file (less error rows) as the start of a new spool."""
        import pyarrow.parquet as pq

        staged = StagedFile(self.spool)
        for row in pq.read_table(self.path).to_pylist():
            if not row.get("error_code"):
                staged.fh.write(json.dumps({"id": row["id"], "__flat__": row}, ensure_ascii=False) + "\n")
        staged.promote()
        staged.discard()

    def done_ids(self) -> set[str]:
        return set(self._done)

    def write(self, record: dict[str, Any]) -> None:
        if self._jsonl is None:
            self._respool_existing()
            self._jsonl = JsonlWriter(self.spool, resume=True)
        self._jsonl.write(record)

    def close(self) -> None:
        if self._jsonl is None:  # resumed with nothing left to do: the Parquet file stands
            return
        self._jsonl.close()
        if self.spool.exists():
            facttables.write_parquet_tables(_spool_records(self.spool), self.path, self.BATCH)
            _spool_to_parquet(self.spool, self.path, self.BATCH)
            self.spool.unlink()

    def abort(self) -> None:
        if self._jsonl is not None:
            self._jsonl.abort()


def spool_path(path: Path) -> Path:
    """Where a Parquet output spools its records until the run ends."""
    return path.with_name(path.name + ".partial.jsonl")


def _spool_rows(spool: Path) -> Any:
    with spool.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            yield obj["__flat__"] if "__flat__" in obj else flat_row(obj)


def _spool_records(spool: Path) -> Any:
    with spool.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            yield facttables.record_of_row(obj["__flat__"]) if "__flat__" in obj else obj


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


def output_files(path: str | Path, fmt: str) -> list[Path]:
    """The files a run writing `path` in `fmt` would find from an earlier run (the output, a Parquet spool,
    the fact tables beside a CSV or Parquet output)."""
    path = Path(path)
    if fmt == "parquet":
        return [path, spool_path(path)] + facttables.table_paths(path)
    return [path] + facttables.table_paths(path) if fmt == "csv" else [path]


def open_writer(path: str | Path, fmt: Optional[str] = None, resume: bool = False) -> Any:
    """A writer for `path` in `fmt` (from the suffix when None); `-` is JSONL on standard output."""
    fmt = fmt or guess_format(path)
    if fmt not in _WRITERS:
        raise ValueError(f"unknown format {fmt!r} for {path}; choose one of {', '.join(FORMATS)} "
                         f"or an output ending in {' '.join(SUFFIXES)}")
    if str(path) == "-":
        if fmt != "jsonl":
            raise ValueError("standard output (-o -) takes JSONL only")
        return StdoutWriter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return _WRITERS[fmt](path, resume)
