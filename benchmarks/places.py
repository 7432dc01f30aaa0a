"""Place lookup benchmark: how many gold locations `normalize.places.lookup` resolves, and how fast.

    .venv/bin/python benchmarks/places.py [--shared /work/shared]

Reads the `locations` of every gold file in `<shared>/real/gold` and `<shared>/gold` (default: ../shared
beside the repository). Three numbers per gold set:
- nominative: the gold name (as a careful reader wrote it, in the nominative) finds at least one place;
- in text: every phrase of the article whose words start like the gold name's words (the inflected
  mentions: «Алгинском районе» for «Алгинский район») finds the same place as the gold name;
- ambiguous: gold names with more than one candidate (a caller then prefers the article's oblast).
Speed: microseconds per lookup, first call of a form (no result cache) and repeated calls (cached), and
the one-off load time of the tables and indexes.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ppo_nlp.normalize import places as pl  # noqa: E402
from ppo_nlp.text import fold  # noqa: E402

LANG_OF_SCRIPT = {"Latn": "latin"}


def gold_items(gold_dir: Path, articles: Path) -> list[tuple[str, str, str]]:
    """(gold name, lang, article text) for every gold location."""
    items = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        lang = LANG_OF_SCRIPT.get(gold.get("script", ""), gold.get("lang", "ru"))
        article = articles / f"{path.stem}.txt"
        text = article.read_text(encoding="utf-8") if article.exists() else ""
        for loc in gold.get("locations") or []:
            name = loc if isinstance(loc, str) else loc.get("name", "")
            items.append((name, lang, text))
    return items


def mentions(name: str, text: str) -> list[str]:
    """Phrases of `text` whose words start with the first 4 letters of the gold name's words, in order."""
    want = [fold(w)[:4] for w in name.split()]
    words = text.split()
    out = []
    for i in range(len(words) - len(want) + 1):
        window = [w.strip("\"'«»“”()[],.;:!?") for w in words[i: i + len(want)]]
        if all(fold(w).startswith(p) for w, p in zip(window, want)):
            out.append(" ".join(window))
    return out


def score(items: list[tuple[str, str, str]]) -> dict[str, int]:
    counts = {"gold": len(items), "nominative": 0, "ambiguous": 0, "text_forms": 0, "text_found": 0}
    for name, lang, text in items:
        found = {p.id for p in pl.lookup(name, lang)}
        counts["nominative"] += bool(found)
        counts["ambiguous"] += len(found) > 1
        for form in mentions(name, text):
            counts["text_forms"] += 1
            counts["text_found"] += bool(found & {p.id for p in pl.lookup(form, lang)})
    return counts


def speed(forms: list[tuple[str, str]], rounds: int = 5) -> tuple[float, float]:
    """(µs per uncached lookup, µs per cached lookup) over `forms`."""
    raw = pl._lookup.__wrapped__
    start = time.perf_counter()
    for _ in range(rounds):
        for form, lang in forms:
            raw(form, lang)
    cold = (time.perf_counter() - start) / (rounds * len(forms)) * 1e6
    start = time.perf_counter()
    for _ in range(rounds * 20):
        for form, lang in forms:
            pl.lookup(form, lang)
    warm = (time.perf_counter() - start) / (rounds * 20 * len(forms)) * 1e6
    return cold, warm


def capitalised(sets: dict[str, tuple[Path, Path]]) -> set[tuple[str, str]]:
    """(word, lang) for every distinct capitalised word of the articles: what a tagger would hand over."""
    out = set()
    for gold_dir, articles in sets.values():
        for path in sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []:
            gold = json.loads(path.read_text(encoding="utf-8"))
            lang = LANG_OF_SCRIPT.get(gold.get("script", ""), gold.get("lang", "ru"))
            article = articles / f"{path.stem}.txt"
            text = article.read_text(encoding="utf-8") if article.exists() else ""
            out |= {(w.strip("\"'«»“”()[],.;:!?"), lang) for w in text.split() if w[:1].isupper()}
    return {(w, lang) for w, lang in out if w}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    sets = {"real": (args.shared / "real" / "gold", args.shared / "real" / "articles"),
            "seeds": (args.shared / "gold", args.shared / "seeds")}
    if not any(g.is_dir() for g, _ in sets.values()):
        parser.error(f"no gold under {args.shared} (give --shared)")
    start = time.perf_counter()
    pl._index(False), pl._index(True)
    print(f"load: {time.perf_counter() - start:.2f} s for {len(pl.places())} places")
    forms = []
    for label, (gold_dir, articles) in sets.items():
        items = gold_items(gold_dir, articles) if gold_dir.is_dir() else []
        c = score(items)
        print(f"{label}: {c['nominative']}/{c['gold']} gold locations resolved, {c['ambiguous']} ambiguous; "
              f"in text {c['text_found']}/{c['text_forms']} inflected mentions resolve to the gold place")
        forms += [(m, lang) for name, lang, text in items for m in [name] + mentions(name, text)]
    cold, warm = speed(forms)
    print(f"speed, gold forms: {cold:.1f} µs per uncached lookup, {warm:.2f} µs cached ({len(forms)} forms)")
    words = sorted(capitalised(sets))
    cold, warm = speed(words, rounds=1)
    hits = sum(bool(pl.lookup(w, lang)) for w, lang in words)
    print(f"speed, every capitalised word of the articles: {cold:.1f} µs uncached, {warm:.2f} µs cached "
          f"({len(words)} words, {hits} name some place)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
