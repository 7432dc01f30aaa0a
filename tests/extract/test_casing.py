"""English capitalisation that is not a name: headline lines, sentence starts, lone common words."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.casing import english_noise, headline_line, sentence_initial


@pytest.mark.parametrize("text, word, expected", [
    ("Tractor Parades, River Clean-Ups: Volunteers Join Summer Drive\nBody text here.", "Tractor", True),
    ("NEW MEMBERS JOIN THE PARTY BRANCH\nBody.", "MEMBERS", True),
    ("The branch, headed by a local teacher, opened a reading room in the village.", "branch", False),
    ("First line.\nThe Kostanay branch held its meeting on Monday with sixty guests.", "Kostanay", False),
    # a list of names in a line of its own is no headline; a title-case line of common words is
    ("Winners.\nAigerim Nurlanova (Taraz) beat Dana Bekova (Semey)\nThe final was won.", "Aigerim", False),
    ("Intro.\nVolunteers Plant Trees\nThe volunteers came to plant trees.", "Volunteers", True),
])
def test_casing_headline_line(text, word, expected):
    assert headline_line(text, text.index(word)) is expected


@pytest.mark.parametrize("text, word, expected", [
    ("Among the guests were teachers.", "Among", True),
    ("It rained. Whether or not it stops, we go.", "Whether", True),
    ("KOKSHETAU – Despite the rain, they met.", "Despite", True),
    ("He left. The Roadmap was approved.", "Roadmap", True),
    ("They met in Pavlodar on Monday.", "Pavlodar", False),
    ("He signed the Roadmap yesterday.", "Roadmap", False),
])
def test_casing_sentence_initial(text, word, expected):
    assert sentence_initial(text, text.index(word)) is expected


def _doc(text: str) -> Document:
    return Document("d", "t", text, lang="en")


@pytest.mark.parametrize("text, label, mention, noise", [
    ("Among the new members are students.", "PERSON", "Among", True),
    ("Students joined the party. Kazakh singers came too.", "PERSON", "Kazakh", True),
    ("The guests saw the exhibition. Then Abenov spoke.", "PERSON", "Abenov", False),
    ("The guests came. Yerlan greeted them.", "PERSON", "Yerlan", False),
    ("It was approved. The Mayor opened the meeting.", "LOC", "Mayor", True),
    ("A new roadmap was drawn. It named the Roadmap stages.", "LOC", "Roadmap", True),
    ("They adopted the Youth Employment Program in May.", "ORG", "Youth Employment Program", True),
    ("Delegates from Talgar District Council came.", "ORG", "Talgar District Council", False),
    ("Cheerful Parades Bring Voters Together\nDelegates came.", "ORG", "Cheerful Parades", True),
    ("BRUSSELS – Delegates met on Monday.", "LOC", "BRUSSELS", False),  # a dateline's city opens its line
    ("Pavlodar hosted the forum on Monday.", "LOC", "Pavlodar", False),  # a name may open a sentence
    ("DELEGATES FROM CHINA ARRIVE IN ASTANA\nThey came.", "LOC", "CHINA", False),  # a known place
    # a word opening a sentence that the place data does not know is a capital, not a place
    ("The guests left. Beside the stage stood a choir.", "LOC", "Beside", True),
    ("It was cold. Orchard owners joined the party.", "LOC", "Orchard", True),
    ("It was cold. Kostanay welcomed the delegates.", "LOC", "Kostanay", False),
    # a span that ends on a function word lost its head; a determiner and one word unknown to the place
    # data is a common noun, a determiner and a known place stays
    ("Astana, the Pride of the Nation, grew fast.", "LOC", "the Pride of", True),
    ("Guests toured the Region and its towns.", "LOC", "the Region", True),
    ("Guests flew in from the Netherlands on Monday.", "LOC", "the Netherlands", False),
    ("Guests toured Central Asia in June.", "LOC", "Central Asia", False),
    # a determiner and words naming a kind of body refer to one named elsewhere; a named one stays
    ("Members met on Friday. The Party leadership spoke first.", "ORG", "The Party", True),
    ("Teachers visited the Ministry Committee last week.", "ORG", "the Ministry Committee", True),
    ("Observers from the Party of Regions came to Astana.", "ORG", "the Party of Regions", False),
    ("Delegates of the Nur Otan party gathered in Taraz.", "ORG", "the Nur Otan party", False),
])
def test_casing_english_noise(text, label, mention, noise):
    start = text.index(mention)
    entity = Entity(label, mention, start, start + len(mention), "ner:en")
    assert english_noise(entity, _doc(text)) is noise
