"""Primary party organizations by name: «Қарғалы» бастауыш партия ұйымы, ППО «…», БПҰ «…».

Also a list in a sentence about primary organizations where each quoted name follows a locative adjective
(Іле ауданындағы «Бент», Жамбыл ауданындағы «Қарғалы»), and later quoted mentions of a name found so.

>>> doc = Document("d", "t", "«Қарғалы» бастауыш партия ұйымының төрайымы", lang="kk")
>>> [(e.id, e.attrs["name"]) for e in extract_ppo(doc)]
[('org:ppo:kargaly', '«Қарғалы» бастауыш партия ұйымы')]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer import AliasRef, Trie, match_alias
from ppo_nlp.extract.rules.quoted import list_words
from ppo_nlp.extract.rules.quotes import Quote, find_quotes, is_name_like
from ppo_nlp.normalize.ids import slug
from ppo_nlp.resources import load_table
from ppo_nlp.text import SENTENCE_END, Words, fold, has_kazakh_letters

SOURCE = "rule:ppo"
MAX_NAME_WORDS = 5
HEAD_REACH = 4  # words a head phrase may have before a quote


@lru_cache(maxsize=None)
def heads() -> Trie:
    """Head phrases (бастауыш партия ұйымы, ППО, первичная партийная организация)."""
    trie = Trie()
    for phrase, lang in load_table("ppo_heads"):
        trie.add(phrase, AliasRef("ppo_head", "ppo_heads", phrase, lang))
    return trie


def ppo_name(name: str, lang: str) -> str:
    templates = {row[1]: row[2] for row in load_table("list_words") if row[0] == "ppo_name"}
    return templates.get(lang, templates["ru"]).format(name=name)


def head_after(words: Words, j: int) -> int:
    """Index after a head phrase starting at word `j`, or -1."""
    trie = heads()
    if j >= len(words.folded) or words.folded[j][:3] not in trie.prefixes:
        return -1
    found = trie.walk(words.folded, j)
    return max((end for end, _ in found), default=-1)


def head_before(words: Words, j: int) -> int:
    """Start of a head phrase ending right before word `j`, or -1."""
    for start in range(max(0, j - HEAD_REACH), j):
        if any(end == j for end, _ in heads().walk(words.folded, start)):
            return start
    return -1


def sentences_with_heads(words: Words) -> tuple[list[int], set[int]]:
    """Sentence number of every word, and the numbers of sentences that contain a head phrase."""
    numbers, current, with_heads = [], 0, set()
    for j, word in enumerate(words.folded):
        numbers.append(current)
        if head_after(words, j) > 0:
            with_heads.add(current)
        if word in SENTENCE_END:
            current += 1
    return numbers, with_heads


def _locative_before(words: Words, j: int) -> bool:
    return j > 0 and any(words.folded[j - 1].endswith(fold(e)) for e in list_words("locadj"))


def _span(words: Words, quote: Quote, index: dict[int, int], sents: Any) -> Optional[tuple[int, int]]:
    """Character span of a primary-organization mention around `quote`, or None."""
    o, c = index[quote.open], index[quote.close]
    end = head_after(words, c + 1)
    if end > 0:
        return quote.open, words.tokens[end - 1].end
    start = head_before(words, o)
    if start >= 0 and not any(fold(p) in words.folded[o - 1] for p in list_words("ppo_plural")):
        return words.tokens[start].start, quote.close + 1
    if _locative_before(words, o):
        numbers, with_heads = sents()
        return (quote.start, quote.end) if numbers[o] in with_heads else None
    return None


def _entity(doc: Document, quote: Quote, lo: int, hi: int) -> Entity:
    lang = "kk" if has_kazakh_letters(doc.text[lo:hi]) else doc.lang_at(lo)
    name = ppo_name(quote.content, lang if lang in ("ru", "kk", "en") else "ru")
    attrs = {"type": "ppo", "name": name}
    return Entity("ORG", doc.text[lo:hi], lo, hi, SOURCE, id=f"org:ppo:{slug(quote.content)}", attrs=attrs)


def _acceptable(content: str) -> bool:
    return is_name_like(content) and len(content.split()) <= MAX_NAME_WORDS and match_alias(content) is None


def extract_ppo(doc: Document, words: Optional[Words] = None) -> list[Entity]:
    """ORG entities (type ppo) for named primary party organizations and later mentions of their names."""
    words = words or Words(doc.text)
    index = words.start_index
    quotes = [q for q in find_quotes(doc.text) if q.open in index and q.close in index and _acceptable(q.content)]
    out, names, rest = [], {}, []
    sents = lru_cache(maxsize=1)(lambda: sentences_with_heads(words))
    for quote in quotes:
        span = _span(words, quote, index, sents)
        if span is None:
            rest.append(quote)
            continue
        ent = _entity(doc, quote, *span)
        names[fold(quote.content)] = ent
        out.append(ent)
    for quote in rest:
        known = names.get(fold(quote.content))
        if known is not None:
            out.append(Entity("ORG", quote.content, quote.start, quote.end, SOURCE, id=known.id, attrs=dict(known.attrs)))
    return sorted(out, key=lambda e: e.start)
