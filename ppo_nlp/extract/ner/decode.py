"""Greedy decoding of a trained spaCy NER model in a few numpy calls per batch, not one C step per token.

spaCy's NER parser reads three tokens per state: the next token, and, only while an entity is open, the
entity's first token and the token before the next one. Outside an entity a decision therefore depends on
one token alone, so all of them are scored in one matrix product; only the tokens inside entities need
steps, and those run in lockstep over every entity start of the batch. The validity rules are spaCy's
(`spacy/pipeline/_parser_internals/ner.pyx`) for documents without preset entities: no entity starts on
whitespace, B needs a next token in the same sentence, I too, and the label of I/L is the open one's.
The entities are the ones spaCy's own greedy parse finds (tests/extract/ner/test_ner_decode.py compares them).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from thinc.api import NumpyOps

from ppo_nlp.extract.ner.encoder import WindowEncoder
from ppo_nlp.extract.ner.wordrows import WordRows, split_tok2vec

OUT, BEGIN, IN, LAST, UNIT = "O", "B", "I", "L", "U"


@dataclass(frozen=True)
class Moves:
    """Action columns of the model's score matrix, per move kind and label."""

    names: tuple[str, ...]

    def columns(self, kind: str) -> dict[str, int]:
        """label -> column of the moves of `kind` that carry a label."""
        return {n[2:]: i for i, n in enumerate(self.names) if n[0] == kind and n[2:]}

    @property
    def out(self) -> int:
        return self.names.index(OUT)


class PredictOps(NumpyOps):
    """thinc's numpy ops for models that only predict: products through numpy's BLAS (thinc's bundled blis
    runs its generic kernels on this CPU, 3x slower), and maxout without the argmax that only a backward
    pass reads (`np.maximum` per piece, about half the time of thinc's loop). Never train with these."""

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


class GreedyNer:
    """Entities of tokenized docs from a spaCy `tok2vec` + `ner` pair, decoded greedily with numpy."""

    def __init__(self, tok2vec_pipe, ner_pipe) -> None:
        model = ner_pipe.model
        if model.attrs.get("unseen_classes"):
            raise ValueError("models with unseen classes are decoded by spaCy only")
        self.embed = tok2vec_pipe.model
        halves = split_tok2vec(self.embed)  # the context-free embed half is computed once per word
        self.words, self.encode = (WordRows(halves[0]), halves[1]) if halves else (None, None)
        self.encode = (halves and WindowEncoder.from_thinc(halves[1])) or self.encode  # numpy, same numbers
        self.project = model.get_ref("tok2vec").layers[-1]  # listener >> list2array >> linear
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        n_feats, n_hidden, n_pieces, n_in = lower.get_param("W").shape
        if n_feats != 3:
            raise ValueError(f"an NER parser reads 3 tokens per state, this one {n_feats}")
        self.width = n_hidden * n_pieces
        self.shape = (n_hidden, n_pieces)
        self.lower_w = lower.get_param("W").reshape(n_feats * self.width, n_in)
        self.pad = lower.get_param("pad").reshape(n_feats, self.width)
        self.lower_b = lower.get_param("b").reshape(self.width)
        self.upper_w, self.upper_b = upper.get_param("W"), upper.get_param("b")
        moves = Moves(tuple(ner_pipe.moves.get_class_name(i) for i in range(ner_pipe.moves.n_moves)))
        self.out = moves.out
        self.begin, self.inside = moves.columns(BEGIN), moves.columns(IN)
        self.last, self.unit = moves.columns(LAST), moves.columns(UNIT)
        self.label_of = {col: label for moves_ in (self.begin, self.unit) for label, col in moves_.items()}
        self.n_moves = len(moves.names)

    def __call__(self, docs: list) -> list[list[tuple[int, int, str]]]:
        """(first token, end token, label) entities of every doc."""
        sizes = [len(d) for d in docs]
        if not sum(sizes):
            return [[] for _ in docs]
        feats = self._features(docs)
        space, sent_start, doc_end = self._token_flags(docs, sizes)
        best = self._closed_moves(feats, space, sent_start, doc_end)
        starts = np.flatnonzero(np.isin(best, list(self.begin.values())))
        ends = self._entity_ends(feats, starts, best[starts], sent_start, doc_end)
        return self._walk(best, dict(zip(starts.tolist(), ends.tolist())), sizes)

    def _features(self, docs: list) -> np.ndarray:
        """Per token, its three precomputed feature blocks (tokens x 3 x hidden*pieces)."""
        hidden = self.encode.predict(self.words.rows(docs)) if self.words else self.embed.predict(docs)
        vectors = self.project.predict(np.concatenate(hidden))
        out = vectors @ self.lower_w.T
        return out.reshape(len(vectors), 3, self.width)

    @staticmethod
    def _token_flags(docs: list, sizes: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Whitespace and sentence-start flags of every token, and the end index of its doc."""
        arrays = np.concatenate([d.to_array([IS_SPACE, SENT_START]) for d in docs if len(d)])
        ends = np.repeat(np.cumsum(sizes), sizes)
        return arrays[:, 0].astype(bool), arrays[:, 1] == 1, ends

    def _scores(self, summed: np.ndarray) -> np.ndarray:
        """Action scores from summed feature blocks: bias, maxout over the pieces, the upper layer."""
        pieces = (summed + self.lower_b).reshape(len(summed), *self.shape)
        hidden = pieces[:, :, 0]
        for piece in range(1, self.shape[1]):  # np.maximum per piece: a max over a short last axis is slow
            hidden = np.maximum(hidden, pieces[:, :, piece])
        return hidden @ self.upper_w.T + self.upper_b

    def _closed_moves(self, feats, space, sent_start, doc_end) -> np.ndarray:
        """The best valid move of every token read with no entity open (O, B-x or U-x)."""
        n = len(feats)
        scores = self._scores(feats[:, 0] + self.pad[1] + self.pad[2])
        index = np.arange(n)
        next_starts = np.zeros(n, dtype=bool)
        next_starts[:-1] = sent_start[1:]
        can_begin = (index < doc_end - 1) & ~space & ~next_starts
        valid = np.zeros((n, self.n_moves), dtype=bool)
        valid[:, self.out] = True
        valid[:, list(self.begin.values())] = can_begin[:, None]
        valid[:, list(self.unit.values())] = ~space[:, None]
        return np.where(valid, scores, -np.inf).argmax(axis=1)

    def _entity_ends(self, feats, starts, begin_moves, sent_start, doc_end) -> np.ndarray:
        """For every entity begun at `starts`, the token after its last one (I/L steps in lockstep)."""
        ends = np.zeros(len(starts), dtype=np.int64)
        labels = [self.label_of[m] for m in begin_moves.tolist()]
        in_cols = np.array([self.inside[lab] for lab in labels], dtype=np.int64)
        last_cols = np.array([self.last[lab] for lab in labels], dtype=np.int64)
        active = np.arange(len(starts))
        here = starts + 1
        while len(active):
            s, j = starts[active], here[active]
            rows = np.arange(len(active))
            scores = self._scores(feats[j, 0] + feats[s, 1] + feats[j - 1, 2])
            can_continue = (j < doc_end[j] - 1) & ~sent_start[np.minimum(j + 1, len(feats) - 1)]
            go_on = can_continue & self._prefers_in(scores[rows, in_cols[active]], scores[rows, last_cols[active]],
                                                    in_cols[active] < last_cols[active])
            done = active[~go_on]
            ends[done] = here[done] + 1
            active = active[go_on]
            here[active] += 1
        return ends

    @staticmethod
    def _prefers_in(in_score: np.ndarray, last_score: np.ndarray, in_first: np.ndarray) -> np.ndarray:
        """I over L: the higher score, and on a tie the earlier column (spaCy keeps the first best)."""
        return np.where(in_first, in_score >= last_score, in_score > last_score)

    def _walk(self, best: np.ndarray, ends: dict[int, int], sizes: list[int]) -> list[list[tuple[int, int, str]]]:
        """Entities per doc, reading the moves left to right and skipping the tokens inside entities."""
        units = set(self.unit.values())
        out: list[list[tuple[int, int, str]]] = []
        offset = 0
        found = np.flatnonzero(best != self.out).tolist()
        k = 0
        for size in sizes:
            entities, cursor = [], offset
            while k < len(found) and found[k] < offset + size:
                i = found[k]
                k += 1
                if i < cursor:
                    continue
                move = int(best[i])
                end = i + 1 if move in units else ends[i]
                entities.append((i - offset, end - offset, self.label_of[move]))
                cursor = end
            out.append(entities)
            offset += size
        return out
