"""Foreign state bodies: another country's government or ministry is no fact about Kazakhstan's."""
from __future__ import annotations

import pytest

import ppo_nlp
from ppo_nlp.doc import Entity
from ppo_nlp.extract.foreign import foreign_body


def _body(text: str, surface: str, oid: str = "org:government", otype: str = "government") -> Entity:
    start = text.index(surface)
    return Entity("ORG", surface, start, start + len(surface), "gazetteer:organizations", id=oid,
                  attrs={"type": otype})


@pytest.mark.parametrize("text, surface, otype, lang, expected", [
    ("Правительство России одобрило соглашение.", "Правительство", "government", "ru", True),
    ("Делегация правительства Израиля прибыла в Астану.", "правительства", "government", "ru", True),
    ("Вчера Министерство иностранных дел Австрии ответило.", "Министерство иностранных дел", "state_body", "ru", True),
    ("Правительство Казахстана одобрило соглашение.", "Правительство", "government", "ru", False),
    ("Правительство одобрило соглашение.", "Правительство", "government", "ru", False),
    ("Правительство Астаны не бывает, есть акимат.", "Правительство", "government", "ru", False),
    ("Ресей үкіметі келісімді мақұлдады.", "үкіметі", "government", "kk", True),
    ("Қазақстан Үкіметі келісімді мақұлдады.", "Үкіметі", "government", "kk", False),
    ("The Government of Uzbekistan approved the deal.", "Government", "government", "en", True),
    ("Правительство России и партия «AMANAT».", "партия", "party", "ru", False),
])
def test_foreign_body(text: str, surface: str, otype: str, lang: str, expected: bool) -> None:
    assert foreign_body(text, _body(text, surface, otype=otype), lang) is expected


def test_the_facts_keep_kazakhstans_body_and_leave_out_anothers() -> None:
    nlp = ppo_nlp.load(ner=False, time_limit=None)
    doc = nlp("Правительство Германии и Правительство Казахстана подписали меморандум в Астане.")
    government = [o for o in doc.organizations if o.id == "org:government"]
    assert len(government) == 1 and [m.text for m in government[0].mentions] == ["Правительство"]
    assert government[0].mentions[0].start == doc.text.index("Правительство Казахстана")
    assert any(e.text.startswith("Правительство") and e.start == 0 for e in doc.entities)
