"""The plain-word shortcut of the NER tokenizer never changes an answer of spaCy's regexes, nor a token."""
from __future__ import annotations

import random
import re

import pytest
import spacy

import ppo_nlp.lang.spacy_kk  # noqa: F401  (registers kk)
from ppo_nlp.extract.ner.model import VOCAB_LIMIT, spacy_model
from ppo_nlp.extract.ner.plainwords import PLAIN_WORD, SEARCHES, default_tokenizer, speed_up
from ppo_nlp.paths import models_dir

LANGS = ["ru", "kk", "en"]
LETTERS = [chr(c) for c in range(0x30000) if PLAIN_WORD.fullmatch(chr(c))]
TEXTS = [
    "Партия «Аманат» провела съезд в Астане 12.03.2024 г.: 1 500 делегатов, 3,5 км/ч, 10кг и 20$.",
    "Депутат Мәжіліс (Нұр-Отан) сказал: «Қазақстан — ел!»... См. https://amanat.kz/news?id=5 и e-mail a@b.kz",
    "The party's U.S.-based office (N.Y.) won't open; it's 5km away, costs US$3.5m... Mr. O'Neil's view.",
    "Ауыл-аймақ, 2024-2025 жж. «Бірлік»—партиясы; т.б. Сондай-ақ A/B тест, x=y, a.b.c, Ғ-ға, ABC's.",
]


def _tokenizer(lang: str):
    return spacy.blank(lang).tokenizer


def _pattern_words(tokenizer) -> set[str]:
    """The runs of plain letters written in the tokenizer's own patterns (units, currencies, «US»...)."""
    sources = [getattr(tokenizer, name).__self__.pattern for name in (*SEARCHES, "infix_finditer")]
    return {run for source in sources for run in PLAIN_WORD.findall(source)}


def _no_match(tokenizer, piece: str) -> bool:
    return (all(getattr(tokenizer, name)(piece) is None for name in SEARCHES)
            and not list(tokenizer.infix_finditer(piece)))


@pytest.mark.parametrize("lang", LANGS)
def test_plain_words_match_no_regex(lang: str) -> None:
    tok = _tokenizer(lang)
    rng = random.Random(5)
    runs = _pattern_words(tok)
    pieces = set(LETTERS) | {a + b for a in LETTERS for b in LETTERS} | runs
    pieces |= {rng.choice(LETTERS) + run + rng.choice(LETTERS) for run in runs for _ in range(5)}
    pieces |= {"".join(rng.choices(LETTERS, k=rng.randint(3, 30))) for _ in range(3000)}
    assert [p for p in sorted(pieces) if not _no_match(tok, p)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_same_tokens(lang: str) -> None:
    plain, fast = _tokenizer(lang), speed_up(_tokenizer(lang), VOCAB_LIMIT)
    rng = random.Random(11)
    texts = TEXTS + [" ".join(rng.choices(re.split(r"(\W)", " ".join(TEXTS)), k=200)) for _ in range(50)]
    for text in texts:
        assert [(t.text, t.whitespace_, t.norm_) for t in fast(text)] == [(t.text, t.whitespace_, t.norm_) for t in
                                                                          plain(text)]


@pytest.mark.parametrize("lang", LANGS)
def test_models_use_it(lang: str) -> None:
    if not (models_dir() / f"ner-{lang}" / "config.cfg").is_file():
        pytest.skip(f"models/ner-{lang} is not shipped")
    tokenizer = spacy_model(lang).nlp.tokenizer
    assert tokenizer.max_cache_size == VOCAB_LIMIT
    assert tokenizer.suffix_search.__self__.pattern == _tokenizer(lang).suffix_search.__self__.pattern
    assert tokenizer.to_bytes(exclude=["vocab"]) == _tokenizer(lang).to_bytes(exclude=["vocab"])


@pytest.mark.parametrize("lang", LANGS)
def test_default_tokenizer_is_spacys_with_its_special_cases_loaded_once(lang: str) -> None:
    blank = spacy.blank(lang)
    ours = default_tokenizer(blank, VOCAB_LIMIT)
    assert ours.rules == blank.tokenizer.rules and ours.max_cache_size == VOCAB_LIMIT
    assert ours.token_match == blank.tokenizer.token_match and ours.url_match.__self__.pattern == blank.tokenizer.url_match.__self__.pattern
    rng = random.Random(3)
    texts = TEXTS + [" ".join(rng.choices(re.split(r"(\W)", " ".join(TEXTS)), k=200)) for _ in range(20)]
    for text in texts:
        assert [(t.text, t.whitespace_, t.norm_) for t in ours(text)] == [(t.text, t.whitespace_, t.norm_)
                                                                          for t in blank.tokenizer(text)]
