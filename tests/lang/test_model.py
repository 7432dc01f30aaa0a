"""The shipped model: loads without pickle, small, deterministic features."""
from __future__ import annotations

import json

import numpy as np
import pytest

from ppo_nlp.lang import load_model
from ppo_nlp.lang.features import hash_ngrams, ngram_ids, prepare
from ppo_nlp.lang.model import MODEL_SUBDIR, LangModel, load_model_from, save_model
from ppo_nlp.paths import models_dir

FOLDER = models_dir() / MODEL_SUBDIR


def test_model_files_are_small_and_pickle_free():
    assert sum(p.stat().st_size for p in FOLDER.iterdir()) <= 5 * 2**20
    with np.load(FOLDER / "weights.npz", allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    assert sorted(arrays) == ["bias", "weights"]
    assert arrays["weights"].dtype == np.float16 and not any(a.dtype.hasobject for a in arrays.values())


def test_model_config_matches_weights():
    config = json.loads((FOLDER / "config.json").read_text(encoding="utf-8"))
    model = load_model()
    assert model.classes == tuple(config["classes"]) == ("ru", "kk", "en")
    assert model.weights.shape == (2 ** config["bits"], 3)
    assert (FOLDER / "MODEL_CARD.md").is_file()


def test_model_round_trip(tmp_path):
    model = LangModel(("ru", "kk", "en"), np.ones((16, 3), np.float32), np.zeros(3), 3, 4)
    save_model(model, tmp_path, {"note": "test"})
    again = load_model_from(tmp_path)
    assert again.classes == model.classes and again.bits == 4 and np.array_equal(again.weights, model.weights)


@pytest.mark.parametrize("texts", [["Аб"], ["a b", "", "Қазақ тілі"], ["x\ny", "?", "Hello, world"]])
def test_features_batch_equals_single(texts):
    ids, owner = hash_ngrams(texts)
    for i, text in enumerate(texts):
        single, _ = ngram_ids(prepare([text]))
        assert sorted(single.tolist()) == sorted(ids[owner == i].tolist())


def test_features_are_case_and_punctuation_insensitive():
    assert sorted(ngram_ids(prepare(["НҰР ОТАН!!"]))[0].tolist()) == \
        sorted(ngram_ids(prepare(["нұр, отан"]))[0].tolist())


def test_model_batch_equals_single():
    model = load_model()
    texts = ["Партия мүшелері жиналды", "Форум прошёл", "The party", ""]
    batch = model.probabilities(texts)
    for i, text in enumerate(texts):
        assert np.allclose(batch[i], model.probabilities([text])[0])
