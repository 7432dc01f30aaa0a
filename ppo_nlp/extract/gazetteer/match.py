"""Organizations, projects and locations named by a gazetteer alias, in any language and inflection.

>>> doc = Document("d", "t", "Депутаты маслихатов партии «Нұр Отан» в Шымкенте", lang="ru")
>>> [(e.label, e.id) for e in extract_gazetteer(doc)]
[('ORG', 'org:maslikhat'), ('ORG', 'org:amanat'), ('LOC', 'loc:shymkent')]
"""
from __future__ import annotations

import os
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Any, Optional

from ppo_nlp.cache import word_cache
from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer.akimat import resolve_akimats
from ppo_nlp.extract.gazetteer.bodies import body_entries, body_entry
from ppo_nlp.extract.gazetteer.context import context_lexicons, has_context
from ppo_nlp.extract.gazetteer.inflect import lang_of
from ppo_nlp.extract.gazetteer.trie import LABELS, AliasRef, gazetteer_trie
from ppo_nlp.normalize.morph import known_parses
from ppo_nlp.resources import load_table, lookup
from ppo_nlp.text import Words, fold, words_of

_first3 = itemgetter(slice(None, 3))

MAX_OPEN = 16  # earlier spans checked for crossing (aliases are at most 12 words)


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


def _lowercase_name(words: Words, start: int, ref: AliasRef) -> bool:
    """A capitalised Cyrillic place name met in lower case is a word made from it (акмолинским семьям,
    казахстанского общества), not the place."""
    first = words.tokens[start].text
    return first[:1].islower() and ref.text[:1].isupper() and not first.isascii()


@lru_cache(maxsize=None)
def derivation_endings() -> tuple[str, ...]:
    return tuple(e for lang, slot, ends in load_table("suffixes") if lang == "kk" and slot == "derivation" for e in ends.split())


def _derived_word(words: Words, start: int, end: int, ref: AliasRef) -> bool:
    """A one-word alias made an adjective (қазақстандық, парламенттік) names no place or body."""
    word, alias = words.folded[start], fold(ref.text)
    return end - start == 1 and any(word.endswith(e) and not alias.endswith(e) for e in derivation_endings())


@lru_cache(maxsize=None)
def kk_plurals() -> tuple[str, ...]:
    return tuple(e for lang, slot, ends in load_table("suffixes") if lang == "kk" and slot == "plural" for e in ends.split())


def _plural(words: Words, start: int, end: int, ref: AliasRef) -> bool:
    """A plural mention: a Kazakh plural suffix past the alias's last word (бөлмелерін), or a Russian word
    with only plural readings (общественных приемных)."""
    word, last = words.folded[end - 1], fold(ref.text).split()[-1]
    if lang_of(word) == "en":
        return word.endswith("s") and not last.endswith("s")
    if ref.lang == "kk" or lang_of(word) == "kk":
        rest = word[len(os.path.commonprefix([word, last])) - 1 :]
        return any(p in rest[:5] for p in kk_plurals())
    return any(_only_plural(words.folded[j]) for j in range(start, end))


def _only_plural(word: str) -> bool:
    found = known_parses(word)
    return bool(found) and all("plur" in p.tag.grammemes for p in found)


def _inside_longer_quote(words: Words, start: int, end: int, kind: str) -> bool:
    """An ambiguous alias opening a quoted name that goes on («Ауыл аманаты»): the name is something else."""
    if start == 0 or words.folded[start - 1] != '"' or end >= len(words) or words.folded[end] == '"':
        return False
    lex = context_lexicons().get(kind)
    return lex is None or not lex.match(words.folded[end])


def _accept(words: Words, start: int, end: int, ref: AliasRef) -> bool:
    if not _case_ok(words, start, end, ref) or _derived_word(words, start, end, ref):
        return False
    if ref.not_after and start > 0 and words.folded[start - 1] in ref.not_after:
        return False
    if ref.singular and _plural(words, start, end, ref):
        return False
    if ref.gazetteer == "locations" and (_surname_like(words, end, ref) or _lowercase_name(words, start, ref)):
        return False
    if ref.needs_context is None:
        return True
    return not _inside_longer_quote(words, start, end, ref.needs_context) and has_context(words, start, end,
                                                                                          ref.needs_context)


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
    entry = lookup(ref.id) or body_entry(ref.id) or {}
    lo, hi = words.tokens[start].start, words.tokens[end - 1].end
    lang = doc.lang_at(lo)
    attrs: dict[str, Any] = {"type": entry.get("type"), "name": display_name(entry, lang), "alias": ref.text}
    if "names" in entry and not ref.id.startswith("org:"):
        attrs["names"] = dict(entry["names"])
    return Entity(LABELS[ref.gazetteer], doc.text[lo:hi], lo, hi, f"gazetteer:{ref.gazetteer}", id=ref.id, attrs=attrs)


def extract_gazetteer(doc: Document) -> list[Entity]:
    """ORG, PROJECT and LOC entities for every gazetteer alias in `doc.text`, with canonical ids."""
    words = words_of(doc.text)
    chosen = select(candidates(words))
    entities = [make_entity(doc, words, s, e, ref) for s, e, ref in chosen]
    return resolve_akimats(doc, words, entities)


def match_alias(text: str, label: Optional[str] = None) -> Optional[str]:
    """The id of a gazetteer alias that matches all of `text` (flags ignored), else None."""
    if label is None:
        return _any_alias(text)
    for ref in gazetteer_trie().full_match(text):
        if label is None or LABELS[ref.gazetteer] == label:
            return ref.id
    return None


@word_cache(1 << 20, value_bytes=256)
def _any_alias(text: str) -> Optional[str]:
    """`match_alias` of any label (cached: three rules ask it of the same quoted names)."""
    refs = gazetteer_trie().full_match(text)
    return refs[0].id if refs else None


def load_gazetteers() -> None:
    """Load the alias trie and the state-body entries now (`Pipeline.warm`), not inside the first document
    that needs them."""
    gazetteer_trie(), body_entries()
