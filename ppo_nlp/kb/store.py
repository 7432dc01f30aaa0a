"""Opening, checking and writing the SQLite file: one transaction per run, never a foreign file.

A run copies nothing in place: it adds the new records to `sources`, derives every other table again, and
commits once; any error rolls the whole run back, so the database on disk is the one from before.
"""
from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path
from typing import Any, Iterable

from ppo_nlp.kb.schema import DERIVED, FORMAT_NAME, SCHEMA_VERSION, ddl


class KbError(Exception):
    """A usage error: the output is not our database, or cannot be written."""


def _is_ours(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == FORMAT_NAME


def connect(path: Path) -> sqlite3.Connection:
    """Open an existing knowledge base or create a new one; refuse any other file (KbError)."""
    existed = path.exists() and path.stat().st_size > 0
    if path.is_dir():
        raise KbError(f"{path} is a folder, not a database file")
    if not existed and not path.parent.exists():
        raise KbError(f"folder {path.parent} does not exist")
    conn = sqlite3.connect(str(path), isolation_level=None)
    if existed and not _is_ours(conn):
        conn.close()
        raise KbError(f"{path} exists and is not a ppo-nlp knowledge base; refusing to touch it")
    conn.execute("PRAGMA foreign_keys = ON")
    if not existed:
        conn.execute("BEGIN")
        for statement in ddl():
            conn.execute(statement)
        conn.executemany("INSERT INTO meta VALUES (?, ?)",
                         [("format", FORMAT_NAME), ("schema_version", SCHEMA_VERSION)])
        conn.execute("COMMIT")
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if not version or version[0] != SCHEMA_VERSION:
        conn.close()
        raise KbError(f"{path} has schema version {version[0] if version else '?'}, expected {SCHEMA_VERSION}")
    return conn


def pack(record: dict[str, Any]) -> bytes:
    import json
    return zlib.compress(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"), 6)


def unpack(blob: bytes) -> dict[str, Any]:
    import json
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def stored_hashes(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT doc_id, content_hash FROM sources"))


def all_sources(conn: sqlite3.Connection) -> Iterable[dict[str, Any]]:
    """Every stored record, in document id order."""
    for (blob,) in conn.execute("SELECT record FROM sources ORDER BY doc_id"):
        yield unpack(blob)


def replace_derived(conn: sqlite3.Connection, tables: dict[str, list[tuple]]) -> None:
    """Delete and refill every derived table (inside the caller's transaction)."""
    for name in reversed(DERIVED):
        conn.execute(f"DELETE FROM {name}")
    for name in DERIVED:
        rows = tables.get(name, [])
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            conn.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
