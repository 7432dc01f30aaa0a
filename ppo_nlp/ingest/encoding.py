"""Bytes to text: byte-order marks, strict UTF-8, mostly-UTF-8, then Cyrillic and Latin code pages.

>>> decode_bytes("Партия".encode("cp1251"))
'Партия'
"""
from __future__ import annotations

import codecs
import os
import re

from charset_normalizer import from_bytes

from ppo_nlp.errors import IngestError

_BOMS = (  # utf-32 first: its little-endian mark starts with the utf-16 one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Cyrillic code pages first, the Latin family last; charset-normalizer ranks them by how coherent they read.
CANDIDATES = ["cp1251", "koi8_r", "cp866", "iso8859_5", "mac_cyrillic", "cp1252", "iso8859_1", "iso8859_15"]
MOSTLY_UTF8 = 0.9  # share of non-ASCII bytes that must decode as UTF-8 to keep UTF-8 with replacement
HALF_UTF8 = 0.5  # the same share when no code page reads the bytes either
MIN_PRINTABLE = 0.9  # share of printable characters below which the content is called binary
SNIFF_BYTES = 1 << 16
_ASCII = bytes(range(0x80))
_SPACES = re.compile("[\n\r\t\f\v]")  # ordinary whitespace, deleted before isprintable()


def decode_bytes(data: bytes) -> str:
    """Decode a document; raises `IngestError('E002')` for binary data or an unknown encoding."""
    if not data:
        return ""
    text = _decode_bom(data) or _decode_utf16_without_bom(data)
    if text is None:
        if b"\x00" in data[:SNIFF_BYTES]:
            raise IngestError("E002", "binary content: NUL bytes")
        text = _decode_utf8(data, MOSTLY_UTF8) or _decode_codepage(data) or _decode_utf8(data, HALF_UTF8)
    if text is None or _printable_ratio(text) < MIN_PRINTABLE:
        raise IngestError("E002", "binary content or an unknown encoding")
    return text


def _decode_bom(data: bytes) -> str | None:
    """Text decoded with the encoding its byte-order mark names, or None without a mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a mark: mostly-ASCII or Cyrillic text shows NULs or constant bytes at one parity."""
    sample = data[:SNIFF_BYTES]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.4 * len(zeros) and other.count(0) == 0:
            return data.decode(encoding, errors="replace")
    return None


def _decode_utf8(data: bytes, min_valid: float) -> str | None:
    """Strict UTF-8, or UTF-8 with replacement characters when `min_valid` of the non-ASCII bytes are valid."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    high = len(data.translate(None, _ASCII))
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    return text if high and 1 - bad / high >= min_valid else None


def _decode_codepage(data: bytes) -> str | None:
    """The best single-byte code page by charset-normalizer, restricted to `CANDIDATES`."""
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    return str(best) if best is not None else None


def _printable_ratio(text: str) -> float:
    """Share of characters that are printable or ordinary whitespace (sampled from the start)."""
    sample = text[:SNIFF_BYTES]
    if not sample or _SPACES.sub("", sample).isprintable():
        return 1.0
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t\f\v")
    return good / len(sample)


NAME_CODEPAGES = ("cp1251", "cp866", "koi8_r")  # archive and file names: Windows, DOS, Unix Cyrillic
_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_SURROGATES = re.compile("[\ud800-\udfff]")


def decode_name(raw: bytes) -> str:
    """A file or member name from its bytes: UTF-8, else the Cyrillic code page that reads every byte
    above ASCII (two at least) as a Russian letter (ties go to the earlier of `NAME_CODEPAGES`), else UTF-8
    with `\\xNN` escapes.

    >>> decode_name("Отчёт.txt".encode("cp866")), decode_name(b"a\\xff.txt")
    ('Отчёт.txt', 'a\\\\xff.txt')
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = [ch for ch in raw.decode("latin-1") if ord(ch) > 0x7F]
    best, best_score = None, 0
    for codepage in NAME_CODEPAGES:
        text = raw.decode(codepage, errors="replace")
        score = sum(ch in _RUSSIAN for ch in text)
        if score > best_score:
            best, best_score = text, score
    if best is not None and best_score == len(high) >= 2:
        return best
    return raw.decode("utf-8", errors="backslashreplace")


def fs_name(name: str) -> str:
    """A name the file system gave as `str` (undecodable bytes as surrogate escapes) as printable text."""
    if not _SURROGATES.search(name):
        return name
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def valid_unicode(text: str) -> str:
    """`text` with lone surrogates (from JSON `\\udfff` escapes) replaced by U+FFFD, so it encodes as UTF-8."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text
