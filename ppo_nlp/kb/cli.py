"""`ppo-nlp kb RECORDS… -o archive.sqlite`: the archive as a database (registered by `ppo_nlp.cli`)."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kb", help="build or extend the knowledge base (SQLite, or a folder of Parquet tables)")
    p.add_argument("records", nargs="+", help="JSONL records written by `ppo-nlp extract` (.jsonl or .jsonl.gz)")
    p.add_argument("-o", "--output", required=True,
                   help="SQLite file (created, or extended when it is already a knowledge base), or a folder "
                        "for --format parquet")
    p.add_argument("--format", choices=("sqlite", "parquet"), default="sqlite")
    p.add_argument("--overwrite", action="store_true", help="parquet: replace the tables of a non-empty folder")


def cmd_kb(args: argparse.Namespace) -> int:
    """Exit 0 when every line was read, 1 when some lines were unreadable or error records, 2 on misuse."""
    from ppo_nlp.kb.parquet import export
    from ppo_nlp.kb.run import build_kb
    from ppo_nlp.kb.store import KbError

    out = Path(args.output)
    try:
        if args.format == "parquet":
            if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not args.overwrite)):
                raise KbError(f"{out} exists and is not an empty folder (use --overwrite to replace its tables)")
            with tempfile.TemporaryDirectory() as tmp:
                summary = build_kb(args.records, Path(tmp) / "kb.sqlite")
                export(Path(tmp) / "kb.sqlite", out, overwrite=args.overwrite)
        else:
            summary = build_kb(args.records, out)
    except KbError as exc:
        print(f"ppo-nlp kb: error: {exc}", file=sys.stderr)
        return 2
    print(f"ppo-nlp kb: {summary.documents} documents ({summary.added} added, {summary.replaced} replaced, "
          f"{summary.unchanged} unchanged), {summary.error_records} error records, {summary.bad_lines} "
          f"unreadable lines -> {out}", file=sys.stderr)
    return 1 if summary.bad_lines or summary.error_records else 0
