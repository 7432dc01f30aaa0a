"""`ppo-nlp extract | detect | evaluate`.

Exit status: 0 when every document became a record, 1 when some became error records, 2 on a usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

from ppo_nlp.io.writers import FORMATS, guess_format, open_writer
from ppo_nlp.pipeline import LANGS
from ppo_nlp.kb import cli as kb_cli
from ppo_nlp.show import cli as show_cli


def _extract_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract fact records from files, folders and archives")
    p.add_argument("inputs", nargs="+", help="files or folders: .txt .html .json .jsonl .gz .zip .tar(.gz)")
    p.add_argument("-o", "--output", required=True, help="output file")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from the output suffix)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--lang", choices=LANGS, default="auto", help="force a language (default: detect)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run into the same output")
    p.add_argument("--no-ner", action="store_true", help="rules and gazetteers only")
    p.add_argument("--time-limit", type=float, default=60.0, help="seconds per document before it fails")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="run on a Dask cluster: 'local' (a local cluster of --workers processes) or an address")


def _detect_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("detect", help="language of each document (and its passages with --segments)")
    p.add_argument("inputs", nargs="+")
    p.add_argument("--segments", action="store_true", help="also print the language of each passage")


def _evaluate_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="score JSONL records against gold facts")
    p.add_argument("records", help="JSONL written by `ppo-nlp extract`")
    p.add_argument("--gold", default="corpus/gold", help="folder of gold JSON files (default corpus/gold)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ppo-nlp", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    _extract_parser(sub)
    _detect_parser(sub)
    _evaluate_parser(sub)
    show_cli.add_parser(sub)
    kb_cli.add_parser(sub)
    return parser


def _progress(records):
    """A progress bar on a terminal (documents and documents/s); silent when stderr is not a terminal."""
    from tqdm import tqdm

    return tqdm(records, unit="doc", file=sys.stderr, disable=None, dynamic_ncols=True, desc="ppo-nlp")


def _records(args: argparse.Namespace, skip: frozenset[str], stats):
    from ppo_nlp.pipeline import Options

    options = Options(lang=args.lang, ner=not args.no_ner, time_limit=args.time_limit or None)
    if args.dask:
        from ppo_nlp.distributed import run_dask

        return run_dask(args.inputs, options, args.dask, skip=skip, stats=stats, workers=max(args.workers, 1))
    from ppo_nlp import batch

    return batch.run(args.inputs, options, workers=args.workers, skip=skip, stats=stats)


def cmd_extract(args: argparse.Namespace) -> int:
    from ppo_nlp.batch import Stats

    if args.workers < 1:
        raise _Usage("--workers must be at least 1")
    writer = open_writer(args.output, args.format or guess_format(args.output), resume=args.resume)
    stats, started = Stats(), time.perf_counter()
    try:
        for record in _progress(_records(args, frozenset(writer.done_ids()), stats)):
            writer.write(record)
    finally:
        writer.close()
    _summary(stats, time.perf_counter() - started, args.output)
    return 1 if stats.failed else 0


def _summary(stats, seconds: float, output: str) -> None:
    speed = stats.chars / seconds if seconds > 0 else 0.0
    print(f"ppo-nlp: {stats.documents} documents, {stats.failed} failed, {stats.skipped} skipped (resume), "
          f"{speed:,.0f} chars/s, {seconds:.1f} s -> {output}", file=sys.stderr)


def cmd_detect(args: argparse.Namespace) -> int:
    from ppo_nlp.ingest import clean, iter_inputs
    from ppo_nlp.lang import detect_language, segment_languages

    failed = 0
    for raw in iter_inputs(args.inputs):
        if raw.error is not None:
            failed += 1
            print(json.dumps({"id": raw.id, "error": {"code": raw.error.code, "message": raw.error.message}},
                             ensure_ascii=False))
            continue
        text = clean(raw.text or "", raw.kind, raw.meta).text
        result = detect_language(text)
        out = {"id": raw.id, "lang": result.lang, "score": round(result.score, 4)}
        if args.segments:
            out["segments"] = [{"start": s.start, "end": s.end, "lang": s.lang} for s in segment_languages(text)]
        print(json.dumps(out, ensure_ascii=False))
    return 1 if failed else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ppo_nlp.evaluate import evaluate_files, format_table

    if not Path(args.records).is_file() or not Path(args.gold).is_dir():
        raise _Usage(f"need a records file and a gold folder: {args.records}, {args.gold}")
    scores = evaluate_files(Path(args.records), Path(args.gold))
    print(json.dumps(scores, ensure_ascii=False, indent=1) if args.json else format_table(scores))
    return 0


class _Usage(Exception):
    """A usage error: exit status 2."""


_COMMANDS = {"extract": cmd_extract, "detect": cmd_detect, "evaluate": cmd_evaluate, "show": show_cli.cmd_show,
             "kb": kb_cli.cmd_kb}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except _Usage as exc:
        parser.error(str(exc))
    except (ValueError, OSError) as exc:
        print(f"ppo-nlp: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ppo-nlp: interrupted; run again with --resume to continue", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
