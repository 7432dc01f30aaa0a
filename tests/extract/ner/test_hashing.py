"""The NER runtime's hashes and string ids are spaCy's and thinc's own."""
from __future__ import annotations

import numpy as np
import pytest

from ppo_nlp.extract.ner.hashing import hash_keys, hash_string, murmur64a, string_hasher
from ppo_nlp.extract.ner.lexemes import Lexemes, StringIds, norm, spacy_strings

STRINGS = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "Xxxxx", "dddd", "Қасым-Жомарт", "партия", "«",
           "”", "’s", "n't", "ORG", "PERSON", "X", "x", "d", "_", "NOUN", "😀 эмодзи", "tab\there", "x" * 100]


@pytest.mark.parametrize("text", STRINGS)
def test_hashing_strings_are_spacys(text: str) -> None:
    from spacy.strings import hash_string as spacy_hash

    assert hash_string(text) == murmur64a(text.encode("utf-8")) == string_hasher()(text) == spacy_hash(text)


@pytest.mark.parametrize("text", STRINGS)
def test_hashing_string_ids_are_the_string_store_keys(text: str) -> None:
    from spacy.strings import StringStore

    assert StringIds()[text] == StringStore().add(text)


@pytest.mark.parametrize("seed", [0, 1, 8, 9, 10, 11, 2**31 + 5])
def test_hashing_keys_are_thincs(seed: int) -> None:
    from thinc.api import NumpyOps

    rng = np.random.default_rng(seed % 1000)
    ids = np.concatenate([rng.integers(0, 2**64 - 1, size=1_000_000, dtype=np.uint64),
                          np.array([0, 1, 2**63, 2**64 - 1, 2**32, 2**32 - 1], dtype=np.uint64)])
    assert (hash_keys(ids, seed) == NumpyOps().hash(ids, seed)).all()


@pytest.mark.parametrize("seeds", [[0], [8, 9], [8, 9, 10, 11], [1, 2**31 + 5, 7]])
def test_hashing_keys_with_a_seed_per_column_are_the_columns_hashed_one_by_one(seeds: list[int]) -> None:
    rng = np.random.default_rng(len(seeds))
    ids = rng.integers(0, 2**64 - 1, size=(5_000, len(seeds)), dtype=np.uint64)
    ids[0], ids[1] = 0, 2**64 - 1
    got = hash_keys(ids, np.array(seeds, dtype=np.uint64))
    assert got.shape == (len(ids), len(seeds), 4) and got.dtype == np.uint32
    for column, seed in enumerate(seeds):
        assert (got[:, column] == hash_keys(ids[:, column], seed)).all()


def test_hashing_spacy_tables_are_spacys() -> None:
    from spacy.lang.norm_exceptions import BASE_NORMS
    from spacy.strings import SYMBOLS_BY_STR

    symbols, base = spacy_strings()
    assert symbols == {k: v for k, v in SYMBOLS_BY_STR.items() if k} and base == BASE_NORMS


@pytest.mark.parametrize("text", ["Астана", "«", "—", "US$", "’s", "ЁЛКА", "İstanbul", "ǅ", "ß", "12,5", "Ⅻ"])
def test_hashing_lexeme_attrs_are_spacys(text: str) -> None:
    import spacy
    from spacy.attrs import NORM, PREFIX, SHAPE, SUFFIX

    doc = spacy.blank("ru").make_doc(text)
    words = [(t.text, norm(t.text, spacy_strings()[1])) for t in doc]
    got = Lexemes(["NORM", "PREFIX", "SUFFIX", "SHAPE"]).features(words)
    assert (got == doc.to_array([NORM, PREFIX, SUFFIX, SHAPE])).all()


def test_hashing_string_ids_stay_bounded(monkeypatch) -> None:
    from ppo_nlp.extract.ner import lexemes

    monkeypatch.setattr(lexemes, "KNOWN_IDS", 10)
    ids = StringIds()
    for i in range(100):
        assert ids[f"w{i}"] == hash_string(f"w{i}")
    assert len(ids) - ids.fixed <= 10 and ids["ORG"] == spacy_strings()[0]["ORG"]
