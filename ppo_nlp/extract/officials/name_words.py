"""Word-level tests of the name finder (`persons.py`), each cached by word: capitalisation, dictionary words,
first-name and surname shapes, position words, district adjectives."""
from __future__ import annotations

import re

from ppo_nlp.cache import word_cache
from ppo_nlp.extract.officials.en_names import en_function_words
from ppo_nlp.extract.officials.lexicon import en_heads, en_not_name_words, honorifics, is_short_body, kk_heads, ru_heads, ru_key
from ppo_nlp.normalize import places
from ppo_nlp.normalize.morph import oblique_name_of_noun
from ppo_nlp.normalize.names import (MAX_NAME_LEN, is_first_name, is_first_name_form, is_latin_first_name,
                                     is_surname_shape, parses, ru_surname_base, strip_kk_case)
from ppo_nlp.text import fold

PLACE_ADJECTIVE = re.compile(r"ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое)$")


@word_cache(8 << 20)
def is_cap(word: str) -> bool:
    """A capitalised word or an ALL CAPS word of three letters or more."""
    if len(word) < 2 or len(word) > MAX_NAME_LEN or not word[0].isupper() or not word[0].isalpha():
        return False
    if word.isupper():
        return len(word) >= 3
    if "-" not in word and "'" not in word and "’" not in word:  # most words: one part, its first letter checked
        return word[1:].islower()
    parts = word.replace("’", "-").replace("'", "-").split("-")  # «О’Рейли»: each part capitalised
    return all(part[:1].isupper() and (part[1:].islower() or len(part) == 1) for part in parts if part)


@word_cache(4 << 20)
def is_position_word(word: str, lang: str) -> bool:
    if lang == "kk":
        return fold(word) in kk_heads()
    if lang == "en":
        return word.lower() in en_heads()
    return ru_key(word) in ru_heads() or fold(word) in kk_heads()


@word_cache(4 << 20)
def is_common_word(word: str, lang: str) -> bool:
    """A Russian dictionary word that is not a name (Kazakh and English rely on the lists only)."""
    if lang != "ru" or is_first_name(word):
        return False
    if word.isupper():
        return not is_surname_shape(word)  # acronyms: ППО, РК
    if latin_word(word):
        return False
    readings = parses(word)
    if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in readings) and not noun_not_name(word):
        return False
    return any(len(p.methods_stack) == 1 and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
               for p in readings)


@word_cache(1 << 20)  # asked of every known first name before a surname
def noun_not_name(word: str) -> bool:
    """A Russian common noun whose only name readings are oblique cases of a rare first name («Герой»)."""
    readings = parses(word)
    names = [p for p in readings if "Name" in p.tag.grammemes]
    return bool(names) and not any({"Surn", "Patr"} & p.tag.grammemes for p in readings) and \
        oblique_name_of_noun(readings, names)


@word_cache(8 << 20)
def nameable_word(word: str, lang: str) -> bool:
    if not is_cap(word):  # the cheap test first
        return False
    if (lang == "en" or word.isascii()) and (word.lower() in en_not_name_words() or word.lower() in en_function_words()):
        return False  # «Dostyk Avenue», «Abai Prize», a headline's «To», in Latin letters in a Cyrillic text too
    if lang != "en" and is_short_body(word):
        return False  # «членом Совфеда»: a state body's short name
    return not is_position_word(word, lang) and fold(word) not in honorifics()


@word_cache(4 << 20)
def first_name_like_word(word: str, lang: str) -> bool:
    if is_first_name(word):
        return True
    if lang == "en":
        return is_latin_first_name(word)
    if lang == "ru":
        return is_first_name_form(word) or not latin_word(word) and any(
            "Name" in p.tag.grammemes and len(p.methods_stack) == 1 for p in parses(word))
    return False


def surname_like_word(word: str, lang: str, strong: bool) -> bool:
    return _strong_surname_like(word, lang) if strong else _surname_like(word, lang)


# Two word caches, not one cache of three arguments: a call is one C look-up, a miss stores no size estimate.
@word_cache(2 << 20)
def _strong_surname_like(word: str, lang: str) -> bool:
    return _surname_like_word(word, lang, True)


@word_cache(2 << 20)
def _surname_like(word: str, lang: str) -> bool:
    return _surname_like_word(word, lang, False)


def _surname_like_word(word: str, lang: str, strong: bool) -> bool:
    base = strip_kk_case(word) if lang == "kk" else word
    if is_surname_shape(base, strong) or (lang == "ru" and is_surname_shape(ru_surname_base(word), strong)):
        return True
    return lang == "ru" and not latin_word(word) and any("Surn" in p.tag.grammemes for p in parses(word))


def latin_word(word: str) -> bool:
    """A word of Latin letters alone: pymorphy3 reads it as LATN (or a Roman number) and nothing else, as no
    word of its dictionary lacks a Cyrillic letter; no name, surname or dictionary reading to look for."""
    return word.isascii() and word.isalpha()


@word_cache(2 << 20)
def place_adjective(word: str) -> bool:
    """«Алгинского», «Алматинский»: a Russian adjective that names a district or a region."""
    low = word.lower()
    if not PLACE_ADJECTIVE.search(low):
        return False
    return bool(places.lookup(word + " района", "ru") or places.lookup(word + " области", "ru"))
