"""ppo_nlp.loading: no automatic collection while loading, even after a library's `gc.enable()`; what was
loaded ends up frozen; the thresholds come back however the block ends."""
from __future__ import annotations

import gc
from contextlib import nullcontext

import pytest

from ppo_nlp.loading import loading


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

