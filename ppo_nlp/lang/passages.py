"""The model's scores of a document's passages, read off the document's own n-grams.

The model scores a text by the sums of its n-grams' weights (`LangModel.score`). The passages `segments`
decides are spans of the document with white space around them, so the n-grams of a passage framed by
spaces are the document's n-grams from the boundary before it to the boundary after it: their sums are
differences of running sums over the n-gram weights the document's own language already gathered. The
shipped weights are float16 values (multiples of 2**-24, small), so every such sum is exact in float64 in
any order: the same bits as `LangModel.score` of the passages gives (`LangModel.exact_sums`).
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from ppo_nlp.cache import bounded_cache
from ppo_nlp.lang.features import CYRILLIC, LATIN, NONLETTER, OTHER_SCRIPT, Prepared, script_table
from ppo_nlp.lang.model import load_model


@bounded_cache(8 << 20, maxsize=2, sizeof=lambda g: g[0].seq.nbytes * 3 + g[1].nbytes)
def gathered(text: str) -> tuple[Prepared, np.ndarray]:
    """`LangModel.gather(text)`, kept for the passages of the text whose language was just detected."""
    return load_model().gather(text)


def passage_scores(text: str, spans: list[tuple[int, int]],
                   limit: int) -> Optional[tuple[list[list[float]], list[list[int]]]]:
    """(class probabilities, counts by script) of every passage text[s:e], as `LangModel.score` of all of them
    (a batch) gives them; None where they cannot be read off the text's n-grams: fewer than two passages
    (one is scored alone), a text of more than `limit` characters (its language was read off a sample),
    lower-casing that changes its length, a passage without white space around it, weights whose sums are
    not exact."""
    model = load_model()
    if len(spans) < 2 or len(text) > limit or not model.exact_sums or len(text.lower()) != len(text) or \
            not all((s == 0 or text[s - 1].isspace()) and (e == len(text) or text[e].isspace()) for s, e in spans):
        return None
    prep, rows = gathered(text)
    starts, ends = np.array(spans, dtype=np.int64).T
    first = prep.kept[starts] - 1  # the boundary of the white space before the passage (" text"[s])
    last = prep.kept[ends + 1] - 1  # ... and after it
    return model.softmax_rows(*_sums(rows, len(prep.seq), first, last, model.max_n)).tolist(), \
        _scripts(prep, first, last, ends - starts)


def _sums(rows: np.ndarray, size: int, first: np.ndarray, last: np.ndarray, max_n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per passage: the float64 sums of the weight rows of its n-grams (positions first..last of the text's
    `seq`) and their number. `rows` holds the 1-grams of every position, then the 2-grams ... (`ngram_ids`)."""
    running = np.zeros((len(rows) + 1, rows.shape[1]), dtype=np.float64)
    np.cumsum(rows, axis=0, dtype=np.float64, out=running[1:])
    orders = np.arange(1, min(max_n, size) + 1)[:, None]
    counts = size - orders + 1  # n-grams of each order in the text
    offsets = np.cumsum(counts, axis=0) - counts  # where each order's n-grams begin in `rows`
    # (orders, passages): n-grams at start..stop-1; a passage too short for an order has none, and its bounds
    # stay inside that order's n-grams (past the text's last n-gram of the order they would read the next)
    start = np.minimum(first, counts)
    stop = np.minimum(np.maximum(last - orders + 2, first), counts)
    sums = np.ascontiguousarray((running[offsets + stop] - running[offsets + start]).sum(axis=0))
    return sums, (stop - start).sum(axis=0).astype(np.float64)


_SCRIPTS = np.array([LATIN, CYRILLIC, OTHER_SCRIPT], dtype=np.uint8)


def _scripts(prep: Prepared, first: np.ndarray, last: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    """Per passage: the counts of NONLETTER/LATIN/CYRILLIC/OTHER_SCRIPT code points of " passage "."""
    running = np.zeros((len(prep.seq) + 1, len(_SCRIPTS)), dtype=np.int64)
    np.cumsum(script_table()[prep.seq][:, None] == _SCRIPTS, axis=0, out=running[1:])
    letters = running[last + 1] - running[first]
    out = np.zeros((len(first), 4), dtype=np.int64)
    out[:, _SCRIPTS] = letters
    out[:, NONLETTER] = lengths + 2 - letters.sum(axis=1)
    return out.tolist()
