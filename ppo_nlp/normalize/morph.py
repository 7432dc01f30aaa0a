"""One lazily created pymorphy3 analyzer and cached lookups on it."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from ppo_nlp.cache import bounded_cache, word_cache

MAX_WORD = 40  # longer "words" are not words; never hand them to the analyzer


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process-wide pymorphy3 MorphAnalyzer."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


PARSE_BYTES = 640  # approx_bytes of one pymorphy3 parse is ~520-570 (tests/normalize/test_morph.py checks)


@bounded_cache(16 << 20, sizeof=lambda found: 64 + PARSE_BYTES * len(found))  # not walked on every miss
def parses(word: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of a Russian word (empty for non-words)."""
    if not word or len(word) > MAX_WORD:
        return ()
    return tuple(analyzer().parse(word))


def lemma(word: str) -> str:
    """The most likely normal form of a Russian word."""
    found = parses(word.lower())
    return found[0].normal_form if found else word.lower()


def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 considers for a word."""
    return frozenset(p.normal_form for p in parses(word.lower()))


# Parts of speech that a one-word name never is (pymorphy3 tags): "Ключевая", "Сегодня", "Широкая".
COMMON_POS = frozenset({"ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB", "NPRO",
                        "PRED", "PREP", "CONJ", "PRCL", "INTJ", "NUMR"})
PERSON_TAGS = ("Name", "Surn", "Patr")
PROPER_TAGS = PERSON_TAGS + ("Geox", "Orgn", "Trad", "Abbr")
NOT_PLACE_TAGS = PERSON_TAGS + ("Orgn",)
# Checks below read `p.tag.grammemes` (a frozenset): `"Geox" in p.tag` also asks pymorphy3 whether the
# grammeme exists on every miss, several times per parse.


def known_parses(word: str) -> list[Any]:
    """Dictionary readings of a word (pymorphy3's guesses for unknown words left out)."""
    return list(_known_parses(word.lower()))


# The parses themselves live in the cache of `parses`; each is counted here too, as this cache may outlive it.
@bounded_cache(8 << 20, sizeof=lambda found: 64 + PARSE_BYTES * len(found))
def _known_parses(word: str) -> tuple[Any, ...]:
    """`known_parses` of a lower-case word, kept: several checks ask about the same word, and pymorphy3 looks
    each parse's word up in its dictionary again on every `is_known` (once per distinct word here)."""
    known: dict[str, bool] = {}
    out = []
    for p in parses(word):
        if p.word not in known:  # a dictionary parse's word is a dictionary word: no second look-up
            known[p.word] = from_dictionary(p) or p.is_known
        if known[p.word]:
            out.append(p)
    return tuple(out)


def from_dictionary(p: Any) -> bool:
    """Whether pymorphy3 read the parse from its dictionary alone (no guess, no prefix or hyphen rule)."""
    stack = p.methods_stack
    return len(stack) == 1 and type(stack[0][0]).__name__ == "DictionaryAnalyzer"


# pymorphy3 units whose parses build their lexeme from one dictionary paradigm and the parse's own word
# (a dictionary word; an unknown word read by the ending of known ones), by the class names of its methods.
PARADIGM_STACKS = frozenset({("DictionaryAnalyzer",), ("FakeDictionary", "KnownSuffixAnalyzer")})


def inflected_word(p: Any, required: frozenset[str]) -> Optional[str]:
    """`p.inflect(required).word`, or None where pymorphy3 has no such form. For a parse read by one
    paradigm the form is chosen once per paradigm, form and request (`_best_form`) and only its word is
    built, not the whole lexeme (tests/normalize/test_morph.py compares)."""
    stack = p.methods_stack
    if tuple(type(method[0]).__name__ for method in stack) not in PARADIGM_STACKS or not _paradigms_readable():
        form = p.inflect(set(required))
        return form.word if form else None
    _, _, para_id, idx = stack[0]
    best = _best_form(para_id, idx, required)
    if best is None:
        return None
    dictionary = analyzer().dictionary
    paradigm = dictionary.paradigms[para_id]
    stem = dictionary.build_stem(paradigm, idx, p.word)
    return dictionary.paradigm_prefixes[paradigm[len(paradigm) // 3 * 2 + best]] + stem + \
        dictionary.suffixes[paradigm[best]]


@lru_cache(maxsize=None)
def _paradigms_readable() -> bool:
    """Whether this pymorphy3 keeps its dictionary as `inflected_word` reads it (2.x does); else every
    inflection goes through `Parse.inflect`."""
    dictionary = analyzer().dictionary
    return all(hasattr(dictionary, name) for name in ("paradigms", "build_stem", "paradigm_prefixes", "suffixes",
                                                       "gramtab")) and hasattr(analyzer().TagClass, "fix_rare_cases")


@bounded_cache(1 << 20)
def _best_form(para_id: int, idx: int, required: frozenset[str]) -> Optional[int]:
    """The index of the form in paradigm `para_id` that pymorphy3's `inflect` picks for form `idx`: of the
    forms with every `required` grammeme (rare cases made common when none has), the first most similar."""
    dictionary = analyzer().dictionary  # a paradigm: suffix ids, tag ids, prefix ids (`build_paradigm_info`)
    paradigm, size = dictionary.paradigms[para_id], len(dictionary.paradigms[para_id]) // 3
    tags = [dictionary.gramtab[tag_id] for tag_id in paradigm[size:2 * size]]
    possible = [i for i, tag in enumerate(tags) if required <= tag.grammemes]
    if not possible:
        required = analyzer().TagClass.fix_rare_cases(required)
        possible = [i for i, tag in enumerate(tags) if required <= tag.grammemes]
    grammemes = tags[idx].updated_grammemes(required)
    return max(possible, key=lambda i: len(grammemes & tags[i].grammemes) - 0.1 * len(grammemes ^ tags[i].grammemes),
               default=None)


def common_word(word: str) -> bool:
    """A Russian word whose every reading is a common word of a part of speech names never have."""
    return _common_word(word.lower())


@word_cache(1 << 20)
def _common_word(word: str) -> bool:
    """`common_word` of a lower-case word, kept; a word the dictionary does not hold has no dictionary reading
    (tests/extract/ner/test_ner_ru.py checks), so it is not parsed here."""
    found = _known_parses(word) if analyzer().word_is_known(word) else ()
    return bool(found) and all(p.tag.POS in COMMON_POS and p.tag.grammemes.isdisjoint(PROPER_TAGS)
                               for p in found)


def has_tag(word: str, tags: tuple[str, ...]) -> bool:
    """Whether some dictionary reading of `word` carries one of `tags` (e.g. "Geox", "Name")."""
    return any(not p.tag.grammemes.isdisjoint(tags) for p in known_parses(word))


def only_place(word: str) -> bool:
    """Every dictionary reading of `word` is a place name (Geox): «Анкарой», «Беларусь», never «Орёл»."""
    found = known_parses(word)
    return bool(found) and all("Geox" in p.tag.grammemes and p.tag.grammemes.isdisjoint(NOT_PLACE_TAGS)
                               for p in found)


def is_adjective(word: str) -> bool:
    """Whether some dictionary reading of `word` is a full adjective («федеральном», «Турецкой»)."""
    return any(p.tag.POS == "ADJF" for p in known_parses(word))


def oblique_name_of_noun(readings, names) -> bool:
    """Every name reading (`names`) is an oblique case while the word is also a declinable common noun in
    the nominative: the noun is meant («Герой Советского Союза» is no instrumental of «Гера»; «Саше» stays
    the dative of «Саша», the noun «саше» does not decline)."""
    if any("nomn" in p.tag.grammemes for p in names):
        return False
    return any(p.tag.POS == "NOUN" and "nomn" in p.tag.grammemes and not {"Name", "Surn", "Patr", "Fixd"} & p.tag.grammemes
               for p in readings)


A_STEM_NOT_BEFORE_Y = frozenset("аеёиоуыэюяйьъгкхжшчщц")  # Russian writes -и, not -ы, after these (or no stem)


def a_stem_genitive(word: str) -> tuple[str, ...]:
    """The nominative of a foreign surname in -а read as a genitive in -ы (Маехары -> Маехара, Кейты -> Кейта),
    or nothing; its declension is a man's and a woman's alike, so it tells no gender."""
    low = word.lower()
    if len(low) < 5 or not low.endswith("ы") or low[-2] in A_STEM_NOT_BEFORE_Y or not low[-2].isalpha():
        return ()
    return (word[:-1] + ("А" if word.isupper() else "а"),)
