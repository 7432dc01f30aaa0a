"""passage_scores: the model's batch scores of a document's passages, read off the document's n-grams."""
from __future__ import annotations

import pytest

from ppo_nlp.lang.detect import SAMPLE_CHARS
from ppo_nlp.lang.model import load_model
from ppo_nlp.lang.passages import passage_scores
from ppo_nlp.lang.sentences import sentence_spans

TEXTS = [
    "Вчера в районе открыли новую школу. Директор поблагодарил строителей!\nЖаңа мектеп ашылды.",
    "«Нұр Отан» партиясы жиын өткізді.  The party held a meeting?\n\n  Итоги подвели — 12 человек.",
    "A. B. C.\n1999 — 2024\n«»\nПервый абзац без точки\nВторой: «цитата» и т.д. Конец.",
    "Σίσυφος ΟΔΟΣ. Ещё предложение здесь.\tИ ещё одно…  Финал",
    "B\r0",  # the last passage begins past the text's last 3-gram
    "x\n1\n2",
    "Да.\nНет.\n7",
]


@pytest.mark.parametrize("text", TEXTS)
def test_passages_scores_are_the_batch_scores(text):
    spans = sentence_spans(text)
    read = passage_scores(text, spans, SAMPLE_CHARS)
    scores = load_model().score([text[s:e] for s, e in spans])
    assert read == (scores.probs.tolist(), scores.scripts.tolist())


@pytest.mark.parametrize("text, spans", [
    ("Одно предложение.", [(0, 17)]),  # one passage is scored alone
    ("Первое. Второе.", [(0, 3), (8, 15)]),  # a passage without white space after it
    ("İstanbul haberleri. Ещё.", [(0, 19), (20, 24)]),  # lower-casing changes the length
    ("Слово. " * 1000, [(0, 6), (7, 13)]),  # a sampled text
])
def test_passages_not_read_off(text, spans):
    assert passage_scores(text, spans, SAMPLE_CHARS) is None
