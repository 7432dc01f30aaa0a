"""Which figures an organization can have, and which mentions of organizations can have a figure.

A sum of money, a population, the parties of a country belong to no organization (`counts/unowned.tsv`); an organization named as the source of the figures ("по данным
акимата", "according to the committee", "комитетінің ақпаратына сәйкес") is not what they are about
(`counts/source_words.tsv`). Both tables are word beginnings, matched on the text as written (case aside).

>>> text = "Регион с населением 540 тысяч человек."
>>> unowned(Count(540000.0, "exact", "540 тысяч человек", 20, 37, subject="человек"), text, "ru", (0, 38))
True
>>> unowned(Count(5.0, "exact", "5 млрд тенге", 0, 12, unit="tenge"), "", "ru", (0, 0))
True
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple, Optional, Sequence

from ppo_nlp.doc import Count, Organization
from ppo_nlp.resources import load_tsv

AFTER_CHARS = 32  # how far after a figure without a subject its counted thing is sought ("half of total investments")
CUE_CHARS = 24  # how far before a figure its cue is sought ("тұрғындарының саны — ")
SOURCE_CHARS = 40  # how far before a mention its source words are sought ("согласно информации областного ")
Span = tuple[int, int]


def _phrase(form: str) -> str:
    """A regex for a phrase of word beginnings ("по данн" -> "по" then a word starting with "данн")."""
    return r"\s+".join(re.escape(word) + r"\w*" for word in form.split())


def _alternation(forms: Iterable[str]) -> str:
    return "(?:" + "|".join(_phrase(f) for f in sorted(set(forms), key=len, reverse=True)) + ")"


class Patterns(NamedTuple):
    """One language's patterns (None where its table has no row)."""

    subject: Optional[re.Pattern]  # an unowned counted thing anywhere in a subject
    share: Optional[re.Pattern]  # one a share is of, in the words after a figure without a subject
    cue: Optional[re.Pattern]  # a cue of population ending right before a figure
    source_before: Optional[re.Pattern]  # source words ending right before a mention (one more word allowed)
    source_after: Optional[re.Pattern]  # source words right after a mention


def _compile(forms: list[str], head: str = r"(?<!\w)", tail: str = "") -> Optional[re.Pattern]:
    return re.compile(head + _alternation(forms) + tail, re.IGNORECASE) if forms else None


def _forms(relpath: str, lang: str, column: str, *values: str) -> list[str]:
    """The forms of `lang` (or of any language) whose `column` is one of `values`."""
    return [r["form"] for r in load_tsv(relpath) if r["lang"] in (lang, "any") and r[column] in values]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Patterns]:
    """The patterns of every language the two tables name."""
    unowned_, sources = "counts/unowned.tsv", "counts/source_words.tsv"
    langs = {r["lang"] for r in load_tsv(unowned_) + load_tsv(sources)} - {"any"}
    return {lang: Patterns(_compile(_forms(unowned_, lang, "kind", "subject", "share")),
                           _compile(_forms(unowned_, lang, "kind", "share")),
                           _compile(_forms(unowned_, lang, "kind", "cue"), tail=r"\W*$"),
                           _compile(_forms(sources, lang, "side", "before"), tail=r"\s+(?:[\w-]+\s+)?\W?$"),
                           _compile(_forms(sources, lang, "side", "after"), head=r"\W?\s+"))
            for lang in langs}


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(_forms("counts/unowned.tsv", "any", "kind", "unit"))


NO_PATTERNS = Patterns(None, None, None, None, None)


def unowned(c: Count, text: str, lang: str, clause: Span) -> bool:
    """Whether no organization can have the figure `c` (its clause is `clause`): a unit of money, a counted
    thing no organization owns, or a cue of population right before it."""
    if c.unit in _units():
        return True
    found = _patterns().get(lang, NO_PATTERNS)
    if c.subject:
        if found.subject and found.subject.search(c.subject):
            return True
    elif found.share and found.share.search(text, c.end, min(clause[1], c.end + AFTER_CHARS)):
        return True
    return bool(found.cue and found.cue.search(text, max(clause[0], c.start - CUE_CHARS), c.start))


def source_mentions(orgs: Sequence[Organization], text: str, lang: str) -> frozenset[int]:
    """The starts of the mentions that name an organization as the source of figures."""
    before, after = _patterns().get(lang, NO_PATTERNS)[3:]
    if before is None and after is None:
        return frozenset()
    return frozenset(m.start for o in orgs for m in o.mentions
                     if (before and before.search(text, max(0, m.start - SOURCE_CHARS), m.start))
                     or (after and after.match(text, m.end)))
