"""`officials.offices.office_id`: one office id for a title in every language."""
from __future__ import annotations

import pytest

from ppo_nlp.extract.officials.offices import office_id


@pytest.mark.parametrize("title, lang, office", [
    ("председатель", "ru", "chairman"),
    ("төраға", "kk", "chairman"),
    ("chairman of the party", "en", "chairman"),
    ("первый заместитель председателя", "ru", "first_deputy_chairman"),
    ("төрағаның бірінші орынбасары", "kk", "first_deputy_chairman"),
    ("first deputy chairman", "en", "first_deputy_chairman"),
    ("vice chairman", "en", "deputy_chairman"),
    ("исполнительный секретарь", "ru", "executive_secretary"),
    ("атқарушы хатшы", "kk", "executive_secretary"),
    ("executive secretary", "en", "executive_secretary"),
    ("баспасөз хатшысы", "kk", "press_secretary"),
    ("press secretary", "en", "press_secretary"),
    ("заместитель акима района", "ru", "deputy_akim"),
    ("аудан әкімінің орынбасары", "kk", "deputy_akim"),
    ("бывший аким", "ru", "akim"),  # a word that does not change the office
    ("бюро мүшесі", "kk", "member"),
    ("участник встречи", "ru", None),  # no known head
])
def test_offices_office_id(title, lang, office):
    assert office_id(title, lang) == office
