"""parse_date / find_dates: Russian, Kazakh and English dates to ISO."""
from __future__ import annotations

import datetime as dt

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from ppo_nlp.normalize.dates import find_dates, month_of, parse_date, token_keys

RU = [
    ("1 Марта 2022, 12:01", None, "2022-03-01T12:01"),
    ("27 августа 2018 года", None, "2018-08-27"),
    ("По состоянию на 1 июля 2018 года", None, "2018-07-01"),
    ("1 янв. 2020 г.", None, "2020-01-01"),
    ("в мае 2021 г.", None, "2021-05"),
    ("28 января", 2022, "2022-01-28"),
    ("в октябре текущего года", 2018, "2018-10"),
    ("в 2017-2018 годы", None, "2017/2018"),
    ("до 2030 года", None, "2030"),
    ("01.03.2022", None, "2022-03-01"),
    ("2022-03-01T12:01:00", None, "2022-03-01T12:01"),
    ("29 февраля 2020 года", None, "2020-02-29"),
]
KK = [
    ("2023 жылғы 15 қыркүйек", None, "2023-09-15"),
    ("2023 жылы 15 қыркүйекте", None, "2023-09-15"),
    ("2023 ж. 15 қыркүйек", None, "2023-09-15"),
    ("қыркүйекте", 2023, "2023-09"),
    ("қыркүйектің", 2023, "2023-09"),
    ("қыркүйегінде", 2023, "2023-09"),
    ("1 қаңтардағы жағдай бойынша", 2024, "2024-01-01"),
    ("5 желтоқсан 2021 жыл", None, "2021-12-05"),
    ("2020 жылы", None, "2020"),
]
EN = [
    ("September 15, 2023", None, "2023-09-15"),
    ("15 September 2023", None, "2023-09-15"),
    ("in March 2022", None, "2022-03"),
    ("Sept. 5, 2019", None, "2019-09-05"),
    ("in 2020", None, "2020"),
]
NOT_DATES = [
    ("Марта Иванова", 2022), ("31 февраля 2020", None), ("May I ask", 2020), ("28 января", None),
    ("Қазан қаласы", 2020), ("4577", None), ("12:01", None), ("100 конкретных шагов", 2020),
]


@pytest.mark.parametrize("text,year,expected", RU)
def test_dates_ru(text: str, year, expected: str) -> None:
    assert parse_date(text, "ru", default_year=year) == expected


@pytest.mark.parametrize("text,year,expected", KK)
def test_dates_kk(text: str, year, expected: str) -> None:
    assert parse_date(text, "kk", default_year=year) == expected


@pytest.mark.parametrize("text,year,expected", EN)
def test_dates_en(text: str, year, expected: str) -> None:
    assert parse_date(text, "en", default_year=year) == expected


@pytest.mark.parametrize("text,year", NOT_DATES)
def test_dates_rejects(text: str, year) -> None:
    assert parse_date(text, default_year=year) is None


def test_dates_find_offsets() -> None:
    text = "Форум прошёл 27 августа 2018 года, а в октябре — съезд."
    found = find_dates(text, "ru", default_year=2018)
    assert [(text[d.start:d.end], d.iso) for d in found] == [("27 августа 2018 года", "2018-08-27"), ("октябре", "2018-10")]


@pytest.mark.parametrize("word,month", [("марта", 3), ("декабре", 12), ("қыркүйегі", 9), ("шілдеде", 7), ("March", 3)])
def test_dates_month_of(word: str, month: int) -> None:
    assert month_of(word)[0] == month


RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря"]
KK_NAMES = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
            "қараша", "желтоқсан"]
EN_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)), st.sampled_from(["ru", "kk", "en"]))
def test_dates_property_month_names_round_trip(day: dt.date, lang: str) -> None:
    if lang == "ru":
        text = f"{day.day} {RU_GEN[day.month - 1]} {day.year} года"
    elif lang == "kk":
        text = f"{day.year} жылғы {day.day} {KK_NAMES[day.month - 1]}"
    else:
        text = f"{EN_NAMES[day.month - 1]} {day.day}, {day.year}"
    assert parse_date(text, lang) == day.isoformat()


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from([None, "ru", "kk", "en"]), st.one_of(st.none(), st.integers(1900, 2100)))
def test_dates_property_random_text_never_raises(text: str, lang, year) -> None:
    result = parse_date(text, lang, default_year=year)
    assert result is None or isinstance(result, str)


@pytest.mark.parametrize("text", ["1 " * 60000, '"' * 20000, "а" * 300000, "1 марта " * 20000, "2018 года " * 20000,
                                  "1." * 50000, "." * 20000 + " " * 20000])
def test_dates_hostile_inputs_return(text: str) -> None:
    assert isinstance(find_dates(text, "ru", default_year=2020), list)


# str.isdigit() holds for superscript digits, which int() does not read: a day, year or time is decimal digits
@pytest.mark.parametrize("text,lang", [
    ("It began in January² 2022.", "en"), ("It began late² October 2017.", "en"),
    ("Съезд 1 марта в ² : ³ часов.", "ru"), ("Met on May 3 at ²:³⁰.", "en"),
])
def test_dates_superscript_digits_are_not_numbers(text: str, lang: str) -> None:
    assert all("²" not in d.iso for d in find_dates(text, lang, default_year=2020))


def _full_scan(text: str, default_year):
    """find_dates with every token tried (no candidate prefilter), for comparison."""
    from ppo_nlp.normalize import dates

    cur = dates._Cursor(text)
    cur.candidates = list(range(len(cur.words)))
    original = dates._cursor
    dates._cursor = lambda _text: cur
    try:
        return dates.find_dates(text, default_year=default_year)
    finally:
        dates._cursor = original


# Only four-digit numbers and words with a month prefix are tried: letters whose lower case is longer (İ),
# the final sigma, ё, months glued to other letters or digits, and capitals must not change a result.
PREFILTER = [
    "27 августа 2018 года и в октябре", "İ 5 мая 2020 года", "5 МАЯ 2020", "Σ 5 мая 2020 Σ", "в мае",
    "5 маё 2020", "1 ЯНВ. 2020 Г.", "қыркүйегінде 2023 жылы", "семинар 5 марта", "2020марта 5", "5 марта2020",
    "Sept. 5, 2019\n2018 года", "ΑΣ мая 2019", "İstanbul, 3 March 2021 at 10:15", "٢٠١٨ года", "в 2017-2018 годы",
    "Наурыз 2022", "Март\n2020", "май\n", "в\nмае",
]
MONTH_BITS = ["мар", "марта", "мае", "Мая", "ЯНВ", "jan", "Sept", "наурыз", "қыркүйегі", "жылы", "года", "г",
              "2018", "15", "12:01", ".", ",", " ", "\n", "İ", "Σ", "ё", "в", "in", "-"]


@pytest.mark.parametrize("text", PREFILTER)
@pytest.mark.parametrize("year", [None, 2020])
def test_dates_prefilter_same_as_full_scan(text: str, year) -> None:
    assert find_dates(text, default_year=year) == _full_scan(text, year)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MONTH_BITS), max_size=12), st.sampled_from([None, 2020]))
def test_dates_property_prefilter_same_as_full_scan(bits: list[str], year) -> None:
    text = "".join(bits)
    assert find_dates(text, default_year=year) == _full_scan(text, year)


@pytest.mark.parametrize("text", [
    "12 ЁЛКА 2023 жылғы", "ΟΔΟΣ Σ ΣΑΣb aΣb", "İstanbul 2023", "Сто\u0301имость ² ½ 𝐀bc", "", "ǅemal ﬁ ẞ",
])
def test_token_keys_are_the_tokens_lowered(text: str) -> None:
    words = regex.findall(r"\d++|[^\W\d_]++|\S", text)
    starts, keys = token_keys(text)
    assert keys == [w.lower().replace("ё", "е") for w in words]
    assert starts == [m.start() for m in regex.finditer(r"\d++|[^\W\d_]++|\S", text)]
