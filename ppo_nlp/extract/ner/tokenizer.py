"""spaCy's rule-based `Tokenizer` (3.8) in Python, read from a saved model's `tokenizer` file: the same tokens.

The algorithm is `spacy/tokenizer.pyx`'s, step for step (its `explain` is spaCy's own Python mirror):

- the text is cut into runs of whitespace and of other characters; a single ' ' after a word only marks
  that word as followed by a space, any other whitespace becomes tokens of its own;
- each run is looked up in the special cases (the `exceptions`, orth -> tokens with their NORM), else in
  the cache, else prefixes and suffixes are peeled off (`_split_affixes`: a special case reached on the
  way stops the peeling) and what remains is kept whole (special case, cache, `token_match`,
  `url_match`) or cut on its infixes (`_attach_tokens`);
- special cases whose text holds an affix, an infix or a space are also found across tokens afterwards
  (spaCy's PhraseMatcher over the token texts, `_apply_special_cases`): longest first, then leftmost.

Two things are kept from `plainwords`: a run of only letters needs no regex (the patterns of the three
languages cannot split one, nor the letters left once a run's affixes are peeled off), and runs are
cached (at most `cache_size`; it starts again when full).
spaCy leaves in its cache what the last special case loaded put there (`add_special_case` tokenizes it
without special cases for the matcher); `stale` keeps those entries too, since spaCy reads them.
scripts/check_ner_runtime.py and tests/extract/ner/test_tokenizer.py compare the tokens with spaCy's.
"""
from __future__ import annotations

import re
from itertools import accumulate, compress, count
from operator import add
from pathlib import Path
from typing import Callable, NamedTuple, Optional

import msgpack

from ppo_nlp.extract.ner.endsearch import end_search
from ppo_nlp.extract.ner.plainwords import PLAIN_WORD

ORTH, NORM = 65, 67  # spaCy's attribute ids in the saved exceptions
RUNS = re.compile(r"\s+|\S+")  # `\s` is str.isspace's set (Py_UNICODE_ISSPACE), as in spaCy's loop
# The runs of `RUNS` read as spaCy's loop reads them: a run of other characters with the one space after it
# that marks it as followed by a space (the rest of the whitespace, if any, comes next), or a run of
# whitespace: at the start of the text, or after a run not followed by a space (then it holds no leading
# space: the space pattern took it). Each run is one look-up, and no look-up is needed for the single spaces.
WORD_RUNS = re.compile(r"(\S+)( ?)|(\s+)")
CACHE_SIZE = 50_000

Piece = tuple  # ((orth, norm or None), ...): tokens while a run is cut
Flat = tuple  # ((orth, ...), (norm, ...), (False, ...)): the tokens of a run as cached


class Tokens(NamedTuple):
    """The tokens of a text: texts, norms (a special case's, else the word's own by the tokenizer's `norm`,
    else None), trailing-space flags."""

    orths: list[str]
    norms: list[Optional[str]]
    spaces: list[bool]

    def offsets(self) -> list[int]:
        """Character offset of every token (spaCy's `Token.idx`)."""
        return list(accumulate(map(add, map(len, self.orths), self.spaces), initial=0))[:len(self.orths)]


NOT_SPACED = (False,)  # the spaces flags of a one-token run


def _compiled(pattern: Optional[str], method: str):
    return getattr(re.compile(pattern), method) if isinstance(pattern, str) else None


def _flat(tokens: Piece, norm: Optional[Callable[[str], str]]) -> Flat:
    """A run's tokens as the three tuples it adds to `Tokens`, the norm of every token filled in."""
    orths = tuple([orth for orth, _ in tokens])
    if norm is None:
        return orths, tuple([n for _, n in tokens]), (False,) * len(orths)
    return orths, tuple([norm(o) if n is None else n for o, n in tokens]), (False,) * len(orths)


class Tokenizer:
    """`tokenizer(text) -> Tokens`, spaCy's tokens for the saved tokenizer settings; `norm` gives the NORM
    of a word without a special case's (None: leave those norms None)."""

    def __init__(self, data: dict, cache_size: int = CACHE_SIZE,
                 norm: Optional[Callable[[str], str]] = None) -> None:
        self.prefix_search = _compiled(data.get("prefix_search"), "search")
        suffixes = data.get("suffix_search")  # searched near the end only: `endsearch`
        self.suffix_search = end_search(re.compile(suffixes)) if isinstance(suffixes, str) else None
        self.infix_finditer = _compiled(data.get("infix_finditer"), "finditer")
        self.token_match = _compiled(data.get("token_match"), "match")
        self.url_match = _compiled(data.get("url_match"), "match")
        self.faster_heuristics = data.get("faster_heuristics", True)
        self.norm = norm
        self.rules: dict[str, Flat] = {
            chunk: _flat(tuple((tok[ORTH], tok.get(NORM)) for tok in tokens), norm)
            for chunk, tokens in (data.get("exceptions") or {}).items()}
        self.cache: dict[str, Flat] = {}
        self.cache_size = cache_size
        self.stale: dict[str, Flat] = {}
        self.patterns: dict[str, list[tuple[str, ...]]] = {}
        self._load_matcher()
        self.known = self._known()

    def _known(self) -> dict[str, Flat]:
        """The special cases, the stale entries and the cache in one dict, in the order they are asked (a
        special case first, then a stale entry, then the cache): one look-up per run."""
        return {**self.cache, **self.stale, **self.rules}

    @classmethod
    def from_file(cls, path: Path, cache_size: int = CACHE_SIZE,
                  norm: Optional[Callable[[str], str]] = None) -> Tokenizer:
        """The tokenizer saved by spaCy at `path` (a msgpack map of patterns and exceptions)."""
        data = msgpack.unpackb(Path(path).read_bytes(), raw=False, strict_map_key=False)
        return cls(data, cache_size, norm)

    def _load_matcher(self) -> None:
        """The special cases spaCy's matcher holds (`add_special_case`), as token texts by first text, and
        the cache spaCy is left with: what tokenizing the last of them (in sorted order) stored."""
        for chunk in sorted(self.rules):
            self.stale = {}
            if not self.faster_heuristics or self.find_prefix(chunk) or self.find_infix(chunk) \
                    or self.find_suffix(chunk) or " " in chunk:
                orths = tuple(self._tokenize_runs(chunk, False, self.stale)[0])
                self.patterns.setdefault(orths[0], []).append(orths)
        self.cache = {}

    def find_prefix(self, text: str) -> int:
        match = self.prefix_search(text) if self.prefix_search is not None else None
        return match.end() - match.start() if match is not None else 0

    def find_suffix(self, text: str) -> int:
        match = self.suffix_search(text) if self.suffix_search is not None else None
        return match.end() - match.start() if match is not None else 0

    def find_infix(self, text: str) -> list:
        return list(self.infix_finditer(text)) if self.infix_finditer is not None else []

    def __call__(self, text: str) -> Tokens:
        orths, norms, spaces = self._tokenize_runs(text, True, None)
        if self.patterns and not self.patterns.keys().isdisjoint(orths):
            orths, norms, spaces = self._apply_special_cases(orths, norms, spaces)
        return Tokens(orths, norms, spaces)

    def _tokenize_runs(self, text: str, specials: bool, store: Optional[dict]) -> tuple[list, list, list]:
        """spaCy's `_tokenize_affixes`: every run of the text through `_run`, with the spaces flags."""
        orths: list[str] = []
        norms: list[Optional[str]] = []
        spaces: list[bool] = []
        known = self.known if specials else {**self.cache, **self.stale}
        lookup, add_orths, add_norms, add_spaces = known.get, orths.extend, norms.extend, spaces.extend
        for word, space, blank in WORD_RUNS.findall(text):
            run = word or blank
            flat = lookup(run) or self._run(run, specials, store, known)
            add_orths(flat[0])
            add_norms(flat[1])
            add_spaces(flat[2])
            if space:  # one space after a word: the word's trailing space
                spaces[-1] = True
        return orths, norms, spaces

    def _run(self, run: str, specials: bool, store: Optional[dict], known: dict) -> Flat:
        """The tokens of a run of whitespace or of other characters that is neither special nor cached;
        `known` is the look-up it missed, which learns it too."""
        if self.token_match is None and PLAIN_WORD.fullmatch(run):  # one token, its own norm
            flat = (run,), (None if self.norm is None else self.norm(run),), NOT_SPACED
        else:
            prefixes, middle, suffixes = self._split_affixes(run, specials)
            flat = _flat((*prefixes, *self._attach(middle, specials), *reversed(suffixes)), self.norm)
        self._store(run, flat, store, known)
        return flat

    def _store(self, run: str, tokens: Flat, store: Optional[dict], known: dict) -> None:
        """Keep `tokens` in the cache (the given one, or the tokenizer's bounded one) and in `known`."""
        if store is not None:
            store[run] = tokens
            known[run] = tokens
            return
        if len(self.cache) >= self.cache_size:
            self.cache = {}
            known.clear()
            known.update(self._known() if known is self.known else {**self.stale})
        self.cache[run] = tokens
        known[run] = tokens

    def _split_affixes(self, text: str, specials: bool) -> tuple[list, str, list]:
        """spaCy's `_split_affixes`: (prefix tokens, the middle, suffix tokens innermost last)."""
        prefixes: list = []
        suffixes: list = []
        last_size = -1
        while text and len(text) != last_size:
            if self.token_match is not None and self.token_match(text):
                break
            if specials and text in self.rules:
                break
            if self.token_match is None and PLAIN_WORD.fullmatch(text):  # no prefix nor suffix (as in `_run`)
                break
            last_size = len(text)
            pre_len = self.find_prefix(text)
            if pre_len and specials and text[pre_len:] in self.rules:
                prefixes.append((text[:pre_len], None))
                return prefixes, text[pre_len:], suffixes
            suf_len = self.find_suffix(text[pre_len:])
            if suf_len and specials and text[:-suf_len] in self.rules:
                suffixes.append((text[-suf_len:], None))
                return prefixes, text[:-suf_len], suffixes
            if pre_len and suf_len and pre_len + suf_len <= len(text):
                prefixes.append((text[:pre_len], None))
                suffixes.append((text[-suf_len:], None))
                text = text[pre_len:-suf_len]
            elif pre_len:
                prefixes.append((text[:pre_len], None))
                text = text[pre_len:]
            elif suf_len:
                suffixes.append((text[-suf_len:], None))
                text = text[:-suf_len]
        return prefixes, text, suffixes

    def _attach(self, text: str, specials: bool) -> Piece:
        """spaCy's `_attach_tokens` for the middle: kept whole, or cut on its infixes."""
        if not text:
            return ()
        found = (specials and self.rules.get(text)) or self.stale.get(text) or self.cache.get(text)
        if found:
            return tuple(zip(found[0], found[1]))
        if self.token_match is None and PLAIN_WORD.fullmatch(text):  # kept whole either way: no URL, no infix
            return ((text, None),)
        if (self.token_match is not None and self.token_match(text)) or \
                (self.url_match is not None and self.url_match(text)):
            return ((text, None),)
        return self._infix_split(text)

    def _infix_split(self, text: str) -> Piece:
        """The middle cut before and after each infix (an infix at its very start is skipped)."""
        tokens: list = []
        start = 0
        for match in self.find_infix(text):
            infix_start, infix_end = match.start(), match.end()
            if infix_start == 0:
                continue
            if infix_start != start:
                tokens.append((text[start:infix_start], None))
            if infix_start != infix_end:
                tokens.append((text[infix_start:infix_end], None))
            start = infix_end
        if start < len(text):
            tokens.append((text[start:], None))
        return tuple(tokens)

    def _matches(self, orths: list[str]) -> list[tuple[int, int]]:
        """(start, end) token spans whose texts are a matcher pattern's."""
        found = []
        patterns = self.patterns
        for i in compress(count(), map(patterns.__contains__, orths)):  # the tokens that start a pattern
            for pattern in patterns[orths[i]]:
                if tuple(orths[i:i + len(pattern)]) == pattern:
                    found.append((i, i + len(pattern)))
        return found

    def _apply_special_cases(self, orths: list, norms: list, spaces: list) -> tuple[list, list, list]:
        """spaCy's `_apply_special_cases`: matched spans, longest then leftmost, none sharing its first or last
        token with a span seen before, replaced by their special case when their text is one."""
        seen: set[int] = set()
        kept = []
        for start, end in sorted(set(self._matches(orths)), key=lambda s: (s[0] - s[1], s[0])):
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        out: tuple[list, list, list] = ([], [], [])
        at = 0
        for start, end in sorted(kept):
            text = "".join(o + " " * s for o, s in zip(orths[start:end - 1], spaces[start:end - 1])) + orths[end - 1]
            rule = self.rules.get(text)
            if rule is None:
                continue
            _extend(out, orths[at:start], norms[at:start], spaces[at:start])
            _extend(out, rule[0], rule[1], rule[2][:-1] + (spaces[end - 1],))
            at = end
        _extend(out, orths[at:], norms[at:], spaces[at:])
        return out


def _extend(out: tuple[list, list, list], orths: list, norms: list, spaces: list) -> None:
    out[0].extend(orths)
    out[1].extend(norms)
    out[2].extend(spaces)
