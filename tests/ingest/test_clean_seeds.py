"""The five seed articles: gold boilerplate gone, every prose line kept, metadata as the gold says."""
from __future__ import annotations

import pytest

from ppo_nlp.ingest import clean, iter_inputs
from ppo_nlp.ingest.lines import is_prose, normalize_text

SEEDS = ["000_a92b2e7f9a72e7ca", "001_32fca364f80344a1", "002_9c0a88bca5cd041a", "003_6b38277b4e4a8dea",
         "004_04ee0d87b8d941cb"]


@pytest.fixture(scope="module")
def cleaned(seed_paths):
    return {d.id.removesuffix(".txt"): (d.text, clean(d.text, d.kind, d.meta)) for d in iter_inputs(seed_paths)}


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seeds_boilerplate_gone(cleaned, gold, seed):
    lines = set(cleaned[seed][1].text.split("\n"))
    for furniture in gold[seed].get("boilerplate") or []:
        assert furniture not in lines


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seeds_prose_kept(cleaned, gold, seed):
    raw, result = cleaned[seed]
    lines = set(result.text.split("\n"))
    boilerplate = set(gold[seed].get("boilerplate") or [])
    for line in normalize_text(raw).split("\n"):
        if line and line not in boilerplate and is_prose(line):
            assert line in lines


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("field", ["title", "outlet", "author"])
def test_clean_seeds_metadata(cleaned, gold, seed, field):
    assert getattr(cleaned[seed][1], field) == gold[seed][field]


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seeds_published(cleaned, gold, seed):
    found, expected = cleaned[seed][1].published, gold[seed]["published"]
    assert found == expected or (found and expected and found.startswith(expected))


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seeds_title_first_and_once(cleaned, gold, seed):
    text, title = cleaned[seed][1].text, gold[seed]["title"]
    if title:
        assert text.split("\n")[0] == title and text.split("\n").count(title) == 1


def test_clean_seeds_byline_kept_for_officials(cleaned):
    assert "Шынболат СЕЙДУАЛИЕВ,\nпресс-секретарь Жамбылского областного филиала партии Amanat" in \
        cleaned["001_32fca364f80344a1"][1].text
    assert cleaned["002_9c0a88bca5cd041a"][1].text.endswith("Т.Курбанова")


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seeds_text_shape(cleaned, seed):
    text = cleaned[seed][1].text
    assert text == text.strip() and "\n\n\n" not in text and "  " not in text
