"""parse_number / find_numbers: digits, separators, multipliers and number words in ru, kk, en."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppo_nlp.normalize.numbers import find_numbers, parse_number

DIGITS = [
    ("5839", 5839), ("54 000", 54000), ("54\u00a0000", 54000), ("1,5", 1.5), ("3,5", 3.5), ("51,3%", 51.3),
    ("1 000 000", 1_000_000), ("1.000.000", 1_000_000), ("4 тыс.", 4000), ("4 тыс", 4000), ("1 млн", 1_000_000),
    ("2,5 млрд", 2_500_000_000), ("1,5 млн", 1_500_000), ("54 тысяч", 54000), ("0", 0),
    # a smaller magnitude right after a multiplier goes on the same number
    ("512 млн. 140 мың", 512_140_000), ("3 млрд 75 млн", 3_075_000_000), ("8 млн 260 тыс.", 8_260_000),
    ("7 мың 350", 7350), ("2 млрд 40 млн 600 мың", 2_040_600_000),
]
RU_WORDS = [
    ("четыре тысячи", 4000), ("миллиона", 1_000_000), ("двадцать два", 22), ("полтора", 1.5),
    ("двести пятьдесят тысяч", 250_000), ("полтора миллиона", 1_500_000), ("сто", 100), ("двух", 2),
    ("трёх тысяч", 3000), ("девятьсот девяносто девять", 999), ("две трети", 2 / 3), ("четверть", 0.25),
]
KK = [
    ("56 мың", 56000), ("93 мың", 93000), ("56 мыңнан", 56000), ("150-ден", 150), ("екі", 2), ("он бес", 15),
    ("жүз елу", 150), ("мың", 1000), ("төрттен бірі", 0.25), ("үштен екісі", 2 / 3), ("екі жүз", 200),
    ("жиырма бес мың", 25000), ("бір жарым миллион", 1_500_000), ("екі жарым мыңнан", 2500),
]
EN = [
    ("3 thousand", 3000), ("1.2 million", 1_200_000), ("two", 2), ("twenty-one", 21), ("one hundred", 100),
    ("one hundred and five", 105), ("1,000,000", 1_000_000), ("1,500", 1500), ("2.5 bn", 2_500_000_000),
    ("three million", 3_000_000), ("1.5", 1.5), ("one and a half million", 1_500_000),
    ("two and a half thousand", 2500),
]
NOT_NUMBERS = [
    ("1-ші", "kk"), ("2-й", "ru"), ("5-го", "ru"), ("XXII", "ru"), ("", None), ("съезд", "ru"), ("12.01.2022", "ru"),
    ("бірінші", "kk"), ("100 конкретных шагов", "ru"), ("COVID-19", "en"), ("A320", "en"), ("онда", "kk"),
    ("жарым сағат", "kk"),
]


@pytest.mark.parametrize("text,expected", DIGITS)
def test_numbers_digits(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text,expected", RU_WORDS)
def test_numbers_ru_words(text: str, expected: float) -> None:
    assert parse_number(text, "ru") == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize("text,expected", KK)
def test_numbers_kk(text: str, expected: float) -> None:
    assert parse_number(text, "kk") == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize("text,expected", EN)
def test_numbers_en(text: str, expected: float) -> None:
    assert parse_number(text, "en") == pytest.approx(expected)


@pytest.mark.parametrize("text,lang", NOT_NUMBERS)
def test_numbers_rejects_ordinals_names_and_codes(text: str, lang) -> None:
    assert parse_number(text, lang) is None


def test_numbers_kk_word_он_is_ten_only_in_kazakh() -> None:
    assert parse_number("он", "kk") == 10
    assert parse_number("он", "ru") is None


@pytest.mark.parametrize("text,lang,expected", [
    ("более 54 тысяч членов и 51,3%", "ru", [(54000, "int"), (51.3, "percent")]),
    ("56 мыңнан астам мүшесі, төрттен бірі", "kk", [(56000, "int"), (0.25, "fraction")]),
    ("3,5 процента", "ru", [(3.5, "decimal")]),
    ("twenty-one members and 2.5 million", "en", [(21, "int"), (2_500_000, "int")]),
])
def test_numbers_find_kinds(text: str, lang: str, expected) -> None:
    assert [(m.value, m.kind) for m in find_numbers(text, lang)] == [(pytest.approx(v), k) for v, k in expected]


def test_numbers_find_offsets_and_flags() -> None:
    text = "свыше 1 млн партийцев, более миллиона, 150-ден астам"
    found = find_numbers(text, "ru")
    assert [text[m.start:m.end] for m in found] == ["1 млн", "миллиона", "150-ден"]
    assert found[0].multiplier_text == "млн" and found[1].bare and found[1].words
    assert found[2].case == "abl"


def _group(n: int, sep: str) -> str:
    digits = str(n)
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\u00a0", ".", ","]))
def test_numbers_property_thousands_separators_round_trip(n: int, sep: str) -> None:
    lang = "en" if sep == "," else "ru"
    assert parse_number(_group(n, sep), lang) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_numbers_property_decimal_comma(whole: int, frac: int) -> None:
    assert parse_number(f"{whole},{frac:02d}", "ru") == pytest.approx(whole + frac / 100)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from([None, "ru", "kk", "en"]))
def test_numbers_property_random_text_never_raises(text: str, lang) -> None:
    parse_number(text, lang)
    for m in find_numbers(text, lang):
        assert 0 <= m.start < m.end <= len(text)


@pytest.mark.parametrize("text", [
    "1 " * 60000, '"' * 20000, "а" * 300000, "1," * 50000, "1-" * 50000, "мың " * 20000, "1." * 50000,
])
def test_numbers_hostile_inputs_return(text: str) -> None:
    assert isinstance(find_numbers(text, "ru"), list)
    assert isinstance(find_numbers(text, "kk"), list)


@pytest.mark.parametrize("text,lang,expected", [
    ("twenty and one", "en", ["twenty and one"]),
    ("twenty and foo and one", "en", ["twenty", "one"]),  # a word that is no number ends the run before "and"
    ("hundred foo and fifty", "en", ["hundred", "fifty"]),
    ("twenty foo one", "en", ["twenty", "one"]),
    ("twenty and\nfive", "en", ["twenty", "five"]),
    ("двадцать слово два", "ru", ["двадцать", "два"]),
    ("5 слово млн", "ru", ["5"]),  # a multiplier after a word that is no number is not attached
    ("5 тыс. человек", "ru", ["5 тыс."]),
])
def test_numbers_find_skips_words_that_are_no_numbers(text: str, lang: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_numbers(text, lang)] == expected


def test_numbers_find_same_after_the_word_memory_is_cleared() -> None:
    from ppo_nlp.normalize import number_tokens

    text = "twenty and one, 5 млн и три тысячи слов"
    expected = [(m.start, m.end, m.value) for m in find_numbers(text, "en")]
    number_tokens._may_be_number.cache_clear()
    assert [(m.start, m.end, m.value) for m in find_numbers(text, "en")] == expected
    info = number_tokens._may_be_number.cache_info()
    assert info.currsize >= 1 and info.currbytes <= info.max_bytes


@pytest.mark.parametrize("text", [
    "Сначала 5-ден-нен екі мың, потом 54 000 и 1,5 млн.", "двух-трёх тысяч; 12-й ряд, 3 - 4 сотни",
    "а-двадцать пять_тысяч 7%8 Два.Три", "one and a half million, twenty-one and. a half",
    "İki yüz 5 bin", "ΣΑΣ 300 тысяч", "Пять\nтысяч 1\u00a0200\u202f000 x9y", "5-\u0306ден 2-3",
])
def test_number_tokens_read_as_the_whole_token_stream(text: str) -> None:
    """The tokens found from the date reader's letter runs are those of `TOKEN_RE` read token by token."""
    from ppo_nlp.normalize import number_tokens

    for lang in ("ru", "kk", "en"):
        assert number_tokens.number_tokens(text, lang) == number_tokens._stream_tokens(text, lang)


@pytest.mark.parametrize("text", ["\U00011bf0", "\U00011bf0\U00011bf1 тыс", "12 \U00011bf0", "\U00011bf0,5%"])
def test_digits_python_cannot_read_are_not_numbers(text: str) -> None:
    """`regex` knows digits of newer Unicode than this Python's `float`: they are skipped, never raise."""
    assert all("\U00011bf0" not in text[m.start:m.end] for m in find_numbers(text, "ru"))


@pytest.mark.parametrize("text,values", [
    ("10 тыс. 20 тыс.", [10_000, 20_000]),  # the same magnitude twice: two numbers
    ("2,5 млн 300 тыс.", [2_500_000, 300_000]),  # a fraction of a million is no lead
    ("5 мыңнан 200", [5000, 200]),  # a case ending closes the number
    ("4 тыс., 90", [4000, 90]),  # a comma between them
    ("3 тыс. 2019", [3000, 2019]),  # not smaller than the magnitude
])
def test_find_numbers_magnitudes_not_joined(text: str, values: list) -> None:
    assert [m.value for m in find_numbers(text)] == values
