"""Spelling-blind keys for person names: one key for «Жакупов», «Жақыпов», «Zhakupov», «Zhaqypov».

A key is a lower-case ASCII string: consonants folded to one letter per sound (қ/к/q -> k, ғ/г/gh -> g,
х/һ/kh/h -> h, ж/zh/j -> j), vowels folded to four classes (a: а ә я; e: е э ё и і й; o: о ө; u: у ұ ү ы ю),
repeated letters collapsed, the «y» Latin writers put before an initial e (Yerlan) dropped. The key keeps
the last letter, so a feminine surname (Серикова) never has the key of the masculine one (Сериков).

>>> person_key("Ерлан Жақыпов") == person_key("Yerlan Zhakupov") == person_key("Ерлан Жакупов")
True
>>> word_key("Серикова") == word_key("Сериков")
False
>>> person_id("Жақыпов Ерлан Сапарұлы"), person_id("Е. Жакупов"), person_id("Жакупов")
('person:erlan_jakupov', 'person:e_jakupov', 'person:jakupov')

`person_id` is the id of a person in records and in the knowledge base alike: it depends on that
person's own name only (first name and surname; an initial when no first name is given).
"""
from __future__ import annotations

import re
import unicodedata
from itertools import groupby
from operator import itemgetter
from typing import Optional

from ppo_nlp.cache import bounded_cache, word_cache

_CYRILLIC = str.maketrans({
    "а": "a", "ә": "a", "я": "a", "е": "e", "э": "e", "ё": "e", "и": "e", "і": "e", "й": "e",
    "о": "o", "ө": "o", "у": "u", "ұ": "u", "ү": "u", "ы": "u", "ю": "u",
    "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "ж": "j", "з": "z", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "х": "h", "һ": "h",
    "ц": "c", "ч": "c", "ш": "x", "щ": "x", "ъ": "", "ь": "",
})
# Latin spellings, longest first: digraphs of the passport and Kazakh Latin tables, then single letters
_LATIN = (("shch", "x"), ("sh", "x"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ch", "c"), ("ts", "c"),
          ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"))
_LATIN_ONE = str.maketrans({"q": "k", "i": "e", "ı": "e", "y": "u", "ä": "a", "ö": "o", "ü": "u",
                            "ū": "u", "ğ": "g", "ñ": "n", "ş": "x", "ç": "c", "w": "v"})
_NON_LETTER = re.compile(r"[^a-z]")
_CYRILLIC_LETTER = re.compile(r"[а-яёәғқңөұүһі]")
_YI = re.compile(r"(?<=[аеоәө])й[ыі]")
PATRONYMIC = re.compile(r"(вич|вна|ұлы|қызы|uly|kyzy|qyzy|ovich|evich|ovna|evna)$", re.IGNORECASE)
_VOWELS = "aeou"


def _latin_key(word: str) -> str:
    word = word.replace("x", "ks").replace("ý", "u").replace("ı", "i")  # ý is у, ı is и in Kazakh Latin (2018)
    word = re.sub(r"^y(?=[eé])", "", word)  # Yerlan, Yesenov: the y is the sound of Cyrillic е
    word = re.sub(r"(?<=[aeo])y", "i", word)  # Aydar = Айдар: y after a, e, o is й (after u it is ы: Bauyrzhan)
    word = re.sub(r"(?<=i)y(?=e|[^aeiouy])", "", word)  # Aliyev = Алиев, Qusaiynov = Құсайынов (read as и)
    word = word.replace("iya", "ea")  # Daniyar = Данияр: и + я, not the я of Natalya
    for latin, key in _LATIN:
        word = word.replace(latin, key)
    return word.translate(_LATIN_ONE)


@word_cache(4 << 20, value_bytes=600)
def word_key(word: str) -> str:
    """The key of one name word (see the module doc)."""
    low = unicodedata.normalize("NFC", word.lower().strip(". "))
    if _CYRILLIC_LETTER.search(low):
        if "й" in low:
            low = _YI.sub("и", low)  # Құсайынов = Кусаинов
        low = low.translate(_CYRILLIC)
    else:
        low = _latin_key(low)
    low = _NON_LETTER.sub("", unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode())
    return "".join(map(itemgetter(0), groupby(low)))  # repeated letters collapsed


def person_key(name: str) -> str:
    """Keys of the words of a full name joined by `_`."""
    return "_".join(word_key(w) for w in split_words(name))


def split_words(name: str) -> list[str]:
    """Words of a name; initials keep their dot («Е.»), a hyphenated name stays one word."""
    return [w for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*\.?", name)]


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) <= 2 and (word.endswith(".") or len(word) == 1)


def initial_fits(initial: str, first_name: str) -> bool:
    """True when an initial («Е.», «Y.») can stand for a first name («Ерлан»)."""
    a, b = word_key(initial), word_key(first_name)
    if not a or not b:
        return False
    raw = first_name[:1].lower() == initial[:1].lower()
    return raw or b.startswith(a) or (a in ("u", "e") and b[0] in _VOWELS and initial[:1].lower() == "y")


def gender_of(name_words: list[str]) -> Optional[str]:
    """'m'/'f' from the surname ending or a known first name, else None."""
    from ppo_nlp.normalize.names import first_name_gender, surname_gender

    full = [w for w in name_words if not is_initial(w)]
    if not full:
        return None
    return surname_gender(full[-1]) or (first_name_gender(full[0]) if len(full) > 1 else None)


def name_parts(words: list[str]) -> tuple[Optional[str], str, Optional[str]]:
    """(first name, surname, initial) of a name's words; «Surname Name Patronymic» is recognised by the
    patronymic. The surname is empty when there is no full word."""
    full = [w for w in words if not is_initial(w)]
    if len(full) >= 3 and PATRONYMIC.search(full[-1]):
        full = [full[1], full[0]]
    if not full:
        return None, "", None
    if len(full) >= 2:
        return full[0], full[-1], None
    return None, full[-1], words[0] if is_initial(words[0]) else None


@bounded_cache(2 << 20)
def person_id(name: str) -> str:
    """`person:<first>_<surname>` keys (else `person:<initial>_<surname>`, else `person:<surname>`)."""
    first, surname, initial = name_parts(split_words(name))
    head = first or initial
    if not surname:
        return f"person:{'_'.join(word_key(w) for w in split_words(name))}"
    return f"person:{word_key(head)}_{word_key(surname)}" if head else f"person:{word_key(surname)}"
