"""English name spans cleaned of what is not the name: a possessive ending («Nurlan Bekov's candidacy») and, in
a NER span, function words before the name («Under Bekov, …», a headline «Minister To Step Down»).

>>> without_possessive("Bekov’s"), without_possessive("Akhmetovs'"), without_possessive("O'Neil")
('Bekov', 'Akhmetovs', "O'Neil")
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ppo_nlp.normalize.names import is_first_name, is_latin_first_name, is_surname_shape
from ppo_nlp.resources import load_lines

POSSESSIVE = re.compile(r"(?<=[^\W\d_])(?:['’]s|s['’])$")


def without_possessive(word: str) -> str:
    """A Latin word without an English possessive ending ('s, ’s; s' keeps its s)."""
    if not word.isascii() and "’" not in word:
        return word
    return POSSESSIVE.sub(lambda m: "s" if m.group(0)[0] == "s" else "", word)


@lru_cache(maxsize=1)
def en_function_words() -> frozenset[str]:
    return load_lines("names/en_function_words.txt")


def clean_en_spans(ctx, spans: list) -> list:
    """`clean_en_span` of each span, the dropped ones left out."""
    return [c for c in (clean_en_span(ctx, s) for s in spans) if c is not None]


def clean_en_span(ctx, span):
    """The span with its last word's possessive dropped and without leading function words (a NER span's);
    None when a lone word that is neither a first name nor a surname shape is left («To Give»)."""
    if ctx.langs[span.start] != "en":
        return span
    words = span.words[:-1] + [without_possessive(span.words[-1])]
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in en_function_words():
        lead += 1
    if not lead:
        return replace(span, words=words) if words != span.words else span
    words = words[lead:]
    if len(words) == 1 and not _name_word(words[0]):
        return None
    start = next(k for k in range(span.start, span.end) if ctx.tokens[k].text == words[0] or
                 k + 1 == span.end)
    return replace(span, start=start, words=words, kind="full" if len(words) > 1 else "surname")


def _name_word(word: str) -> bool:
    return is_first_name(word) or is_latin_first_name(word) or is_surname_shape(word, True)
