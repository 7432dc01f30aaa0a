"""The NER models through spaCy itself: the fallback for architectures `runtime` does not cover, and the
reference the tests compare the numpy runtime with. Nothing here imports spaCy or thinc before it is
called (`ppo_nlp.load()` must not pay for them when the numpy runtime serves every language).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from ppo_nlp.extract.ner.decode import GreedyNer, Moves
from ppo_nlp.extract.ner.plainwords import default_tokenizer
from ppo_nlp.extract.ner.shape import word_shape

log = logging.getLogger(__name__)

KEEP_PIPES = ("tok2vec", "ner")
TOKENIZER = "ppo_nlp.ModelAttrsTokenizer.v1"  # spaCy's default tokenizer on a vocabulary of fewer attributes


@lru_cache(maxsize=1)
def predict_ops():
    """thinc's numpy ops for models that only predict: products through numpy's BLAS (thinc's bundled blis
    runs its generic kernels on this CPU, 3x slower), and maxout without the argmax that only a backward
    pass reads (`np.maximum` per piece, about half the time of thinc's loop). Never train with these."""
    from thinc.api import NumpyOps

    class PredictOps(NumpyOps):
        name = "ppo_nlp_predict"

        def __init__(self, **kwargs) -> None:
            super().__init__(use_blis=False, **kwargs)

        def maxout(self, X):
            best = X[:, :, 0]
            for piece in range(1, X.shape[2]):
                best = np.maximum(best, X[:, :, piece])
            return np.ascontiguousarray(best), None

        def backprop_maxout(self, dY, which, P):
            raise NotImplementedError("PredictOps only predict")

    return PredictOps


class SpacyDecoder:
    """`GreedyNer` on spaCy docs, its weights and token vectors read from a `tok2vec` + `ner` pair."""

    def __init__(self, tok2vec_pipe, ner_pipe) -> None:
        from ppo_nlp.extract.ner.encoder import WindowEncoder
        from ppo_nlp.extract.ner.wordrows import WordRows, split_tok2vec

        model = ner_pipe.model
        if model.attrs.get("unseen_classes"):
            raise ValueError("models with unseen classes are decoded by spaCy only")
        self.embed = tok2vec_pipe.model
        halves = split_tok2vec(self.embed)  # the context-free embed half is computed once per word
        self.words, self.encode = (WordRows(halves[0]), halves[1]) if halves else (None, None)
        self.encode = (halves and WindowEncoder.from_thinc(halves[1])) or self.encode  # numpy, same numbers
        self.project = model.get_ref("tok2vec").layers[-1]  # listener >> list2array >> linear
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        moves = Moves(tuple(ner_pipe.moves.get_class_name(i) for i in range(ner_pipe.moves.n_moves)))
        self.greedy = GreedyNer({name: lower.get_param(name) for name in ("W", "b", "pad")},
                                {name: upper.get_param(name) for name in ("W", "b")}, moves)

    def __call__(self, docs: list) -> list[list[tuple[int, int, str]]]:
        """(first token, end token, label) entities of every doc."""
        from spacy.attrs import IS_SPACE

        sizes = [len(d) for d in docs]
        if not sum(sizes):
            return [[] for _ in docs]
        hidden = self.encode.predict(self.words.rows(docs)) if self.words else self.embed.predict(docs)
        vectors = self.project.predict(np.concatenate(hidden))
        space = np.concatenate([d.to_array([IS_SPACE]) for d in docs if len(d)]).reshape(-1).astype(bool)
        return self.greedy(vectors, space, sizes)


def char_spans(doc, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start char, end char, label) of token spans, as `doc[start:end].start_char/end_char` give them, read
    from one array of token offsets and lengths rather than two `Span` objects per entity."""
    from spacy.attrs import IDX, LENGTH

    if not found:
        return []
    bounds = doc.to_array([IDX, LENGTH]).tolist()
    return [(bounds[s][0], bounds[e - 1][0] + bounds[e - 1][1], label) for s, e, label in found]


def spacy_decoder(nlp) -> Optional[SpacyDecoder]:
    """The numpy decoder of a tok2vec + ner pipeline; None (spaCy decodes) for any other architecture."""
    try:
        return SpacyDecoder(nlp.get_pipe("tok2vec"), nlp.get_pipe("ner"))
    except (KeyError, ValueError) as exc:
        log.info("NER decoded by spaCy: %s", exc)
        return None


def model_attrs(config) -> list[str]:
    """Lexical attributes the NER reads: the tok2vec's embedded ones, NORM, and IS_SPACE for the decoder."""
    embed = config["components"]["tok2vec"]["model"].get("embed", {})
    return sorted({*embed.get("attrs", ["NORM", "PREFIX", "SUFFIX", "SHAPE"]), "NORM", "IS_SPACE"})


def keep_attrs(vocab, attrs: list[str]) -> None:
    """Compute only the lexical attributes `attrs` when a new word enters the vocabulary.

    spaCy computes ~20 attributes (like_num, like_url, stop words...) for every new word; on a stream of
    articles new words keep coming, and those the model never reads cost more than the tokenizer itself.
    tests/extract/ner/test_ner.py checks that the attributes the model reads are unchanged.
    """
    from spacy.attrs import IDS

    keep = {IDS[name] for name in attrs}
    getters = {attr: get for attr, get in vocab.lex_attr_getters.items() if attr in keep}
    if getattr(getters.get(IDS["SHAPE"]), "__module__", "") == "spacy.lang.lex_attrs":
        getters[IDS["SHAPE"]] = word_shape  # spaCy's own, the same strings in one translate
    vocab.lex_attr_getters = getters


@lru_cache(maxsize=1)
def register_tokenizer(cache_size: int) -> None:
    """`TOKENIZER`: the language's default tokenizer, built once the vocabulary computes only the model's
    attributes (`keep_attrs`), so that the ~2,300 special cases of the three languages make cheaper lexemes (20 ms
    of the three models' 0.3 s load)."""
    from spacy.util import registry

    def make(attrs: list[str]):
        def build(nlp):
            keep_attrs(nlp.vocab, attrs)
            return default_tokenizer(nlp, cache_size)

        return build

    registry.tokenizers.register(TOKENIZER, func=make)


def import_language(lang: str) -> None:
    """Register languages spaCy lacks (kk) before a model of that language loads."""
    if lang == "kk":
        import ppo_nlp.lang.spacy_kk  # noqa: F401


def load_pipeline(path: Path, cache_size: int):
    """The spaCy pipeline saved at `path`, with only the tok2vec and ner components running."""
    import spacy
    from spacy.util import load_config
    from thinc.api import get_current_ops, set_current_ops

    # The saved tokenizer is the language's default one (tests/extract/ner/test_ner.py checks that); building
    # it from the defaults instead of reading it back halves the load time. The layers run on PredictOps:
    # same results, 2x faster tok2vec (benchmarks/throughput.py).
    import_language(load_config(path / "config.cfg")["nlp"]["lang"])
    register_tokenizer(cache_size)
    tokenizer = {"@tokenizers": TOKENIZER, "attrs": model_attrs(load_config(path / "config.cfg"))}
    before = get_current_ops()
    set_current_ops(predict_ops()())
    try:
        nlp = spacy.load(path, exclude=["tokenizer"], config={"nlp": {"tokenizer": tokenizer}})
    finally:
        set_current_ops(before)
    nlp.select_pipes(disable=[name for name in nlp.pipe_names if name not in KEEP_PIPES])
    return nlp
