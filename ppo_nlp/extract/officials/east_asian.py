"""East-Asian names: a listed family name first, then a given name of one or two syllables, often split into
capitalised words («Пан Ги Мун», «Ким Чен Ын», «Ху Цзиньтао»). Their words are short and many are Russian
dictionary words (пан, си, чен), so the general name rules miss them or end them early.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ppo_nlp.extract.officials.persons import Ctx, PersonSpan, adjacent, first_name_like, nameable
from ppo_nlp.extract.officials.name_words import is_cap
from ppo_nlp.resources import read_rows
from ppo_nlp.text import fold

MAX_GIVEN_WORDS = 2
MAX_SYLLABLE_WORD = 8  # letters of one given-name word («Цзиньтао»)
VOWELS = re.compile(r"[аеёиоуыэюя]+")


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in read_rows("names/east_asian_family_names.txt"))


def _syllables(ctx: Ctx, k: int) -> bool:
    """A capitalised word of one or two syllables (Ги, Ын, Цзиньпин), not in capitals, that may be a name and
    is no Russian or Kazakh first name («Ким Виктор» is Виктор Ким)."""
    word = ctx.tokens[k].text
    if not nameable(ctx, k) or word.isupper() or len(word) > MAX_SYLLABLE_WORD or not is_cap(word):
        return False
    syllables = len(VOWELS.findall(word.lower()))
    return syllables == 1 or syllables == 2 and not first_name_like(ctx, k)  # «Мун» may be a first name too


def east_asian_at(ctx: Ctx, i: int) -> PersonSpan | None:
    """A listed family name at token i and one or two given-name words right after it."""
    if ctx.langs[i] != "ru" or ctx.folded[i] not in family_names() or not is_cap(ctx.tokens[i].text):
        return None
    if i in ctx.blocked:
        return None
    j = i
    while j + 1 < len(ctx.tokens) and j - i < MAX_GIVEN_WORDS and adjacent(ctx, j) and _syllables(ctx, j + 1):
        j += 1
    if j == i:
        return None
    return PersonSpan(i, j + 1, [t.text for t in ctx.tokens[i:j + 1]], "full")


def with_east_asian(ctx: Ctx, spans: list[PersonSpan]) -> list[PersonSpan]:
    """`spans` with the East-Asian names added; a span they cover or overlap is replaced."""
    found, after = [], 0
    for k in ctx.caps:  # a name starts at a capital
        span = east_asian_at(ctx, k) if k >= after else None
        if span:
            found.append(span)
            after = span.end
    if not found:
        return spans
    covered = {k for s in found for k in range(s.start, s.end)}
    kept = [s for s in spans if not covered & set(range(s.start, s.end))]
    return sorted(kept + found, key=lambda s: s.start)
