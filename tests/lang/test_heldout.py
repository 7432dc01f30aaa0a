"""Quality gate on the held-out split of ../shared/data (skipped when the corpora are absent)."""
from __future__ import annotations

import sys

import pytest

from ppo_nlp.lang import detect_language
from ppo_nlp.paths import REPO_DIR

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def heldout(shared_data):
    sys.path.insert(0, str(REPO_DIR / "scripts"))
    from langid_data import load_items

    return [it for it in load_items(shared_data) if it.split == "test"][::3]


def accuracy(items):
    return sum(detect_language(it.text).lang == it.lang for it in items) / len(items)


def test_heldout_accuracy_meets_floors(heldout):
    short = [it for it in heldout if len(it.text) <= 40]
    assert accuracy(heldout) >= 0.995
    assert accuracy(short) >= 0.985


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_heldout_accuracy_per_language(heldout, lang):
    assert accuracy([it for it in heldout if it.lang == lang]) >= 0.99


def test_heldout_split_is_a_fixed_hash_of_the_text(shared_data):
    from langid_data import split_of, stable_hash

    assert stable_hash("Форум прошёл.") == 2338942810866741817  # md5-based: the same in every process
    assert split_of("Форум прошёл.") == "train"
