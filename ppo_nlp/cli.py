"""`ppo-nlp extract | detect | evaluate`.

Exit status: 0 when every document became a record, 1 when some became error records, 2 on a usage error
(including an output the run refuses to write), 3 when the run stopped because a worker process died,
130 after Ctrl-C, 128 + the signal number after SIGTERM (143) or SIGHUP (129).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any, Optional, Sequence

from ppo_nlp import __version__
from ppo_nlp.batch import STDIN, STDIN_FORMATS
from ppo_nlp.io.writers import FORMATS, SUFFIXES, guess_format
from ppo_nlp.pipeline import LANGS
from ppo_nlp.kb import cli as kb_cli
from ppo_nlp.show import cli as show_cli

EXIT_FAILED, EXIT_USAGE, EXIT_WORKER_DIED, EXIT_INTERRUPTED = 1, 2, 3, 130


def _seconds(text: str) -> float:
    """An argparse type: a finite number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds above 0, not {text!r}")
    return value


def _positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _extract_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract fact records from files, folders and archives")
    p.add_argument("inputs", nargs="+",
                   help="files or folders: .txt .html .json .jsonl .gz .zip .tar(.gz); - reads standard input")
    p.add_argument("-o", "--output", required=True, help="output file; - writes JSONL to standard output")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from the output suffix)")
    p.add_argument("--workers", type=_positive_int, default=1, help="worker processes (default 1)")
    p.add_argument("--lang", choices=LANGS, default="auto", help="force a language (default: detect)")
    again = p.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true",
                       help="continue an interrupted run into the same output (error records are re-run)")
    again.add_argument("--overwrite", action="store_true", help="replace an existing output")
    p.add_argument("--no-ner", action="store_true", help="rules and gazetteers only")
    p.add_argument("--time-limit", type=_seconds, default=60.0, help="seconds per document before it fails")
    p.add_argument("--stdin-format", choices=STDIN_FORMATS, default="auto",
                   help="what - holds: one text document, or JSONL (default: JSONL when it starts with {)")
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
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _extract_parser(sub)
    _detect_parser(sub)
    _evaluate_parser(sub)
    show_cli.add_parser(sub)
    kb_cli.add_parser(sub)
    return parser


def _progress(records, total: Optional[int]):
    """A progress bar on a terminal (documents and documents/s); silent when stderr is not a terminal."""
    from tqdm import tqdm

    return tqdm(records, total=total, unit="doc", file=sys.stderr, disable=None, dynamic_ncols=True,
                desc="ppo-nlp")


def _records(args: argparse.Namespace, skip: frozenset[str], stats):
    from ppo_nlp.pipeline import Options

    options = Options(lang=args.lang, ner=not args.no_ner, time_limit=args.time_limit)
    if args.dask:
        from ppo_nlp.distributed import run_dask

        return run_dask(args.inputs, options, args.dask, skip=skip, stats=stats, workers=args.workers,
                        stdin_format=args.stdin_format)
    from ppo_nlp import batch

    return batch.run(args.inputs, options, workers=args.workers, skip=skip, stats=stats,
                     stdin_format=args.stdin_format)


def _check_extract(args: argparse.Namespace) -> str:
    """Refuse what cannot run (usage errors, exit 2); the output format."""
    fmt = args.format or guess_format(args.output)
    if fmt is None:
        raise _Usage(f"cannot tell the format of {args.output}: end it in {' '.join(SUFFIXES)} or add --format")
    if args.output == STDIN and (fmt != "jsonl" or args.resume):
        raise _Usage("standard output (-o -) takes JSONL only, and cannot be resumed")
    if args.inputs.count(STDIN) > 1:
        raise _Usage("standard input (-) can be read only once")
    missing = [given for given in args.inputs if given != STDIN and not os.path.lexists(given)]
    if missing:
        raise _Usage(f"no such file or folder: {', '.join(missing)}")
    if args.dask and not _importable("dask.distributed"):
        raise _Usage("--dask needs Dask: pip install 'ppo_nlp[dask]'")
    return fmt


def _importable(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def cmd_extract(args: argparse.Namespace) -> int:
    from ppo_nlp.batch import count_inputs
    from ppo_nlp.io.outputs import OutputLock, check_output, remove_stale_parts
    from ppo_nlp.io.writers import StdoutWriter, open_writer, output_files

    fmt = _check_extract(args)
    files, exact = count_inputs(args.inputs)
    if files == 0:
        raise _Usage(f"no input files in {', '.join(args.inputs)} (looked for {' '.join(_INPUT_SUFFIXES)})")
    if args.output == STDIN:
        return _run(args, StdoutWriter(), files if exact else None)
    check_output(args.output, args.inputs, output_files(args.output, fmt), args.resume, args.overwrite)
    with OutputLock(args.output):
        for target in output_files(args.output, fmt):
            remove_stale_parts(target)
        writer = open_writer(args.output, fmt, resume=args.resume)
        return _run(args, writer, files if exact else None)


_INPUT_SUFFIXES = (".txt", ".html", ".json", ".jsonl", ".gz", ".zip", ".tar")


def _run(args: argparse.Namespace, writer: Any, files: Optional[int]) -> int:
    """Records into `writer`; the exit status. A run that stops early keeps what it wrote."""
    from ppo_nlp.batch import Stats
    from ppo_nlp.procs import stop_on_signals

    done = frozenset(writer.done_ids())
    total = None if files is None else max(files - len(done), 0)
    stats, started = Stats(), time.perf_counter()
    try:
        with stop_on_signals():
            for record in _progress(_records(args, done, stats), total):
                writer.write(record)
    except BaseException as exc:
        writer.abort()
        status = _stopped(exc)
    else:
        writer.close()
        status = EXIT_FAILED if stats.failed else 0
    _summary(stats, time.perf_counter() - started, "standard output" if args.output == STDIN else args.output)
    return status


def _stopped(exc: BaseException) -> int:
    """The exit status of a run stopped by `exc` (re-raised when it is not a way a run stops)."""
    from concurrent.futures.process import BrokenProcessPool

    from ppo_nlp.procs import Terminated

    if isinstance(exc, BrokenProcessPool):
        print("ppo-nlp: a worker process died (killed, out of memory, or it could not start; --workers 1 "
              "shows why); the output keeps every record written: run again with --resume", file=sys.stderr)
        return EXIT_WORKER_DIED
    if isinstance(exc, Terminated):
        print(f"ppo-nlp: stopped by {exc}; run again with --resume to continue", file=sys.stderr)
        return 128 + exc.signum
    if isinstance(exc, KeyboardInterrupt):
        print("ppo-nlp: interrupted; run again with --resume to continue", file=sys.stderr)
        return EXIT_INTERRUPTED
    raise exc


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
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("ppo-nlp: interrupted; run again with --resume to continue", file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0


if __name__ == "__main__":
    sys.exit(main())
