"""The window encoder of a tok2vec in a few numpy calls, without thinc's layer machinery.

spaCy's `MaxoutWindowEncoder.v2` is `with_array(residual(expand_window >> maxout >> layernorm >> dropout)
x depth, pad=depth)`: the docs of a batch are joined with `depth` rows of zeros before, between and after
them, and each block adds to its input a layer-normalised maxout over each row's window (the row before,
the row, the row after). thinc runs that as ~60 layer calls per batch, ~0.4 ms however few the tokens,
about the time of the arithmetic on a 100-token article; `WindowEncoder` runs the same operations, in the
same order and with the same numpy calls, on the weights it reads from the thinc model
(tests/extract/ner/test_encoder.py compares the two). Prediction only: dropout is the identity.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

import numpy as np

BLOCK_LAYERS = ["expand_window", "maxout", "layernorm", "dropout"]  # the leaves of one residual block
LN_EPSILON = 1e-08  # thinc's LayerNorm adds it to the variance


class Block(NamedTuple):
    weights: np.ndarray  # (width * pieces, 3 * width): maxout weights over a window of three rows
    bias: np.ndarray  # (width * pieces,)
    pieces: int
    gain: np.ndarray  # layer norm scale (width,)
    shift: np.ndarray  # layer norm shift (width,)


def leaves(layer) -> list:
    """The leaf layers under `layer`, left to right (thinc's `walk` visits breadth first)."""
    return [leaf for child in layer.layers for leaf in leaves(child)] if layer.layers else [layer]


def maxout_block(maxout, norm) -> Block:
    """The weights of a thinc maxout layer and the layer norm after it."""
    n_out, n_pieces, n_in = maxout.get_param("W").shape
    return Block(maxout.get_param("W").reshape(n_out * n_pieces, n_in), maxout.get_param("b").reshape(-1),
                  n_pieces, norm.get_param("G"), norm.get_param("b"))


def _block(residual) -> Optional[Block]:
    """The weights of one residual block, or None when it is not expand_window(1) >> maxout >> layernorm >>
    dropout."""
    parts = leaves(residual)
    if not residual.name.startswith("residual(") or [leaf.name for leaf in parts] != BLOCK_LAYERS:
        return None
    window, maxout, norm, _ = parts
    return maxout_block(maxout, norm) if window.attrs.get("window_size") == 1 else None


class WindowEncoder:
    """`predict(list of (tokens x width) arrays)` as the thinc encoder gives it."""

    def __init__(self, pad: int, blocks: list[Block]) -> None:
        self.pad, self.blocks = pad, blocks

    @classmethod
    def from_thinc(cls, encode) -> Optional[WindowEncoder]:
        """The numpy form of a thinc `with_array(residual blocks)` encoder; None for any other shape."""
        if not encode.name.startswith("with_array(") or len(encode.layers) != 1 or "pad" not in encode.attrs:
            return None
        inner = encode.layers[0]
        chained = inner.layers and all(layer.name.startswith("residual(") for layer in inner.layers)
        residuals = list(inner.layers) if chained else [inner]  # a chain of blocks, or one block
        blocks = [_block(r) for r in residuals]
        if not blocks or None in blocks or sum(len(leaves(r)) for r in residuals) != len(leaves(inner)):
            return None
        return cls(int(encode.attrs["pad"]), blocks)  # type: ignore[arg-type]

    def predict(self, docs: list[np.ndarray]) -> list[np.ndarray]:
        if not any(d.size for d in docs):
            return [d.astype(np.float32) for d in docs]
        rows = self._joined(docs)  # a new array: the residual sums go into it
        window = np.zeros((len(rows), 3 * rows.shape[1]), dtype=rows.dtype)  # its end pieces stay zero
        for block in self.blocks:
            rows += self._block(block, rows, window)
        return self._split(rows, [len(d) for d in docs])

    def _joined(self, docs: list[np.ndarray]) -> np.ndarray:
        """thinc's `flatten(pad=...)`: `pad` zero rows before each non-empty doc and after the last."""
        full = [d for d in docs if d.size]
        zeros = np.zeros((self.pad, full[0].shape[1]), dtype=full[0].dtype)
        return np.concatenate([part for d in full for part in (zeros, d)] + [zeros])

    def _split(self, rows: np.ndarray, lengths: list[int]) -> list[np.ndarray]:
        """thinc's `unflatten(pad=...)`: each doc's rows without the padding before it."""
        sizes = [n + self.pad if n > 0 else 0 for n in lengths]
        return [piece[self.pad:] for piece in np.split(rows, np.cumsum(sizes))[:-1]]

    @staticmethod
    def _block(block: Block, rows: np.ndarray, window: np.ndarray) -> np.ndarray:
        """Layer norm of the maxout over each row's window of three: row i of the window is rows i-1, i, i+1
        side by side (zeros past either end), copied into `window` (zeros already where no row goes)."""
        width = rows.shape[1]
        window[1:, :width] = rows[:-1]
        window[:, width:2 * width] = rows
        window[:-1, 2 * width:] = rows[1:]
        return maxout_norm(window, block)


def maxout_norm(rows: np.ndarray, block: Block) -> np.ndarray:
    """thinc's maxout (numpy's BLAS, pieces compared in order) then its layer norm, as `PredictOps` runs them
    (`mean` then `var`, spelled out so that the centred rows serve both the variance and the output). The
    same operations on the same values as thinc's, each written into the one array of the best pieces (an
    elementwise result does not depend on where it is stored): fewer arrays, the same bits."""
    scores = np.dot(rows, block.weights.T)
    scores += block.bias
    pieces = scores.reshape(len(rows), -1, block.pieces)
    best = pieces[:, :, 0].copy() if block.pieces == 1 else np.maximum(pieces[:, :, 0], pieces[:, :, 1])
    for piece in range(2, block.pieces):
        np.maximum(best, pieces[:, :, piece], out=best)
    count = np.intp(best.shape[1])  # `mean` and `var` divide by the count as numpy's own do (an intp)
    mean = np.add.reduce(best, axis=1, keepdims=True)
    np.true_divide(mean, count, out=mean, casting="unsafe")
    best -= mean  # centred: `var` subtracts the same mean
    var = np.add.reduce(np.square(best), axis=1, keepdims=True)
    np.true_divide(var, count, out=var, casting="unsafe")
    var += LN_EPSILON
    best *= var ** (-1.0 / 2.0)
    best *= block.gain
    best += block.shift
    return best
