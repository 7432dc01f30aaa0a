"""Stable ids: a readable ASCII slug from any text (Cyrillic, Kazakh, Latin).

>>> slug("«Қарызсыз қоғам»")
'qaryzsyz_qogam'
>>> slug("Nur Otan")
'nur_otan'
"""
from __future__ import annotations

import hashlib
import unicodedata

import regex

_TABLE = str.maketrans({
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "",
    "э": "e", "ю": "iu", "я": "ia",
})
_NON_SLUG = regex.compile(r"[^a-z0-9]+")


def slug(text: str, max_len: int = 60) -> str:
    """Lower-case ASCII words joined by `_`; a short hash when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_TABLE))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    out = _NON_SLUG.sub("_", ascii_text).strip("_")[:max_len].strip("_")
    return out or hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
