"""Loading with the garbage collector out of the way.

Loading allocates millions of objects (three spaCy models, the place and gazetteer tables, word lists,
compiled patterns) and frees almost none, and they live as long as the process. Each automatic collection
on the way walks everything loaded so far (0.2 s of a 1.3 s load, measured with `gc.callbacks`), and so
does the first one after it, as long as they are young. `loading()` turns automatic collection off (its
first threshold at 0: `gc.disable()` is not enough, srsly's msgpack loader, which spaCy uses, calls
`gc.enable()`) and, on the way out, moves everything alive out of the collector's reach (`gc.freeze`),
so that no later collection walks the models and word lists again (~5% of the run time on
benchmarks/throughput.py). Frozen objects are still freed when nothing refers to them; only reference
cycles among them stay.
"""
from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from typing import Iterator

GC_THRESHOLDS = (20_000, 20, 20)  # the collector's thresholds while documents are processed, at least



@contextmanager
def loading() -> Iterator[None]:
    """No automatic garbage collection inside; then everything alive is frozen and the thresholds restored."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)


def collect_less_often() -> None:
    """Raise the collector's thresholds to at least `GC_THRESHOLDS` (a higher setting is kept): a document
    makes many short-lived objects and few reference cycles, and a collection every 700 allocations took
    ~2% of the run time on benchmarks/throughput.py (0.042 s -> 0.013 s of collections on 600k characters,
    rules only). Cycles wait a little longer to be freed."""
    gc.set_threshold(*map(max, gc.get_threshold(), GC_THRESHOLDS))


def numpy_on_one_blas_thread() -> None:
    """Import numpy with OpenBLAS started on one thread, unless numpy is imported already or
    `OPENBLAS_NUM_THREADS` is set; the environment is left as it was.

    The NER limits BLAS to one thread for the whole process anyway (`extract.ner.model._one_blas_thread`);
    starting OpenBLAS's pool of threads only to stop it cost 45 ms of numpy's 90 ms import on the 2-core
    development machine. OpenBLAS can still grow the pool later (threadpoolctl)."""
    if "numpy" in sys.modules or "OPENBLAS_NUM_THREADS" in os.environ:
        return
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        import numpy  # noqa: F401
    finally:
        del os.environ["OPENBLAS_NUM_THREADS"]
