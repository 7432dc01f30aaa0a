"""Projects the gazetteer does not know: quoted names beside a trigger word (проект «…», «…» жобасы).

A list of quoted names shares its trigger: «проектов «А», «Б» и «В»», «А», «Б» сияқты жобалар.

>>> doc = Document("d", "t", "Запущен проект «Партийная контент-фабрика».", lang="ru")
>>> [(e.text, e.id) for e in extract_quoted_projects(doc)]
[('Партийная контент-фабрика', 'project:partiynaya_kontent_fabrika')]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer import Lexicon, context_lexicons, display_name, lang_of, match_alias
from ppo_nlp.extract.rules.quotes import Quote, find_quotes, is_name_like, stray_closers
from ppo_nlp.normalize.ids import slug
from ppo_nlp.resources import load_table, lookup
from ppo_nlp.text import SENTENCE_END, Words, fold, has_kazakh_letters

WINDOW_BEFORE = 4  # words between a trigger and the opening quote
FILLERS_AFTER = 2  # words (сияқты, атты) between the closing quote and a trigger after it
WEAK_MAX_WORDS = 4
GLOSS_MAX_WORDS = 8  # words of a gloss in parentheses after a list item: «Біздің ауыл» (наш аул), «…»
SOURCE = "rule:quoted_project"


@lru_cache(maxsize=None)
def triggers(side: str) -> Lexicon:
    """Trigger lemmas of one side (`before`, `after`), valued `strong` or `weak`."""
    return Lexicon((lemma, lang_of(lemma), strength) for s, lemma, strength in load_table("project_triggers") if s == side)


@lru_cache(maxsize=None)
def blockers() -> Lexicon:
    return Lexicon((row[0], lang_of(row[0]), True) for row in load_table("quote_blockers"))


@lru_cache(maxsize=None)
def list_words(kind: str) -> frozenset[str]:
    """Folded words of one kind of `list_words.tsv` (sep, filler, locadj, particle, dept)."""
    return frozenset(fold(row[1]) for row in load_table("list_words") if row[0] == kind)


def groups(words: Words, quotes: Iterable[Quote], index: dict[int, int]) -> list[list[Quote]]:
    """Quotes joined into lists when only separators (`,`, и, және) stand between them."""
    out: list[list[Quote]] = []
    seps = list_words("sep")
    for quote in quotes:
        if out and out[-1][-1].close < quote.open:
            stop = index[quote.open]
            gap = range(_past_gloss(words, index[out[-1][-1].close] + 1, stop), stop)
            if all(words.folded[j] in seps for j in gap):
                out[-1].append(quote)
                continue
        out.append([quote])
    return out


def _past_gloss(words: Words, at: int, stop: int) -> int:
    """The word after a parenthesised gloss that opens at word `at` («Біздің ауыл» (наш аул), «…»: a
    translation between the items of a list), else `at`."""
    if at < stop and words.folded[at] == "(":
        for j in range(at + 1, min(stop, at + GLOSS_MAX_WORDS + 2)):
            if words.folded[j] == ")":
                return j + 1
    return at


def trigger_before(words: Words, at: int) -> Optional[str]:
    """Strength of a trigger within the window before word `at` (an opening quote), unless blocked."""
    for j in range(at - 1, max(-1, at - 1 - WINDOW_BEFORE), -1):
        word = words.folded[j]
        if word in SENTENCE_END or word in "\"'":
            return None
        strength = triggers("before").match(word)
        if strength:
            return strength
        if blockers().match(word):
            return _party_project(words, j)
    return None


def _party_project(words: Words, j: int) -> Optional[str]:
    """«проекта партии «…»»: after «партии» the quoted name is the party's project when a strong trigger
    comes right before it; a name the gazetteer knows as a party is dropped later (`project_entity`)."""
    if j == 0 or not context_lexicons()["party"].match(words.folded[j]):
        return None
    return "strong" if triggers("before").match(words.folded[j - 1]) == "strong" else None


def trigger_after(words: Words, at: int) -> Optional[str]:
    """Strength of a trigger right after word `at` (a closing quote), past fillers (сияқты) and at most one
    lower-case adjective before a strong trigger («Абайтану» авторлық бағдарламасы)."""
    fillers, free_word = list_words("filler"), False
    for j in range(at + 1, min(len(words.tokens), at + 2 + FILLERS_AFTER)):
        strength = triggers("after").match(words.folded[j])
        if strength:
            return strength if strength == "strong" or not free_word else None
        text = words.tokens[j].text
        if words.folded[j] in fillers:
            continue
        if free_word or not (text.isalpha() and text.islower()):
            return None
        free_word = True
    return None


def project_entity(doc: Document, content: str, start: int, end: int) -> Optional[Entity]:
    """A PROJECT entity, with the gazetteer's id when the name is known; None for organizations and places."""
    known = match_alias(content.rstrip("!?.… "))
    if known and not known.startswith("project:"):
        return None
    lang = "kk" if has_kazakh_letters(content) else doc.lang_at(start)
    if known:
        entry = lookup(known) or {}
        attrs = {"type": entry.get("type"), "name": display_name(entry, lang), "names": dict(entry["names"])}
        return Entity("PROJECT", content, start, end, SOURCE, id=known, attrs=attrs)
    names = {k: (content if k == lang else None) for k in ("ru", "kk", "en")}
    if not any(names.values()):
        names["ru"] = content
    attrs = {"type": "project", "name": content, "names": names}
    return Entity("PROJECT", content, start, end, SOURCE, id=f"project:{slug(content)}", attrs=attrs)


@lru_cache(maxsize=None)
def possessive_endings() -> tuple[str, ...]:
    """Kazakh possessive (+ case) endings: «Нұрлы жол» бекеті, «Хабар» ұжымы name the noun that follows."""
    rows = {slot: ends.split() for lang, slot, ends in load_table("suffixes") if lang == "kk" and slot != "case"}
    cases = [""] + [e for lang, slot, ends in load_table("suffixes") if lang == "kk" and slot == "case" for e in ends.split()]
    return tuple({p + c for p in rows["possessive"] for c in cases})


def kazakh_head_after(doc: Document, words: Words, at: int) -> bool:
    """A lower-case Kazakh noun in the possessive right after the closing quote (`at`) heads the name."""
    j = at + 1
    if j >= len(words.tokens) or doc.lang_at(words.tokens[j].start) != "kk":
        return False
    text, word = words.tokens[j].text, words.folded[j]
    return text.isalpha() and text.islower() and any(word.endswith(e) and len(word) > len(e) + 2
                                                     for e in possessive_endings())


def _group_entities(doc: Document, words: Words, group: list[Quote], index: dict[int, int]) -> list[Entity]:
    last = index[group[-1].close]
    strength = trigger_after(words, last)
    if strength is None and not kazakh_head_after(doc, words, last):
        strength = trigger_before(words, index[group[0].open])
    if strength is None:
        return []
    out = []
    for quote in group:
        if not is_name_like(quote.content):
            continue
        if strength == "weak" and (len(quote.content.split()) > WEAK_MAX_WORDS or len(group) > 3):
            continue
        ent = project_entity(doc, quote.content, quote.start, quote.end)
        if ent is not None:
            out.append(ent)
    return out


def _stray_entity(doc: Document, words: Words, close: int, index: dict[int, int]) -> Optional[Entity]:
    """`проект Кайсар",`: one to three capitalized words after a strong trigger, closed by a stray quote."""
    at = index[close]
    j = at - 1
    while j >= 0 and at - j <= 3 and words.tokens[j].text[:1].isupper():
        j -= 1
    if j == at - 1 or j < 0 or triggers("before").match(words.folded[j]) != "strong":
        return None
    start, end = words.tokens[j + 1].start, words.tokens[at - 1].end
    return project_entity(doc, doc.text[start:end], start, end)


def extract_quoted_projects(doc: Document, words: Optional[Words] = None) -> list[Entity]:
    """PROJECT entities for quoted names next to trigger words, lists included."""
    words = words or Words(doc.text)
    index = words.start_index
    out: list[Entity] = []
    for group in groups(words, find_quotes(doc.text), index):
        out.extend(_group_entities(doc, words, group, index))
    for close in stray_closers(doc.text):
        ent = _stray_entity(doc, words, close, index)
        if ent is not None:
            out.append(ent)
    return sorted(out, key=lambda e: e.start)
