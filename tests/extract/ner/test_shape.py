"""Our word_shape gives spaCy's strings."""
from __future__ import annotations

import random

import pytest
from spacy.attrs import IDS
from spacy.lang.lex_attrs import word_shape as spacy_shape

from ppo_nlp.extract.ner.model import spacy_model
from ppo_nlp.extract.ner.shape import word_shape
from ppo_nlp.paths import models_dir

WORDS = ["", "a", "Amanat", "AMANAT", "Нұр-Отан", "2024", "12.05.2024", "aaaaaaaa", "AAAAAb", "-----", "\n\n\n\n\n\n",
         "x" * 99, "x" * 100, "Ǆǅǆ", "²³¹", "٣٤٥", "ⅫⅫⅫⅫⅫ", "Qazaqstan™", "e-mail@x.kz", "🙂🙂🙂🙂🙂🙂", "ııııı",
         "amanat", "Аманатпен", "Ǆxxxxxx", "ǅxxxxxx", "xǅ", "aاb", "اب", "ªbbbbb", "Xªbbbbb", "Ⅻxxxxx", "AbC", "ß", "X"]
LETTERS = "aAzZаАяЯәӘіІǅǄªاßıİ"
ALPHABET = "aAzZаАяЯәӘіІ09٣²-.,'«»\n \t_xXd🙂ǅ"


@pytest.mark.parametrize("word", WORDS)
def test_shape_table(word: str) -> None:
    assert word_shape(word) == spacy_shape(word)


def test_shape_random_strings() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        word = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 120)))
        assert word_shape(word) == spacy_shape(word), word


def test_shape_random_words() -> None:
    rng = random.Random(8)
    for _ in range(3000):
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 12)))
        for form in (word, word.lower(), word.capitalize(), word[:1].upper() + word[1:].lower()):
            assert word_shape(form) == spacy_shape(form), form


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_models_use_it(lang: str) -> None:
    if not (models_dir() / f"ner-{lang}" / "config.cfg").is_file():
        pytest.skip(f"models/ner-{lang} is not shipped")
    assert spacy_model(lang).nlp.vocab.lex_attr_getters[IDS["SHAPE"]] is word_shape
