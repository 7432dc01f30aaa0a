"""What an organization's name looks like: its head noun (университет, мектебі, орталығы) and the shapes
that are never a name however capitalised (Roman numerals, a shouted headline, a Kazakh common phrase).

>>> head_type("университеті"), head_type("сайлау")
('education', None)
>>> roman_numeral("XLІІ"), roman_numeral("XXXVII"), roman_numeral("ADAL")
(True, True, False)
>>> not_organization_name("ЖИЫНДА", "КЕЗДЕСТІ. ЖИЫНДА БАСТАУЫШ ПАРТИЯ", 10, 16, "kk")
True
>>> not_organization_name("Президенттік сайлау", "Өткен Президенттік сайлау кезінде", 6, 25, "kk")
True
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.resources import load_table, load_tsv
from ppo_nlp.text import fold

# Cyrillic letters written for their Latin look-alikes in Roman numerals (XLІІ with Cyrillic І)
_LATIN = str.maketrans("ІІХСМ", "IIXCM")
_ROMAN = regex.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
SHOUT_WINDOW = 2  # words on each side that, all in capitals too, make a capitalised mention a headline
SHOUT_REACH = 200  # characters on each side in which those words are looked for


@lru_cache(maxsize=None)
def _heads() -> tuple[tuple[str, str, str], ...]:
    """(folded stem, lang, type), longest stems first."""
    rows = [(fold(r["stem"]), r["lang"], r["type"]) for r in load_tsv("orgs/heads.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def _heads_by_initial() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """`_heads()` rows by the first letter of their stem, each bucket in `_heads()` order (a word is compared
    only with the stems it may start with). An empty stem would head every word: a data error."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in _heads():
        if not row[0]:
            raise ValueError(f"orgs/heads.tsv: a row without a stem: {row}")
        out.setdefault(row[0][:1], []).append(row)
    return {initial: tuple(rows) for initial, rows in out.items()}


def head_stems(kinds: tuple[str, ...]) -> list[str]:
    """The folded stems of the heads of the given types."""
    return [stem for stem, _, kind in _heads() if kind in kinds]


@lru_cache(maxsize=None)
def _kk_endings() -> frozenset[str]:
    """What may follow a Kazakh head's stem: nothing, a possessive, a case, or both (ұйымы, ұйымының, ұйымда)."""
    rows = {slot: ends.split() for lang, slot, ends in load_table("suffixes") if lang == "kk" and slot != "case"}
    cases = [e for lang, slot, ends in load_table("suffixes") if lang == "kk" and slot == "case" for e in ends.split()]
    return frozenset([""] + cases + [p + c for p in rows["possessive"] for c in [""] + cases])


@bounded_cache(4 << 20)
def head_type(word: str, lang: Optional[str] = None) -> Optional[str]:
    """The record type of an organization headed by `word` (any inflection), or None. A Kazakh head is its stem
    and endings only (ұйымының, not ұйымдастырылды); of a compound (мектеп-интернаты) the last part counts."""
    folded = fold(word).rsplit("-", 1)[-1]
    for stem, lg, kind in _heads_by_initial().get(folded[:1], ()):
        if lg == "abbr" and (folded != stem or not word.isupper()):
            continue  # ТОО, АО: whole and in capitals
        if lang in (None, lg, "abbr" if lg == "abbr" else None) and folded.startswith(stem):
            if lg != "kk" or folded[len(stem):] in _kk_endings():
                return kind
    return None


def roman_numeral(word: str) -> bool:
    """Two or more letters that read as a Roman numeral (a congress number), Cyrillic look-alikes included."""
    latin = word.upper().translate(_LATIN)
    return len(latin) >= 2 and _ROMAN.fullmatch(latin) is not None


def _shouted(text: str, start: int, end: int) -> bool:
    """The mention and the words around it on its line are all capitals: a headline or a shouted lead.
    The words are read in a window of SHOUT_REACH characters on each side (a long paragraph is not read
    whole for each mention); a word the window cuts is left out."""
    reach_lo, reach_hi = max(0, start - SHOUT_REACH), min(len(text), end + SHOUT_REACH)
    line_start = text.rfind("\n", reach_lo, start) + 1 or reach_lo
    line_end = text.find("\n", end, reach_hi)
    line_end = line_end if line_end >= 0 else reach_hi
    before = _WORD.findall(text, line_start, start)
    before = (before[1:] if line_start == reach_lo > 0 and text[reach_lo - 1].isalnum() else before)[-SHOUT_WINDOW:]
    after = _WORD.findall(text, end, line_end)
    after = (after[:-1] if line_end == reach_hi < len(text) and text[reach_hi].isalnum() else after)[:SHOUT_WINDOW]
    around = [w for w in before + after if any(ch.isalpha() for ch in w)]
    return bool(around) and all(w.isupper() and len(w) > 1 for w in around)


def _kazakh_phrase(words: list[str]) -> bool:
    """Kazakh words ending in a lower-case common noun that heads no organization (Президенттік сайлау)."""
    last = words[-1]
    return len(words) > 1 and last.isalpha() and last.islower() and head_type(last) is None


_DOMAIN = regex.compile(r"[\w-]+\.(kz|ru|com|org|net|info|media|news|tv)", regex.IGNORECASE)
CUE_REACH = 30  # characters before a name searched for a credit cue (передает корреспондент …)


@lru_cache(maxsize=1)
def _media_cues() -> dict[str, tuple[str, ...]]:
    """Folded cue phrases by kind (credit, source, credit_after), and those before a name under "any"."""
    rows = [(row["kind"], fold(row["phrase"])) for row in load_tsv("orgs/media_cues.tsv")]
    kinds = {kind for kind, _ in rows}
    before = [(kind, phrase) for kind, phrase in rows if kind != "credit_after"]
    return {"any": tuple(p for _, p in before), **{k: tuple(p for kind, p in rows if kind == k) for k in kinds}}


def _cued(doc_text: str, start: int, cues: tuple[str, ...]) -> bool:
    before = " ".join(fold(doc_text[max(0, start - CUE_REACH) : start]).split())
    return any(cue in before for cue in cues)


def media_mention(text: str, doc_text: str, start: int) -> bool:
    """A site name (Liter.kz) or a name a story is credited to («передает …», «со ссылкой на …»)."""
    return bool(_DOMAIN.fullmatch(text.strip())) or _cued(doc_text, start, _media_cues()["any"])


def credited(doc_text: str, start: int, end: Optional[int] = None) -> bool:
    """The name at `start` is the one a story is credited to («передает Liter.kz», «со ссылкой на …»); given its
    `end`, also a name a cue after it credits («Tengrinews correspondent reports») or a dateline's outlet
    («ASTANA. KAZINFORM – …»)."""
    if _cued(doc_text, start, _media_cues()["credit"]):
        return True
    return end is not None and (_cued_after(doc_text, end, _media_cues().get("credit_after", ()))
                                or dateline_outlet(doc_text, start, end))


def _cued_after(doc_text: str, end: int, cues: tuple[str, ...]) -> bool:
    """One of the two words right after a name starts with a cue («Tengrinews correspondent reports»)."""
    words = [w.strip(",.:;«»\"'") for w in fold(doc_text[end : end + CUE_REACH]).split()[:2]]
    return any(w.startswith(cue) for w in words for cue in cues)


_DATELINE_PLACE = regex.compile(r"\p{Lu}[\p{L}\p{Pd} ]{1,30}[.,]\s*")
_DASH_AFTER = regex.compile(r"\s*[\p{Pd}]\s")


def dateline_outlet(doc_text: str, start: int, end: int) -> bool:
    """The name at `start:end` is a dateline's outlet: a line opens with a place, a full stop or comma, the
    name and a dash («NUR-SULTAN. KAZINFORM – The congress …», «АСТАНА. KAZINFORM – …»), or, place and name
    both in capitals, no dash («ASTANA. KAZINFORM Head of State …»)."""
    line_start = doc_text.rfind("\n", 0, start) + 1
    if not _DATELINE_PLACE.fullmatch(doc_text, line_start, start):
        return False
    shouted = doc_text[line_start:end].isupper() and doc_text[end:end + 1].isspace()
    return bool(_DASH_AFTER.match(doc_text, end)) or shouted


def not_organization_name(text: str, doc_text: str, start: int, end: int, lang: str) -> bool:
    """Whether a capitalised mention (an NER ORG) is no organization by its shape alone."""
    words = _WORD.findall(text)
    if not words or any(roman_numeral(w) for w in words):
        return True
    if all(w.isupper() for w in words if any(ch.isalpha() for ch in w)) and _shouted(doc_text, start, end):
        return True
    return lang == "kk" and _kazakh_phrase(words)
