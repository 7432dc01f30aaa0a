"""The context-free half of a tok2vec, computed once per word.

A spaCy `Tok2Vec.v2` is `embed >> encode`. The embed half (hash embeddings of NORM, PREFIX, SUFFIX and
SHAPE, the static vector of the word, mixed by a maxout layer and normalized) reads one token at a time:
its row for a token is a function of the token's ORTH and NORM alone. News repeats its words, so
`WordRows` keeps each word's row in a table and runs the embed half only on words it has not seen; the
encode half (windows over neighbours) runs on every token as before. About a third of the NER's time went
to the embed half; on a stream of articles two words in three are already in the table.

The table is bounded (`limit` words, ~0.4 KB each); when it is full it starts again empty, as the NER's
vocabulary does (`NerModel._bound_vocab`).
"""
from __future__ import annotations

from typing import Optional

import numpy as np
from spacy.attrs import NORM, ORTH
from spacy.tokens import Doc

from ppo_nlp.extract.ner.encoder import leaves

WORD_ROWS = 8_192  # words kept per model: 3 MB of float32 rows of width 96
# thinc layers that read one token (or one row) at a time; an embed half made only of these is context-free
PER_TOKEN_LAYERS = frozenset({"extract_features", "list2ragged", "ragged2list", "ints-getitem", "hashembed",
                              "static_vectors", "maxout", "layernorm", "dropout"})


def split_tok2vec(tok2vec_model) -> Optional[tuple]:
    """(embed, encode) of a `Tok2Vec.v2` whose embed half is context-free; None for other architectures."""
    layers = getattr(tok2vec_model, "layers", [])
    if len(layers) != 2 or not {leaf.name for leaf in leaves(layers[0])} <= PER_TOKEN_LAYERS:
        return None
    return layers[0], layers[1]


class WordRows:
    """Rows of the embed half, per (ORTH, NORM) of a token, computed once per word and kept."""

    def __init__(self, embed, limit: int = WORD_ROWS) -> None:
        self.embed, self.limit = embed, limit
        self.index: dict[tuple[int, int], int] = {}
        self.table: Optional[np.ndarray] = None

    def rows(self, docs: list[Doc]) -> list[np.ndarray]:
        """The embed half's output for `docs`: one (tokens x width) array per doc, as `embed.predict`."""
        orths, norms = np.concatenate([d.to_array([ORTH, NORM]) for d in docs]).T.tolist()
        keys = list(zip(orths, norms))
        if not keys:  # no token at all (thinc's embed cannot run on that): empty rows of the embed's width
            return [np.zeros((0, self.embed.get_dim("nO")), dtype=np.float32) for _ in docs]
        missing = [k for k in dict.fromkeys(keys) if k not in self.index]
        if len(missing) > self.limit:  # more new words than the table holds: no table for this batch
            return self.embed.predict(docs)
        if len(self.index) + len(missing) > self.limit:  # full: start again with this batch's words only
            self.index = {}
            missing = list(dict.fromkeys(keys))
            if len(missing) > self.limit:
                return self.embed.predict(docs)
        if missing:
            self._add(docs[0].vocab, missing)
        at = np.fromiter(map(self.index.__getitem__, keys), dtype=np.intp, count=len(keys))
        return np.split(self.table[at], np.cumsum([len(d) for d in docs])[:-1])

    def _add(self, vocab, keys: list[tuple[int, int]]) -> None:
        """Run the embed half on one doc of the new words (each with its token's norm) and store the rows."""
        doc = Doc(vocab, words=[orth for orth, _ in keys])
        strings = vocab.strings
        for token, (_, norm) in zip(doc, keys):
            if token.norm != norm:  # a tokenizer exception's norm («n't» -> not), not the word's own
                token.norm_ = strings[norm]
        new = self.embed.predict([doc])[0]
        first = len(self.index)
        if self.table is None or self.table.shape[0] < first + len(keys):
            self._grow(first + len(keys), new)
        self.table[first:first + len(keys)] = new
        self.index.update(zip(keys, range(first, first + len(keys))))

    def _grow(self, needed: int, sample: np.ndarray) -> None:
        """A table of at least `needed` rows (doubling, at most `limit`), keeping the rows it had."""
        size = min(self.limit, max(needed, 2 * (0 if self.table is None else self.table.shape[0]), 1024))
        table = np.empty((size, sample.shape[1]), dtype=sample.dtype)
        if self.table is not None and self.index:
            table[:len(self.index)] = self.table[:len(self.index)]
        self.table = table
