"""Memory of one worker over many megabytes of varied text: RSS every N documents, and the peak.

The text is built at run time, deterministically: sentences of the NER corpora under ../shared/data
(NEREL, KazNERD, CoNLL-2003, WikiANN; ru/kk/en) shuffled with a seeded RNG into documents of about 4,000
characters. Once the corpora are used up, each further pass rewrites words of four letters or more (two
letters of the word inserted inside it, seeded), so that new word forms keep coming, as in a long archive
of varied news. Without ../shared/data the words are synthesized from syllables. Nothing is written.

    nice -n 10 .venv/bin/python benchmarks/memory.py [--chars 20000000] [--every 500] [--seed 0]
"""
from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from pathlib import Path
from typing import Iterator, Optional

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ppo_nlp.paths import shared_data_dir  # noqa: E402

DOC_CHARS = 4000
WORD_RE = regex.compile(r"\p{L}{4,}")


def _conll_sentences(path: Path, column: int) -> Iterator[str]:
    """Sentences of a CoNLL-like file: token column `column`, blank line between sentences."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) > column and not line.startswith(("-DOCSTART-", "#")):
            words.append(parts[column])
        elif words:
            yield " ".join(words)
            words = []
    if words:
        yield " ".join(words)


def corpus_sentences(data: Path) -> list[str]:
    """Every sentence (or NEREL paragraph) of the ru/kk/en corpora that are present."""
    out = [p for f in sorted((data / "nerel" / "train").glob("*.txt"))
           for p in f.read_text(encoding="utf-8").splitlines() if p.strip()]
    for path, column in ((data / "kaznerd" / "train.iob2", 0), (data / "conll2003" / "train.txt", 0),
                         (data / "wikiann" / "ru" / "train.conllu", 1), (data / "wikiann" / "en" / "train.conllu", 1)):
        if path.is_file():
            out.extend(_conll_sentences(path, column))
    return out


def synthetic_sentences(rng: random.Random, count: int = 20000) -> list[str]:
    """Sentences of syllable words in Cyrillic and Latin letters (no corpora at hand)."""
    syllables = ("ка", "ра", "но", "ли", "та", "ов", "ев", "ин", "ба", "ма", "ко", "ру", "қа", "ұл", "ан",
                 "ber", "ton", "mar", "ing", "son", "ell", "ari")

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 5))).capitalize()

    return [" ".join(word() for _ in range(rng.randint(6, 18))) + "." for _ in range(count)]


def _mutate(sentence: str, rng: random.Random) -> str:
    """Words of four letters or more, about a third of them, with two of their own letters inserted."""
    def one(m: regex.Match) -> str:
        w = m[0]
        if rng.random() > 0.35:
            return w
        i = rng.randint(1, len(w) - 1)
        return w[:i] + rng.choice(w) + rng.choice(w).lower() + w[i:]

    return WORD_RE.sub(one, sentence)


def documents(total_chars: int, seed: int, data: Optional[Path]) -> Iterator[str]:
    """Documents of about DOC_CHARS characters up to `total_chars` in all (pass 0 as is, later passes mutated)."""
    rng = random.Random(seed)
    sentences = corpus_sentences(data) if data else synthetic_sentences(rng)
    produced, passes = 0, 0
    while produced < total_chars:
        order = sentences[:]
        rng.shuffle(order)
        doc: list[str] = []
        for s in order:
            doc.append(_mutate(s, rng) if passes else s)
            if sum(map(len, doc)) >= DOC_CHARS:
                text = "\n".join(doc)
                produced += len(text)
                yield text
                doc = []
                if produced >= total_chars:
                    return
        passes += 1


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB, from /proc/self/status."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


class _Reloads(logging.Handler):
    """Counts the NER vocabulary reloads (the NER adapter logs one each time a vocabulary is reset)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "vocabulary reached" in record.getMessage()


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=20_000_000, help="characters of text in all")
    ap.add_argument("--every", type=int, default=500, help="print RSS every N documents")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    import ppo_nlp

    nlp = ppo_nlp.load().warm()
    reloads = _Reloads()
    ner_log = logging.getLogger("ppo_nlp")
    ner_log.addHandler(reloads)
    ner_log.setLevel(logging.INFO)
    data = shared_data_dir()
    print(f"text: {'../shared/data corpora' if data else 'synthetic syllables'}; after load: "
          f"RSS {rss_mb()[0]:.0f} MB")
    started, chars, n = time.perf_counter(), 0, 0
    for n, text in enumerate(documents(args.chars, args.seed, data), 1):
        nlp(text, id=f"d{n}")
        chars += len(text)
        if n % args.every == 0:
            now, peak = rss_mb()
            print(f"docs {n:6d}  chars {chars / 1e6:6.1f} M  RSS {now:6.0f} MB  peak {peak:6.0f} MB  "
                  f"{chars / (time.perf_counter() - started):8.0f} chars/s  NER vocabulary reloads {reloads.count}", flush=True)
    now, peak = rss_mb()
    print(f"done: {n} docs, {chars / 1e6:.1f} M chars, RSS {now:.0f} MB, peak RSS {peak:.0f} MB, "
          f"NER vocabulary reloads {reloads.count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
