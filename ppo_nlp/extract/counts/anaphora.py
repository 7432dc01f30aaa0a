"""Counts whose subject was named earlier, as a reader resolves them.

Three shapes, each marked on the draft by the finder (`anaphor_kind`) and resolved here (`resolve`):
- partitive (kk): the number carries the possessive, "60 делегаттың 55-і" (55 of the 60 delegates),
  "Соның 3 мыңнан астамы" (more than 3 thousand of them);
- pronoun: "в городе их 23", "из них 753 решены", "три из них", "олардың 40-ы";
- clause (ru): a bare figure closing a clause after a verb, "В планах обучить 8 000."; (en) a bare figure
  before a past verb, "600 delegates came, while about 1,000 joined online".

The subject is the nearest earlier counted phrase in the same sentence or the one before; a pronoun may
also point at a plural noun in the nominative ("женщины ..., их свыше 44 тысяч"), a partitive at a
genitive noun ("делегаттардың 55-і").
"""
from __future__ import annotations

import bisect
from typing import Optional, Sequence

from ppo_nlp.extract.counts import context as ctx
from ppo_nlp.extract.counts.draft import Draft
from ppo_nlp.extract.counts.subjects import Subject, kk_subject, ru_subject
from ppo_nlp.normalize import morph
from ppo_nlp.normalize.kk_stem import strip_kk
from ppo_nlp.resources import function_words

_CLAUSE_END = frozenset(".!?;…")
_RU_VERBS = frozenset({"VERB", "INFN", "PRTS"})


def anaphor_kind(draft: Draft, before: list[ctx.Word], after: list[ctx.Word], lang: str) -> str:
    """How a figure with no counted word after it refers back ('' when it does not)."""
    lead = [w for w in before if w.end <= draft.start]
    anaphora = function_words("anaphora")
    if (lead and lead[0].low in anaphora) or _partitive_after(after, anaphora):
        return "pronoun"
    if lang == "ru" and lead and lead[0].text.isalpha() and (not after or after[0].text in _CLAUSE_END):
        parses = morph.parses(lead[0].low)
        if parses and parses[0].tag.POS in _RU_VERBS:
            return "clause"
    if lang == "en" and after and after[0].text.isalpha() and after[0].low.endswith("ed"):
        return "clause"  # "while about 1,000 joined": the figure is the subject of its verb
    return ""


def _partitive_after(after: list[ctx.Word], anaphora: frozenset[str]) -> bool:
    """"Три из них", "40 из которых", "40 of them"."""
    return len(after) >= 2 and after[0].low in function_words("partitive_preps") and after[1].low in anaphora


def resolve(text: str, drafts: list[Draft], starts: Sequence[int]) -> None:
    """Give each anaphoric draft without a subject the subject its sentence (or the one before) names."""
    for i, d in enumerate(drafts):
        if not d.anaphor or d.subject is not None or d.unit is not None:
            continue
        sent = bisect.bisect_right(starts, d.number_start) - 1
        lo = starts[max(0, sent - 1)]
        found = _antecedent(text, drafts[:i], lo, d)
        if found is not None:
            d.subject = Subject(found.lemma, found.head, d.end)


def _antecedent(text: str, earlier: list[Draft], lo: int, d: Draft) -> Optional[Subject]:
    """Scanning back from the figure: an earlier counted phrase, else a noun the shape allows."""
    spans = [(e.number_start, e.end, e.subject) for e in earlier if e.subject is not None and e.end > lo]
    for word in reversed(ctx.words_between(text, lo, d.start)):
        for start, end, subject in spans:
            if start <= word.start < end:
                return subject
        noun = _noun(word, d)
        if noun is not None:
            return noun
    return None


def _noun(word: ctx.Word, d: Draft) -> Optional[Subject]:
    """A plural nominative noun (ru pronoun) or a genitive noun (kk partitive) the figure may count."""
    if not word.text.isalpha() or word.text.isupper() or len(word.text) < 4 or word.low in function_words("anaphora"):
        return None
    if d.anaphor == "pronoun" and d.lang == "ru":
        if any(p.tag.POS == "NOUN" and "plur" in p.tag and "nomn" in p.tag for p in morph.parses(word.low)):
            return ru_subject([word])
    if d.anaphor == "partitive" and d.lang == "kk" and strip_kk(word.low)[1][-1:] == ["gen"]:
        return kk_subject([word])
    return None
