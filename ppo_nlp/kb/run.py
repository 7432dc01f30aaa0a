"""`build_kb`: read records, add the new ones to the database, derive every table, commit once.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "r.jsonl").write_text('{"id": "a", "text": "x"}\\n', encoding="utf-8")
25
>>> build_kb([folder / "r.jsonl"], folder / "kb.sqlite").added
1
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ppo_nlp.kb import store
from ppo_nlp.kb.build import derive
from ppo_nlp.kb.store import KbError


@dataclass
class Summary:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    error_records: int = 0
    bad_lines: int = 0
    documents: int = 0


def content_hash(record: dict[str, Any]) -> str:
    """SHA-256 of the record's canonical JSON (keys sorted): the same record always has the same hash."""
    data = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def read_records(paths: list[Path], summary: Summary) -> Iterator[dict[str, Any]]:
    """Processed records of JSONL files (.jsonl or .jsonl.gz); error records and bad lines are counted."""
    for path in paths:
        if not path.is_file():
            raise KbError(f"{path}: no such records file")
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    summary.bad_lines += 1
                    continue
                if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                    summary.bad_lines += 1
                elif "error" in record:
                    summary.error_records += 1
                else:
                    yield record


def _add(conn, records: Iterator[dict[str, Any]], summary: Summary) -> None:
    known = store.stored_hashes(conn)
    for record in records:
        digest = content_hash(record)
        old = known.get(record["id"])
        if old == digest:
            summary.unchanged += 1
            continue
        conn.execute("DELETE FROM documents WHERE doc_id = ?", (record["id"],)) if old else None
        conn.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?)", (record["id"], digest, store.pack(record)))
        known[record["id"]] = digest
        summary.replaced += 1 if old else 0
        summary.added += 0 if old else 1


def _fill(conn) -> int:
    pairs = [(rec, digest) for rec, digest in
             ((store.unpack(b), h) for b, h in conn.execute("SELECT record, content_hash FROM sources ORDER BY doc_id"))]
    store.replace_derived(conn, derive(pairs))
    return len(pairs)


def build_kb(paths: list[Path | str], out: Path | str) -> Summary:
    """Add the records of `paths` to the database `out` (created when absent); one transaction."""
    out, summary = Path(out), Summary()
    fresh = not out.exists()
    target = out.with_name(f".{out.name}.{os.getpid()}.tmp") if fresh else out
    conn = store.connect(target)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("PRAGMA defer_foreign_keys = ON")
        _add(conn, read_records([Path(p) for p in paths], summary), summary)
        if summary.added or summary.replaced or fresh:
            summary.documents = _fill(conn)
        else:  # nothing new: the derived tables already are those of these sources
            summary.documents = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise KbError(f"internal error: {len(problems)} foreign keys do not hold, e.g. {problems[0]}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK") if conn.in_transaction else None
        conn.close()
        target.unlink(missing_ok=True) if fresh else None
        raise
    conn.close()
    if fresh:
        os.replace(target, out)
    return summary
