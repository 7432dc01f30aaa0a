"""Small static word vectors for the ru NER model, cut from natasha's navec (MIT) embeddings.

navec_news_v1_1B_250K_300d_100q ships inside the natasha wheel (install with
`pip install --no-deps natasha slovnet navec razdel`). We keep the words of the ru *training* corpora that
navec knows (never the dev sets), project the 300-d vectors onto their first `DIMS` principal components
and store them as spaCy vectors in a blank `ru` pipeline that `[initialize] vectors` loads. spaCy keys default
vectors by ORTH (a `LOWER` key attr is not saved in default mode), so each row is keyed by the lower-case and
the Capitalized form of its word.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_data import read_conllu_iob, read_factru, read_nerel  # noqa: E402

DIMS = 32
_WORD = re.compile(r"\w+(?:-\w+)*")


def navec_path() -> Path:
    """The navec archive inside the installed natasha wheel (found without importing natasha)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("natasha is not installed: .venv/bin/pip install --no-deps natasha slovnet navec razdel")
    folder = Path(list(spec.submodule_search_locations)[0]) / "data" / "emb"
    return next(folder.glob("navec_*.tar"))


def _ud_texts(data: Path) -> list[str]:
    """`# text =` lines of the Russian UD treebanks."""
    files = sorted((data / "ud").glob("UD_Russian-*/*.conllu"))
    return [ln[9:] for f in files for ln in f.read_text(encoding="utf-8").splitlines() if ln.startswith("# text = ")]


def training_words(data: Path) -> list[str]:
    """Lower-cased words of ru texts that are not our dev sets (NEREL train, factRuEval train half,
    WikiANN train, WikiNEuRal val, BSNLP, UD)."""
    texts = [s.text for s in read_nerel(data / "nerel" / "train")]
    texts += [s.text for s in read_factru(data / "factrueval2016" / "devset", "train")]
    conllu = [data / "wikiann" / "ru" / "train.conllu", data / "wikineural_ru" / "val.conllu",
              *sorted((data / "bsnlp_ru").glob("*.conllu"))]
    texts += [s.text for f in conllu for s in read_conllu_iob(f)]
    texts += _ud_texts(data)
    return sorted({w.lower() for t in texts for w in _WORD.findall(t)})


def pca(matrix: np.ndarray, dims: int) -> np.ndarray:
    """Project rows onto the top `dims` principal components (float32)."""
    centered = matrix - matrix.mean(axis=0)
    _, vecs = np.linalg.eigh(centered.T @ centered)
    return (centered @ vecs[:, ::-1][:, :dims]).astype("float32")


def build(data: Path, out: Path, dims: int = DIMS) -> Path:
    """Write a blank ru pipeline holding the reduced vectors to `out`."""
    import spacy
    from navec import Navec
    from spacy.vectors import Vectors

    navec = Navec.load(str(navec_path()))
    words = [w for w in training_words(data) if w in navec.vocab.word_ids]
    matrix = pca(np.stack([navec[w] for w in words]).astype("float32"), dims)
    nlp = spacy.blank("ru")
    vectors = Vectors(strings=nlp.vocab.strings, shape=matrix.shape)
    for i, word in enumerate(words):
        for form in {word, word[:1].upper() + word[1:]}:
            vectors.add(form, row=i)
    vectors.data[:] = matrix
    nlp.vocab.vectors = vectors
    nlp.to_disk(out)
    print(f"ru vectors: {len(words)} words x {dims} dims -> {out}")
    return out
