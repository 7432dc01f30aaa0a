"""Compare the numpy NER runtime (`ppo_nlp.extract.ner.runtime`) with the spaCy pipeline it replaces.

Tokens: every text through both tokenizers (texts, norms, trailing spaces, offsets) and the ids of the
attributes the models embed (ORTH, NORM, PREFIX, SUFFIX, SHAPE), with all three languages' models.
Entities (--entities): `NerModel.predict` of both on the texts of the model's language.

Texts: NEREL dev+train and factRuEval dev (whole files), KazNERD dev and CoNLL-2003 valid (sentences,
words joined by spaces), ../shared/real/articles, corpus/articles, and hostile strings written here.
The goal is 0 mismatches everywhere; the first few of each kind are printed.

    PYTHONPATH=$PWD .venv/bin/python scripts/check_ner_runtime.py [--entities] [--limit N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from ner_data import read_conll2003, read_kaznerd  # noqa: E402

from ppo_nlp.extract.ner.lexemes import norm  # noqa: E402
from ppo_nlp.extract.ner.model import VOCAB_LIMIT, NerModel, load_ner  # noqa: E402
from ppo_nlp.extract.ner.spacy_ner import load_pipeline  # noqa: E402
from ppo_nlp.paths import models_dir, shared_data_dir, shared_real_dir  # noqa: E402

HOSTILE = [
    "", " ", "  ", "\t", "\n", "\r\n", " \n ", "a  b", "a \tb", "a\u00a0b", "a\u2009b\u3000c", " lead", "trail ",
    "http://example.com/path?q=1&r=2.", "(https://amanat.kz/ru/news/123)", "www.akorda.kz,", "mail@gov.kz.",
    "user.name+tag@example.co.uk;", "5km", "10,5%", "$100", "100$", "1 000 000 тенге", "3.14", "12:30", "1990-е",
    "don't", "Don't", "can't.", "y'all", "'s", "rock'n'roll", "U.S.", "e.g.", "т.е.", "в т.ч.", "и т.д.", "т.ч.)",
    "вед. науч. сотр.", "(в т.ч. Астана)", "д-р биол. наук", "Қасым-Жомарт", "«AMANAT»", "„quoted“", "“smart”",
    "—dash—", "a--b", "a---b", "well-known", "co-operate.", "Нұр-Сұлтан", "Алматы-2", "N-1", "1-го", "№5",
    "😀", "a😀b", "🇰🇿Kazakhstan", "tab\there", "crlf\r\nline", "ТОО «Ромашка»", "mixedКириллицаLatin",
    "ӘҒҚҢӨҰҮҺІ әғқңөұүһі", "...", "?!", "(((", "))).", "'quoted'", "\"dq\"", "[1]", "{x}", "<tag>", "a/b", "a\\b",
    "10°C", "5kg.", "20млн", "50-летие", "2024г.", "г.Астана", "ул.Абая", "C++", "#hashtag", "@user", "*bold*",
    "...и", "!!!", "x" * 120, "Ё", "ё", "I.", "Mr.", "Mrs.", "St.Petersburg", "a.m.", "p.m.", "n't", "N'T",
]


def corpus_texts() -> dict[str, list[str]]:
    """Named groups of texts (those whose folders exist)."""
    data, real = shared_data_dir(), shared_real_dir()
    groups: dict[str, list[str]] = {"hostile": HOSTILE}
    if data is not None:
        groups["nerel"] = [p.read_text(encoding="utf-8") for part in ("dev", "train")
                           for p in sorted((data / "nerel" / part).glob("*.txt"))]
        groups["factru"] = [p.read_text(encoding="utf-8") for p in sorted((data / "factrueval2016" / "devset").glob("*.txt"))]
        groups["kaznerd"] = [s.text for s in read_kaznerd(data / "kaznerd" / "dev.iob2")]
        groups["conll"] = [s.text for s in read_conll2003(data / "conll2003" / "valid.txt")]
    if real is not None:
        groups["real"] = [p.read_text(encoding="utf-8") for p in sorted((real / "articles").glob("*.txt"))]
    groups["corpus"] = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "articles").glob("*.txt"))]
    return groups


def spacy_view(nlp, text: str) -> tuple[list, list]:
    from spacy.attrs import NORM, ORTH, PREFIX, SHAPE, SUFFIX

    doc = nlp.make_doc(text)
    tokens = [(t.text, t.norm_, bool(t.whitespace_), t.idx) for t in doc]
    return tokens, doc.to_array([ORTH, NORM, PREFIX, SUFFIX, SHAPE]).tolist()


def numpy_view(runtime, text: str) -> tuple[list, list]:
    from ppo_nlp.extract.ner.lexemes import Lexemes

    doc = runtime.tokenizer(text)
    base = runtime.embed.lexemes.base
    norms = [n if n is not None else norm(o, base) for o, n in zip(doc.orths, doc.norms)]
    tokens = list(zip(doc.orths, norms, doc.spaces, doc.offsets()))
    words = list(zip(doc.orths, norms))
    lexemes = numpy_view.lexemes = getattr(numpy_view, "lexemes", None) or Lexemes(["ORTH", "NORM", "PREFIX", "SUFFIX", "SHAPE"])
    return tokens, lexemes.features(words).tolist()


def check_tokens(groups: dict[str, list[str]], limit: int) -> int:
    bad = 0
    for lang in ("ru", "kk", "en"):
        path = models_dir() / f"ner-{lang}"
        nlp, runtime = load_pipeline(path, VOCAB_LIMIT), load_ner(lang).nlp
        for name, texts in groups.items():
            texts = texts[:limit] if limit else texts
            start, wrong, tokens = time.process_time(), 0, 0
            for text in texts:
                want, got = spacy_view(nlp, text), numpy_view(runtime, text)
                tokens += len(want[0])
                if want != got:
                    wrong += 1
                    if wrong <= 3:
                        print(f"  {lang}/{name} differs on {text[:80]!r}:\n    spacy {_diff(want, got)}")
            bad += wrong
            print(f"tokens {lang:2} {name:8} {len(texts):5} texts {tokens:8} tokens: {wrong} texts differ "
                  f"({time.process_time() - start:.1f} s)", flush=True)
    return bad


def _diff(want: tuple, got: tuple) -> str:
    for kind, a, b in (("tokens", want[0], got[0]), ("attrs", want[1], got[1])):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return f"{kind}[{i}]: {x!r}\n    ours  {kind}[{i}]: {y!r}"
        if len(a) != len(b):
            return f"{kind}: {len(a)} vs {len(b)} ({a[len(b):][:3]!r} / {b[len(a):][:3]!r})"
    return "?"


LANG_GROUPS = {"ru": ("hostile", "nerel", "factru", "real", "corpus"), "kk": ("hostile", "kaznerd", "real", "corpus"),
               "en": ("hostile", "conll", "real", "corpus")}


def check_entities(groups: dict[str, list[str]], limit: int) -> int:
    bad = 0
    for lang, names in LANG_GROUPS.items():
        old = NerModel(lang, load_pipeline(models_dir() / f"ner-{lang}", VOCAB_LIMIT))
        new = load_ner(lang)
        for name in names:
            texts = groups.get(name, [])[:limit] if limit else groups.get(name, [])
            t0 = time.process_time()
            want = old.predict_many(texts)
            t1 = time.process_time()
            got = new.predict_many(texts)
            t2 = time.process_time()
            wrong = sum(a != b for a, b in zip(want, got))
            for text, a, b in [(t, a, b) for t, a, b in zip(texts, want, got) if a != b][:3]:
                print(f"  {lang}/{name} {text[:60]!r}: only spacy {set(a) - set(b)}, only ours {set(b) - set(a)}")
            bad += wrong
            print(f"entities {lang:2} {name:8} {len(texts):5} texts {sum(map(len, want)):7} entities: {wrong} texts "
                  f"differ (cpu spacy {t1 - t0:.1f} s, numpy {t2 - t1:.1f} s)", flush=True)
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", action="store_true", help="also compare the entities")
    parser.add_argument("--limit", type=int, default=0, help="texts per group (0: all)")
    args = parser.parse_args()
    groups = corpus_texts()
    bad = check_tokens(groups, args.limit)
    if args.entities:
        bad += check_entities(groups, args.limit)
    print(f"total mismatches: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
