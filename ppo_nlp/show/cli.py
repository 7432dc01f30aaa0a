"""`ppo-nlp show RECORDS… -o REPORT/`: the static HTML report (registered by `ppo_nlp.cli`)."""
from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="write a static HTML report: article pages with highlighted evidence, "
                                    "an archive page with charts")
    p.add_argument("records", nargs="+", help="JSONL records written by `ppo-nlp extract` (.jsonl or .jsonl.gz)")
    p.add_argument("-o", "--output", required=True, help="report folder (created; must be absent or empty)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing non-empty report folder")


def cmd_show(args: argparse.Namespace) -> int:
    """Exit 0 when every line was shown, 1 when some lines were unreadable or records failed, 2 on misuse."""
    from ppo_nlp.show.report import ReportError, write_report

    try:
        report = write_report(args.records, args.output, overwrite=args.overwrite, progress=True)
    except ReportError as exc:
        print(f"ppo-nlp show: error: {exc}", file=sys.stderr)
        return 2
    print(f"ppo-nlp show: {report.articles} articles, {report.errors} error records, {report.bad_lines} "
          f"unreadable lines, {report.failed} failed -> {report.out / 'index.html'}", file=sys.stderr)
    return 1 if report.bad_lines or report.failed else 0
