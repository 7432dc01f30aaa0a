"""Kazakh in Latin script through the Cyrillic Kazakh pipeline (ppo_nlp.latin_view)."""
from __future__ import annotations

import pytest
import regex

import ppo_nlp
from ppo_nlp.latin_view import script_of

CYRILLIC = regex.compile(r"\p{Cyrillic}")


@pytest.fixture(scope="module")
def nlp_kk():
    return ppo_nlp.load(lang="kk", ner=False)


# (Latin text in one alphabet, a count value and qualifier the text states)
LATIN_TEXTS = [
    ("Partııanyń oblystyq fılıalynda 42 myńnan astam múshe bar.", 42000, "more_than"),  # 2018 (acute)
    ("Partiyanyñ oblystyq filialynda 42 myñnan astam müşe bar.", 42000, "more_than"),  # 2021
    ("Partııanyń qatarynda 1200 adam bar.", 1200, "exact"),
]


@pytest.mark.parametrize("text, value, qualifier", LATIN_TEXTS)
def test_latin_view_offsets_point_into_the_latin_text(nlp_kk, text, value, qualifier):
    doc = nlp_kk(text)
    assert doc.script == "Latn"
    spans = doc.entities + doc.counts + [m for o in doc.organizations for m in o.mentions]
    assert spans
    for span in spans:
        assert doc.text[span.start:span.end] == span.text
        assert not CYRILLIC.search(span.text)
    assert (value, qualifier) in [(c.value, c.qualifier) for c in doc.counts]


@pytest.mark.parametrize("text, value, qualifier", LATIN_TEXTS)
def test_latin_view_subjects_in_the_articles_alphabet(nlp_kk, text, value, qualifier):
    subjects = [c.subject for c in nlp_kk(text).counts if c.subject]
    assert subjects and not any(CYRILLIC.search(s) for s in subjects)


@pytest.mark.parametrize("text, script", [
    ("Qostanaı oblysynda praımerız ótti.", "Latn"),
    ("Қостанай облысында праймериз өтті.", "Cyrl"),
    ("Aqtóbe Ақтөбе", "Cyrl"),  # ties go to Cyrillic
])
def test_latin_view_script_of(text, script):
    assert script_of(text) == script


@pytest.mark.parametrize("lang, text, script", [
    ("ru", "Партия «AMANAT» провела форум первичных партийных организаций в Костанае.", "Cyrl"),
    ("en", "The Amanat party held a forum of its primary organizations in Kostanay.", "Latn"),
    ("kk", "«AMANAT» партиясы Қостанай облысында бастауыш партия ұйымдарының форумын өткізді.", "Cyrl"),
])
def test_latin_view_record_says_the_script(lang, text, script):
    record = ppo_nlp.load(lang=lang, ner=False)(text).to_dict()
    assert record["script"] == script
