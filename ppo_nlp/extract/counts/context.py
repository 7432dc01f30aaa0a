"""The words around a number: sentences, qualifiers, units, changes and the as-of date."""
from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import islice
from typing import NamedTuple, Optional, Sequence

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.normalize import morph
from ppo_nlp.resources import function_words, load_tsv
from ppo_nlp.normalize.dates import DateMatch
from ppo_nlp.normalize.kk_stem import strip_kk

WINDOW = 160  # characters looked at after a number
BACK_WINDOW = 64  # characters looked at before it (qualifiers, labels, "сократится на")
_WORD_RE = regex.compile(r"[^\W\d_]++(?:[-'’][^\W\d_]++)*+|\d++|[^\w\s]")
_BOUNDARY_RE = regex.compile(r"[.!?…]++|\n")
_LAST_BLANK_RE = regex.compile(r"(?r)\s")
_TUPLE = tuple.__new__  # Word(...) through tuple's own constructor: the same tuple, without the Python-level __new__


class Word(NamedTuple):
    """A token near a number (a named tuple: made by the thousand, it must be cheap)."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().replace("ё", "е")


def words_after(text: str, pos: int, limit: int = 8) -> list[Word]:
    """Up to `limit` tokens after `pos` on the same line."""
    stop = text.find("\n", pos, pos + WINDOW)
    found = _WORD_RE.finditer(text, pos, stop if stop >= 0 else min(len(text), pos + WINDOW))
    return [_TUPLE(Word, (m.group(), m.start(), m.end())) for m in islice(found, max(limit, 1))]


def words_before(text: str, pos: int, limit: int = 8) -> list[Word]:
    """Up to `limit` tokens before `pos` on the same line, nearest first."""
    if limit == 1:
        last = _letters_before(text, pos)
        if last is not None:
            return [last]
    lo = max(0, pos - BACK_WINDOW)
    nl = text.rfind("\n", lo, pos)
    start = nl + 1 if nl >= 0 else lo
    found = _last_stretch(text, start, pos) if limit == 1 else []
    found = found or list(_WORD_RE.finditer(text, start, pos))
    return [_TUPLE(Word, (m.group(), m.start(), m.end())) for m in found[::-1][:limit]]


def words_between(text: str, start: int, end: int) -> list[Word]:
    """Every token of `text[start:end]`, line breaks crossed, in reading order."""
    return [_TUPLE(Word, (m.group(), m.start(), m.end())) for m in _WORD_RE.finditer(text, start, end)]


def _letters_before(text: str, pos: int) -> Optional[Word]:
    """The last token before `pos` read off directly when it is a run of letters after a blank or the window's
    start, spaces or tabs after it (most words before a full stop or a number); None for the rest, which
    the regex reads."""
    lo = max(0, pos - BACK_WINDOW)
    end = pos
    while end > lo and text[end - 1] in " \t":
        end -= 1
    i = end
    while i > lo and text[i - 1].isalpha():
        i -= 1
    if i < end and (i == lo or text[i - 1].isspace()):
        return _TUPLE(Word, (text[i:end], i, end))
    return None


def _last_stretch(text: str, start: int, pos: int) -> list[regex.Match]:
    """The tokens after the last blank between `start` and `pos` (a token never holds a blank, so these
    read the same as from `start`)."""
    blank = _LAST_BLANK_RE.search(text, start, pos)
    return list(_WORD_RE.finditer(text, blank.end(), pos)) if blank is not None else []


@bounded_cache(16 << 20, maxsize=2, sizeof=lambda starts: 8 * len(starts))
def sentence_starts(text: str) -> tuple[int, ...]:
    """Start offsets of the sentences of `text` (a line break always ends one); found once per text (the
    counts and their links read the same document)."""
    starts = [0]
    for m in _BOUNDARY_RE.finditer(text):
        if m.group() == "\n" or _ends_sentence(text, m):
            starts.append(m.end())
    return tuple(starts)


def _ends_sentence(text: str, boundary: regex.Match) -> bool:
    """Whether the punctuation `boundary` closes a sentence (a capital follows, not after an abbreviation)."""
    nxt = _next_visible(text, boundary.end())
    return nxt is not None and _opens_sentence(text, boundary.start(), nxt)


def _next_visible(text: str, pos: int) -> Optional[int]:
    """The offset of the first non-blank character within a few characters after `pos`."""
    for i in range(pos, min(len(text), pos + 4)):
        if not text[i].isspace():
            return i
    return None


def _opens_sentence(text: str, dot: int, nxt: int) -> bool:
    """Whether the punctuation at `dot` ends a sentence before the character at `nxt`."""
    ch = text[nxt]
    if ch in "«\"“(" and nxt + 1 < len(text):
        ch = text[nxt + 1]
    if not ch.isupper():
        return False
    prev = words_before(text, dot, 1)
    if not prev:
        return True
    word = prev[0].text
    return not ((len(word) == 1 and word.isupper()) or word.lower() in function_words("abbrev_end"))


def sentence_of(starts: Sequence[int], text_len: int, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence that holds `pos`."""
    i = bisect.bisect_right(starts, pos) - 1
    return starts[i], starts[i + 1] if i + 1 < len(starts) else text_len


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[tuple[str, tuple[str, ...], str, str], ...]:
    """(position, words, qualifier, lang) rows, longest first."""
    rows = [(r["position"], tuple(r["form"].split()), r["qualifier"], r["lang"]) for r in load_tsv("numbers/qualifiers.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[1])))


def _matches(words: list[Word], form: tuple[str, ...]) -> bool:
    return len(words) >= len(form) and all(w.low == f for w, f in zip(words, form))


@lru_cache(maxsize=1)
def _qualifier_index() -> dict[tuple[str, str], list[tuple[tuple[str, ...], str]]]:
    """(position, the word next to the number) -> [(words read away from the number, qualifier)], longest first."""
    index: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
    for position, form, qual, _ in _qualifiers():
        outward = form[::-1] if position == "before" else form
        index.setdefault((position, outward[0]), []).append((outward, qual))
    return index


def _qualifier(words: list[Word], position: str) -> Optional[tuple[str, Word]]:
    """(qualifier, farthest word) of the longest qualifier that starts at the number and reads outward."""
    if not words:
        return None
    for form, qual in _qualifier_index().get((position, words[0].low), ()):
        if _matches(words, form):
            return qual, words[len(form) - 1]
    return None


def qualifier_before(before: list[Word]) -> Optional[tuple[str, int]]:
    """(qualifier, start) of a qualifier that ends right before the number (nearest-first words)."""
    found = _qualifier(before, "before")
    return (found[0], found[1].start) if found else None


def qualifier_after(after: list[Word]) -> Optional[tuple[str, int]]:
    """(qualifier, end) of a qualifier right after the number ("астам", "с лишним")."""
    found = _qualifier(after, "after")
    return (found[0], found[1].end) if found else None


@lru_cache(maxsize=1)
def _units() -> dict[str, dict[str, str]]:
    """lang -> form -> unit (lang `any` for symbols)."""
    out: dict[str, dict[str, str]] = {}
    for row in load_tsv("numbers/units.tsv"):
        out.setdefault(row["lang"], {})[row["form"].lower()] = row["unit"]
    return out


def unit_of(word: Word, lang: str) -> Optional[str]:
    """The unit a word names in `lang` ("процентов" -> percent, "гектар" -> hectare, "%")."""
    units = _units()
    low = word.low
    for table in (units.get("any", {}), units.get(lang, {}), units.get("en", {})):
        if low in table:
            return table[low]
    if lang == "ru" and word.text[0].isalpha():
        return units.get("ru", {}).get(morph.lemma(low))
    if lang == "kk":
        return units.get("kk", {}).get(strip_kk(low, _kk_unit_stems())[0])
    return None


def kk_unit_endings(word: Word) -> list[str]:
    """The case endings on a Kazakh unit word, read against the unit stems ("теңгеге" -> ["dat"])."""
    return strip_kk(word.low, _kk_unit_stems())[1]


@lru_cache(maxsize=1)
def _kk_unit_stems() -> frozenset[str]:
    return frozenset(_units().get("kk", {}))


@lru_cache(maxsize=1)
def _change_words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in load_tsv("counts/change_words.tsv"):
        out.setdefault(row["lang"], {})[row["form"]] = row["change"]
    return out


def change_before(before: list[Word], lang: str) -> Optional[str]:
    """increase/decrease when the number follows "<change word> ... на" / "... by" (nearest-first words)."""
    if not before or before[0].low not in function_words("change_preps"):
        return None
    table = _change_words().get("en" if before[0].low == "by" else "ru", {})
    for word in before[1:4]:
        found = table.get(word.low) or (table.get(morph.lemma(word.low)) if lang != "en" else None)
        if found:
            return found
    return None


def change_after(after: list[Word]) -> Optional[str]:
    """increase/decrease when a Kazakh change verb follows the number ("4 мыңға артты")."""
    table = _change_words().get("kk", {})
    for word in after[:4]:
        for form, change in table.items():
            if word.low.startswith(form):
                return change
    return None


@lru_cache(maxsize=1)
def _as_of_phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((r["position"], tuple(r["phrase"].split())) for r in load_tsv("dates/as_of.tsv"))


def as_of_possible(text: str) -> bool:
    """Whether every word of some as-of phrase occurs in `text` read as `Word.low` reads it (lower case, ё as
    е): where none does, `as_of_date` is false for every date (most texts: read once, not date by date)."""
    low = text.lower().replace("ё", "е")
    return any(all(word in low for word in phrase) for _, phrase in _as_of_phrases())


def as_of_date(text: str, date: DateMatch) -> bool:
    """Whether an as-of phrase stands right before (or, in Kazakh, right after) the date."""
    before, after = words_before(text, date.start, 4), words_after(text, date.end, 4)
    for position, phrase in _as_of_phrases():
        if position == "before" and _matches(before, phrase[::-1]):
            return True
        if position == "after" and (_matches(after, phrase) or _glued_after(after, date, phrase)):
            return True
    return False


def _glued_after(after: list[Word], date: DateMatch, phrase: tuple[str, ...]) -> bool:
    """The phrase follows the date's last word (`after` holds the words after the date) with an ending in
    between ("1 қаңтардағы жағдай бойынша")."""
    return len(after) > len(phrase) and _matches(after[1:], phrase) and after[0].text.isalpha() \
        and date.end == after[0].start
