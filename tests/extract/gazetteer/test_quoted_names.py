"""`inside_quoted_name` reads quoted names off the quote marks of a text: the same names, in the same
window, as `QUOTED_NAME_RE.finditer` finds there."""
from __future__ import annotations

import pytest

from ppo_nlp.extract.gazetteer.placewords import QUOTED_NAME_RE, QUOTED_REACH, inside_quoted_name

MAX_WORDS = 8  # a longer quotation is speech


def by_regex(text: str, lo: int, hi: int) -> bool:
    """The reference: the regex searched in the window around [lo, hi)."""
    for m in QUOTED_NAME_RE.finditer(text, max(0, lo - QUOTED_REACH), min(len(text), hi + QUOTED_REACH)):
        s, e = m.span(1)
        if s <= lo and hi <= e and (s, e) != (lo, hi) and len(m.group(1).split()) <= MAX_WORDS:
            return True
    return False


def span_of(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


@pytest.mark.parametrize("text, part, nth, inside", [
    ("Акция «Таза Қазақстан» прошла в Астане.", "Қазақстан", 0, True),
    ("Акция «Қазақстан» прошла.", "Қазақстан", 0, False),  # the whole name is no word of it
    ("В Астане прошла акция.", "Астане", 0, False),
    ("Он сказал: «Я живу в Астане и работаю там, где работал мой отец, его отец и все наши родные».", "Астане", 0,
     False),  # speech: more than eight words
    ("Проект \"Жаңа Арал\" и город Арал.", "Арал", 1, False),  # after the quotation
    ("Проект \"Жаңа Арал\" и город Арал.", "Арал", 0, True),
    ("«Нұр\nОтан» и Отан", "Отан", 0, False),  # a quotation never spans a line break
    ("» Жаңа Арал «Степь» Арал", "Арал", 0, True),  # marks pair left to right, whatever their direction
    # 81 characters are no name; the search goes on from the next mark, » pairs with « around the blank
    # between them, and the last » opens nothing
    ("«" + "x" * 81 + "» «Бірлік Қазақстан»", "Қазақстан", 0, False),
    ("«" + "x" * 80 + "» «Бірлік Қазақстан»", "Қазақстан", 0, True),  # 80 characters are one
    ("«»«Ел Арал»", "Арал", 0, True),  # an empty pair is no name: the search goes on from its closing mark
    ("«Ел Арал» " + "слово " * 60 + "Арал", "Арал", 1, False),  # the name lies outside the window
    ("слово " * 40 + "«Ел Арал»", "Арал", 0, True),
])
def test_inside_quoted_name(text, part, nth, inside):
    lo, hi = span_of(text, part, nth)
    assert inside_quoted_name(text, lo, hi) == by_regex(text, lo, hi) == inside
