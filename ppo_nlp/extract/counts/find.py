"""Count facts: a number with its qualifier, unit, counted subject, change and as-of date.

>>> doc = Document("d", "s", text="В области работают более 54 тысяч членов партии.", lang="ru")
>>> [(c.value, c.qualifier, c.subject, c.subject_id) for c in extract_counts(doc)]
[(54000.0, 'more_than', 'член партии', 'party_member')]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ppo_nlp.aggregate import first_of_each
from ppo_nlp.doc import Count, Document
from ppo_nlp.extract.counts import context as ctx
from ppo_nlp.extract.counts.anaphora import anaphor_kind
from ppo_nlp.extract.counts.context import Word, words_after, words_before
from ppo_nlp.extract.counts.draft import Draft
from ppo_nlp.extract.counts.filters import blocked_spans
from ppo_nlp.extract.counts.subjects import (is_skip_subject, measured_after, names_units, skip_has_exceptions,
                                             subject_after, subject_class)
from ppo_nlp.extract.counts.sentence import fill_from_context
from ppo_nlp.extract.dates import date_matches
from ppo_nlp.normalize import morph
from ppo_nlp.resources import function_words, load_tsv
from ppo_nlp.normalize.dates import DateMatch, month_of
from ppo_nlp.normalize.kk_stem import strip_kk
from ppo_nlp.normalize.numbers import NumberMatch, find_numbers, resolve_lang
from ppo_nlp.text import fold

SOURCE = "rule:counts"
SMALL_WORD_NUMBER = 10  # spelled-out numbers below this ("два вопроса", "екі күн") are wording, not data
_DASHES = frozenset("-–—")


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(fold(r["form"]) for r in load_tsv("counts/label_words.tsv"))


def _is_label(before: list[Word], lang: str) -> bool:
    """A number right after "№", "статья", "Просмотров:" is a label or a counter."""
    words = [w for w in before[:2] if w.text not in (":", ".")]
    if not words:
        return False
    word = words[0]
    key = fold(word.text)
    if key in _labels():
        return True
    if lang == "kk":
        return fold(strip_kk(word.low)[0]) in _labels()
    # an ASCII word is its own lemma (pymorphy3's dictionary holds none, its Latin analyzer keeps the word),
    # so its key was the one just looked up: most English words skip the analyzer
    return word.text.isalpha() and not word.text.isascii() and fold(morph.lemma(word.low)) in _labels()


def _is_year(m: NumberMatch, text: str) -> bool:
    raw = text[m.start:m.end]
    return raw.isdigit() and len(raw) == 4 and 1900 <= m.value <= 2100


def _range_end(text: str, nums: list[NumberMatch], i: int, lang: str, falling: bool = False) -> Optional[int]:
    """End offset of a range `nums[i]`..`nums[i + 1]` ("от 3 до 100", "3–5", "150-ден 200-ге дейін"); with
    `falling`, of the same words from a larger number to a smaller one ("с 14 до 9": a fall, no range)."""
    if i + 1 >= len(nums):
        return None
    a, b = nums[i], nums[i + 1]
    if (a.value > b.value) != falling or a.value == b.value or b.start - a.end > 6:
        return None
    gap = text[a.end:b.start].strip().lower()
    lead = words_before(text, a.start, 1)
    lead_low = lead[0].low if lead else ""
    if gap in function_words("range_to") and lead_low in function_words("range_from"):
        return b.end
    if gap in _DASHES and b.start - a.end == 1:
        return b.end
    after = words_after(text, b.end, 1)
    if a.case == "abl" and b.case == "dat" and not gap and after and after[0].low in function_words("range_end_kk"):
        return after[0].end
    return None


def _qualify(draft: Draft, before: list[Word], after: list[Word], lang: str) -> list[Word]:
    """Set qualifier and change from the words around the number; returns the words after them."""
    draft.change = ctx.change_before(before, lang)
    core = before[1:] if before and before[0].low in function_words("change_preps") else before
    found = ctx.qualifier_before(before) or ctx.qualifier_before(core)
    if found:
        draft.qualifier, draft.start = found[0], min(draft.start, found[1])
    found_after = ctx.qualifier_after(after)
    if found_after:
        draft.qualifier, draft.end = found_after[0], max(draft.end, found_after[1])
        word = next(w for w in after if w.end == found_after[1])
        if lang == "kk" and "poss" in strip_kk(word.low)[1]:
            draft.anaphor = "partitive"  # "3 мыңнан астамы": more than 3 thousand of them
        after = [w for w in after if w.start >= found_after[1]]
    return after


def _unit_and_subject(draft: Draft, m: NumberMatch, after: list[Word]) -> None:
    """Unit right after the number, then the counted phrase (none after a percent or a partitive)."""
    if m.kind == "percent":
        draft.unit = "percent"
    elif after and ctx.unit_of(after[0], draft.lang):
        draft.unit = ctx.unit_of(after[0], draft.lang)
        draft.end = max(draft.end, after[0].end)
        # a Kazakh measure in the dative is a price («334 млн теңгеге жөндеуден өтті»): nothing measured after it
        after = [] if draft.lang == "kk" and "dat" in ctx.kk_unit_endings(after[0]) else after[1:]
    if m.kind == "fraction":
        draft.unit = "fraction"
        after = after[1:] if after and after[0].text in _DASHES else after
    if draft.unit != "percent" and draft.anaphor != "partitive":
        measure = draft.unit is not None and draft.unit != "fraction"
        draft.subject = (measured_after if measure else subject_after)(after, draft.lang)
        if draft.subject is not None:
            draft.end = max(draft.end, draft.subject.end)
    if draft.change is None and m.case == "dat":
        draft.change = ctx.change_after(after)


def _keep(draft: Draft, m: NumberMatch, before: list[Word], text: str) -> bool:
    """Whether the assembled number is a count."""
    surface = _last_word(text, draft.subject.end) if skip_has_exceptions(draft.subject) else ""
    if is_skip_subject(draft.subject, surface, draft.value) or (draft.subject is not None and month_of(draft.subject.head)):
        return False
    if _is_year(m, text) and draft.min is None:
        lead = before[0].low if before else ""
        if draft.subject is None or lead in function_words("year_leads"):
            return False
    if m.words and m.kind != "fraction" and m.value < SMALL_WORD_NUMBER and draft.qualifier == "exact" \
            and draft.change is None:
        draft.small_word = True  # kept only when it counts units, once its subject is known ("Три из них")
        if m.value < 2 or not (draft.anaphor or names_units(draft.subject)):
            return False
    return not (m.bare and draft.qualifier == "exact" and _plural_reading(text[m.start:m.end], draft.lang))


def _last_word(text: str, end: int) -> str:
    """The word that ends at `end` (the head of a subject as written)."""
    words = words_before(text, end, 1)
    return words[0].text if words else ""


def _plural_reading(word: str, lang: str) -> bool:
    """"тысячи" may be plural ("thousands of"), and so is "thousands"; "миллиона" may not."""
    if lang == "en":
        return word.lower().endswith("s")
    return lang == "ru" and any("plur" in p.tag for p in morph.parses(word.lower()))


def _draft(text: str, nums: list[NumberMatch], i: int, lang: str) -> tuple[Optional[Draft], int]:
    """The count that starts at `nums[i]` (a range takes two numbers), and how many numbers it used."""
    m = nums[i]
    range_end = _range_end(text, nums, i, lang)
    last = nums[i + 1] if range_end is not None else m
    before = words_before(text, m.start, 6)
    if not m.multiplier_text and _is_label(before, lang):  # «мектебі 334 млн теңге»: no school number
        return None, 1
    draft = Draft(m.value, "exact", m.start, max(last.end, range_end or 0), lang, number_start=m.start)
    if range_end is not None:
        draft.value, draft.min, draft.max = None, m.value, last.value
        draft.start = before[0].start if before and before[0].low in function_words("range_from") else m.start
    after = words_after(text, draft.end, 10)
    after = _qualify(draft, before if range_end is None else [], after, lang)
    if i > 0 and _range_end(text, nums, i - 1, lang, falling=True) is not None:
        draft.qualifier, draft.start = "exact", m.start  # "с 14 до 9": "до" is where it fell to, not "up to"
        draft.change = draft.change or "decrease"
    if lang == "kk" and last.case == "poss":
        draft.anaphor = "partitive"  # "60 делегаттың 55-і": 55 of them
    _unit_and_subject(draft, last, after)
    if draft.subject is None and draft.unit is None and not draft.anaphor and range_end is None:
        draft.anaphor = anaphor_kind(draft, before, after, lang)
    draft.dash_before = bool(before) and before[0].text in _DASHES
    draft.dash_after = bool(after) and after[0].text in _DASHES
    if not _keep(draft, last if range_end is None else m, before, text):
        return None, 2 if range_end is not None else 1
    return draft, 2 if range_end is not None else 1


def _drafts(doc: Document, lang: str, dates: list[DateMatch]) -> list[Draft]:
    blocked = blocked_spans(doc, dates)
    nums = [m for m in find_numbers(doc.text, lang) if not blocked.covers(m.start, m.end)]
    out, i = [], 0
    while i < len(nums):
        seg_lang = doc.lang_at(nums[i].start)
        draft, used = _draft(doc.text, nums, i, seg_lang if seg_lang in ("ru", "kk", "en") else lang)
        if draft is not None:
            out.append(draft)
        i += used
    return out


def _figure(d: Draft) -> tuple:
    """What makes two count mentions one fact: the same figure for the same thing."""
    return (d.value, d.min, d.max, d.unit, d.change, fold(d.subject.head) if d.subject else None)


def _to_count(doc: Document, d: Draft) -> Count:
    return Count(
        value=d.value, qualifier=d.qualifier, text=doc.text[d.start:d.end], start=d.start, end=d.end,
        unit=d.unit, subject=d.subject.lemma if d.subject else None, subject_id=subject_class(d.subject),
        min=d.min, max=d.max, change=d.change, as_of=d.as_of, source=SOURCE,
    )


def extract_counts(doc: Document) -> list[Count]:
    """Every count in `doc.text`, with its evidence span; names, dates, years and furniture left out."""
    if not doc.text:
        return []
    lang = resolve_lang(doc.text, doc.lang)
    dates = date_matches(doc)
    drafts = _drafts(doc, lang, dates)
    fill_from_context(doc.text, drafts, dates)
    kept = [d for d in drafts if (d.subject is not None or d.unit is not None)
            and not (d.small_word and not names_units(d.subject))]
    return [_to_count(doc, d) for d in first_of_each(kept, _figure)]
