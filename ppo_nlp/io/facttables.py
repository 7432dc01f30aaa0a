"""One table per fact type beside a CSV or Parquet output: the documented layout of `ppo-nlp extract`.

`OUT.csv` (or `OUT.parquet`) keeps one row per document; beside it, for each fact type, `OUT.<table>.csv`
(or `.parquet`) with one row per fact and the columns of `ppo_nlp.io.tables.TABLES`: every row starts with
`doc_id` and carries its evidence (`start`, `end`: character offsets of the first mention in the record's
clean `text`; `entities` holds every mention with its offsets).

>>> [p.name for p in table_paths(Path("out/records.csv"))][:2]
['records.organizations.csv', 'records.people.csv']

The CSV tables are written like the document file (`ppo_nlp.io.csvfile`): UTF-8 with BOM, CRLF, cells that
would start a formula neutralised, each under a temporary name renamed onto the target with the first
record. `--resume` rebuilds them from the document file's complete rows, so they never hold a document
twice nor one the document file lacks.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Optional

from ppo_nlp.io import csvfile
from ppo_nlp.io.outputs import StagedFile
from ppo_nlp.io.tables import DOC_NESTED, DOC_SCALARS, TABLES, table_rows

FACT_TABLES = ("organizations", "people", "counts", "projects", "locations", "entities")
INT_COLUMNS = frozenset({"start", "end", "n_mentions"})
FLOAT_COLUMNS = frozenset({"value", "min", "max", "score"})


def table_paths(path: Path) -> list[Path]:
    """`OUT.<table><suffix>` for every fact table, in FACT_TABLES order."""
    return [table_path(path, name) for name in FACT_TABLES]


def table_path(path: Path, name: str) -> Path:
    return path.with_name(f"{path.stem}.{name}{path.suffix}")


def record_of_row(row: dict[str, Any]) -> dict[str, Any]:
    """The record a flat document row stands for (nested lists parsed back from JSON text)."""
    record = {key: row.get(key) for key in DOC_SCALARS}
    record.update({key: json.loads(row[key]) if row.get(key) else [] for key in DOC_NESTED})
    return record


class CsvFactTables:
    """The CSV fact tables of one run, written record by record."""

    def __init__(self, path: Path) -> None:
        self._staged = {name: StagedFile(table_path(path, name), encoding=csvfile.ENCODING, newline="")
                        for name in FACT_TABLES}
        self._csv = {name: csvfile.row_writer(s.fh) for name, s in self._staged.items()}
        for name, writer in self._csv.items():
            writer.writerow(TABLES[name])

    def write(self, record: dict[str, Any]) -> None:
        """The record's rows in every table (nothing for an error record), flushed."""
        if "error" in record:
            return
        rows = table_rows(record)
        for name, writer in self._csv.items():
            writer.writerows([csvfile.escape_cell(v) for v in row] for row in rows[name])
            self._staged[name].fh.flush()

    def promote(self) -> None:
        for staged in self._staged.values():
            staged.promote()

    def discard(self) -> None:
        for staged in self._staged.values():
            staged.discard()


def earlier_records(path: Path) -> Iterable[dict[str, Any]]:
    """Records rebuilt from the complete, non-error rows of an earlier CSV document file."""
    for row in csvfile.complete_rows(path):
        if not row.get("error_code"):
            yield record_of_row({k: csvfile.unescape_cell(v) for k, v in row.items()})


def _arrow_schema(name: str) -> Any:
    import pyarrow as pa

    def kind(column: str) -> Any:
        return pa.int64() if column in INT_COLUMNS else pa.float64() if column in FLOAT_COLUMNS else pa.string()
    return pa.schema([(c, kind(c)) for c in TABLES[name]])


def write_parquet_tables(records: Iterable[dict[str, Any]], path: Path, batch: int = 1000) -> None:
    """Every fact table of `records` as `OUT.<table>.parquet`, each through a temporary file and a rename."""
    import pyarrow.parquet as pq

    tmps = {name: table_path(path, name).with_name(f".{table_path(path, name).name}.{os.getpid()}.tmp")
            for name in FACT_TABLES}
    writers = {name: pq.ParquetWriter(str(tmps[name]), _arrow_schema(name)) for name in FACT_TABLES}
    pending: dict[str, list[tuple]] = {name: [] for name in FACT_TABLES}
    try:
        for record in records:
            _add_rows(record, pending, writers, batch)
        _add_rows(None, pending, writers, 0)
    finally:
        for writer in writers.values():
            writer.close()
    for name, tmp in tmps.items():
        os.replace(tmp, table_path(path, name))


def _add_rows(record: Optional[dict[str, Any]], pending: dict[str, list[tuple]], writers: dict[str, Any],
              batch: int) -> None:
    """Queue one record's rows; write a table's queue once it holds `batch` rows (0: now)."""
    import pyarrow as pa

    rows = table_rows(record) if record is not None and "error" not in record else {}
    for name, writer in writers.items():
        pending[name].extend(rows.get(name, []))
        if len(pending[name]) >= batch:
            columns = list(zip(*pending[name])) or [[] for _ in TABLES[name]]
            writer.write_table(pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in
                                                     zip(columns, writer.schema)], schema=writer.schema))
            pending[name] = []
