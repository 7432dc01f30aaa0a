"""WindowEncoder: the tok2vec's window encoder in numpy gives the numbers thinc gives."""
from __future__ import annotations

import numpy as np
import pytest
from thinc.api import Relu, chain, with_array

from ppo_nlp.extract.ner.encoder import WindowEncoder
from ppo_nlp.extract.ner.model import spacy_model
from ppo_nlp.extract.ner.wordrows import split_tok2vec
from ppo_nlp.paths import models_dir


def thinc_encoder(lang: str):
    if not (models_dir() / f"ner-{lang}" / "config.cfg").is_file():
        pytest.skip(f"models/ner-{lang} is not shipped")
    return split_tok2vec(spacy_model(lang).nlp.get_pipe("tok2vec").model)[1]


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("sizes", [[5], [1], [0], [0, 0], [0, 3, 0, 7], [120, 1, 40], [900]])
def test_encoder_equals_thinc(lang: str, sizes: list[int]) -> None:
    encode = thinc_encoder(lang)
    ours = WindowEncoder.from_thinc(encode)
    assert ours is not None and ours.pad == 4 and len(ours.blocks) == 4
    rng = np.random.default_rng(len(sizes))
    docs = [rng.standard_normal((n, 96)).astype(np.float32) for n in sizes]
    expected, got = encode.predict(docs), ours.predict(docs)
    assert [g.shape for g in got] == [e.shape for e in expected]
    assert all(np.array_equal(g, e) for g, e in zip(got, expected))  # the same numpy calls: the same bits


def test_other_encoders_stay_with_thinc() -> None:
    assert WindowEncoder.from_thinc(with_array(chain(Relu(4, 4), Relu(4, 4)))) is None
    assert WindowEncoder.from_thinc(Relu(4, 4)) is None
