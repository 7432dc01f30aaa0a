"""One documented Cyrillic-to-Latin transliteration for person names (`Person.name_latin`).

The table is fixed and deterministic:

* Kazakh-only letters follow the Kazakh Latin alphabet of 2021 (Decree of the Government of Kazakhstan,
  2021 revision): ә→ä, ғ→ğ, қ→q, ң→ñ, ө→ö, ұ→ū, ү→ü, һ→h, і→ı.
* Letters shared with Russian follow the passport-style table of ICAO Doc 9303 (used in Kazakh and Russian
  passports since 2013): ж→zh, х→kh, ц→ts, ч→ch, ш→sh, щ→shch, ю→iu, я→ia, ы→y, й→i, е/ё/э→e, у→u, в→v;
  ъ and ь are dropped.

Case follows the source letter (a capital digraph is written `Zh` inside a title-case word and `ZH` inside
an all-caps word). Characters outside the table (Latin letters, digits, punctuation) pass through, so the
function is idempotent on Latin text and never raises.

Kazakh in each official Latin alphabet (2017, 2018, 2021, passport), the Latin forms of a name
(`latin_forms`) and Latin -> Cyrillic with an offset map (`to_cyrillic`) live in `kk_latin` and
`kk_cyrillic`, built on one table (`resources/translit/kk_latin.tsv`).

>>> to_latin("Жангүл Оразалиева")
'Zhangül Orazalieva'
>>> to_latin("Касым-Жомарт Токаев")
'Kasym-Zhomart Tokaev'
"""
from __future__ import annotations

import re

_LOWER: dict[str, str] = {
    # Kazakh Latin alphabet (2021) for the Kazakh-only letters
    "ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "һ": "h", "і": "ı",
    # ICAO Doc 9303 for the letters shared with Russian
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}


_UPPER: dict[str, str] = {c.upper(): v[:1].upper() + v[1:] for c, v in _LOWER.items()}


def _letter(text: str, i: int) -> str:
    """The Latin form of `text[i]`; an upper-case digraph is all caps between capitals (ЖАН → ZHAN)."""
    ch = text[i]
    low = _LOWER.get(ch)
    if low is not None:
        return low
    up = _UPPER.get(ch)
    if up is None:
        return ch
    if len(up) > 1 and _caps_around(text, i):
        return up.upper()
    return up


def _caps_around(text: str, i: int) -> bool:
    """True when a neighbouring character is an upper-case letter."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return before.isupper() or after.isupper()


# Every letter but a capital digraph (Ж → Zh or ZH) reads the same wherever it stands: one `str.translate`;
# the capital digraphs, which look at their neighbours in the Cyrillic text, are written first.
_TABLE = str.maketrans({**_UPPER, **_LOWER})
_UPPER_DIGRAPHS = re.compile("[" + "".join(sorted(c for c, v in _UPPER.items() if len(v) > 1)) + "]")


def _digraph(match: re.Match) -> str:
    return _letter(match.string, match.start())


def to_latin(text: str) -> str:
    """Transliterate Cyrillic (Russian and Kazakh) letters; everything else is kept as is."""
    if not isinstance(text, str):
        return ""
    return _UPPER_DIGRAPHS.sub(_digraph, text).translate(_TABLE)
