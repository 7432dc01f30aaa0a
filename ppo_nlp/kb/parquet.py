"""The knowledge base as a folder of Parquet tables: one `<table>.parquet` per table, typed columns."""
from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from ppo_nlp.kb.schema import DERIVED
from ppo_nlp.kb.store import KbError

_TYPES = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64", "BLOB": "binary"}


def _table(conn: sqlite3.Connection, name: str):
    import pyarrow as pa

    info = conn.execute(f"PRAGMA table_info({name})").fetchall()
    schema = pa.schema([(col[1], getattr(pa, _TYPES[col[2]])()) for col in info])
    rows = conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall()
    columns = list(zip(*rows)) if rows else [[] for _ in info]
    return pa.table([pa.array(list(c), type=f.type) for c, f in zip(columns, schema)], schema=schema)


def export(database: Path, folder: Path, overwrite: bool = False) -> list[str]:
    """Write every derived table of `database` into `folder` (absent or empty unless `overwrite`)."""
    import pyarrow.parquet as pq

    if folder.exists() and (not folder.is_dir() or (any(folder.iterdir()) and not overwrite)):
        raise KbError(f"{folder} exists and is not an empty folder (use --overwrite to replace its tables)")
    staging = Path(tempfile.mkdtemp(prefix=".kb-", dir=folder.parent if folder.parent.exists() else None))
    try:
        conn = sqlite3.connect(str(database))
        for name in DERIVED:
            pq.write_table(_table(conn, name), staging / f"{name}.parquet")
        conn.close()
        folder.mkdir(parents=True, exist_ok=True)
        for path in sorted(staging.iterdir()):
            shutil.move(str(path), folder / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return list(DERIVED)
