"""Organizations, projects and locations named by a gazetteer alias, in any language and inflection.

>>> doc = Document("d", "t", "Депутаты маслихатов партии «Нұр Отан» в Шымкенте", lang="ru")
>>> [(e.label, e.id) for e in extract_gazetteer(doc)]
[('ORG', 'org:maslikhat'), ('ORG', 'org:amanat'), ('LOC', 'loc:shymkent')]
"""
from __future__ import annotations

from functools import cached_property, lru_cache
from itertools import compress
from operator import itemgetter
from typing import Any, NamedTuple, Optional

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gaz_inflect import Lexicon
from ppo_nlp.extract.gaz_trie import LABELS, AliasRef, gazetteer_trie
from ppo_nlp.resources import load_table, lookup
from ppo_nlp.text import WORD_RE, fold

_MATCH = type(regex.match("", ""))
_first3 = itemgetter(slice(None, 3))

# (words before, words after) searched for a context word of each kind
WINDOWS = {"party": (3, 3), "project": (4, 3), "city": (2, 2), "region_noun": (0, 8)}
SENTENCE_END = frozenset(".!?\n")
MAX_OPEN = 16  # earlier spans checked for crossing (aliases are at most 12 words)


class Tok(NamedTuple):
    """A word of `text.word_spans` (same fields as `text.Token`, cheaper to build)."""

    text: str
    start: int
    end: int


class Words:
    """The tokens of a text (as `text.word_spans` splits it) with their folded forms."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(WORD_RE.finditer(text))
        self.tokens: list[Tok] = list(map(Tok, map(_MATCH.group, matches), map(_MATCH.start, matches),
                                          map(_MATCH.end, matches)))

    @cached_property
    def folded(self) -> list[str]:
        """`fold` of each token (made on first use: the officials stage reads only the tokens)."""
        return list(map(fold, [t.text for t in self.tokens]))

    def __len__(self) -> int:
        return len(self.tokens)


@bounded_cache(64 << 20, maxsize=8, sizeof=lambda words: 48 * len(words.text), keep_oversize=True)
def words_of(text: str) -> Words:
    """Tokens of `text`, shared by the gazetteer and the rules that run on the same text."""
    return Words(text)


@lru_cache(maxsize=None)
def context_lexicons() -> dict[str, Lexicon]:
    """One lexicon of context words per `needs_context` kind."""
    kinds: dict[str, list[tuple[str, str, str]]] = {}
    for kind, lemma in load_table("context_words"):
        kinds.setdefault(kind, []).append((lemma, "kk" if lemma != fold(lemma) else "ru", kind))
    return {kind: Lexicon(items) for kind, items in kinds.items()}


def has_context(words: Words, start: int, end: int, kind: str) -> bool:
    """Whether a context word of `kind` stands within the kind's window around words[start:end]."""
    lex = context_lexicons().get(kind)
    before, after = WINDOWS.get(kind, (3, 3))
    if lex is None:
        return False
    for j in range(start - 1, max(-1, start - before - 1), -1):
        if words.folded[j] in SENTENCE_END:
            break
        if lex.match(words.folded[j]):
            return True
    for j in range(end, min(len(words), end + after)):
        if words.folded[j] in SENTENCE_END:
            break
        if lex.match(words.folded[j]):
            return True
    return False


def _case_ok(words: Words, start: int, end: int, ref: AliasRef) -> bool:
    """Case-sensitive aliases need a capital first letter; short all-capital ones need all capitals."""
    if not ref.case_sensitive:
        return True
    first = words.tokens[start].text
    if ref.text.isupper() and len(ref.text) <= 5:
        return all(words.tokens[j].text.isupper() for j in range(start, end))
    return first[:1].isupper()


@lru_cache(maxsize=None)
def surname_endings() -> tuple[str, ...]:
    return tuple(e for lang, slot, ends in load_table("suffixes") if slot == "surname" for e in ends.split())


def _surname_like(words: Words, end: int, ref: AliasRef) -> bool:
    """A place name turned into a surname (Оралов): the word ends in a surname ending the alias lacks."""
    word, alias_last = words.folded[end - 1], fold(ref.text).split()[-1]
    return any(word.endswith(e) and not alias_last.endswith(e) for e in surname_endings())


@lru_cache(maxsize=None)
def derivation_endings() -> tuple[str, ...]:
    return tuple(e for lang, slot, ends in load_table("suffixes") if lang == "kk" and slot == "derivation" for e in ends.split())


def _derived_word(words: Words, start: int, end: int, ref: AliasRef) -> bool:
    """A one-word alias made an adjective (қазақстандық, парламенттік) names no place or body."""
    word, alias = words.folded[start], fold(ref.text)
    return end - start == 1 and any(word.endswith(e) and not alias.endswith(e) for e in derivation_endings())


def _accept(words: Words, start: int, end: int, ref: AliasRef) -> bool:
    if not _case_ok(words, start, end, ref) or _derived_word(words, start, end, ref):
        return False
    if ref.gazetteer == "locations" and _surname_like(words, end, ref):
        return False
    return ref.needs_context is None or has_context(words, start, end, ref.needs_context)


def candidates(words: Words) -> list[tuple[int, int, AliasRef]]:
    """(start, end, alias) of the longest acceptable alias per start word and label."""
    trie, out = gazetteer_trie(), []
    folded = words.folded
    for i in compress(range(len(folded)), map(trie.prefixes.__contains__, map(_first3, folded))):
        best: dict[str, tuple[int, AliasRef]] = {}
        for end, refs in reversed(trie.walk(folded, i)):
            for ref in refs:
                label = LABELS[ref.gazetteer]
                if label not in best and _accept(words, i, end, ref):
                    best[label] = (end, ref)
        out.extend((i, end, ref) for end, ref in best.values())
    return out


def select(cands: list[tuple[int, int, AliasRef]]) -> list[tuple[int, int, AliasRef]]:
    """Leftmost-longest per label; across labels nested spans stay and a span crossing an earlier one goes."""
    last_end: dict[str, int] = {}
    out: list[tuple[int, int, AliasRef]] = []
    for cand in sorted(cands, key=lambda c: (c[0], -c[1])):
        s, e, ref = cand
        label = LABELS[ref.gazetteer]
        if s < last_end.get(label, 0) or any(ks < s < ke < e for ks, ke, _ in out[-MAX_OPEN:]):
            continue
        last_end[label] = e
        out.append(cand)
    return out


def display_name(entry: dict[str, Any], lang: str) -> str:
    """Organizations keep their one canonical name; projects and places use the text's language."""
    if entry["id"].startswith("org:"):
        return entry["name"]
    return entry.get("names", {}).get(lang) or entry["name"]


def make_entity(doc: Document, words: Words, start: int, end: int, ref: AliasRef) -> Entity:
    """An entity with the canonical id and the attrs the records stage needs."""
    entry = lookup(ref.id) or {}
    lo, hi = words.tokens[start].start, words.tokens[end - 1].end
    lang = doc.lang_at(lo)
    attrs: dict[str, Any] = {"type": entry.get("type"), "name": display_name(entry, lang), "alias": ref.text}
    if "names" in entry and not ref.id.startswith("org:"):
        attrs["names"] = dict(entry["names"])
    return Entity(LABELS[ref.gazetteer], doc.text[lo:hi], lo, hi, f"gazetteer:{ref.gazetteer}", id=ref.id, attrs=attrs)


def extract_gazetteer(doc: Document) -> list[Entity]:
    """ORG, PROJECT and LOC entities for every gazetteer alias in `doc.text`, with canonical ids."""
    from ppo_nlp.extract.akimat import resolve_akimats

    words = words_of(doc.text)
    chosen = select(candidates(words))
    entities = [make_entity(doc, words, s, e, ref) for s, e, ref in chosen]
    return resolve_akimats(doc, words, entities)


def match_alias(text: str, label: Optional[str] = None) -> Optional[str]:
    """The id of a gazetteer alias that matches all of `text` (flags ignored), else None."""
    for ref in gazetteer_trie().full_match(text):
        if label is None or LABELS[ref.gazetteer] == label:
            return ref.id
    return None
