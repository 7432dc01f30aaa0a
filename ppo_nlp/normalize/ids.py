"""Stable ids: the one readable ASCII slug for every generated id (organizations, projects, places, people).

The text is folded first (`text.fold`: Kazakh letters to their Russian look-alikes, case, quotes), then
transliterated with `resources/patterns/translit.tsv`, so one word gives one key whatever made the id.

>>> slug("«Қарызсыз қоғам»")
'karyzsyz_kogam'
>>> slug("Қарғалы")
'kargaly'
>>> slug("Nur Otan")
'nur_otan'
"""
from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

import regex

from ppo_nlp.resources import load_table
from ppo_nlp.text import fold

_NON_SLUG = regex.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=None)
def _translit() -> dict[str, str]:
    return {row[0]: (row[1] if len(row) > 1 else "") for row in load_table("translit")}


def slug(text: str, max_len: int = 60) -> str:
    """Lower-case ASCII words joined by `_` (at most `max_len` characters); a short hash when nothing is left."""
    table = _translit()
    latin = "".join(table.get(ch, ch) for ch in fold(text))
    latin = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    out = _NON_SLUG.sub("_", latin.lower()).strip("_")[:max_len].strip("_")
    return out or hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
