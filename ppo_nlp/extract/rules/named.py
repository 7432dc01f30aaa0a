"""Organizations named in quotes next to a head noun that says what they are, in any case form:
«ADAL» партиясының, «…» атты өңірлік коалиция (Kazakh: the head after the name), партии «ADAL»,
территориального филиала «Бірлік», фонда «…» (Russian: the head right before the name).

The head's type (`resources/orgs/heads.tsv`) is the organization's type. Names the gazetteer knows, primary
organizations (rules/ppo.py) and projects («проекта партии «Ауыл аманаты»») are left to their own rules.

>>> doc = Document("d", "t", "Кеше «ADAL» партиясының жиынында болдық", lang="kk")
>>> [(e.id, e.attrs["type"], e.attrs["name"]) for e in extract_named(doc)]
[('org:adal', 'party', 'ADAL')]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer import match_alias
from ppo_nlp.extract.rules.orgnames import head_type
from ppo_nlp.extract.rules.ppo import head_after
from ppo_nlp.extract.rules.quoted import list_words, possessive_endings, triggers
from ppo_nlp.extract.rules.quotes import Quote, find_quotes, is_name_like
from ppo_nlp.normalize.ids import slug
from ppo_nlp.normalize.morph import known_parses
from ppo_nlp.resources import load_table
from ppo_nlp.text import Words

SOURCE = "rule:named_org"
MAX_NAME_WORDS = 8
MODIFIERS_AFTER = 2  # lower-case words (өңірлік, қоғамдық) between a Kazakh name and its head
MODIFIERS_BEFORE = 3  # Russian adjectives before a head (средней общеобразовательной школы)
PARTY_ID = "org:amanat"


@lru_cache(maxsize=None)
def _kk_cases() -> tuple[str, ...]:
    ends = [e for lang, slot, es in load_table("suffixes") if lang == "kk" and slot == "case" for e in es.split()]
    return tuple(sorted(ends, key=len, reverse=True))


def kk_nominative(word: str, folded: str) -> str:
    """A Kazakh head with its case ending cut (коалициясының -> коалициясы, гимназияда -> гимназия)."""
    for end in _kk_cases():
        rest = folded[: -len(end)]
        if folded.endswith(end) and (any(rest.endswith(p) for p in possessive_endings()) or head_type(rest, "kk")):
            return word[: len(rest)]
    return word


def _kk_head(words: Words, at: int) -> Optional[tuple[int, str]]:
    """(index, type) of a Kazakh head noun after the closing quote at word `at`, past fillers and modifiers."""
    named, j = False, at + 1
    while j < len(words) and words.folded[j] in list_words("filler"):
        named, j = True, j + 1
    if head_after(words, j) > 0:  # «…» бастауыш партия ұйымы: a primary organization
        return None
    for k in range(j, min(len(words), j + MODIFIERS_AFTER + 1)):
        text, word = words.tokens[k].text, words.folded[k]
        if triggers("after").match(word):  # «…» жобалары: a project
            return None
        abbr = head_type(text, "abbr")
        if abbr:  # «…» ЖШС
            return k, str(abbr)
        kind = head_type(word, "kk")
        if kind and (named or any(word.endswith(e) for e in possessive_endings())):
            return k, kind
        if not (text.isalpha() and text.islower()):
            return None
    return None


def _genitive_complement(word: str) -> bool:
    """A noun only in the genitive (предпринимателей, ветеранов) completing the head before it."""
    found = known_parses(word)
    return bool(found) and all(p.tag.POS == "NOUN" and p.tag.case != "nomn" for p in found) and any(
        p.tag.case == "gent" for p in found)


def _noun(word: str) -> bool:
    return any(p.tag.POS == "NOUN" for p in known_parses(word))


def _ru_head(words: Words, at: int) -> Optional[tuple[int, str]]:
    """(index, type) of a Russian head noun right before the opening quote at word `at`."""
    k = at - 1
    if k < 0 or not words.tokens[k].text.isalpha():
        return None
    abbr = head_type(words.tokens[k].text, "abbr")
    if abbr:  # ТОО «…», ЖШС «…»
        return k, abbr
    if k > 0 and head_type(words.folded[k - 1], "ru") and _genitive_complement(words.folded[k]):
        k -= 1  # палаты предпринимателей «…»
    kind = head_type(words.folded[k], "ru")
    if kind is None or not any(p.tag.POS == "NOUN" and "sing" in p.tag for p in known_parses(words.folded[k])):
        return None  # филиалах «…»: many organizations, not one
    before = range(max(0, k - 3), k)
    if any(triggers("before").match(words.folded[b]) and _noun(words.folded[b]) for b in before):
        return None  # проекта партии «…»: a project of the party

    return k, kind


def ru_nominative(word: str, gender: Optional[str] = None) -> str:
    """A Russian noun or adjective in the nominative singular (средней -> средняя, школы -> школа)."""
    for parse in known_parses(word):
        if parse.tag.POS in ("NOUN", "ADJF"):
            found = parse.inflect({"nomn", "sing"} | ({gender} if gender and parse.tag.POS == "ADJF" else set()))
            return found.word if found else parse.normal_form
    return word


def ru_phrase(words: Words, first: int, k: int) -> str:
    """Adjectives words[first:k] and the head noun k in the nominative, agreeing with the head's gender."""
    nouns = [p for p in known_parses(words.folded[k]) if p.tag.POS == "NOUN"]
    gender = nouns[0].tag.gender if nouns else None
    phrase = " ".join(ru_nominative(words.folded[m], gender) for m in range(first, k + 1))
    return phrase[:1].upper() + phrase[1:]


def adjectives_before(words: Words, k: int) -> int:
    """The first of the Russian adjectives (at most MODIFIERS_BEFORE) right before word `k`, or `k`."""
    first = k
    while first > 0 and k - first < MODIFIERS_BEFORE and any(p.tag.POS == "ADJF" for p in known_parses(words.folded[first - 1])):
        first -= 1
    return first


def _entity(doc: Document, lo: int, hi: int, quote: Quote, kind: str, head: str) -> Entity:
    name = quote.content if kind == "party" else f"«{quote.content}» {head}" if head.islower() else f"{head} «{quote.content}»"
    key = slug(quote.content)
    org_id = {"party_branch": f"{PARTY_ID}:branch:{key}", "party": f"org:{key}"}.get(kind, f"org:{slug(name)}")
    attrs = {"type": kind, "name": name}
    return Entity("ORG", doc.text[lo:hi], lo, hi, SOURCE, id=org_id, attrs=attrs)


def _named(doc: Document, words: Words, quote: Quote, index: dict[int, int], party: bool) -> Optional[Entity]:
    o, c = index[quote.open], index[quote.close]
    found = _kk_head(words, c)
    if found is not None:
        k, kind = found
        mods = [words.tokens[m].text for m in range(c + 1, k) if words.folded[m] not in list_words("filler")]
        head = " ".join(mods + [kk_nominative(words.tokens[k].text, words.folded[k])])
        lo, hi = quote.open, words.tokens[k].end
    else:
        found = _ru_head(words, o)
        if found is None:
            return None
        k, kind = found
        first = adjectives_before(words, k) if kind != "party" else k
        text = words.tokens[k].text
        phrase = text if head_type(text, "abbr") else ru_phrase(words, first, k)
        head = " ".join([phrase] + [words.tokens[m].text for m in range(k + 1, o)])
        lo, hi = words.tokens[first].start, quote.close + 1
    if kind == "party_branch" and not party:
        return None
    return _entity(doc, lo, hi, quote, kind, head)


def _acceptable(content: str) -> bool:
    """A name the gazetteer does not know as an organization or a place (a project's name may head an office)."""
    if not is_name_like(content) or len(content.split()) > MAX_NAME_WORDS:
        return False
    known = match_alias(content.rstrip("!?. "))
    return known is None or known.startswith("project:")


def extract_named(doc: Document, words: Optional[Words] = None, party: bool = False) -> list[Entity]:
    """ORG entities for quoted names beside an organization head noun (`party`: the document names the party)."""
    words = words or Words(doc.text)
    index = words.start_index
    out = []
    for quote in find_quotes(doc.text):
        if quote.open in index and quote.close in index and _acceptable(quote.content):
            ent = _named(doc, words, quote, index, party)
            if ent is not None:
                out.append(ent)
    return out
