"""Property tests for person-name normalization: never raises, stable, keeps the shape of a name."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ppo_nlp.normalize.names import first_names, title_case_name, to_nominative

CYRILLIC = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯӘҒҚҢӨҰҮҺІ-",
                   min_size=1, max_size=20)
WORDS = st.lists(CYRILLIC, min_size=1, max_size=3)
FIRST = sorted((n, g) for n, g in first_names().items() if g in ("m", "f") and n.isalpha())
STEM = st.from_regex(r"[БВГДЖЗКЛМНПРСТФХШ][аеиоу][бвгдзклмнпрстх]{1,2}[аеио][бвгдзклмнпрст]", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.sampled_from(["ru", "kk", "en"]), st.sampled_from([None, "m", "f"]))
def test_names_to_nominative_never_raises(words, lang, gender):
    name, found_gender = to_nominative(words, lang, gender)
    assert isinstance(name, str) and found_gender in (None, "m", "f")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FIRST), STEM)
def test_names_nominative_name_stays_as_it_is(first, stem):
    name, gender = first
    surname = stem.capitalize() + ("ов" if gender == "m" else "ова")
    given_name = name.capitalize()
    assert to_nominative([given_name, surname], "ru") == (f"{given_name} {surname}", gender)


@settings(max_examples=300, deadline=None)
@given(CYRILLIC)
def test_names_title_case_is_idempotent_and_keeps_length(word):
    once = title_case_name(word)
    assert title_case_name(once) == once and len(once) == len(word)
