"""Latin aliases generated from the Cyrillic ones (every official alphabet, passport and English styles)."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.gazetteer import extract_gazetteer
from ppo_nlp.extract.gazetteer.latin import latin_aliases


@pytest.mark.parametrize("item, expected", [
    (("kk", "Жер аманаты", {}), {"Jer amanaty", "Zher amanaty"}),
    (("kk", "Нұр-Сұлтан", {}), {"Nur-Sultan", "Nur Sultan"}),
    (("en", "Future without the Barriers", {}), {"Future without Barriers"}),
])
def test_gazetteer_latin_forms_generated(item, expected):
    assert expected <= {text for _, text, _ in latin_aliases([item])}


@pytest.mark.parametrize("item", [("kk", "Ел", {}), ("ru", "Ak", {}), ("en", "Amanat", {})])
def test_gazetteer_latin_nothing_for_short_or_plain(item):
    assert list(latin_aliases([item])) == []


def test_gazetteer_latin_generated_forms_need_a_capital():
    [(_, _, flags)] = [a for a in latin_aliases([("kk", "Жер аманаты", {"why": "x"})]) if a[1] == "Jer amanaty"]
    assert flags["case_sensitive"] is True and flags["why"] == "x"
    [(_, _, plain)] = [a for a in latin_aliases([("kk", "мәслихат", {})]) if a[1] == "maslihat"]
    assert "case_sensitive" not in plain


@pytest.mark.parametrize("text, wanted", [
    ("Farmers applied to the Auyl Amanaty programme last spring.", ("PROJECT", "project:auyl_amanaty")),
    ("Volunteers of the Ardagerlerdi Ardaktaiyk project visited them.", ("PROJECT", "project:ardagerlerdi_ardaktaiyk")),
    # spellings the sources use besides the generated ones (`latin` lists of projects.jsonl)
    ("Grants of the Ardagerlerdi Ardaktau project went to 9 veterans.", ("PROJECT", "project:ardagerlerdi_ardaktaiyk")),
    ("Its Bakytty Obyasy project helps large families.", ("PROJECT", "project:bakytty_otbasy")),
    ("The Kedergis?z Keleshek project bought wheelchairs.", ("PROJECT", "project:kedergisiz_kelashak")),
    ("The delegates flew to Nur Sultan on Friday.", ("LOC", "loc:astana")),
    ("Both political councils met on Tuesday.", ("ORG", "org:amanat:political_council")),
    ("The party presented its programme titled Together with People in May.", ("PROJECT", "project:halykpen_birge")),
])
def test_gazetteer_latin_matches_in_english_text(text, wanted):
    found = {(e.label, e.id) for e in extract_gazetteer(Document("d", "t", text, lang="en"))}
    assert wanted in found
