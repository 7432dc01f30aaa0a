"""English project names written without quotes after a trigger word («the projects Taza Auyl, Jasyl El
and Bilim Bolashak», «a programme titled Together with People»).

English news drops the quotes that Russian and Kazakh put around a project's name. Right after a strong
trigger word of `patterns/project_triggers.tsv` (and an optional filler of `list_words.tsv`: titled, called),
a list of name runs is read: capitalised words, the lower-case link words of `list_words.tsv` (`en_link`:
with, of, the ...) between two of them, and a character lost in encoding inside a word («Kedergis?z»); runs
are separated by commas or «and». A run right before an English trigger of the other side («the Taza
Auyl project») is a name too, with the trigger when it is capitalised («the Youth Support Program»). A run the gazetteer already names is left to the gazetteer.

>>> doc = Document("d", "t", "They praised the projects Green Steppe, Clean Rivers and Bright Future.", lang="en")
>>> [e.text for e in extract_unquoted_projects(doc)]
['Green Steppe', 'Clean Rivers', 'Bright Future']
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.rules.quoted import list_words, project_entity, triggers
from ppo_nlp.text import Words

SOURCE = "rule:unquoted_project"
MAX_RUN = 6  # tokens of one name
MAX_LIST = 6  # names after one trigger
_SENTENCE_MARKS = frozenset(",.;:!()[]\"«»“”")


def _word_end(words: Words, k: int) -> int:
    """The token after the word at `k`, a character glued inside it included (Kedergis?z is one word)."""
    toks, m = words.tokens, k + 1
    while (m + 1 < len(toks) and toks[m].start == toks[m - 1].end and toks[m + 1].start == toks[m].end
           and not toks[m].text[0].isalnum() and toks[m].text not in _SENTENCE_MARKS
           and toks[m + 1].text[0].isalpha()):
        m += 2
    return m


def _capital(words: Words, k: int) -> bool:
    return k < len(words.tokens) and words.tokens[k].text[0].isupper()


def _run(words: Words, j: int) -> int:
    """The end of a name run starting at token `j` (`j` itself when none starts there)."""
    end, k, links = j, j, list_words("en_link")
    while _capital(words, k) and k - j < MAX_RUN:
        end = k = _word_end(words, k)
        if k < len(words.tokens) and words.folded[k] in links and _capital(words, k + 1):
            k += 1
    return end


def _run_before(words: Words, i: int) -> int:
    """The first token of a name run ending right before token `i` (`i` itself when none ends there)."""
    first, k, links = i, i - 1, list_words("en_link")
    while k >= 0 and _capital(words, k) and i - k <= MAX_RUN:
        first = k
        k -= 2 if k >= 2 and words.folded[k - 1] in links and _capital(words, k - 2) else 1
    if first < i and (first == 0 or words.tokens[first - 1].text in _SENTENCE_MARKS
                      or "\n" in words.text[words.tokens[first - 1].end:words.tokens[first].start]):
        return i  # a capital opening a sentence or a line may be its first word, not a name
    return first


def _names_after(words: Words, j: int) -> list[tuple[int, int]]:
    """(first, end) token spans of the list of names starting at token `j`."""
    out, seps = [], list_words("sep")
    if j < len(words.tokens) and words.folded[j] in list_words("filler"):
        j += 1
    while len(out) < MAX_LIST:
        end = _run(words, j)
        if end == j:
            break
        out.append((j, end))
        j = end
        while j < len(words.tokens) and words.folded[j] in seps and j - end < 2:
            j += 1
        if j == end:
            break
    return out


def _entity(doc: Document, words: Words, first: int, end: int) -> Optional[Entity]:
    start, stop = words.tokens[first].start, words.tokens[end - 1].end
    if any(e.start < stop and start < e.end for e in doc.found.get("gazetteer", [])):
        return None
    found = project_entity(doc, doc.text[start:stop], start, stop)
    return replace(found, source=SOURCE) if found is not None else None


def extract_unquoted_projects(doc: Document, words: Optional[Words] = None) -> list[Entity]:
    """PROJECT entities for unquoted name lists after English trigger words."""
    if doc.lang != "en" and all(s.lang != "en" for s in doc.segments):
        return []
    words = words or Words(doc.text)
    out: list[Entity] = []
    before, after = triggers("before"), triggers("after")
    for i, word in enumerate(words.folded):
        if word[:3] not in before.prefixes and word[:3] not in after.prefixes:
            continue  # the lexicons' own first test, made once for both
        strong_after = after.match(word) == "strong"
        if not (strong_after or before.match(word) == "strong") or not word.isascii() \
                or doc.lang_at(words.tokens[i].start) != "en":
            continue
        spans = _names_after(words, i + 1) if i + 1 < len(words.tokens) else []
        if strong_after and _run_before(words, i) < i:  # a capitalised trigger is the name's last word
            spans.append((_run_before(words, i), i + 1 if _capital(words, i) else i))
        for first, end in spans:
            found = _entity(doc, words, first, end)
            if found is not None:
                out.append(found)
    return out
