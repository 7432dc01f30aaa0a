"""Contiguous language passages of a text, decided per line and sentence.

A unit keeps a language other than the document's only with clear evidence (enough letters, a high
score, and still so after names and quotations are masked), so Kazakh names or a quoted project name
do not split a Russian sentence. Undecided units (short, ambiguous, no letters) take their neighbours'
language when both agree, else the document's.

>>> text = "Партия «Нұр Отан» провела форум.\\nҚонаев қаласында бастауыш партия ұйымдарының форумы өтті."
>>> [(s.start, s.end, s.lang) for s in segment_languages(text)]
[(0, 33, 'ru'), (33, 90, 'kk')]
"""
from __future__ import annotations

from typing import Optional

import regex

from ppo_nlp.doc import LangResult, Segment
from ppo_nlp.lang.detect import Scored, detect_language, detect_languages
from ppo_nlp.lang.features import letter_counts
from ppo_nlp.lang.sentences import sentence_spans

MIN_LETTERS = 12  # fewer letters than this never decide a unit
MIN_SCORE = 0.9  # a unit's own decision needs at least this score
MIN_LETTERS_OTHER = 30  # a language other than ru/kk/en needs this many letters in a unit
MAIN = frozenset({"ru", "kk", "en"})
# Quotations, and capitalized words that follow a space (every capitalized word but the first).
_NAMES_RE = regex.compile(r"«[^«»\n]*»|\"[^\"\n]*\"|“[^“”\n]*”|(?<=\s)\p{Lu}[\p{L}\-ʼ']*")


def masked(text: str) -> str:
    """The unit without quotations and capitalized words after its first word."""
    return _NAMES_RE.sub(" ", text)


def _decide_units(text: str, spans: list[tuple[int, int]], doc_lang: str) -> list[Optional[str]]:
    """A language per unit text[s:e], or None when the unit is too short or unclear to decide on its own."""
    scored = Scored.passages(text, spans)
    units = scored.texts
    counts = scored.letters()
    judged = [i for i, n in enumerate(counts) if n >= MIN_LETTERS]  # a shorter unit never decides: not decided
    decided: list[Optional[str]] = [None] * len(units)
    for i, result in zip(judged, scored.results(judged, doc_lang)):
        decided[i] = doc_lang if result is None else _own(counts[i], result, doc_lang)  # None: plainly doc_lang
    flips = [i for i, lang in enumerate(decided) if lang not in (None, doc_lang)]
    checks = [masked(units[i]) for i in flips]
    for i, letters, res in zip(flips, letter_counts(checks), detect_languages(checks)):
        if letters >= MIN_LETTERS and res.lang == doc_lang:
            decided[i] = doc_lang
    return decided


def _own(letters: int, result: LangResult, doc_lang: str) -> Optional[str]:
    """The unit's own language (given its count of letters) when it is clear enough."""
    if result.lang == "und" or letters < MIN_LETTERS or (result.lang not in MAIN and letters < MIN_LETTERS_OTHER):
        return None
    if result.lang != doc_lang and result.score < MIN_SCORE:
        return None
    return result.lang


def _fill(decided: list[Optional[str]], doc_lang: str) -> list[str]:
    """Undecided units take their neighbours' language when both agree (or only one exists), else the document's."""
    following: list[Optional[str]] = [None] * len(decided)
    for i in range(len(decided) - 2, -1, -1):
        following[i] = decided[i + 1] or following[i + 1]
    out: list[str] = []
    for lang, nxt in zip(decided, following):
        if lang is None:
            prev = out[-1] if out else None
            lang = (prev if prev == nxt else doc_lang) if prev and nxt else (prev or nxt or doc_lang)
        out.append(lang)
    return out


def segment_languages(text: str, doc_lang: Optional[str] = None) -> list[Segment]:
    """Passages covering [0, len(text)) with their language; adjacent passages always differ."""
    if not text:
        return []
    doc_lang = doc_lang or detect_language(text).lang
    spans = sentence_spans(text)
    if not spans:
        return [Segment(0, len(text), doc_lang)]
    langs = _fill(_decide_units(text, spans, doc_lang), doc_lang)
    segments: list[Segment] = []
    for k, ((start, _), lang) in enumerate(zip(spans, langs)):
        start = 0 if k == 0 else start
        if segments and segments[-1].lang == lang:
            continue
        if segments:
            segments[-1] = Segment(segments[-1].start, start, segments[-1].lang)
        segments.append(Segment(start, len(text), lang))
    return segments
