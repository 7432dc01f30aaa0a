"""Line helpers for cleaning: whitespace normalization and the shape tests (prose, names, digits, menus).

>>> is_prose("Форум прошёл в Шымкенте, в нём приняли участие 250 человек.")
True
>>> person_name("Шынболат СЕЙДУАЛИЕВ,")
'Шынболат Сейдуалиев'
>>> person_name("Т.Курбанова")
'Т. Курбанова'
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

import regex

from ppo_nlp.resources import load_lines

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_CONTROL_RE = regex.compile(r"[\p{Cc}\p{Co}\p{Cs}--[\n\t]]", regex.V1)
_SPACE_RE = regex.compile(r"[^\S\n]+")
MAX_GLUED_LINE = 20_000  # longer lines are not searched for glued furniture
GLUED_TAIL_CHARS = 80  # a glued counter is looked for in the end of a line only
# A camera or CMS image file name glued to the first word of a sentence: `dms_4665В`, `IMG_0042The`.
_FILE_NAME_RE = regex.compile(r"(?:[A-Za-z]{2,8}_\d{3,8}|(?:IMG|DSC|DSCN|DSCF|P)\d{3,8})(?:\.(?:jpe?g|png|gif|webp))?(?=\p{Lu}(?:\p{Ll}|\s))", regex.V1)
_WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*+")
_CLOSERS = "»\"”’')]*"
SENTENCE_END = ".!?…:;"
MIN_PROSE_WORDS = 5
LONG_LINE_WORDS = 15
LONG_LINE_CHARS = 250
_DIGITS_RE = regex.compile(r"[\d\s%.,:;/+\-–—()№#]+")
_SEPARATED_RE = regex.compile(r"\s*[|•·>»→/\\]\s*")
_INITIALS_RE = regex.compile(r"((?:\p{Lu}\.\s?){1,2})(\p{Lu}[\p{L}'’-]+)|(\p{Lu}[\p{L}'’-]+)\s((?:\p{Lu}\.\s?){1,2})", regex.V1)
_NAME_WORD_RE = regex.compile(r"\p{Lu}(?:\p{Ll}+|\p{Lu}+)(?:-\p{Lu}(?:\p{Ll}+|\p{Lu}+))?", regex.V1)


def normalize_text(text: str) -> str:
    """NFC, newlines unified, invisible and control characters gone, spaces collapsed inside lines, and
    furniture run into a sentence (`split_glued`) put on a line of its own."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    for invisible in _INVISIBLE:
        if invisible in text:  # a scan per character is far cheaper than `str.translate` over the text
            text = text.replace(invisible, "")
    return "\n".join(split_glued(_spaced(line).strip()) for line in text.split("\n"))


def _spaced(line: str) -> str:
    """Control characters to spaces and runs of spaces to one; a printable line (no control character, no
    space but U+0020) only needs the second, and only when it holds two spaces in a row."""
    if not line.isprintable():
        return _SPACE_RE.sub(" ", _CONTROL_RE.sub(" ", line))
    return _SPACE_RE.sub(" ", line) if "  " in line else line


def split_glued(line: str) -> str:
    """A counter run into the end of a sentence (`…етпек.Количество показов: 6`) or an image file name run into
    the start of one (`dms_4665В областном…`) on a line of its own.

    >>> split_glued("Коалиция құрылды.Количество показов: 6")
    'Коалиция құрылды.\\nКоличество показов: 6'
    """
    if len(line) < 8 or len(line) > MAX_GLUED_LINE:
        return line
    tail = len(line) - GLUED_TAIL_CHARS if len(line) > GLUED_TAIL_CHARS else 0
    m = _glued_re().search(line, tail, timeout=0.5) if line[-1].isdigit() else None
    if m:
        line = f"{line[:m.start()].rstrip()}\n{line[m.start():].lstrip()}"
    m = _FILE_NAME_RE.match(line) if line[0].isascii() and line[0].isalpha() else None
    return f"{m.group()}\n{line[m.end():]}" if m else line


def load_patterns() -> None:
    """Compile now the pattern built from a word list (`Pipeline.warm`: not on a first article's time)."""
    _glued_re()


@lru_cache(maxsize=1)
def _glued_re() -> regex.Pattern:
    """`<sentence end><label>: <number>` at the end of a line, with the labels of `furniture/glued.txt`."""
    labels = sorted(load_lines("furniture/glued.txt"), key=lambda label: (-len(label), label))
    alternation = "|".join(regex.escape(label).replace("\\ ", "\\s+") for label in labels)
    return regex.compile(rf"(?<=\p{{L}}{{2}}[.!?…»\"”)])\s*(?:{alternation})\s*:?\s*\d[\d\s.:/,-]*$", regex.I | regex.V1)


def words(line: str) -> list[str]:
    """The letter words of a line (numbers and punctuation left out)."""
    return _WORD_RE.findall(line)


def is_prose(line: str) -> bool:
    """A sentence: several words ending in sentence punctuation, or a long paragraph line."""
    if len(line) >= LONG_LINE_CHARS:
        return True
    count = len(words(line))
    if count >= LONG_LINE_WORDS:
        return True
    return count >= MIN_PROSE_WORDS and line.rstrip(_CLOSERS + " ")[-1:] in tuple(SENTENCE_END)


def is_digits(line: str) -> bool:
    """Only digits, percentages, times and separators: counters, `100%200%`, `12:01`."""
    return bool(line) and len(line) <= 200 and bool(_DIGITS_RE.fullmatch(line))


def is_separated_row(line: str) -> bool:
    """A breadcrumb or menu row: three or more short items split by `|`, `/`, `>`, `»`, `•`."""
    if len(line) > 300:
        return False
    items = [item for item in _SEPARATED_RE.split(line) if item]
    return len(items) >= 3 and all(len(item.split()) <= 4 for item in items)


def is_menu_row(line: str) -> bool:
    """Many capitalized words and no punctuation at all: `Главная Новости Политика Экономика Спорт`."""
    tokens = line.split()
    if len(tokens) < 5 or len(line) > 200 or line.isupper():
        return False
    return all(t[:1].isupper() and t.isalpha() for t in tokens)


def person_name(line: str) -> Optional[str]:
    """The person a byline line names (`Т. Курбанова`, `Шынболат Сейдуалиев`), else None."""
    text = line.strip().rstrip(",.;").strip()
    if not text or len(text) > 60:
        return None
    m = _INITIALS_RE.fullmatch(text)
    if m:
        initials = m.group(1) or m.group(4)
        surname = _title(m.group(2) or m.group(3))
        spaced = " ".join(initials.replace(" ", "").replace(".", ". ").split())
        return f"{spaced} {surname}" if m.group(1) else f"{surname} {spaced}"
    parts = text.split()
    if not 2 <= len(parts) <= 3 or not all(_NAME_WORD_RE.fullmatch(p) for p in parts):
        return None
    if all(p.isupper() for p in parts):
        return None  # an all-caps pair is more often a site or section name than a byline
    return " ".join(_title(p) for p in parts)


def _title(word: str) -> str:
    """ALL CAPS to title case (`СЕЙДУАЛИЕВ` -> `Сейдуалиев`); other words as written."""
    return word.title() if word.isupper() and len(word) > 1 else word
