"""Organizations: a party described («партия власти», a slogan «партия реальных дел») or an NER span cut after
a preposition ("Party of a") is no organization of the record. Sentences are our own."""
from __future__ import annotations

import pytest

from ppo_nlp.aggregate import party_description


@pytest.mark.parametrize("text, expected", [
    ("Партия власти", True),
    ("партия конкретных дел", True),
    ("Билік партиясы", True),
    ("Party of a", True),
    ("Party of the", True),
    # a party's name: a proper name, a quoted name or a lower-case genitive that is no description
    ("Партия «Аманат»", False),
    ("Партия власти «Аманат»", False),
    ("Партия зелёных", False),
    ("Party of Regions", False),
    ("Nur Otan Party", False),
    ("партиясы", False),
])
def test_party_description(text, expected):
    assert party_description(text) is expected
