"""The numpy greedy decoder finds exactly the entities spaCy's own parser finds, on the shipped models."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

from ppo_nlp.extract.ner.model import chunks, spacy_model
from ppo_nlp.extract.ner.decode import GreedyNer, Moves
from ppo_nlp.extract.ner.spacy_ner import SpacyDecoder, predict_ops, spacy_decoder
from ppo_nlp.paths import models_dir

REPO = Path(__file__).resolve().parents[3]
EDGE_TEXTS = [
    "", " ", "\n\n", "Astana", "Алматы", "Астана.", "  Қасым-Жомарт Тоқаев  ", "\n\nNew York\n\n",
    "Nur Otan AMANAT Nur Otan AMANAT Nur Otan AMANAT", "Токаев Токаев Токаев.\nТокаев",
    "Председатель партии «AMANAT» Ерлан Кошанов и аким Алматы Ерболат Досаев",
]


def shipped(lang: str):
    if not (models_dir() / f"ner-{lang}" / "config.cfg").is_file():
        pytest.skip(f"models/ner-{lang} is not shipped")
    return spacy_model(lang)


def texts() -> list[str]:
    """Articles of corpus/ cut as the adapter cuts them, plus edge cases (empty, whitespace, one word)."""
    articles = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "articles").glob("*.txt"))]
    return [piece for text in articles for _, piece in chunks(text, 2000)] + EDGE_TEXTS


def spacy_entities(nlp, pieces: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(pieces)]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("batch", [1, 4, 64])
def test_decoder_equals_spacy_parser(lang: str, batch: int) -> None:
    nlp = shipped(lang).nlp
    decoder = SpacyDecoder(nlp.get_pipe("tok2vec"), nlp.get_pipe("ner"))
    pieces = texts()
    got = []
    for start in range(0, len(pieces), batch):
        got += decoder([nlp.make_doc(p) for p in pieces[start:start + batch]])
    expected = spacy_entities(nlp, pieces)
    assert sum(map(len, expected)) > 20
    assert got == expected


@pytest.mark.parametrize("in_score, last_score, in_first, expected", [
    (1.0, 0.5, True, True), (0.5, 1.0, True, False), (1.0, 1.0, True, True), (1.0, 1.0, False, False),
])
def test_ties_go_to_the_first_column(in_score, last_score, in_first, expected) -> None:
    got = GreedyNer._prefers_in(np.array([in_score]), np.array([last_score]), np.array([in_first]))
    assert got.tolist() == [expected]


def test_moves_columns() -> None:
    moves = Moves(("B-PER", "I-PER", "L-PER", "U-PER", "U-", "O"))
    assert (moves.columns("B"), moves.columns("U"), moves.out) == ({"PER": 0}, {"PER": 3}, 5)


def test_other_architectures_fall_back_to_spacy() -> None:
    nlp = spacy.blank("en")
    assert spacy_decoder(nlp) is None


@pytest.mark.parametrize("shape", [(0, 4, 3), (1, 1, 1), (7, 5, 2), (50, 96, 3)])
def test_predict_ops_maxout_equals_thinc(shape) -> None:
    from thinc.api import NumpyOps

    PredictOps = predict_ops()
    X = np.random.default_rng(0).standard_normal(shape).astype("float32")
    best, _ = PredictOps().maxout(X)
    expected, _ = NumpyOps().maxout(X)
    assert best.flags.c_contiguous and best.shape == expected.shape and (best == expected).all()
    with pytest.raises(NotImplementedError):
        PredictOps().backprop_maxout(best, None, shape[2])
