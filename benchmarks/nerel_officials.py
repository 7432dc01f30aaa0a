"""Officials on NEREL dev: precision, recall and F1 of (person, position) pairs, a second corpus beside
factRuEval (`factrueval_occupation.py`) to judge the officials rules on.

Gold: every `WORKS_AS` relation of `dev/*.ann` (brat), all PERSON -> PROFESSION: the PERSON span's words
(as written, in any case, and their normal forms) and the head lemma of the PROFESSION span. NEREL draws one
relation per pair of mentions («Доктор Лиза», «Доктора Лизы», «А.Лукашенко», «Александра Лукашенко»), so pairs
of one head whose names meet in their last word are one gold pair (475 relations, 374 pairs). Not restricted:
on the tune part the PROFESSION spans are jobs and titles (president, minister, head, leader, but also
musician, footballer, journalist, writer, which factRuEval's Occupation facts leave out and the officials'
Russian heads cover in part); fewer than 3% are a status rather than a job («миллиардер», «кандидат в
президенты», «волонтёр»), too few to carve out by hand.
Prediction: the `people` of the record of the `.txt` by `ppo_nlp.load(lang="ru")` (`--bare`: `extract_officials`
alone, no cleaning, no NER).

Matching and split: `officials_pairs.py` (the same as factRuEval's): the predicted surname, nominative or
as a mention writes it, among the gold name words; the same head lemma; one-to-one. Tune / held-out by the
parity of the SHA-1 of the file stem («119336_text»), the document id of `scripts/ner_eval`. `--show N`
prints the misses of at most N tune documents, never a held-out one.

Usage: `python benchmarks/nerel_officials.py [DEV_DIR] [--show N] [--tune] [--bare]`.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from officials_pairs import Pair, cli, head_lemma, match, name_words, part, predicted_pairs, words_of  # noqa: E402

from ppo_nlp.paths import shared_data_dir  # noqa: E402

__all__ = ["documents", "gold_pairs", "match", "part", "predicted_pairs"]


def _brat(ann: Path) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]]]:
    """Text-bound entities (id -> (label, text)) and WORKS_AS relations (person id, profession id)."""
    spans, rels = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 3:
            spans[cols[0]] = (cols[1].split(" ")[0], cols[2])
        elif line.startswith("R") and len(cols) >= 2 and cols[1].startswith("WORKS_AS "):
            _, a1, a2 = cols[1].split()
            rels.append((a1.split(":", 1)[1], a2.split(":", 1)[1]))
    return spans, rels


def gold_pairs(ann: Path) -> set[Pair]:
    """(person name words, profession head lemma) per WORKS_AS relation, mentions of one pair merged."""
    spans, rels = _brat(ann)
    pairs: list[tuple[Pair, frozenset[str]]] = []
    for person, job in rels:
        words = words_of(spans[person][1]) if person in spans else []
        if words and job in spans and spans[person][0] == "PERSON":
            pairs.append(((name_words(words), head_lemma(spans[job][1])), name_words(words[-1:])))
    return _merged(pairs)


def _merged(pairs: list[tuple[Pair, frozenset[str]]]) -> set[Pair]:
    """Pairs of one head whose last name words meet, joined (NEREL relates every mention of a person):
    «Александра Лукашенко» and «А.Лукашенко», not «Виктор Шейман» and «Виктором Лукашенко»."""
    out: list[tuple[Pair, frozenset[str]]] = []
    for (words, head), last in pairs:
        same = [p for p in out if p[0][1] == head and p[1] & last]
        for p in same:
            out.remove(p)
            words, last = words | p[0][0], last | p[1]
        out.append(((words, head), last))
    return {pair for pair, _ in out}


def documents(dev: Optional[Path] = None) -> Iterator[tuple[str, str, set[Pair]]]:
    """(file stem, text, gold pairs) of every dev document."""
    dev = dev or shared_data_dir() / "nerel" / "dev"
    for ann in sorted(dev.glob("*.ann")):
        yield ann.stem, ann.with_suffix(".txt").read_text(encoding="utf-8"), gold_pairs(ann)


def main(argv: list[str]) -> None:
    cli(documents, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
