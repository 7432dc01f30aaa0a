"""Sentence context for counts: the as-of date, and a subject for figures written without one."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

from ppo_nlp.extract.counts import context as ctx
from ppo_nlp.extract.counts.anaphora import resolve as resolve_anaphora
from ppo_nlp.extract.counts.draft import Draft
from ppo_nlp.extract.counts.subjects import Subject, ru_genitive_plural_noun, subject_after
from ppo_nlp.normalize import morph
from ppo_nlp.resources import load_tsv
from ppo_nlp.normalize.dates import DateMatch
from ppo_nlp.normalize.kk_stem import strip_kk

SENTENCE_WORDS = 40  # words of a sentence looked at for an aggregate noun
LIST_GAP = 120  # characters between figures of one enumeration ("— 9, в регионах — 8, ... — 5 советов")
_QUOTES = frozenset("«»\"“”„")


@lru_cache(maxsize=1)
def _aggregates() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in load_tsv("counts/aggregate_nouns.tsv"):
        out.setdefault(row["lang"], set()).add(row["form"])
    return {k: frozenset(v) for k, v in out.items()}


def _as_of(text: str, starts: Sequence[int], dates: list[DateMatch]) -> dict[int, str]:
    """Sentence start -> ISO date for sentences that date their figures ("По состоянию на ...")."""
    out: dict[int, str] = {}
    if not dates or not ctx.as_of_possible(text):
        return out
    for date in dates:
        if len(date.iso) >= 7 and date.iso[0] != "-" and ctx.as_of_date(text, date):
            out.setdefault(ctx.sentence_of(starts, len(text), date.start)[0], date.iso[:10])
    return out


def _dash_subject(text: str, sent_start: int, d: Draft) -> Optional[Subject]:
    """"«Первичек» с численностью ... — 2432": a genitive plural opening the sentence."""
    words = [w for w in ctx.words_after(text, sent_start, 3) if w.text not in _QUOTES]
    if not words or words[0].start >= d.number_start or not words[0].text.isalpha() or len(words[0].text) < 3:
        return None  # a preposition ("В 2024 году – 1500") opens no counted phrase
    lemma = ru_genitive_plural_noun(words[0])
    return Subject(lemma, lemma, d.end) if lemma else None


def _aggregate_subject(sentence: list[ctx.Word], d: Draft) -> Optional[Subject]:
    """"Количество общественных советов ... на 700", "мүшелер саны 5 мыңға": the aggregate's complement.

    `sentence` holds the first words of the figure's sentence.
    """
    forms = _aggregates().get(d.lang, frozenset())
    words = [w for w in sentence if w.end <= d.number_start]
    for i, word in enumerate(words):
        if word.text.isalpha() and _is_aggregate(word, d.lang, forms):
            found = subject_after(_complement(words, i, d.lang), d.lang)
            if found is not None:
                return Subject(found.lemma, found.head, d.end)
    return None


def _is_aggregate(word: ctx.Word, lang: str, forms: frozenset[str]) -> bool:
    if word.low in forms:
        return True
    if lang == "kk":
        return strip_kk(word.low, forms)[0] in forms
    return lang == "ru" and morph.lemma(word.low) in forms


def _complement(words: list[ctx.Word], i: int, lang: str) -> list[ctx.Word]:
    """The words an aggregate noun counts: after it (ru, en "number of"), the word before it (kk)."""
    if lang == "kk":
        return words[i - 1:i] if i > 0 else []
    if lang == "en" and i + 1 < len(words) and words[i + 1].low == "of":
        return words[i + 2:]
    return words[i + 1:]


def _bare(d: Draft) -> bool:
    return d.subject is None and d.unit is None


def _propagate(group: list[Draft]) -> None:
    """Figures of one enumeration share the subject written once ("9, ... 8, ... 5 советов")."""
    later: dict[int, Subject] = {}
    nxt: Optional[Draft] = None
    for d in reversed(group):
        if d.subject is not None or d.unit is not None:
            nxt = d if d.subject is not None else None
        elif nxt is not None and nxt.number_start - d.end <= LIST_GAP:
            later[id(d)] = nxt.subject
    prev: Optional[Draft] = None
    for d in group:
        if _bare(d) and id(d) in later:
            d.subject = Subject(later[id(d)].lemma, later[id(d)].head, d.end)
        elif _bare(d) and prev is not None and (d.dash_before or d.dash_after) and d.number_start - prev.end <= LIST_GAP:
            d.subject = Subject(prev.subject.lemma, prev.subject.head, d.end)
        if d.subject is not None:
            prev = d


def fill_from_context(text: str, drafts: list[Draft], dates: list[DateMatch]) -> None:
    """Set as_of and the missing subjects of `drafts` from their sentences."""
    if not drafts:
        return
    starts = ctx.sentence_starts(text)
    resolve_anaphora(text, drafts, starts)
    dated = _as_of(text, starts, dates)
    groups: dict[int, list[Draft]] = {}
    sentences: dict[int, list[ctx.Word]] = {}
    for d in drafts:
        sent_start = ctx.sentence_of(starts, len(text), d.number_start)[0]
        d.as_of = dated.get(sent_start)
        groups.setdefault(sent_start, []).append(d)
        if _bare(d) and d.lang == "ru" and d.dash_before:
            d.subject = _dash_subject(text, sent_start, d)
        if _bare(d) and d.min is None:
            if sent_start not in sentences:
                sentences[sent_start] = ctx.words_after(text, sent_start, SENTENCE_WORDS)
            d.subject = _aggregate_subject(sentences[sent_start], d)
    for group in groups.values():
        _propagate(group)
