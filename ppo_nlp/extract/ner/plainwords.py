"""spaCy's default tokenizer, the same tokens in about two thirds of the time.

For every whitespace-separated piece of text it has not cached, spaCy's tokenizer runs its prefix, suffix
and infix regexes (and its URL matcher) over and over as it peels punctuation off; on a stream of news
most pieces are new words, and those searches were a third of the NER's tokenizing time. Two changes,
neither of which alters a token:

- A plain word (only Latin, Cyrillic and Kazakh letters) matches none of the four: every prefix, suffix
  and infix alternative of the ru, kk and en defaults consumes a character that is not a letter, or
  needs a digit or a non-letter beside it (`(?<=[0-9])km`), and a URL needs a dot. `PlainSkip` answers
  "no match" for such a piece at once and asks the regex otherwise (tests/extract/ner/test_plainwords.py
  checks the claim on every letter, every pair of letters and every run of letters the patterns hold,
  and compares the tokens on text).
- spaCy stops caching pieces once its cache holds 10,000 of them (`max_cache_size`), after which every
  piece is split again at each sight; the cache is as large as the vocabulary bound here (`cache_size`),
  and it goes with the vocabulary when `NerModel` reloads the pipeline.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

# Letters of the three languages; `PlainSkip` is only exact for pieces made of these (see above).
PLAIN_WORD = re.compile(r"[A-Za-zЀ-џӘәҒғҚқҢңӨөҰұҮүҺһ]+")
SEARCHES = ("prefix_search", "suffix_search", "url_match")


class PlainSkip:
    """`search(piece)`: None for a plain word, else the wrapped regex method's answer. `pattern` is the
    regex's, so that spaCy can still serialize the tokenizer (it reads `search.__self__.pattern`)."""

    def __init__(self, method: Callable, empty: Optional[tuple] = None) -> None:
        self.method, self.empty = method, empty
        self.pattern = method.__self__.pattern
        self.plain = PLAIN_WORD.fullmatch

    def search(self, piece: str):
        return self.empty if self.plain(piece) else self.method(piece)


def speed_up(tokenizer, cache_size: int):
    """`tokenizer` (spaCy's `Tokenizer`) with the plain-word shortcut and a cache of `cache_size` pieces.

    Each search spaCy is given reloads its ~4,000 special cases; they are set aside while the searches
    change and loaded once after (a third of a second less per start for the three models)."""
    rules = dict(tokenizer.rules or {})
    tokenizer.rules = {}
    for name in SEARCHES:
        method = getattr(tokenizer, name)
        if method is not None and hasattr(method, "__self__"):
            setattr(tokenizer, name, PlainSkip(method).search)
    if getattr(tokenizer.infix_finditer, "__self__", None) is not None:
        tokenizer.infix_finditer = PlainSkip(tokenizer.infix_finditer, ()).search
    tokenizer.rules = rules
    tokenizer.max_cache_size = max(tokenizer.max_cache_size, cache_size)
    return tokenizer


def default_tokenizer(nlp, cache_size: int):
    """spaCy's default tokenizer of `nlp`'s language (`spacy.language.create_tokenizer`: the same defaults)
    through `speed_up`, its special cases loaded once, after the searches are in place."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    tokenizer = Tokenizer(
        nlp.vocab, rules=None,
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
        token_match=defaults.token_match, url_match=defaults.url_match)
    speed_up(tokenizer, cache_size)
    tokenizer.rules = defaults.tokenizer_exceptions
    return tokenizer
