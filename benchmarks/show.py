"""Speed and size of `ppo-nlp show` on a large archive: records/s, bytes written, archive page size, peak RSS.

The archive is corpus/ run through the pipeline once, then its records repeated with new ids, outlets and
publication months (nothing but the records of corpus/ is used). Prints numbers; asserts nothing.
Run: `.venv/bin/python benchmarks/show.py [--records 5000]`.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ppo_nlp.cli import main as cli  # noqa: E402
from ppo_nlp.show import write_report  # noqa: E402


def archive(n: int, tmp: Path) -> Path:
    """`n` records built from corpus/'s, every 50th an error record, spread over 60 months and 12 outlets."""
    base = tmp / "base.jsonl"
    cli(["extract", str(REPO / "corpus" / "articles"), "-o", str(base)])
    seeds = [json.loads(line) for line in base.read_text(encoding="utf-8").splitlines()]
    out = tmp / "archive.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for i in range(n):
            if i % 50 == 49:
                rec = {"schema_version": "1.0", "id": f"e{i}", "source": f"e{i}",
                       "error": {"code": "E008", "message": "empty"}}
            else:
                month = 1 + i % 60
                rec = {**seeds[i % len(seeds)], "id": f"doc{i}", "outlet": f"outlet{i % 12}.kz",
                       "published": f"{2018 + (month - 1) // 12}-{1 + (month - 1) % 12:02d}-15"}
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ppo-show-bench-") as name:
        tmp = Path(name)
        records = archive(args.records, tmp)
        started = time.perf_counter()
        report = write_report([records], tmp / "report")
        seconds = time.perf_counter() - started
        files = [p for p in (tmp / "report").rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        index = (tmp / "report" / "index.html").stat().st_size
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"records: {args.records} ({report.articles} articles, {report.errors} errors)")
        print(f"time: {seconds:.1f} s, {args.records / seconds:,.0f} records/s")
        print(f"written: {len(files)} files, {size / 1e6:.1f} MB; index.html {index / 1024:.0f} KB")
        print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
