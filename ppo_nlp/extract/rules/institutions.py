"""Schools, universities and hospitals named by a number or after a person, which no list can hold:
«№2 арнайы мектеп-интернатының», «средней школы № 15», «КазНПУ им. Абая», «Абай атындағы ҚазҰПУ».

The type comes from the head noun (`resources/orgs/heads.tsv`); an abbreviation named after a person is a
university when it ends in У (КазНУ, ЕНУ, КазНПУ), else an organization.

>>> doc = Document("d", "t", "№2 арнайы мектеп-интернатының директоры", lang="kk")
>>> [(e.text, e.attrs["type"], e.attrs["name"]) for e in extract_institutions(doc)]
[('№2 арнайы мектеп-интернатының', 'education', '№2 арнайы мектеп-интернаты')]
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.rules.named import adjectives_before, kk_nominative, ru_phrase
from ppo_nlp.extract.rules.orgnames import head_stems, head_type
from ppo_nlp.extract.rules.ppo import head_after, head_before, ppo_name
from ppo_nlp.normalize.ids import slug
from ppo_nlp.normalize.morph import known_parses
from ppo_nlp.text import SENTENCE_END, Words, fold, has_kazakh_letters

_FIRST3 = itemgetter(slice(None, 3))

SOURCE = "rule:institution"
NUMBERED = ("education", "health")  # heads that take a number (школа №5, №3 емхана)
MODIFIERS = 3  # lower-case words between the number and a Kazakh head, or before a Russian one
NAMED_AFTER = ("им", "имени")  # КазНПУ им. Абая
NAMED_AFTER_KK = ("атындагы",)  # Абай атындағы ҚазҰПУ (folded)


@lru_cache(maxsize=None)
def _head_prefixes() -> frozenset[str]:
    """First three letters of the school and hospital heads: a cheap gate before the full check."""
    return frozenset(stem[:3] for stem in head_stems(NUMBERED))


def _number_at(words: Words, j: int) -> bool:
    """«№» followed by digits at word `j`."""
    return j + 1 < len(words) and words.tokens[j].text == "№" and words.tokens[j + 1].text.isdigit()


def _entity(doc: Document, lo: int, hi: int, kind: str, name: str) -> Entity:
    attrs = {"type": kind, "name": name}
    return Entity("ORG", doc.text[lo:hi], lo, hi, SOURCE, id=f"org:{slug(name)}", attrs=attrs)


def _numbered_ppo(doc: Document, words: Words, j: int) -> Optional[Entity]:
    """№4 бастауыш партия ұйымы, ППО №4: a primary organization known by its number."""
    number = words.tokens[j + 1].text
    end = head_after(words, j + 2)
    if end > 0:
        lo, hi = words.tokens[j].start, words.tokens[end - 1].end
    elif j > 0 and head_before(words, j) >= 0:
        lo, hi = words.tokens[head_before(words, j)].start, words.tokens[j + 1].end
    else:
        return None
    lang = "kk" if has_kazakh_letters(doc.text[lo:hi]) else doc.lang_at(lo)
    name = ppo_name(f"№{number}", lang if lang in ("ru", "kk", "en") else "ru")
    attrs = {"type": "ppo", "name": name.replace(f"«№{number}»", f"№{number}").replace(f'"№{number}"', f"№{number}")}
    return Entity("ORG", doc.text[lo:hi], lo, hi, SOURCE, id=f"org:ppo:no{number}", attrs=attrs)


def _kk_numbered(doc: Document, words: Words, j: int) -> Optional[Entity]:
    """№2 арнайы мектеп-интернаты: the number, modifiers or a name, then the Kazakh head."""
    for k in range(j + 2, min(len(words), j + 3 + MODIFIERS)):
        text = words.tokens[k].text
        if not text.replace("-", "").isalpha():  # lower-case modifiers or a place name (№4 Құлан колледжі)
            return None
        kind = head_type(words.folded[k], "kk")
        if kind in NUMBERED:
            lo, start = words.tokens[j].start, words.tokens[k].start
            name = doc.text[lo:start] + kk_nominative(text, words.folded[k])
            return _entity(doc, lo, words.tokens[k].end, kind, name)
    return None


def _ru_numbered(doc: Document, words: Words, j: int) -> Optional[Entity]:
    """средней школы № 15: a Russian head (with its adjectives) right before the number."""
    k = j - 1
    kind = head_type(words.folded[k], "ru") if k >= 0 else None
    if kind not in NUMBERED or not any(p.tag.POS == "NOUN" for p in known_parses(words.folded[k])):
        return None
    first = adjectives_before(words, k)
    lo, hi = words.tokens[first].start, words.tokens[j + 1].end
    return _entity(doc, lo, hi, kind, f"{ru_phrase(words, first, k)} №{words.tokens[j + 1].text}")



def _proper(words: Words, j: int) -> bool:
    """A capitalised word that does not open a sentence (a name, not a capital by position)."""
    text = words.tokens[j].text
    return text[:1].isupper() and text.isalpha() and j > 0 and words.folded[j - 1] not in SENTENCE_END


def _kk_phrase(doc: Document, words: Words, k: int, kind: str) -> Optional[Entity]:
    """Қарағанды медицина университетінің: a name, up to MODIFIERS lower-case words, the Kazakh head."""
    j = k - 1
    while j >= 0 and k - j <= MODIFIERS and words.tokens[j].text.isalpha() and words.tokens[j].text.islower():
        j -= 1
    if j < 0 or not _proper(words, j):
        return None
    while j > 0 and _proper(words, j - 1):
        j -= 1
    lo = words.tokens[j].start
    name = doc.text[lo : words.tokens[k].start] + kk_nominative(words.tokens[k].text, words.folded[k])
    return _entity(doc, lo, words.tokens[k].end, kind, name)


def _ru_phrase(doc: Document, words: Words, k: int, kind: str) -> Optional[Entity]:
    """Карагандинского медицинского университета: adjectives, the first a name, then the Russian head."""
    first = adjectives_before(words, k)
    if first == k or not _proper(words, first) or not any(p.tag.POS == "NOUN" and "sing" in p.tag
                                                          for p in known_parses(words.folded[k])):
        return None
    return _entity(doc, words.tokens[first].start, words.tokens[k].end, kind, ru_phrase(words, first, k))


def _head_phrase(doc: Document, words: Words, k: int) -> Optional[Entity]:
    """A school, university or hospital named by the words before its head noun (no quotes, no number)."""
    token = words.tokens[k]
    lang = "kk" if doc.lang_at(token.start) == "kk" or has_kazakh_letters(token.text) else "ru"
    kind = head_type(words.folded[k], lang)
    if kind not in NUMBERED or not token.text.islower():
        return None
    return _kk_phrase(doc, words, k, kind) if lang == "kk" else _ru_phrase(doc, words, k, kind)


def _abbreviation(text: str) -> bool:
    """КазНПУ, ЕНУ, ҚазҰПУ: two or more capitals, letters only, ending in a capital."""
    return text.isalpha() and sum(ch.isupper() for ch in text) >= 2 and text[-1].isupper() and len(text) <= 10


def _named_after(doc: Document, words: Words, j: int) -> Optional[Entity]:
    """КазНПУ им. Абая (word `j` is им), or Абай атындағы ҚазҰПУ (word `j` is атындағы)."""
    n = len(words)
    if words.folded[j] in NAMED_AFTER and j > 0 and _abbreviation(words.tokens[j - 1].text):
        k = j + 2 if j + 1 < n and words.tokens[j + 1].text == "." else j + 1
        if k < n and words.tokens[k].text[:1].isupper() and words.tokens[k].text.isalpha():
            abbr, person = words.tokens[j - 1], words.tokens[k]
            return _institution(doc, abbr.start, person.end, abbr.text, f"{abbr.text} им. {person.text}")
    if words.folded[j] in NAMED_AFTER_KK and 0 < j < n - 1 and _abbreviation(words.tokens[j + 1].text):
        person, abbr = words.tokens[j - 1], words.tokens[j + 1]
        if person.text[:1].isupper() and person.text.isalpha():
            return _institution(doc, person.start, abbr.end, abbr.text, doc.text[person.start : abbr.end])
    return None


def _institution(doc: Document, lo: int, hi: int, abbr: str, name: str) -> Entity:
    kind = "education" if fold(abbr).endswith("у") else "organization"
    attrs = {"type": kind, "name": name}
    return Entity("ORG", doc.text[lo:hi], lo, hi, SOURCE, id=f"org:{slug(abbr)}", attrs=attrs)


def _candidates(folded: list[str], prefixes: frozenset[str], whole: frozenset[str]) -> list[int]:
    """Indices of the words that begin with one of `prefixes` or are one of `whole`, in order (both tests
    run in C over all words: most words are neither)."""
    by_prefix = compress(range(len(folded)), map(prefixes.__contains__, map(_FIRST3, folded)))
    return sorted({*by_prefix, *compress(range(len(folded)), map(whole.__contains__, folded))})


def extract_institutions(doc: Document, words: Optional[Words] = None) -> list[Entity]:
    """ORG entities for numbered schools and hospitals and for institutions named after a person."""
    words = words or Words(doc.text)
    out = []
    prefixes, named = _head_prefixes(), frozenset(NAMED_AFTER + NAMED_AFTER_KK)
    folded = words.folded
    for j in _candidates(folded, prefixes, named | {"№"}):
        word = folded[j]
        if word == "№":
            if not _number_at(words, j):
                continue
            ent = _numbered_ppo(doc, words, j) or _kk_numbered(doc, words, j) or _ru_numbered(doc, words, j)
        elif word in named:
            ent = _named_after(doc, words, j)
        elif word[:3] in prefixes:
            ent = _head_phrase(doc, words, j)
        else:
            continue
        if ent is not None:
            out.append(ent)
    return out
