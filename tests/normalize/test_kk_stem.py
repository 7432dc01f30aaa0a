"""Kazakh endings: an ending is peeled only after a letter it can follow, and a stem that dropped its vowel
before a possessive gets it back."""
from __future__ import annotations

import pytest

from ppo_nlp.extract.counts.subjects import kk_heads
from ppo_nlp.normalize.kk_stem import strip_kk

GREEDY = [
    # a -та/-ты/-қа ending follows only a voiceless consonant, never a vowel
    ("квота", "квота", []),
    ("нота", "нота", []),
    ("квотасы", "квота", ["poss"]),
    ("мектепте", "мектеп", ["loc"]),
    ("көмекке", "көмек", ["dat"]),
    # -ны/-ның follow a vowel (or м н ң), -ды/-дың a voiced consonant
    ("ұйымның", "ұйым", ["gen"]),
    ("ауылдың", "ауыл", ["gen"]),
    ("баланы", "бала", ["acc"]),
    ("облыстан", "облыс", ["abl"]),
    ("адамдар", "адам", ["plural"]),
    ("мүшелері", "мүше", ["plural", "poss"]),
    # the vowel dropped before a possessive comes back
    ("орны", "орын", ["poss"]),
    ("орнына", "орын", ["poss", "dat"]),
    ("халқы", "халық", ["poss"]),
    ("ерні", "ерін", ["poss"]),
    ("аузы", "ауыз", ["poss"]),
    # a vowel that is not dropped stays
    ("орындары", "орын", ["plural", "poss"]),
    ("ауылы", "ауыл", ["poss"]),
    # a loan ending in ь takes endings as after р
    ("лагерьде", "лагерь", ["loc"]),
    ("лагерьлер", "лагерь", ["plural"]),
    # the accusative н after a possessive is never peeled greedily
    ("қазан", "қазан", []),
    ("тұрғын", "тұрғын", []),
]

KNOWN = [
    ("орнын", "орын", ["poss", "acc"]),
    ("ауылын", "ауыл", ["poss", "acc"]),
    ("ошағы", "ошақ", ["poss"]),
    ("ошағын", "ошақ", ["poss", "acc"]),
    ("тұрғын", "тұрғын", []),
    ("оқушыға", "оқушы", ["dat"]),
]


@pytest.mark.parametrize("word,stem,kinds", GREEDY)
def test_strip_greedy(word: str, stem: str, kinds: list) -> None:
    assert strip_kk(word) == (stem, kinds)


@pytest.mark.parametrize("word,stem,kinds", KNOWN)
def test_strip_toward_known(word: str, stem: str, kinds: list) -> None:
    assert strip_kk(word, kk_heads()) == (stem, kinds)
