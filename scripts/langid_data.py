"""Sentences for language identification from the public corpora in ../shared/data (never copied).

Every item is `Item(lang, source, text, split)`. The split is a stable hash of the text (10 % `test`),
so a duplicated sentence always lands on one side. Sentences whose letters are mostly in the wrong
script for their corpus (a Latin title in Russian WikiANN) are dropped; so are texts without letters.
Kazakh in Latin script is made from the Kazakh sentences with each alphabet of
`ppo_nlp.normalize.kk_latin` (`latin_kazakh`): all four on the training side, one per sentence (by hash)
on the test side, so a held-out Latin sentence never has a Cyrillic twin in training.
"""
from __future__ import annotations

import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ppo_nlp.lang.features import CYRILLIC, LATIN, NONLETTER, code_points, letter_classes  # noqa: E402
from ppo_nlp.lang.sentences import sentence_spans  # noqa: E402
from ppo_nlp.normalize.kk_latin import ALPHABETS, transliterate  # noqa: E402
from ppo_nlp.text import KK_LETTERS  # noqa: E402

LANGS = ("ru", "kk", "en")
_NO_SPACE_BEFORE = regex.compile(r" (?=[.,;:!?%)\]»”])|(?<=[(\[«“]) ")



@dataclass(frozen=True)
class Item:
    lang: str
    source: str
    text: str
    split: str


def stable_hash(text: str) -> int:
    """A process-independent 64-bit hash of a text."""
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:8], "little")


def split_of(text: str) -> str:
    return "test" if stable_hash(text) % 10 == 0 else "train"


def detokenize(tokens: list[str]) -> str:
    """Tokens joined with spaces, without the space before closing and after opening punctuation."""
    return _NO_SPACE_BEFORE.sub("", " ".join(tokens))


def read_columns(path: Path, col: int, sep: str | None) -> Iterator[list[tuple[str, str]]]:
    """Sentences of a column file as lists of (token, tag); `#`/-DOCSTART- lines are skipped."""
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        if line.startswith("#") or line.startswith("-DOCSTART-"):
            continue
        parts = line.split(sep)
        if len(parts) > col:
            sent.append((parts[col], parts[-1]))
    if sent:
        yield sent


def read_conllu_text(path: Path) -> Iterator[str]:
    """The `# text =` lines of a CoNLL-U file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            yield line[len("# text = "):]


def read_documents(paths: Iterable[Path]) -> Iterator[str]:
    """Sentences of plain-text documents."""
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for start, end in sentence_spans(text):
            yield text[start:end]


def _column_sentences(paths: Iterable[Path], col: int, sep: str | None) -> Iterator[str]:
    for path in paths:
        for sent in read_columns(path, col, sep):
            yield detokenize([tok for tok, _ in sent])


def sources(root: Path) -> list[tuple[str, str, Iterator[str]]]:
    """(lang, source name, sentences) for every corpus used."""
    ud = root / "ud"
    return [
        ("kk", "kaznerd", _column_sentences([root / "kaznerd/train.iob2", root / "kaznerd/dev.iob2"], 0, " ")),
        ("kk", "ud_kk_ktb", read_conllu_text(ud / "UD_Kazakh-KTB/kk_ktb-ud-train.conllu")),
        ("ru", "nerel", read_documents(sorted((root / "nerel").glob("*/*_text.txt")))),
        ("ru", "factrueval", read_documents(sorted((root / "factrueval2016/devset").glob("*.txt")))),
        ("ru", "ud_ru_gsd", read_conllu_text(ud / "UD_Russian-GSD/ru_gsd-ud-dev.conllu")),
        ("ru", "ud_ru_taiga", read_conllu_text(ud / "UD_Russian-Taiga/ru_taiga-ud-dev.conllu")),
        ("ru", "wikiann_ru", _column_sentences(sorted((root / "wikiann/ru").glob("*.conllu")), 1, "\t")),
        ("ru", "bsnlp_ru", _column_sentences(sorted((root / "bsnlp_ru").glob("*.conllu")), 1, "\t")),
        ("ru", "wikineural_ru", _column_sentences([root / "wikineural_ru/val.conllu"], 1, "\t")),
        ("en", "conll2003", _column_sentences([root / "conll2003/train.txt", root / "conll2003/valid.txt"], 0, " ")),
        ("en", "ud_en_ewt", read_conllu_text(ud / "UD_English-EWT/en_ewt-ud-train.conllu")),
        ("en", "ud_en_ewt_dev", read_conllu_text(ud / "UD_English-EWT/en_ewt-ud-dev.conllu")),
        ("en", "wikiann_en", _column_sentences(sorted((root / "wikiann/en").glob("*.conllu")), 1, "\t")),
    ]


def is_latin_kazakh(item: Item) -> bool:
    """True for the Latin-script Kazakh items made by `latin_kazakh`."""
    return ":latn" in item.source


def script_ok(text: str, lang: str, latin: bool = False) -> bool:
    """True when the text has letters and most of them are in the script of `lang` (Latin when `latin`)."""
    classes = letter_classes(code_points(text))
    letters = int(np.count_nonzero(classes != NONLETTER))
    want = LATIN if lang == "en" or latin else CYRILLIC
    return letters > 0 and np.count_nonzero(classes == want) >= 0.5 * letters


def load_items(root: Path) -> list[Item]:
    """Every usable, de-duplicated sentence with its language, source and split."""
    seen: set[str] = set()
    items = []
    for lang, source, sentences in sources(root):
        for text in sentences:
            text = " ".join(text.split())
            if text in seen or not script_ok(text, lang):
                continue
            seen.add(text)
            items.append(Item(lang, source, text, split_of(text)))
    return items


def fragment(item: Item) -> Item | None:
    """A short window of 2-6 words (at most 40 characters) of a sentence, chosen by its hash."""
    words = item.text.split()
    rng = random.Random(stable_hash(item.text))
    if len(words) < 3:
        return None
    size = rng.randint(2, min(6, len(words) - 1))
    start = rng.randrange(0, len(words) - size + 1)
    text = " ".join(words[start:start + size])[:40].strip()
    if not script_ok(text, item.lang, is_latin_kazakh(item)) or sum(ch.isalpha() for ch in text) < 6:
        return None
    return Item(item.lang, item.source + ":fragment", text, item.split)


def latin_kazakh(item: Item) -> list[Item]:
    """A Kazakh sentence in Latin script: every alphabet on the training side, one (by hash) on the test side."""
    if item.lang != "kk" or is_latin_kazakh(item):
        return []
    alphabets = ALPHABETS if item.split == "train" else (ALPHABETS[stable_hash("latn:" + item.text) % len(ALPHABETS)],)
    return [Item("kk", f"{item.source}:latn{a}", transliterate(item.text, a), item.split) for a in alphabets]


def kazakh_names(root: Path) -> list[str]:
    """KazNERD entity spans (people, organizations, projects, places) written with Kazakh-only letters."""
    names = set()
    paths = [root / "kaznerd/train.iob2", root / "kaznerd/dev.iob2"]
    for sent in _tagged_spans(paths):
        for label, text in sent:
            if label in {"PERSON", "ORGANISATION", "PROJECT", "GPE", "LOCATION", "FACILITY"} and \
                    KK_LETTERS & set(text):
                names.add(text)
    return sorted(names)


def _tagged_spans(paths: list[Path]) -> Iterator[list[tuple[str, str]]]:
    """(label, text) entity spans of IOB2 sentences."""
    for path in paths:
        for sent in read_columns(path, 0, " "):
            spans, cur, label = [], [], None
            for tok, tag in sent + [("", "O")]:
                if tag.startswith("I-") and cur:
                    cur.append(tok)
                    continue
                if cur:
                    spans.append((label, " ".join(cur)))
                cur, label = ([tok], tag[2:]) if tag.startswith("B-") else ([], None)
            yield spans


def code_mixed(item: Item, names: list[str]) -> Item | None:
    """A Russian training sentence with a Kazakh name or «quoted» project name put in (train only)."""
    if item.lang != "ru" or item.split != "train" or not names:
        return None
    rng = random.Random(stable_hash("mix:" + item.text))
    words = item.text.split()
    name = rng.choice(names)
    name = f"«{name}»" if rng.random() < 0.4 else name
    words.insert(rng.randrange(1, len(words) + 1), name)
    return Item("ru", item.source + ":mixed", " ".join(words), "train")
