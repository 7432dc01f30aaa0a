"""Places on the real development articles (`../shared/real`, skipped when absent): the Russian and
Cyrillic-Kazakh articles at the floor of issue 14 for locations, and people not taken from places."""
from __future__ import annotations

import pytest

from tests.conftest import real_group_scores

FLOORS = {"locations": (0.90, 0.90), "people": (0.90, 0.95)}  # (precision, recall) on ru + kk in Cyrillic


@pytest.fixture(scope="module")
def scores() -> dict:
    return real_group_scores(lambda g: g["lang"] in ("ru", "kk") and g.get("script") != "Latn")


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_places_real_ru_kk_floor(scores, field):
    precision, recall = FLOORS[field]
    assert scores[field]["precision"] >= precision and scores[field]["recall"] >= recall, scores[field]
