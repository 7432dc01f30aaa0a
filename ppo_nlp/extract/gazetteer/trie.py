"""A token trie over folded gazetteer aliases, each alias word matched with its inflectional endings.

>>> trie = gazetteer_trie()
>>> [ref.id for ref in trie.full_match("Жамбылской области")]
['loc:zhambyl_region']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from ppo_nlp.extract.gazetteer.bodies import body_entries
from ppo_nlp.extract.gazetteer.inflect import bases, lang_of, split_word
from ppo_nlp.extract.gazetteer.latin import ARTICLES, latin_aliases
from ppo_nlp.resources import GAZETTEER_NAMES, alias_items, built, load_gazetteer
from ppo_nlp.text import fold, word_spans

LABELS = {"organizations": "ORG", "projects": "PROJECT", "locations": "LOC"}
MAX_ALIAS_WORDS = 12
STEM_HEAD = 3  # letters of a stem's beginning that `Node.stem_heads` holds


@dataclass(frozen=True)
class AliasRef:
    """One alias of one gazetteer entry, with its matching flags."""

    id: str
    gazetteer: str
    text: str
    lang: str
    case_sensitive: bool = False
    needs_context: Optional[str] = None
    not_after: tuple[str, ...] = ()  # folded words that, right before the alias, make it something else
    singular: bool = False  # a plural form of the last word names no single organization


@dataclass
class Node:
    exact: dict[str, "Node"] = field(default_factory=dict)
    stems: dict[str, "Node"] = field(default_factory=dict)
    refs: list[AliasRef] = field(default_factory=list)

    def children(self, word: str) -> list["Node"]:
        """Child nodes reached by the folded `word` (exactly or as stem + ending)."""
        out = []
        child = self.exact.get(word)
        if child is not None:
            out.append(child)
        if self.stems and self.may_have_stem(word):
            for stem in split_word(word, self.stems):
                node = self.stems[stem]
                if node not in out:
                    out.append(node)
        return out

    def may_have_stem(self, word: str) -> bool:
        """False when `word` begins otherwise than every stem (their first STEM_HEAD letters, made on first use):
        then it is made of none of them (a stem is a word's beginning of that many letters or more;
        `inflect.bases`). Always True where a stem is shorter."""
        heads = self.__dict__.get("_heads", _UNSET)
        if heads is _UNSET:
            short = any(len(stem) < STEM_HEAD for stem in self.stems)
            heads = self.__dict__["_heads"] = None if short else frozenset(stem[:STEM_HEAD] for stem in self.stems)
        return heads is None or word[:STEM_HEAD] in heads


_UNSET = object()


class Trie:
    """Aliases as word paths; `walk` yields every alias that starts at a word."""

    def __init__(self) -> None:
        self.root = Node()
        self.prefixes: set[str] = set()

    def add(self, alias: str, ref: AliasRef, inflect: bool = True) -> None:
        """Insert one alias; every word gets its exact form or inflectable bases as edges."""
        words = [t.text for t in word_spans(alias)]
        node = self.root
        for pos, word in enumerate(words):
            lang = _word_lang(word, ref.lang)
            exact, stems = bases(fold(word), lang, inflect, last=pos == len(words) - 1)
            node = _edge(node, exact, stems)
            if pos == 0:
                self.prefixes.update(key[:3] for key in exact | stems)
        if ref not in node.refs:
            node.refs.append(ref)

    def walk(self, words: list[str], start: int) -> list[tuple[int, list[AliasRef]]]:
        """(end word index, aliases) for every alias that matches words[start:end]."""
        if words[start][:3] not in self.prefixes:
            return []
        found, frontier = [], [self.root]
        for j in range(start, min(len(words), start + MAX_ALIAS_WORDS)):
            word = words[j]
            # one node is the usual frontier: its own fresh list of children is the next one
            reached = frontier[0].children(word) if len(frontier) == 1 else \
                [c for node in frontier for c in node.children(word)]
            found.extend((j + 1, node.refs) for node in reached if node.refs)
            if j > start and word in ARTICLES:  # an article the alias leaves out («Together with the People»)
                reached = reached + [n for n in frontier if n not in reached]
            if not reached:
                break
            frontier = reached
        return found

    def full_match(self, text: str) -> list[AliasRef]:
        """Aliases that match the whole of `text` (flags ignored)."""
        words = [fold(t.text) for t in word_spans(text)]
        if not words:
            return []
        return [ref for end, refs in self.walk(words, 0) if end == len(words) for ref in refs]


def _word_lang(word: str, alias_lang: str) -> str:
    """Stripping rules for one alias word: Kazakh letters decide, else the alias list's language."""
    guess = lang_of(word)
    if guess == "en" or alias_lang in ("en", "latin"):
        return "en"
    return "kk" if guess == "kk" else alias_lang


def _edge(node: Node, exact: set[str], stems: set[str]) -> Node:
    """The child for one alias word, shared by all of its forms. Keys are tried in sorted order, so the
    trie is the same in every process (set order changes with the string hash seed)."""
    existing = [node.exact.get(k) for k in sorted(exact)] + [node.stems.get(k) for k in sorted(stems)]
    child = next((c for c in existing if c is not None), None) or Node()
    for key in exact:
        node.exact.setdefault(key, child)
    for key in stems:
        node.stems.setdefault(key, child)
    node.__dict__.pop("_heads", None)  # `Node.may_have_stem` reads the stems anew
    return child


def _ref(name: str, entry: dict[str, Any], lang: str, text: str, flags: dict[str, Any]) -> AliasRef:
    not_after = tuple(fold(w) for w in flags.get("not_after", ()))
    return AliasRef(entry["id"], name, text, lang, bool(flags.get("case_sensitive")), flags.get("needs_context"),
                    not_after, bool(flags.get("singular")))


@lru_cache(maxsize=None)
def gazetteer_trie() -> Trie:
    """The trie of every alias of every gazetteer (canonical names are aliases too), loaded once
    (`resources/built/gazetteer_trie`, else built from the gazetteers)."""
    return built("gazetteer_trie", "trie", build_trie)


def built_tables() -> dict[str, object]:
    """What `resources/built/gazetteer_trie` holds (`scripts/build_lookups.py`)."""
    return {"trie": gazetteer_trie()}


def build_trie() -> Trie:
    """The trie of every alias of every gazetteer, built from `resources/`."""
    trie = Trie()
    entries = [(name, entry) for name in GAZETTEER_NAMES for entry in load_gazetteer(name)]
    for name, entry in entries + [("organizations", entry) for entry in body_entries()]:
        items = alias_items(entry)
        for lang, text, flags in items + list(latin_aliases(items)):
            trie.add(text, _ref(name, entry, lang, text, flags), flags.get("inflect", True))
    return trie
