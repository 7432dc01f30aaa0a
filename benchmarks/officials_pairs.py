"""The scorer the officials benchmarks share: (person, position) pairs of the records users get, matched against
a corpus's gold pairs, per tune / held-out part.

Prediction: the `people` of the record of `ppo_nlp.load(lang="ru")` (as shipped: cleaning, NER and every stage
of the row), so that a pair the officials extractor finds and a later step loses (the cleaner, the entities the
stage reads, a stage that rewrites `people`) counts as missed. `--bare` scores `extract_officials` alone on a
bare `Document` instead (no cleaning, no NER, no other stage), to tell the extractor's misses from the row's.
The Russian NER model trained on the even-indexed half of factRuEval-2016 dev (`scripts/train_ner.py`), about
half of each of its parts; NEREL dev is unseen by it.

A gold pair is (words, head): `words` are the folded words naming the person (each word as written and its
pymorphy3 normal form), `head` the head lemma of the job. A predicted pair is (keys, head): `keys` are the
folded nominative surname of a `Person` (last word of its name) and the surname as written in each of its
mentions (last word of the mention), so that a surname the gold spells inflected («Обамы») or in the
nominative («Обама Барак») counts the same. One pair per (surname, head lemma).

Matching (one-to-one, per document): a predicted pair matches a gold pair with the same head lemma when one of
its keys is one of the gold words. The head lemma is the normal form of the first word that can be a noun,
an animate reading first («премьера» -> «премьер», «главою» -> «глава»), or of the first word when none can;
«экс-» is dropped («экс-президент» -> «президент»: NEREL leaves it out of the span, factRuEval keeps it in).

Split: the parity of the SHA-1 of the document id (the file stem), even -> tune, odd -> held-out, the rule of
`scripts/ner_eval.part_of`. Rules are tuned on the tune parts only; `--show` never prints a held-out document.

Usage: `python benchmarks/officials_pairs.py [--show N] [--tune] [--bare]` scores both corpora (factRuEval-2016
dev Occupation, NEREL dev WORKS_AS) and the sum of their tune F1 (`--tune`: the tune parts only); each corpus also
has its own script.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict
import sys
import time
from pathlib import Path
from functools import lru_cache
from typing import Callable, Iterable, Optional

from ppo_nlp.doc import Document
from ppo_nlp.extract.officials import extract_officials
from ppo_nlp.normalize.names import parses
from ppo_nlp.records import document_record
from ppo_nlp.text import fold, word_spans

Pair = tuple[frozenset[str], str]  # (person words or keys, head lemma)
PARTS = ("tune", "held-out", "all")


def head_lemma(title: str) -> str:
    """Normal form of the first word of a title that can be a noun (the first word when none can); «экс-»
    dropped (NEREL leaves it out of the span, factRuEval keeps it in), and so are single letters («И. о. главы»)."""
    words = [_no_ex(t.text) for t in word_spans(title) if t.text[:1].isalpha() and len(t.text) > 1]  # not «И. о.»
    for w in words:
        nouns = [p for p in parses(w.lower()) if p.tag.POS == "NOUN"]
        if nouns:
            return fold(next((p for p in nouns if "anim" in p.tag), nouns[0]).normal_form)
    ps = parses(words[0].lower()) if words else []
    return fold(ps[0].normal_form) if ps else ""


def _no_ex(word: str) -> str:
    return word[4:] if word.lower().startswith("экс-") and len(word) > 6 else word


def words_of(text: str) -> list[str]:
    """The words of a name («А.Лукашенко» -> А, Лукашенко)."""
    return [t.text for t in word_spans(text) if t.text[:1].isalpha()]


def name_words(words: Iterable[str]) -> frozenset[str]:
    """The folded words of a name as written and in their normal form («Лизу» -> лизу, лиза)."""
    out = set()
    for w in words:
        out.add(fold(w))
        ps = parses(w)
        if ps and w[:1].isupper():
            named = [p for p in ps if {"Name", "Surn", "Patr"} & p.tag.grammemes]
            out.add(fold((named or ps)[0].normal_form))
    return frozenset(out)


@lru_cache(maxsize=None)
def pipeline():
    """The Russian pipeline as shipped (`ppo_nlp.load(lang="ru")`, NER on), loaded once."""
    import ppo_nlp

    return ppo_nlp.load(lang="ru", time_limit=None)


def predicted_pairs(text: str) -> set[Pair]:
    """(surname keys, head lemma) of every (person, title) of the record of a Russian text: what users get."""
    return people_pairs(document_record(pipeline()(text, id="d"))["people"])


def bare_pairs(text: str) -> set[Pair]:
    """The same of `extract_officials` alone, on a bare `Document` (no cleaning, no NER, no other stage)."""
    _, people = extract_officials(Document("d", "d", text, lang="ru"))
    return people_pairs(asdict(p) for p in people)


def people_pairs(people: Iterable[dict]) -> set[Pair]:
    """(surname keys, head lemma) of the `people` of a record: one pair per (surname, head lemma)."""
    out: dict[tuple[str, str], set[str]] = {}
    for p in people:
        surname = fold(p["name"].split()[-1])
        keys = {surname} | {fold(words_of(m["text"])[-1]) for m in p["mentions"] if words_of(m["text"])}
        for pos in p["positions"]:
            out.setdefault((surname, head_lemma(pos["title"])), set()).update(keys)
    return {(frozenset(keys), head) for (_, head), keys in out.items()}


def match(pred: set[Pair], gold: set[Pair]) -> int:
    """One-to-one matches: a key of the prediction among the gold words, and the same head lemma."""
    left, hits = sorted(gold, key=_order), 0
    for keys, head in sorted(pred, key=_order):
        hit = next((g for g in left if head == g[1] and keys & g[0]), None)
        if hit:
            left.remove(hit)
            hits += 1
    return hits


def _order(pair: Pair) -> tuple:
    return pair[1], sorted(pair[0])


def part(stem: str) -> str:
    """«tune» or «held-out»: the parity of the SHA-1 of the document id, stable across machines and runs."""
    return "held-out" if hashlib.sha1(stem.encode("utf-8")).digest()[-1] % 2 else "tune"


def f1(counts: list[int]) -> tuple[float, float, float]:
    tp, n_pred, n_gold = counts[:3]
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, counts: list[int]) -> None:
    tp, n_pred, n_gold, docs = counts
    p, r, f = f1(counts)
    print(f"{name:9} docs={docs:3} gold={n_gold:4} predicted={n_pred:4} matched={tp:4}  "
          f"precision={p:.3f} recall={r:.3f} f1={f:.3f}")


def score(docs: Iterable[tuple[str, str, set[Pair]]], show: int = 0, tune_only: bool = False,
          predict: Callable[[str], set[Pair]] = predicted_pairs) -> dict[str, list[int]]:
    """[matched, predicted, gold, documents] per part over (document id, text, gold pairs); prints the misses
    of at most `show` tune documents; `tune_only` skips the held-out documents (while rules are tuned);
    `predict`: the records (`predicted_pairs`) or the bare extractor (`bare_pairs`)."""
    counts = {name: [0, 0, 0, 0] for name in PARTS}
    chars, start = 0, time.perf_counter()
    for stem, text, gold in docs:
        if tune_only and part(stem) != "tune":
            continue
        pred = predict(text)
        hits = match(pred, gold)
        for name in (part(stem), "all"):
            c = counts[name]
            c[0], c[1], c[2], c[3] = c[0] + hits, c[1] + len(pred), c[2] + len(gold), c[3] + 1
        chars += len(text)
        if show and part(stem) == "tune" and (hits < len(gold) or hits < len(pred)):
            show -= 1
            print(f"{stem}: gold={_readable(gold)} pred={_readable(pred)}")
    for name, c in counts.items():
        report(name, c)
    print(f"({chars / (time.perf_counter() - start):,.0f} chars/s)")
    return counts


def counts_of(docs: Iterable[tuple[str, str, set[Pair]]],
              predict: Callable[[str], set[Pair]] = predicted_pairs) -> list[int]:
    """[matched, predicted, gold] over all of `docs`, silently (the quality floors in tests)."""
    total = [0, 0, 0]
    for _, text, gold in docs:
        pred = predict(text)
        total = [total[0] + match(pred, gold), total[1] + len(pred), total[2] + len(gold)]
    return total


def cli(documents: Callable[[Optional[Path]], Iterable[tuple[str, str, set[Pair]]]], argv: list[str]) -> None:
    """One benchmark's command line: `[DIR] [--show N] [--tune] [--bare]` (DIR: its dev folder, default under the
    shared data)."""
    folder = Path(argv[0]) if argv and not argv[0].startswith("-") else None
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    score(documents(folder), show, "--tune" in argv, _predictor(argv))


def _predictor(argv: list[str]) -> Callable[[str], set[Pair]]:
    return bare_pairs if "--bare" in argv else predicted_pairs


def _readable(pairs: set[Pair]) -> list[tuple[str, str]]:
    return sorted(("/".join(sorted(words)), head) for words, head in pairs)


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import factrueval_occupation
    import nerel_officials
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    tune_only = "--tune" in argv
    total = 0.0
    runs: list[tuple[str, Callable]] = [("factRuEval-2016 dev Occupation", factrueval_occupation.documents),
                                        ("NEREL dev WORKS_AS", nerel_officials.documents)]
    for name, documents in runs:
        print(name)
        total += f1(score(documents(), show, tune_only, _predictor(argv))["tune"])[2]
    print(f"sum of tune F1: {total:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
