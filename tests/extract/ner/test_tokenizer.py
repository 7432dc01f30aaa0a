"""The NER runtime's tokenizer (a Python port of spaCy's) gives spaCy's tokens, norms, spaces and offsets."""
from __future__ import annotations

import sys

import pytest

from ppo_nlp.extract.ner.lexemes import norm, spacy_strings
from ppo_nlp.extract.ner.model import spacy_model
from ppo_nlp.extract.ner.tokenizer import RUNS, Tokenizer
from ppo_nlp.paths import models_dir

HOSTILE = {
    "ru": ["", " ", "   ", "\n", " \n\n ", "\t\tтабы\t", "строка\r\nперевод", "два  пробела", "неразрывный\u00a0пробел",
           "в т.ч. Астана", "(в т.ч. Алматы)", "и т.д.", "т.е.", "вед. науч. сотр. института", "д-р биол. наук",
           "г.Астана, ул.Абая 10/2", "1 000 000 тенге", "10,5%", "50-летие", "2024г.", "№5", "ТОО «Ромашка»",
           "—тире—", "«кавычки»", "„лапки“", "Ёлка ёжик", "https://amanat.kz/ru/news/123?id=5.", "почта: info@amanat.kz.",
           "смешанныйLatin", "Нур-Султан-2", "😀смайлик😀", "...и", "!!!", "(((скобки)))", "20млн тг", "10°C"],
    "kk": ["Қасым-Жомарт Тоқаев", "Нұр-Сұлтан қ.", "ҚР Президенті", "т.б.", "ж. 12 мамыр", "«AMANAT» партиясы",
           "Әзірбайжан — Қазақстан", "ӘҒҚҢӨҰҮҺІ әғқңөұүһі", "2023 ж.", "мың.", "млн.", "т.с.с.", "www.akorda.kz/kz",
           "БПҰ-ның", "Ақмола-2024", "\t\n Қазақ\u2009тілі", "ҮҚК-нің", "«Нұр Отан»-ның"],
    "en": ["don't", "Don't", "can't.", "y'all", "'s", "rock'n'roll", "U.S.-based", "e.g.", "i.e.,", "Mr. O'Neill's",
           "Jan. 3rd", "$5.2bn", "5km", "10kg.", "a.m.", "p.m.", "n't", "N'T", "co-op", "well--known", "C++",
           "#hashtag @user", "user.name+tag@example.co.uk;", "(https://example.com/a_b?q=1).", "“smart” ‘quotes’",
           "It's 12:30", "we'll", "ain't", "gonna", "Let's go!", "O'Reilly", "'90s", "'em", "1990s", "x" * 120],
}


def _shipped(lang: str) -> None:
    if not (models_dir() / f"ner-{lang}" / "tokenizer").is_file():
        pytest.skip(f"models/ner-{lang} is not shipped")


def _ours(lang: str) -> Tokenizer:
    if lang not in _OURS:
        _OURS[lang] = Tokenizer.from_file(models_dir() / f"ner-{lang}" / "tokenizer")
    return _OURS[lang]


_OURS: dict[str, Tokenizer] = {}


def _tokens(tokenizer: Tokenizer, text: str) -> list[tuple]:
    doc = tokenizer(text)
    norms = [n if n is not None else norm(o, spacy_strings()[1]) for o, n in zip(doc.orths, doc.norms)]
    return list(zip(doc.orths, norms, doc.spaces, doc.offsets()))


@pytest.mark.parametrize("lang, text", [(lang, t) for lang, texts in HOSTILE.items() for t in texts])
@pytest.mark.parametrize("other", ["ru", "kk", "en"])
def test_tokenizer_equals_spacy(lang: str, text: str, other: str) -> None:
    """Every model's tokenizer on every language's strings (alone, and inside a sentence)."""
    _shipped(other)
    nlp = spacy_model(other).nlp
    for sample in (text, f"Начало {text} конец.", f"{text}{text}\n{text} "):
        want = [(t.text, t.norm_, bool(t.whitespace_), t.idx) for t in nlp.make_doc(sample)]
        assert _tokens(_ours(other), sample) == want


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_tokenizer_cache_is_bounded_and_changes_nothing(lang: str) -> None:
    _shipped(lang)
    small = Tokenizer.from_file(models_dir() / f"ner-{lang}" / "tokenizer", cache_size=3)
    text = " ".join(HOSTILE[lang]) * 2
    assert _tokens(small, text) == _tokens(_ours(lang), text)
    assert len(small.cache) <= 3


def test_tokenizer_runs_split_where_spacy_tests_isspace() -> None:
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert RUNS.fullmatch(spaces) and len(RUNS.findall(spaces + "a" + spaces)) == 3
    assert all(RUNS.match(chr(c)).group() == chr(c) for c in range(0, sys.maxunicode + 1, 97))
    assert not any(m.group().isspace() for m in RUNS.finditer("a" + "".join(
        chr(c) for c in range(sys.maxunicode + 1) if not chr(c).isspace() and not 0xD800 <= c < 0xE000)))
