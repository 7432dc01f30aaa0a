"""Spelling-blind keys for person names: one key for «Жакупов», «Жақыпов», «Zhakupov», «Zhaqypov».

A key is a lower-case ASCII string: consonants folded to one letter per sound (қ/к/q -> k, ғ/г/gh -> g,
х/һ/kh/h -> h, ж/zh/j -> j), vowels folded to four classes (a: а ә я; e: е э ё и і й; o: о ө; u: у ұ ү ы ю),
repeated letters collapsed, the «y» Latin writers put before an initial e (Yerlan) dropped. The key keeps
the last letter, so a feminine surname (Серикова) never has the key of the masculine one (Сериков).

>>> person_key("Ерлан Жақыпов") == person_key("Yerlan Zhakupov") == person_key("Ерлан Жакупов")
True
>>> word_key("Серикова") == word_key("Сериков")
False
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from ppo_nlp.cache import bounded_cache

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
_VOWELS = "aeou"


def _latin_key(word: str) -> str:
    word = word.replace("x", "ks").replace("ý", "u").replace("ı", "i")  # ý is у, ı is и in Kazakh Latin (2018)
    word = re.sub(r"^y(?=[eé])", "", word)  # Yerlan, Yesenov: the y is the sound of Cyrillic е
    word = re.sub(r"(?<=[aeo])y", "i", word)  # Aydar = Айдар: y after a, e, o is й (after u it is ы: Bauyrzhan)
    for latin, key in _LATIN:
        word = word.replace(latin, key)
    return word.translate(_LATIN_ONE)


@bounded_cache(4 << 20)
def word_key(word: str) -> str:
    """The key of one name word (see the module doc)."""
    low = unicodedata.normalize("NFC", word.lower().strip(". "))
    if re.search(r"[а-яёәғқңөұүһі]", low):
        low = low.translate(_CYRILLIC)
    else:
        low = _latin_key(low)
    low = _NON_LETTER.sub("", unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode())
    return re.sub(r"(.)\1+", r"\1", low)


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
