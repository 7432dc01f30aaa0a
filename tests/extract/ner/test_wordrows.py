"""WordRows: the embed half of a tok2vec computed once per word gives the rows the whole model gives."""
from __future__ import annotations

import numpy as np
import pytest
from thinc.api import Relu, chain

from ppo_nlp.extract.ner.model import spacy_model
from ppo_nlp.extract.ner.wordrows import WordRows, split_tok2vec
from ppo_nlp.paths import models_dir

TEXTS = {
    "ru": ["Председатель партии «AMANAT» Ерлан Кошанов встретился с акимом.", "Кошанов, Кошанов и аким."],
    "kk": ["«AMANAT» партиясының төрағасы Ерлан Қошанов әкіммен кездесті.", "Қошанов пен әкім."],
    "en": ["They don't know the AMANAT chairman Yerlan Koshanov.", "Koshanov didn't, Koshanov won't."],
}


def halves(lang: str):
    if not (models_dir() / f"ner-{lang}" / "config.cfg").is_file():
        pytest.skip(f"models/ner-{lang} is not shipped")
    nlp = spacy_model(lang).nlp
    tok2vec = nlp.get_pipe("tok2vec").model
    return nlp, tok2vec.layers[0], split_tok2vec(tok2vec)


def assert_same_rows(got: list[np.ndarray], expected: list[np.ndarray]) -> None:
    assert [g.shape for g in got] == [e.shape for e in expected]
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g, e, rtol=1e-4, atol=1e-5)  # BLAS sums in another order per batch


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("limit", [4, 12, 10_000])
def test_rows_equal_the_embed_half(lang: str, limit: int) -> None:
    nlp, embed, found = halves(lang)
    assert found is not None and found[0] is embed
    rows = WordRows(embed, limit=limit)
    for _ in range(2):  # the second pass reads the table (or, with a small limit, refills it)
        for text in TEXTS[lang]:
            docs = [nlp.make_doc(text), nlp.make_doc(text.upper())]
            assert_same_rows(rows.rows(docs), embed.predict(docs))
            assert len(rows.index) <= limit


def test_a_tokenizer_exception_keeps_its_norm() -> None:
    nlp, embed, _ = halves("en")
    doc = nlp.make_doc("don't")
    assert doc[1].norm_ != doc[1].lex.norm_  # «n't» is normed «not» by the exception, not by the word
    rows = WordRows(embed)
    rows.rows([nlp.make_doc("n't")])  # the bare word first: its own norm goes in the table
    assert_same_rows(rows.rows([doc]), embed.predict([doc]))


def test_more_new_words_than_the_table_holds_are_not_kept() -> None:
    nlp, embed, _ = halves("en")
    rows = WordRows(embed, limit=3)
    docs = [nlp.make_doc("one two three four five")]
    assert_same_rows(rows.rows(docs), embed.predict(docs))
    assert rows.index == {}


def test_empty_docs_keep_their_place() -> None:
    nlp, embed, _ = halves("ru")
    docs = [nlp.make_doc(""), nlp.make_doc("Аким"), nlp.make_doc("")]
    assert [r.shape[0] for r in WordRows(embed).rows(docs)] == [0, 1, 0]
    assert [r.shape[0] for r in WordRows(embed).rows([nlp.make_doc(""), nlp.make_doc("")])] == [0, 0]


def test_other_models_are_not_split() -> None:
    assert split_tok2vec(chain(Relu(4, 4), Relu(4, 4))) is None
    assert split_tok2vec(Relu(4, 4)) is None


def test_a_full_table_starts_again_with_the_words_it_still_needs() -> None:
    """A batch of known and new words that overflows the table: the known ones are computed again too."""
    nlp, embed, _ = halves("en")
    rows = WordRows(embed, limit=6)
    first = [nlp.make_doc("alpha beta gamma delta")]
    rows.rows(first)
    second = [nlp.make_doc("alpha beta epsilon zeta eta")]  # 3 new words: 4 + 3 > 6
    assert_same_rows(rows.rows(second), embed.predict(second))
    assert set(rows.index) == {(t.orth, t.norm) for t in second[0]}


def test_a_full_table_and_a_batch_larger_than_it_computes_the_batch_alone() -> None:
    """Known words, then a batch of more words than the table holds but few new ones: no table, same rows."""
    nlp, embed, _ = halves("en")
    rows = WordRows(embed, limit=4)
    rows.rows([nlp.make_doc("alpha beta gamma")])
    batch = [nlp.make_doc("alpha beta gamma delta epsilon zeta")]  # 3 new words: 3 + 3 > 4, and 6 > 4
    assert_same_rows(rows.rows(batch), embed.predict(batch))
    assert len(rows.index) <= 4
