"""The shipped language-id model: hashed char n-gram weights (`weights.npz`) and `config.json`.

Scores are a linear model over n-gram counts scaled by 1/sqrt(number of n-grams), as in training; the
weights are stored as float16 and loaded without pickle.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from ppo_nlp.lang.features import Prepared, ngram_ids, prepare
from ppo_nlp.paths import models_dir

MODEL_SUBDIR = "langid"


@dataclass(frozen=True)
class LangModel:
    """Weights (buckets x classes), bias per class and the feature settings."""

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    max_n: int
    bits: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "_bias", tuple(self.bias.tolist()))
        # float16 values (multiples of 2**-24) below 2**10: any sum of a text's n-gram weights is exact in
        # float64, whatever the order (`passages`)
        w = self.weights
        exact = bool(np.all(w.astype(np.float16).astype(w.dtype) == w)) and float(np.abs(w).max(initial=0)) < 2 ** 10
        object.__setattr__(self, "exact_sums", exact)

    def score(self, texts: list[str]) -> Scores:
        """Class probabilities and letter counts for every text, in one numpy pass."""
        prep = prepare(texts)
        ids, owner = ngram_ids(prep, self.max_n, self.bits)
        if owner is None:
            return Scores(np.array([self.softmax_one(self.weights.take(ids, axis=0).sum(axis=0), len(ids))]),
                          prep.scripts)
        n = len(texts)
        rows = self.weights.take(ids, axis=0)
        counts = np.bincount(owner, minlength=n).astype(np.float64)
        sums = np.stack([np.bincount(owner, weights=rows[:, c], minlength=n)
                         for c in range(len(self.classes))], axis=1)
        return Scores(self.softmax_rows(sums, counts), prep.scripts)

    def softmax_rows(self, sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Probabilities per row from the float64 sums (texts x classes) of n-gram weights and the n-gram counts."""
        z = sums / np.sqrt(np.maximum(counts, 1.0))[:, None] + self.bias[None, :]
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def gather(self, text: str) -> tuple[Prepared, np.ndarray]:
        """One text prepared and the weight rows of its n-grams, in `ngram_ids` order."""
        prep = prepare([text])
        ids, _ = ngram_ids(prep, self.max_n, self.bits)
        return prep, self.weights.take(ids, axis=0)

    def score_one(self, text: str, gathered: Optional[tuple[Prepared, np.ndarray]] = None) -> tuple[list[float], np.ndarray]:
        """Class probabilities (plain floats) and letter counts by script for one text: the fast path
        (`gathered`: `gather(text)` when made already)."""
        prep, rows = gathered or self.gather(text)
        sums = np.ones(len(rows), dtype=np.float32) @ rows  # a BLAS sum: fastest here
        return self.softmax_one(sums, len(rows)), prep.scripts[0].tolist()

    def softmax_one(self, sums: np.ndarray, count: int) -> list[float]:
        """Probabilities for one text, in plain floats (faster than numpy for three classes)."""
        scale = 1.0 / math.sqrt(max(count, 1))
        z = [s * scale + b for s, b in zip(sums.tolist(), self._bias)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Class probabilities, one row per text."""
        return self.score(texts).probs


@dataclass(frozen=True)
class Scores:
    """Model output for a batch: probabilities (texts x classes) and letter counts by script."""

    probs: np.ndarray
    scripts: np.ndarray


def save_model(model: LangModel, folder: Path, extra: dict) -> None:
    """Write `weights.npz` (float16 weights, float32 bias) and `config.json`."""
    folder.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(folder / "weights.npz", weights=model.weights.astype(np.float16),
                        bias=model.bias.astype(np.float32))
    config = {"classes": list(model.classes), "max_n": model.max_n, "bits": model.bits,
              "features": "lower-case; text framed by spaces; each run of non-letters -> one space; char n-grams "
                          "1..max_n hashed by 32-bit FNV-1a over code points, times 0x9E3779B1, top `bits` bits",
              "scaling": "n-gram counts / sqrt(number of n-grams); softmax(weights . x + bias)", **extra}
    (folder / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def load_model_from(folder: Path) -> LangModel:
    """Read a model folder (no pickle)."""
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    with np.load(folder / "weights.npz", allow_pickle=False) as data:
        weights = data["weights"].astype(np.float32)
        bias = data["bias"].astype(np.float64)
    return LangModel(tuple(config["classes"]), weights, bias, int(config["max_n"]), int(config["bits"]))


@lru_cache(maxsize=1)
def load_model() -> LangModel:
    """The shipped model from `models_dir()/langid`, loaded once per process."""
    return load_model_from(models_dir() / MODEL_SUBDIR)
