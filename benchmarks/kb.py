"""`ppo-nlp kb` speed and size: build a knowledge base from records copied N times under new ids.

Each copy of a record gets the id `<copy>/<id>`, so people, organizations and projects repeat across
documents as in a real archive. Prints documents per second for a fresh build, for a re-add of the same
records (nothing changes), and for adding one more copy to the existing database, and the file size.

Usage: `python benchmarks/kb.py RECORDS.jsonl [--copies 40]`.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from ppo_nlp.kb import build_kb


def _copies(records: list[dict], first: int, last: int, out: Path) -> Path:
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(first, last):
            for record in records:
                handle.write(json.dumps({**record, "id": f"{copy}/{record['id']}"}, ensure_ascii=False) + "\n")
    return out


def _timed(label: str, paths: list[Path], db: Path) -> None:
    start = time.perf_counter()
    summary = build_kb(paths, db)
    took = time.perf_counter() - start
    print(f"{label:<28} {summary.documents:>6} documents in db, {summary.added:>6} added, "
          f"{took:7.2f} s, {summary.documents / took:8.1f} documents/s derived")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records")
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    lines = Path(args.records).read_text(encoding="utf-8").splitlines()
    records = [r for r in (json.loads(line) for line in lines if line.strip()) if "error" not in r]
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp), Path(tmp) / "kb.sqlite"
        base = _copies(records, 0, args.copies, folder / "base.jsonl")
        _timed("fresh build", [base], db)
        _timed("same records again", [base], db)
        _timed("one more copy", [_copies(records, args.copies, args.copies + 1, folder / "more.jsonl")], db)
        print(f"database size: {db.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
