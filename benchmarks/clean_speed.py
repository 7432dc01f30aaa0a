"""Cleaner speed: microseconds per character of `ppo_nlp.ingest.clean` on the seed articles and on one big text.

Run: `.venv/bin/python benchmarks/clean_speed.py [--repeat N]`. Prints numbers; asserts nothing.
The big text is the seed articles repeated (about 4 MB); the seed pages are timed one by one, as the
pipeline calls the cleaner.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from ppo_nlp.ingest import clean

try:
    from ppo_nlp.ingest.repetition import learn
except ImportError:  # a checkout from before repetition.py: the cleaner alone is timed
    learn = None

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"


def _time(texts: list[str], repeat: int) -> float:
    """Best seconds over `repeat` runs of clean() on every text."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            clean(text, "text", {})
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    big = "\n".join(pages) * max(1, 4_000_000 // sum(map(len, pages)))
    clean(pages[0], "text", {})  # word lists loaded before timing
    for name, texts in (("seed pages x200", pages * 200), ("one big text", [big])):
        chars = sum(map(len, texts))
        seconds = _time(texts, args.repeat)
        print(f"{name:18} {chars:>10,} chars  {seconds:7.3f} s  {1e6 * seconds / chars:6.3f} us/char")
    if learn is None:
        return
    docs = [(f"site/{i}.txt", page) for i, page in enumerate(pages * 200)]
    start = time.perf_counter()
    learn(docs)
    seconds = time.perf_counter() - start
    chars = sum(len(t) for _, t in docs)
    print(f"{'repetition.learn':18} {chars:>10,} chars  {seconds:7.3f} s  {1e6 * seconds / chars:6.3f} us/char")


if __name__ == "__main__":
    main()
