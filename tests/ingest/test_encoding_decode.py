"""decode_bytes: byte-order marks, UTF-8, mostly-UTF-8, Cyrillic code pages, binary refused."""
from __future__ import annotations

import codecs
import random

import pytest

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest import decode_bytes

RU = "Партия «Нұр Отан» провела форум первичных партийных организаций. В нём приняли участие 250 человек."
RU_PLAIN = "Партия провела форум первичных партийных организаций в Шымкенте. В нём приняли участие 250 человек."
KK = "Қонаев қаласында екі күндік форумға өңірдің 150-ден астам бастауыш ұйым төрағасы қатысуда."
EN = "The party held a forum of its primary organizations in Shymkent."


@pytest.mark.parametrize("text", [RU, KK, EN, ""])
def test_encoding_decode_utf8(text):
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.mark.parametrize("bom, encoding", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
])
@pytest.mark.parametrize("text", [RU, KK])
def test_encoding_decode_bom(bom, encoding, text):
    assert decode_bytes(bom + text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_encoding_decode_utf16_without_bom(encoding):
    assert decode_bytes(EN.encode(encoding)) == EN


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_encoding_decode_russian_codepages(encoding):
    assert decode_bytes(RU_PLAIN.encode(encoding)) == RU_PLAIN


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_encoding_decode_kazakh_codepages_lose_letters_sanely(encoding):
    # cp1251 and koi8-r have no ә, ғ, қ, ң, ө, ұ, ү, һ: they come back as '?', the rest reads right
    data = KK.encode(encoding, errors="replace")
    text = decode_bytes(data)
    assert text == data.decode(encoding)
    assert "аласында екі" in text or "аласында ек" in text


@pytest.mark.parametrize("bad_share", [0.0, 0.01, 0.05])
def test_encoding_decode_mostly_utf8_keeps_utf8(bad_share):
    good = (RU_PLAIN + " ") * 20
    data = bytearray(good.encode("utf-8"))
    n_bad = int(len(data) * bad_share / 2)
    for pos in range(0, len(data), max(1, len(data) // max(1, n_bad)))[:n_bad]:
        data[pos] = 0xFF
    text = decode_bytes(bytes(data))
    letters = [ch for ch in text if ch.isalpha()]
    assert sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters) > 0.99  # UTF-8, not a code page
    assert n_bad <= text.count("\ufffd") <= 2 * n_bad  # a broken lead byte also orphans its continuation


def test_encoding_decode_latin1_last():
    text = "Café au lait, naïve résumé: the party held a forum in Astana."
    assert decode_bytes(text.encode("cp1252")) == text


@pytest.mark.parametrize("data", [
    random.Random(7).randbytes(4000),
    bytes(b or 1 for b in random.Random(9).randbytes(3000)),  # no NUL byte: caught by the printable ratio
    b"\x00\x01\x02\x03" * 500,
    b"PK\x03\x04" + bytes(range(256)) * 8,
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 100 + bytes(range(32)) * 20,
])
def test_encoding_decode_binary_refused(data):
    with pytest.raises(IngestError) as err:
        decode_bytes(data)
    assert err.value.code == "E002"
