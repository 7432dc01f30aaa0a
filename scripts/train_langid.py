"""Train the ru/kk/en language-id model from ../shared/data and write ppo_nlp/models/langid/.

    pip install -e '.[train]'   # scikit-learn and scipy: training only, not in the default install
    nice -n 5 .venv/bin/python scripts/train_langid.py [--bits 18] [--max-n 4] [--out ppo_nlp/models/langid]

Sentences come from scripts/langid_data.py (10 % held out by a hash of the text); short fragments are
added to both sides and Russian sentences with Kazakh names to the training side. The classifier is a
multinomial logistic regression (scikit-learn) over hashed char n-grams, with ru, Cyrillic kk, Latin kk
and en weighted equally; only its weights are saved.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

try:
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression
except ImportError as exc:  # the default install leaves the training packages out
    sys.exit(f"{exc}: training needs the `train` extra: pip install -e '.[train]'")

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from langid_data import (LANGS, Item, code_mixed, fragment, is_latin_kazakh, kazakh_names,  # noqa: E402
                         latin_kazakh, load_items)

from ppo_nlp.lang.features import hash_ngrams  # noqa: E402
from ppo_nlp.lang.model import LangModel, save_model  # noqa: E402
from ppo_nlp.paths import models_dir, shared_data_dir  # noqa: E402


def features(texts: list[str], max_n: int, bits: int, chunk: int = 5000) -> sp.csr_matrix:
    """Scaled n-gram counts, one row per text, as in `LangModel.score`."""
    blocks = []
    for i in range(0, len(texts), chunk):
        part = texts[i:i + chunk]
        ids, owner = hash_ngrams(part, max_n, bits)
        counts = np.bincount(owner, minlength=len(part))
        data = 1.0 / np.sqrt(np.maximum(counts, 1))[owner]
        blocks.append(sp.csr_matrix((data.astype(np.float32), (owner, ids)), shape=(len(part), 2 ** bits)))
    return sp.vstack(blocks).tocsr()


def build_sets(root: Path) -> tuple[list[Item], list[Item]]:
    """Training and held-out items: sentences (Kazakh also in Latin script), fragments, code-mixed sentences."""
    items = load_items(root)
    items += [latin for it in items for latin in latin_kazakh(it)]
    names = [n for n in kazakh_names(root) if len(n.split()) <= 3 and not any(ch.isdigit() for ch in n)]
    extra = [fragment(it) for it in items] + [code_mixed(it, names) for it in items]
    items += [it for it in extra if it is not None]
    train = [it for it in items if it.split == "train"]
    test = [it for it in items if it.split == "test"]
    return train, test


def group_weights(items: list[Item]) -> np.ndarray:
    """Balanced weights over ru, kk in Cyrillic, kk in Latin script and en: each group weighs the same in all,
    so the Latin sentences do not thin out Cyrillic Kazakh (as a class-balanced kk would)."""
    groups = [f"{it.lang}-latn" if is_latin_kazakh(it) else it.lang for it in items]
    sizes = Counter(groups)
    return np.array([len(items) / (len(sizes) * sizes[g]) for g in groups])


def fit(train: list[Item], max_n: int, bits: int, c: float) -> LangModel:
    """Fit the classifier and return it as a `LangModel`."""
    x = features([it.text for it in train], max_n, bits)
    y = np.array([LANGS.index(it.lang) for it in train])
    clf = LogisticRegression(C=c, max_iter=300, tol=1e-4)
    clf.fit(x, y, sample_weight=group_weights(train))
    weights = clf.coef_.T.astype(np.float16).astype(np.float32)
    return LangModel(LANGS, np.ascontiguousarray(weights), clf.intercept_.astype(np.float64), max_n, bits)


def report(model: LangModel, test: list[Item]) -> dict[str, float]:
    """Held-out accuracy of the bare model (no gates) by group; printed and returned."""
    probs = model.probabilities([it.text for it in test])
    pred = [model.classes[i] for i in probs.argmax(axis=1)]
    groups: dict[str, list[bool]] = {}
    for it, p in zip(test, pred):
        kind = "fragment" if it.source.endswith(":fragment") else "sentence"
        kind += "-latn" if is_latin_kazakh(it) else ""
        ok = p == it.lang
        for key in (kind, f"{kind}:{it.lang}", "sentence<=40" if kind == "sentence" and len(it.text) <= 40 else ""):
            if key:
                groups.setdefault(key, []).append(ok)
    scores = {k: float(np.mean(v)) for k, v in sorted(groups.items())}
    for key, value in scores.items():
        print(f"  {key:20s} {100 * value:6.2f} %  (n={len(groups[key])})")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bits", type=int, default=18)
    parser.add_argument("--max-n", type=int, default=4)
    parser.add_argument("--c", type=float, default=20.0)
    parser.add_argument("--out", type=Path, default=models_dir() / "langid")
    parser.add_argument("--dry-run", action="store_true", help="train and score, write nothing")
    args = parser.parse_args(argv)
    root = shared_data_dir()
    if root is None:
        print("../shared/data (or $PPO_NLP_DATA) is missing", file=sys.stderr)
        return 2
    started = time.time()
    train, test = build_sets(root)
    print(f"train {len(train)} {dict(Counter(it.lang for it in train))}; test {len(test)}")
    model = fit(train, args.max_n, args.bits, args.c)
    print(f"trained in {time.time() - started:.0f} s; held-out accuracy of the bare model:")
    scores = report(model, test)
    if not args.dry_run:
        extra = {"C": args.c, "train_items": len(train), "test_items": len(test),
                 "heldout_bare_model": {k: round(v, 4) for k, v in scores.items()}}
        save_model(model, args.out, extra)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
