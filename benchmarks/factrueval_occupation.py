"""Officials on factRuEval-2016 dev: precision, recall and F1 of (person, position) pairs.

Gold: every `Occupation` fact of `devset/*.facts` that has a `Who` and a `Position` (Job) line; `Who` carries the
person's name as written in the `.objects` normal form ("Лужков Юрий"), `Position` the job span text ("мэра").
Prediction: the `people` of the record of the `.txt` by `ppo_nlp.load(lang="ru")` (`--bare`: `extract_officials`
alone, no cleaning, no NER); one pair per (surname, position head lemma).

Matching and split: `officials_pairs.py`, shared with the NEREL benchmark (`nerel_officials.py`): the person by
the surname (nominative, or as a mention writes it) among the words of the gold `Who`, the position by the head
lemma («мэра» -> «мэр»); tune / held-out by the parity of the SHA-1 of the file stem («book_100»), 60 and 62 of
the 122 dev documents. Rules are tuned on the tune part only; `--show N` prints the misses of at most N tune
documents and never a held-out one. (The Russian NER model trains on the even-indexed half of the same devset,
about half of each part: with NER on, the records' scores lean on documents the model has seen.)
Scores when the split was made: tune F1 0.723 (P 0.848, R 0.629), held-out 0.690 (P 0.833, R 0.588).
With the shared scorer, after rules judged on the tune parts of factRuEval and NEREL: tune 0.852 (P 0.900,
R 0.809), held-out 0.704 (P 0.829, R 0.612); the code before them scored 0.831 / 0.712.
The records (NER on), after the hand-over and possessor rules: tune 0.841 (P 0.920, R 0.775), held-out 0.714
(P 0.823, R 0.631); before them 0.827 / 0.714.

Usage: `python benchmarks/factrueval_occupation.py [DEVSET_DIR] [--show N] [--tune] [--bare]`.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from officials_pairs import Pair, cli, head_lemma, match, name_words, part, predicted_pairs  # noqa: E402

from ppo_nlp.paths import shared_data_dir  # noqa: E402

__all__ = ["documents", "gold_pairs", "match", "part", "predicted_pairs"]


def gold_pairs(facts: Path) -> set[Pair]:
    """(Who words, head lemma) for every Occupation fact with a Position."""
    pairs, block = set(), []
    for line in facts.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            block.append(line.split())
            continue
        fields = {b[0]: b for b in block}
        if block and block[0][-1] == "Occupation" and "Who" in fields and "Position" in fields:
            who = name_words(w for w in fields["Who"][2:] if w != "|")
            pos = " ".join(fields["Position"][2:]).split("|")[0]
            pairs.add((who, head_lemma(pos)))
        block = []
    return pairs


def documents(devset: Optional[Path] = None) -> Iterator[tuple[str, str, set[Pair]]]:
    """(file stem, text, gold pairs) of every dev document."""
    devset = devset or shared_data_dir() / "factrueval2016" / "devset"
    for facts in sorted(devset.glob("*.facts")):
        yield facts.stem, facts.with_suffix(".txt").read_text(encoding="utf-8"), gold_pairs(facts)


def main(argv: list[str]) -> None:
    cli(documents, argv)


if __name__ == "__main__":
    main(sys.argv[1:])
