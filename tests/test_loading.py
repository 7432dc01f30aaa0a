"""ppo_nlp.loading: no automatic collection while loading, even after a library's `gc.enable()`; what was
loaded ends up frozen; the thresholds come back however the block ends; numpy starts OpenBLAS on one thread
without touching the environment."""
from __future__ import annotations

import gc
import os
import subprocess
import sys
from contextlib import nullcontext

import pytest

from ppo_nlp.loading import loading
from ppo_nlp.paths import REPO_DIR


@pytest.mark.parametrize("raises", [False, True])
def test_loading_pauses_collection_and_restores_thresholds(raises):
    before = gc.get_threshold()
    with pytest.raises(RuntimeError) if raises else nullcontext():
        with loading():
            gc.enable()  # what srsly's msgpack loader does inside spaCy's model loading
            assert gc.get_threshold()[0] == 0
            if raises:
                raise RuntimeError("a model failed to load")
    assert gc.get_threshold() == before and gc.isenabled()


def test_loading_freezes_what_was_loaded():
    frozen = gc.get_freeze_count()
    with loading():
        kept = [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= frozen + len(kept)


def test_loading_nests():
    before = gc.get_threshold()
    with loading():
        with loading():
            pass
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold() == before



@pytest.mark.parametrize("env, threads", [({}, 1), ({"OPENBLAS_NUM_THREADS": "2"}, 2)])
def test_loading_starts_numpy_on_one_blas_thread_and_leaves_the_environment(env, threads):
    """A fresh process: numpy comes in with OpenBLAS on one thread, unless the user set the thread count."""
    code = ("import os; from ppo_nlp.loading import numpy_on_one_blas_thread as f; f(); "
            "from threadpoolctl import threadpool_info; "
            "print([i['num_threads'] for i in threadpool_info() if i['internal_api'] == 'openblas'], "
            "os.environ.get('OPENBLAS_NUM_THREADS'))")
    clean = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True,
                         check=True, cwd=REPO_DIR).stdout.split()
    pools, seen = out[0], out[1]
    assert pools in (f"[{threads}]", "[]") and seen == env.get("OPENBLAS_NUM_THREADS", "None")
