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

OUT, BEGIN, IN, LAST, UNIT = "O", "B", "I", "L", "U"
MOVE_NAMES = ("M", "B", "I", "L", "U", "O")  # spaCy's NER move ids 0..5 (MISSING, BEGIN, IN, LAST, UNIT, OUT)


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

    @classmethod
    def from_labels(cls, labels_by_action: dict[str, dict[str, int]]) -> Moves:
        """The class names spaCy gives the saved `moves` (`TransitionSystem.initialize_actions`): actions in
        order, each action's labels by falling frequency (then falling label), negative frequencies last."""
        names, added = [], []
        for action, freqs in sorted(labels_by_action.items(), key=lambda item: int(item[0])):
            for freq, label in sorted(((f, lab) for lab, f in freqs.items()), reverse=True):
                if freq < 0:
                    added.append((freq, label, int(action)))
                else:
                    names.append(_move_name(int(action), label))
        names += [_move_name(action, label) for _, label, action in sorted(added, reverse=True)]
        return cls(tuple(names))


def _move_name(action: int, label: str) -> str:
    return MOVE_NAMES[action] if action in (0, 5) else f"{MOVE_NAMES[action]}-{label}"


class GreedyNer:
    """Entities from the token vectors of docs (the NER's tok2vec output), decoded greedily with numpy from
    the weights of a spaCy `TransitionBasedParser.v2` (lower: precomputable affine of 3 tokens, upper)."""

    def __init__(self, lower: dict[str, np.ndarray], upper: dict[str, np.ndarray], moves: Moves) -> None:
        n_feats, n_hidden, n_pieces, n_in = lower["W"].shape
        if n_feats != 3:
            raise ValueError(f"an NER parser reads 3 tokens per state, this one {n_feats}")
        self.width = n_hidden * n_pieces
        self.shape = (n_hidden, n_pieces)
        self.lower_w = lower["W"].reshape(n_feats * self.width, n_in)
        self.pad = lower["pad"].reshape(n_feats, self.width)
        self.lower_b = lower["b"].reshape(self.width)
        self.upper_w, self.upper_b = upper["W"], upper["b"]
        self.out = moves.out
        self.begin, self.inside = moves.columns(BEGIN), moves.columns(IN)
        self.last, self.unit = moves.columns(LAST), moves.columns(UNIT)
        self.label_of = {col: label for moves_ in (self.begin, self.unit) for label, col in moves_.items()}
        self.n_moves = len(moves.names)
        self.begin_cols = np.array(list(self.begin.values()), dtype=np.intp)
        self.unit_cols = np.array(list(self.unit.values()), dtype=np.intp)
        self.is_begin = np.zeros(self.n_moves, dtype=bool)  # move -> whether it is a B-x
        self.is_begin[self.begin_cols] = True
        closed = [self.out, *self.begin_cols.tolist(), *self.unit_cols.tolist()]  # valid with no entity open
        self.never_closed = np.array([m for m in range(self.n_moves) if m not in closed], dtype=np.intp)

    def __call__(self, vectors: np.ndarray, space: np.ndarray, sizes: list[int]) -> list[list[tuple[int, int, str]]]:
        """(first token, end token, label) entities of every doc, from the vectors of all their tokens (one
        row per token, docs one after the other) and the tokens' whitespace flags. A doc is one sentence."""
        if not sum(sizes):
            return [[] for _ in sizes]
        feats = (vectors @ self.lower_w.T).reshape(len(vectors), 3, self.width)
        doc_end = np.repeat(np.cumsum(sizes), sizes)
        best = self._closed_moves(feats, space, doc_end)
        starts = np.flatnonzero(self.is_begin[best])
        ends = self._entity_ends(feats, starts, best[starts], doc_end)
        return self._walk(best, dict(zip(starts.tolist(), ends.tolist())), sizes)

    def _scores(self, summed: np.ndarray) -> np.ndarray:
        """Action scores from summed feature blocks (a new array, which the bias is added into): bias, maxout
        over the pieces, the upper layer."""
        summed += self.lower_b
        pieces = summed.reshape(len(summed), *self.shape)
        if self.shape[1] == 1:
            hidden = pieces[:, :, 0]
        else:  # np.maximum per piece: a max over a short last axis is slow
            hidden = np.maximum(pieces[:, :, 0], pieces[:, :, 1])
            for piece in range(2, self.shape[1]):
                np.maximum(hidden, pieces[:, :, piece], out=hidden)
        scores = hidden @ self.upper_w.T
        scores += self.upper_b
        return scores

    def _closed_moves(self, feats, space, doc_end) -> np.ndarray:
        """The best valid move of every token read with no entity open (O, B-x or U-x): the invalid ones'
        scores set to -inf in place. B needs a next token in the sentence, that is in the doc."""
        scores = self._scores(feats[:, 0] + self.pad[1] + self.pad[2])
        cannot_begin = (np.arange(len(feats)) >= doc_end - 1) | space
        scores[:, self.never_closed] = -np.inf
        scores[np.ix_(np.flatnonzero(cannot_begin), self.begin_cols)] = -np.inf
        scores[np.ix_(np.flatnonzero(space), self.unit_cols)] = -np.inf
        return scores.argmax(axis=1)

    def _entity_ends(self, feats, starts, begin_moves, doc_end) -> np.ndarray:
        """For every entity begun at `starts`, the token after its last one (I/L steps in lockstep)."""
        ends = np.zeros(len(starts), dtype=np.int64)
        labels = [self.label_of[m] for m in begin_moves.tolist()]
        in_cols = np.array([self.inside[lab] for lab in labels], dtype=np.int64)
        last_cols = np.array([self.last[lab] for lab in labels], dtype=np.int64)
        # I and L need a next token in the sentence; a doc is one sentence, so the entity's own doc's last
        # token bounds it (a sentence start after j would be the next doc's first token).
        last_token = doc_end[starts] - 1
        in_first = in_cols < last_cols
        active = np.arange(len(starts))
        here = starts + 1
        while len(active):
            s, j = starts[active], here[active]
            rows = np.arange(len(active))
            scores = self._scores(feats[j, 0] + feats[s, 1] + feats[j - 1, 2])
            go_on = (j < last_token[active]) & self._prefers_in(scores[rows, in_cols[active]],
                                                                scores[rows, last_cols[active]], in_first[active])
            ends[active[~go_on]] = j[~go_on] + 1
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
