"""Languages other than ru/kk/en: letter evidence first, then a seeded langdetect to name the language.

The model only knows ru, kk and en, so it cannot say "none of them". These gates run before it trusts
the model: another script, letters that ru/kk/en never use (Ukrainian ї є ґ, Serbian ђ ћ, Tatar җ ...),
the Kyrgyz/Mongolian pattern (ң ө ү without ә ғ қ ұ һ і), Cyrillic text without ы э ё that langdetect
calls Ukrainian/Bulgarian/Macedonian, Uzbek Latin (oʻ gʻ) and Latin text that does not look English.
langdetect runs with its own factory and seed 0, so answers are deterministic; it is loaded lazily.
"""
from __future__ import annotations

import re
import threading
from typing import Optional

import regex

from ppo_nlp.cache import bounded_cache
from ppo_nlp.doc import LangResult
from ppo_nlp.lang.features import latin_extra
from ppo_nlp.lang.profiles import load_factory

KK_ONLY = frozenset("әғқұһі")  # Kazakh letters that Kyrgyz and Mongolian Cyrillic lack
KY_MN = frozenset("ңөү")
RU_MARKS = frozenset("ыэё")
# Letters that ru, kk and en never use, with the language they point to.
FOREIGN_CYRILLIC = {
    "ї": "uk", "є": "uk", "ґ": "uk", "ў": "be", "ђ": "sr", "ћ": "sr", "ј": "sr", "љ": "sr", "њ": "sr",
    "џ": "sr", "ѓ": "mk", "ќ": "mk", "ѕ": "mk", "җ": "tt", "ҡ": "ba", "ҙ": "ba", "ҫ": "ba", "ӣ": "tg",
    "ӯ": "tg", "ҷ": "tg", "ҳ": "tg", "ӑ": "cv", "ӗ": "cv", "ӳ": "cv",
}
FOREIGN_LETTERS = frozenset(FOREIGN_CYRILLIC)
CYRILLIC_SUSPECTS = FOREIGN_LETTERS | KY_MN | {"і", "ъ"}  # any gate needs one of these
KK_NOT_I = KK_ONLY - {"і"}
NO_RU_MARKS = frozenset({"uk", "sr", "mk"})  # languages that never write ы э ё
LANGDETECT_CYRILLIC = frozenset({"uk", "bg", "mk"})
# Frequent English function words; a long lower-case run of words with none of them is not English.
ENGLISH_WORDS = frozenset(
    "the of to and is are was were be been for that with by at as it this from or not have has had he she "
    "they we you his her their its our would can said but which who all a an in on i will up out after over "
    "more than also about into new one two".split())
_UZ_LATIN = regex.compile(r"[oOgG][ʻ‘]\p{L}")
_UZ_LATIN_LOOSE = regex.compile(r"(?<=\p{L})[og][ʻ‘'’`]\p{L}")  # word-internal, as in bo'lgan
_KK_2017 = regex.compile(r"[anscyui]['’`]", regex.IGNORECASE)  # Kazakh 2017: a' n' s' ...
_LONG_VOWEL = regex.compile(r"аа|оо|өө|үү|ээ|уу|ыы")
_PUNCT = ".,;:!?\"'()[]«»“”‘’-–—…"
_lock = threading.Lock()
_factory = None


class Letters:
    """What the gates need to know about the letters of a text (the costlier parts computed on demand)."""

    def __init__(self, text: str, latin: int, cyrillic: int, other: int) -> None:
        self.text, self.latin, self.cyrillic, self.other = text, latin, cyrillic, other
        self.total = latin + cyrillic + other
        self._lower: Optional[str] = None  # computed on first use (plain attributes: cached_property locks)
        self._chars: Optional[frozenset] = None
        self._latin_extra: Optional[int] = None

    @property
    def lower(self) -> str:
        """The lower-cased text."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def chars(self) -> frozenset:
        """The distinct lower-cased characters."""
        if self._chars is None:
            self._chars = frozenset(self.lower)
        return self._chars

    def has_any(self, alphabet: frozenset) -> bool:
        """`chars & alphabet` is not empty: one C-level scan of the lower-cased text for a character class of
        `alphabet` (exact code points) is far cheaper than the set of a long text's characters."""
        if self._chars is not None:
            return not self._chars.isdisjoint(alphabet)
        pattern = _class_re(alphabet)
        if pattern is None:  # not a set of single characters: each piece looked for
            return any(piece in self.lower for piece in alphabet)
        return pattern.search(self.lower) is not None

    @property
    def latin_extra(self) -> int:
        """Latin letters outside a-z."""
        if self._latin_extra is None:
            self._latin_extra = latin_extra(self.text)
        return self._latin_extra


_CLASS_RES: dict[frozenset, Optional[re.Pattern]] = {}  # a character class per alphabet `has_any` is asked about


def _class_re(alphabet: frozenset) -> Optional[re.Pattern]:
    """The standard `re` class of the characters of `alphabet` (exact code points: no case rules); None when
    `alphabet` holds something other than single characters."""
    if alphabet not in _CLASS_RES:
        chars = all(isinstance(ch, str) and len(ch) == 1 for ch in alphabet) and alphabet
        _CLASS_RES[alphabet] = re.compile("[" + "".join(map(re.escape, sorted(alphabet))) + "]") if chars else None
    return _CLASS_RES[alphabet]


@bounded_cache(4 << 20, maxsize=256)  # seeded, so the same text always gets the same answer
def langdetect_best(text: str) -> Optional[LangResult]:
    """langdetect's best language (seed 0), `zh-cn`/`zh-tw` folded to `zh`; None when it cannot tell."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.seed = 0
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    return LangResult(best.lang.split("-")[0], round(float(best.prob), 4))


def load_profiles() -> None:
    """Load langdetect's language profiles now (`Pipeline.warm`), not inside the first foreign passage."""
    _detector_factory()


def _detector_factory():
    """A private langdetect factory (its profiles load once, on first use, their n-gram map lazily)."""
    global _factory
    with _lock:
        if _factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY

            _factory = load_factory(PROFILES_DIRECTORY)
    return _factory


def other_script(text: str, letters: Letters) -> Optional[LangResult]:
    """Text mostly in a script that is neither Latin nor Cyrillic: langdetect names it."""
    if letters.other <= max(letters.latin, letters.cyrillic):
        return None
    return langdetect_best(text) or LangResult("und", 0.0)


def foreign_cyrillic(text: str, letters: Letters) -> Optional[LangResult]:
    """Cyrillic text in another language, or None when it may be ru or kk."""
    if not letters.has_any(CYRILLIC_SUSPECTS):  # most Russian text: no need for the set of its characters
        return None
    return _marked_cyrillic(text, letters) or _kyrgyz_like(text, letters) or _east_slavic_bulgarian(text, letters)


def _marked_cyrillic(text: str, letters: Letters) -> Optional[LangResult]:
    """Letters ru/kk never use: enough of them name the language (langdetect picks among uk/bg/mk)."""
    if not letters.has_any(FOREIGN_LETTERS):  # most texts: no need for the set of their characters
        return None
    marks = sorted({FOREIGN_CYRILLIC[ch] for ch in letters.chars if ch in FOREIGN_CYRILLIC})
    if not marks or (letters.chars & RU_MARKS and set(marks) <= NO_RU_MARKS):
        return None  # a Russian text quoting a Ukrainian, Serbian or Macedonian name
    found = _count(letters, FOREIGN_CYRILLIC)
    if found < (1 if letters.cyrillic < 60 else max(2, letters.cyrillic // 250)):
        return None
    guess = langdetect_best(text)
    if guess and guess.lang in marks:
        return guess
    if marks == ["be"] and "і" not in letters.chars:
        return LangResult("uz", 0.8)  # ў without і: Uzbek Cyrillic
    return LangResult(marks[0], 0.8)


def _kyrgyz_like(text: str, letters: Letters) -> Optional[LangResult]:
    """Many ң ө ү or long vowels (аа үү ...) without ә ғ қ ұ һ і: Kyrgyz, or Mongolian (ээ, no ң)."""
    if letters.cyrillic < 30 or letters.has_any(KK_ONLY) or not letters.has_any(KY_MN):
        return None
    found = _count(letters, KY_MN)
    if found < 3 or not (_LONG_VOWEL.search(letters.lower) or (found >= 5 and found >= 0.08 * letters.cyrillic)):
        return None
    mongolian = "ң" not in letters.lower and "ээ" in letters.lower
    return LangResult("mn" if mongolian else "ky", 0.8)


def _east_slavic_bulgarian(text: str, letters: Letters) -> Optional[LangResult]:
    """No ы э ё but і (Ukrainian) or several ъ (Bulgarian): langdetect decides among uk/bg/mk."""
    if letters.cyrillic < 20 or letters.has_any(RU_MARKS) or letters.has_any(KK_NOT_I) or letters.has_any(KY_MN):
        return None
    if "і" not in letters.lower and _count(letters, "ъ") < 2:
        return None
    guess = langdetect_best(text)
    if guess and guess.lang in LANGDETECT_CYRILLIC and guess.score >= 0.9:
        return guess
    return None


def uzbek_latin(text: str) -> Optional[LangResult]:
    """Uzbek by its oʻ gʻ; o' g' typed with a plain apostrophe count only when outnumbering Kazakh 2017's
    other apostrophe letters (a' i' n' s' c' u' y': mäslihat is ma's'li'hat), which Uzbek rarely writes."""
    if text.isascii() and "'" not in text and "`" not in text:
        return None
    if _UZ_LATIN.search(text):
        return LangResult("uz", 0.8)
    loose = len(_UZ_LATIN_LOOSE.findall(text))
    if loose >= 2 and loose > len(_KK_2017.findall(text)):
        return LangResult("uz", 0.8)
    return None


def foreign_latin(text: str, letters: Letters) -> Optional[LangResult]:
    """Latin text that is not English (Uzbek, German, Turkish ...), or None when it may be English."""
    uzbek = uzbek_latin(text)
    if uzbek is not None:
        return uzbek
    if text.count(" ") < 3:
        return None
    if letters.latin_extra == 0 and _any_english_word(text):
        return None  # neither accents nor too few function words: the test below needs every word
    lower_words = [w.strip(_PUNCT) for w in text.split() if w[:1].islower()]  # capitalized words: often names
    if len(lower_words) < 4:
        return None
    english = sum(w in ENGLISH_WORDS for w in lower_words)
    accents = letters.latin_extra >= 2 and letters.latin_extra >= 0.015 * letters.latin
    accents &= english < 0.2 * len(lower_words)
    few_function_words = letters.latin_extra >= 1
    few_function_words &= len(lower_words) >= 6 and english * 8 < len(lower_words)
    no_function_words = len(lower_words) >= 8 and not english
    if not (accents or few_function_words or no_function_words):
        return None
    guess = langdetect_best(text)
    if guess and guess.lang != "en" and guess.score >= 0.9:
        return guess
    return None


def _any_english_word(text: str) -> bool:
    """A lower-case word of `text` is an English function word (stops at the first)."""
    return any(w[:1].islower() and w.strip(_PUNCT) in ENGLISH_WORDS for w in text.split())


def _count(letters: Letters, alphabet) -> int:
    """How many characters of the lower-cased text are in `alphabet`."""
    return sum(letters.lower.count(ch) for ch in alphabet)
