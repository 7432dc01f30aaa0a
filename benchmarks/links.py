"""Precision and recall of the links of counts (organization, place) against a hand-made link gold.

    python benchmarks/links.py                      # the seeds: corpus/articles vs tests/golden/links/seeds.jsonl
    python benchmarks/links.py RECORDS.jsonl GOLD.jsonl [--errors]

The second form scores records you extracted yourself, for example on ../shared/real against our link
gold for those articles (offsets and ids only; tests/golden/links/README.md):

    ppo-nlp extract ../shared/real/articles -o /tmp/real.jsonl --overwrite
    python benchmarks/links.py /tmp/real.jsonl tests/golden/links/real.jsonl --errors
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ppo_nlp.evaluate_links import link_errors, load_link_gold, score_links

ROOT = Path(__file__).resolve().parents[1]


def seed_records() -> list[dict]:
    """The seed articles through the default pipeline."""
    from ppo_nlp.ingest import iter_inputs
    from ppo_nlp.pipeline import Options, Pipeline
    pipeline = Pipeline(Options())
    return [pipeline.process(raw) for raw in iter_inputs([ROOT / "corpus" / "articles"])]


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    if args:
        with open(args[0], encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        gold = load_link_gold(Path(args[1]))
    else:
        records, gold = seed_records(), load_link_gold(ROOT / "tests" / "golden" / "links" / "seeds.jsonl")
    for field, score in score_links(records, gold).items():
        s = score.as_dict()
        print(f"{field:<13} P {s['precision']:.3f}  R {s['recall']:.3f}   {s['tp_pred']}/{s['pred']}  {s['tp_gold']}/{s['gold']}")
    if "--errors" in argv:
        print("\n".join(link_errors(records, gold)))


if __name__ == "__main__":
    main(sys.argv[1:])
