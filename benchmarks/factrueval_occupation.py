"""Officials on factRuEval-2016 dev: precision, recall and F1 of (person, position) pairs.

Gold: every `Occupation` fact of `devset/*.facts` that has a `Who` and a `Position` (Job) line; `Who` carries the
person's name as written in the `.objects` normal form ("Лужков Юрий"), `Position` the job span text ("мэра").
Prediction: `extract_officials` on the `.txt` with `lang="ru"` (no gazetteer, no NER); one pair per
(person, position title).

Matching rule (one-to-one, per document):
* person: the predicted surname (last word of `Person.name`) equals one of the words of the gold `Who`, after
  folding (lower case, ё→е, Kazakh letters to Russian look-alikes, `ppo_nlp.text.fold`); single-word gold
  names (a first name or a nickname) match the same way;
* position: the head lemma of the predicted title equals the head lemma of the gold span, where the head is
  the first word pymorphy3 reads as a noun, taken in its normal form («мэра» → «мэр», «Премьер-министр» →
  «премьер-министр»).

Split: the documents are cut into a **tune** part and a **held-out** part by the parity of the SHA-1 of the
file stem («book_100»): even -> tune, odd -> held-out (60 and 62 of the 122 dev documents). Rules are tuned
on the tune part only; `--show N` prints the misses of at most N tune documents and never a held-out one, so
that the held-out score stays a fair estimate of the rules on unseen text. (The Russian NER model trains on the
even-indexed half of the same devset; this benchmark runs without NER, so that split does not matter here.)
Scores when the split was made: tune F1 0.723 (P 0.848, R 0.629), held-out 0.690 (P 0.833, R 0.588).

Usage: `python benchmarks/factrueval_occupation.py [DEVSET_DIR] [--show N]`.
"""
from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from ppo_nlp.doc import Document
from ppo_nlp.extract.officials import extract_officials
from ppo_nlp.normalize.names import parses
from ppo_nlp.paths import shared_data_dir
from ppo_nlp.text import fold, word_spans


def gold_pairs(facts: Path) -> set[tuple[str, str]]:
    """(folded Who words joined by space, head lemma) for every Occupation fact with a Position."""
    pairs, block = set(), []
    for line in facts.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            block.append(line.split())
            continue
        fields = {b[0]: b for b in block}
        if block and block[0][-1] == "Occupation" and "Who" in fields and "Position" in fields:
            who = " ".join(fold(w) for w in fields["Who"][2:] if w != "|")
            pos = " ".join(fields["Position"][2:]).split("|")[0]
            pairs.add((who, head_lemma(pos)))
        block = []
    return pairs


def head_lemma(title: str) -> str:
    """Normal form of the first noun of a title (the first word when none is a noun)."""
    words = [t.text for t in word_spans(title) if t.text[:1].isalpha()]
    for w in words:
        ps = parses(w.lower())
        if ps and ps[0].tag.POS == "NOUN":
            return fold(ps[0].normal_form)
    return fold(parses(words[0].lower())[0].normal_form) if words and parses(words[0].lower()) else ""


def predicted_pairs(text: str) -> set[tuple[str, str]]:
    _, people = extract_officials(Document("d", "d", text, lang="ru"))
    return {(fold(p.name.split()[-1]), head_lemma(pos.title)) for p in people for pos in p.positions}


def match(pred: set[tuple[str, str]], gold: set[tuple[str, str]]) -> int:
    """One-to-one matches: surname in the gold Who words and the same head lemma."""
    left, hits = set(gold), 0
    for surname, head in sorted(pred):
        hit = next((g for g in sorted(left) if head == g[1] and surname in g[0].split()), None)
        if hit:
            left.discard(hit)
            hits += 1
    return hits


def part(stem: str) -> str:
    """«tune» or «held-out»: the parity of the SHA-1 of the file stem, stable across machines and runs."""
    return "held-out" if hashlib.sha1(stem.encode("utf-8")).digest()[-1] % 2 else "tune"


def report(name: str, counts: list[int]) -> None:
    tp, n_pred, n_gold, docs = counts
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name:9} docs={docs:3} gold={n_gold:4} predicted={n_pred:4} matched={tp:4}  "
          f"precision={p:.3f} recall={r:.3f} f1={f1:.3f}")


def main(argv: list[str]) -> None:
    data = shared_data_dir()
    devset = Path(argv[0]) if argv and not argv[0].startswith("-") else (data / "factrueval2016" / "devset")
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    counts = {name: [0, 0, 0, 0] for name in ("tune", "held-out", "all")}
    chars, start = 0, time.perf_counter()
    for facts in sorted(devset.glob("*.facts")):
        text = facts.with_suffix(".txt").read_text(encoding="utf-8")
        gold, pred = gold_pairs(facts), predicted_pairs(text)
        hits = match(pred, gold)
        for name in (part(facts.stem), "all"):
            c = counts[name]
            c[0], c[1], c[2], c[3] = c[0] + hits, c[1] + len(pred), c[2] + len(gold), c[3] + 1
        chars += len(text)
        if show and part(facts.stem) == "tune" and (hits < len(gold) or hits < len(pred)):
            show -= 1
            print(f"{facts.stem}: gold={sorted(gold)} pred={sorted(pred)}")
    elapsed = time.perf_counter() - start
    for name, c in counts.items():
        report(name, c)
    print(f"({chars / elapsed:,.0f} chars/s)")


if __name__ == "__main__":
    main(sys.argv[1:])
