"""extract_dates: DATE entities with ISO values; the article year fills dates written without one."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.dates import article_year, extract_dates


def _dates(text: str, lang: str, published=None) -> list[tuple[str, str]]:
    doc = Document("t", "t", text=text, lang=lang, published=published)
    return [(e.text, e.attrs["iso"]) for e in extract_dates(doc)]


@pytest.mark.parametrize("text,lang,published,expected", [
    ("Предыдущий съезд партии прошёл 28 января.", "ru", "2022-03-01", [("28 января", "2022-01-28")]),
    ("27 августа 2018 года прошёл форум, а в октябре — собрания.", "ru", None,
     [("27 августа 2018 года", "2018-08-27"), ("октябре", "2018-10")]),
    ("Форум қыркүйекте өтеді.", "kk", "2023-05-02T10:00", [("қыркүйекте", "2023-09")]),
    ("2023 жылғы 15 қыркүйек", "kk", None, [("2023 жылғы 15 қыркүйек", "2023-09-15")]),
    ("The congress met on March 1, 2022.", "en", None, [("March 1, 2022", "2022-03-01")]),
    ("Съезд прошёл 28 января.", "ru", None, [("28 января", "--01-28")]),  # no year anywhere: still a date
    ("On June 4, 12 volunteers planted trees.", "en", None, [("June 4", "--06-04")]),
    # a range of days: both days are the date's
    ("Семинар прошёл 21-23 ноября 2019 года.", "ru", None, [("21-23 ноября 2019 года", "2019-11-23")]),
    ("Сайлау 2–4 наурызда өтті.", "kk", "2021-03-10", [("2–4 наурызда", "2021-03-04")]),
    ("The forum was held on April 8-10, 2018.", "en", None, [("April 8-10", "--04-08")]),
    ("On 5 May - 20 members came.", "en", None, [("5 May", "--05-05")]),  # spaced: a dash in the sentence
    # U+11BF0 is a digit to `regex`, not to this Python's int(): no range, no error
    ("Held on May 5-\U00011bf0.", "en", None, [("May 5", "--05-05")]),
    ("Форум \U00011bf0-15 мая.", "ru", None, [("15 мая", "--05-15")]),
])
def test_dates_extract(text: str, lang: str, published, expected) -> None:
    assert _dates(text, lang, published) == expected


def test_dates_entities_carry_source_and_offsets() -> None:
    text = "1 Марта 2022, 12:01\n4577"
    (ent,) = extract_dates(Document("t", "t", text=text, lang="ru"))
    assert (ent.label, ent.source, ent.attrs["iso"]) == ("DATE", "rule:dates", "2022-03-01T12:01")
    assert text[ent.start:ent.end] == ent.text


@pytest.mark.parametrize("text,published,year", [
    ("в 2017-2018 годы, 27 августа 2018 года, © 2015", None, 2018),
    ("2023 год стал результативным", None, 2023),
    ("без дат", None, None),
    ("в 2015 году", "2022-03-01", 2022),
])
def test_dates_article_year(text: str, published, year) -> None:
    assert article_year(Document("t", "t", text=text, lang="ru", published=published)) == year


def test_dates_seed_articles(seed_paths, gold) -> None:
    for path in seed_paths:
        doc = Document(path.stem, str(path), text=path.read_text(encoding="utf-8"), lang=gold[path.stem]["lang"])
        for ent in extract_dates(doc):
            assert doc.text[ent.start:ent.end] == ent.text and ent.attrs["iso"][:2] in ("19", "20")
