"""NER benchmark: per-label P/R/F1 on the dev splits and throughput (chars/s), natasha beside ours for ru.

    .venv/bin/python benchmarks/ner.py [--lang kk ru en] [--no-natasha] [--records] [--json out.json]

`--records` adds the full pipeline's record `entities` (rules + NER, merged) beside the model alone, on the
whole dev set and on each of its parts (`tune`, where merges are chosen; `held-out`, only ever scored).

natasha's slovnet NER (slovnet_ner_news_v1 + navec_news_v1, both shipped in the natasha wheel) is loaded
with slovnet and navec only, so pymorphy2 is never needed. Install for the benchmark only:
`.venv/bin/pip install --no-deps natasha slovnet navec razdel`.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from ner_eval import (compare_ru, dev_labels, dev_sets, evaluate, format_table, ours, records,  # noqa: E402
                      split_parts)

from ppo_nlp.paths import shared_data_dir  # noqa: E402


def run(langs: list[str], with_natasha: bool, with_records: bool = False) -> dict:
    """Scores of every requested language on every dev set, whole and per part (`tune`, `held-out`): the
    model alone, the records' entities (`with_records`) and, for ru, natasha (PER/ORG/LOC) and the hybrid."""
    data = shared_data_dir()
    if data is None:
        raise SystemExit("public corpora not found: set PPO_NLP_DATA")
    results: dict = {}
    for lang in langs:
        predict, merged = ours(lang), records(lang) if with_records else None
        for name, samples in dev_sets(lang, data).items():
            for part, some in {"all": samples, **split_parts(samples)}.items():
                where = f"{lang}/{name}" + ("" if part == "all" else f"[{part}]")
                results[f"{where}/ours"] = evaluate(predict, some, dev_labels(name))
                if merged is not None:
                    results[f"{where}/records' entities"] = evaluate(merged, some, dev_labels(name))
                if lang == "ru" and with_natasha:
                    for system, result in compare_ru(some, predict, dev_labels(name)).items():
                        results[f"{where}/{system}"] = result
    return results


def summary(results: dict) -> str:
    """One line per dev set and part: micro-F1 of each system (the per-label tables come before)."""
    rows: dict[str, dict[str, float]] = {}
    for key, result in results.items():
        lang, where, system = key.split("/", 2)
        rows.setdefault(f"{lang}/{where}", {})[system] = result["micro"]["f"]
    systems = list(dict.fromkeys(system for row in rows.values() for system in row))
    lines = ["| dev set [part] | " + " | ".join(systems) + " |", "|---" * (len(systems) + 1) + "|"]
    for where, row in rows.items():
        lines.append(f"| {where} | " + " | ".join(f"{row[s]:.3f}" if s in row else "—" for s in systems) + " |")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    """Print a table per (language, dev set, system)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", nargs="+", default=["kk", "ru", "en"], choices=["kk", "ru", "en"])
    ap.add_argument("--no-natasha", action="store_true")
    ap.add_argument("--records", action="store_true", help="also score the records' entities (full pipeline)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    results = run(args.lang, not args.no_natasha, args.records)
    for key, result in results.items():
        print(f"## {key}  ({result['chars_per_s']:,} chars/s)\n\n{format_table(result)}\n")
    print(f"## micro-F1 (`held-out` parts never chose a rule, a merge or a threshold)\n\n{summary(results)}\n")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print("torch imported:", "torch" in sys.modules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
