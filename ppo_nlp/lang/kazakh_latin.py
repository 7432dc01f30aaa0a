"""Kazakh written in a Latin alphabet, told apart from English, Turkish, Azerbaijani, Turkmen and Uzbek.

The model (trained on Kazakh sentences transliterated with every alphabet of `normalize.kk_latin`) says
whether Latin text is more Kazakh than English; letters then say whether it is Kazakh rather than another
Turkic language in Latin script:
- Kazakh marks: q (қ in every official alphabet), the 2018 acutes á ǵ ń ó ú ý, the 2021 ä ñ ū (ŋ ǧ in its
  drafts), and the
  2017 apostrophe letters (s' c' n' a' ...). ğ ş ö ü ç ı are not evidence: Turkish uses them too.
- other marks: ə (Azerbaijani), ň ž w (Turkmen), x and a bare c (Turkish, Azerbaijani, Uzbek: Kazakh
  Latin writes neither), oʻ gʻ, `va` (Uzbek), `ve ile bu için` (Turkish), words in y + vowel (Kazakh
  writes я ю ё with ı/i).
Kazakh needs the model's vote, marks that outnumber the others three to one, and, over 150 letters, a q
(Turkish and Turkmen have none). Text whose only evidence is q (informal), ı ş ğ ö ü, or nothing
(passport style) needs 15 letters, a confident model and no other marks at all; with ı ş ğ ö ü it
must also be under 60 letters and have no ç (Turkish letters; Kazakh writes ç only for ч in loans). 2017 apostrophes count only when dense enough to be
an alphabet rather than Uzbek's a' o' g'.

>>> kazakh_latin("Partııa tóraǵasy jıynalysqa qatysty.", 0.98).script
'Latn'
>>> kazakh_latin("Türkiye Cumhuriyeti bu yıl çok şey yaptı.", 0.7) is None
True
"""
from __future__ import annotations

from typing import Optional

import regex

from ppo_nlp.doc import LangResult

SCRIPT = "Latn"
MIN_MODEL = 0.5  # the model's P(kk) among kk and en, for text with Kazakh letters
MIN_MODEL_PLAIN = 0.9  # the same for text whose only evidence is q, or none (passport style)
LONG = 150  # letters from which Kazakh must show a q
MAX_SHARED_ONLY = 60  # Kazakh with ı ş ğ ö ü but none of its own letters is short; Turkish is not
MIN_PLAIN_LETTERS = 15  # shorter text without Kazakh letters is never called Kazakh (two Turkish words are not)
MIN_APOSTROPHES = 0.05  # 2017 apostrophe letters per letter: Kazakh 2017 has ~0.15, Uzbek's a' o' g' far fewer
_LETTERS_2018_2021 = regex.compile(r"[áǵńóúýäñūŋǧ]|[aginosucy]\u0301", regex.IGNORECASE)
_APOSTROPHE_LETTERS = regex.compile(r"[agionscuy]['’ʼ`](?=\p{L}|\s|$)", regex.IGNORECASE)
# ə (az), ň ž w (tk), x and a bare c (tr, az, uz), oʻ gʻ (uz), a word in y+vowel (tr, az, uz: Kazakh
# alphabets write я ю ё with ı/i), and function words Kazakh does not have: va (uz), ve ile bu için (tr).
_OTHER_MARKS = regex.compile(r"[əňžwx]|c(?![h'’ʼ`])|[og][ʻ‘]|(?<!\p{L})(?:y[aoiuı]|(?:va|ve|ile|bu|için)(?!\p{L}))",
                             regex.IGNORECASE)
_LETTER = regex.compile(r"\p{L}")
_TURKIC_SHARED = regex.compile(r"[ışğöüçŞĞÖÜÇİ]")  # no IGNORECASE: it would fold ı and İ into i and I


def marks(text: str) -> tuple[int, int, int]:
    """(Kazakh letters, q's, other languages' marks) in `text`; 2017 apostrophes count only when dense."""
    letters = len(_LETTER.findall(text))
    apostrophes = len(_APOSTROPHE_LETTERS.findall(text))
    if apostrophes < MIN_APOSTROPHES * letters:
        apostrophes = 0
    q = text.count("q") + text.count("Q")
    return len(_LETTERS_2018_2021.findall(text)) + apostrophes + q, q, len(_OTHER_MARKS.findall(text))


def kazakh_latin(text: str, p_kazakh: float) -> Optional[LangResult]:
    """`kk` in Latin script when the model (`p_kazakh`: P(kk) among kk and en) and the letters agree."""
    if p_kazakh < MIN_MODEL:
        return None
    kazakh, q, other = marks(text)
    result = LangResult("kk", round(p_kazakh, 4), SCRIPT)
    if kazakh == q:  # no accented or apostrophe letter: q alone (or nothing) is weak evidence
        letters = len(_LETTER.findall(text))
        plain = other == 0 and p_kazakh >= MIN_MODEL_PLAIN and letters >= MIN_PLAIN_LETTERS
        if _TURKIC_SHARED.search(text):  # ı ş ğ ö ü without q ä ñ ū á ...: Turkish unless short
            plain &= letters < MAX_SHARED_ONLY and "ç" not in text.lower()
        return result if plain else None
    if other * 3 > kazakh or (q == 0 and len(_LETTER.findall(text)) >= LONG):
        return None
    return result
