"""The office a title names, the same id in every language: «председатель» = «төраға» = "chairman"
(`chairman`), «первый заместитель председателя» = «төрағаның бірінші орынбасары» = "first deputy chairman"
(`first_deputy_chairman`), «атқарушы хатшы» = "executive secretary" (`executive_secretary`).

The id is the office words of the modifiers (`resources/positions/modifiers_*.txt`, second column), then the
head's id (`heads_*.tsv`); a deputy's office names whose deputy it is (the Russian genitive after the head,
the Kazakh genitive before it; in English "deputy" is a modifier of the head it precedes).

>>> office_id("первый заместитель председателя", "ru"), office_id("төрағаның бірінші орынбасары", "kk")
('first_deputy_chairman', 'first_deputy_chairman')
>>> office_id("first deputy chairman", "en"), office_id("атқарушы хатшы", "kk")
('first_deputy_chairman', 'executive_secretary')
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ppo_nlp.cache import bounded_cache
from ppo_nlp.extract.officials.lexicon import en_heads, en_key, kk_heads, ru_heads, ru_key
from ppo_nlp.normalize.morph import lemma
from ppo_nlp.resources import read_rows
from ppo_nlp.text import fold

DEPUTY = "deputy"


@lru_cache(maxsize=1)
def _modifier_offices() -> dict[str, dict[str, str]]:
    """Per language: a modifier (ru lemma, kk folded, en lower case) -> the office word it adds."""
    keys = {"ru": ru_key, "kk": fold, "en": en_key}
    return {lang: {keys[lang](r[0]): r[1] for r in read_rows(f"positions/modifiers_{lang}.txt") if r[1:2] != ("-",)}
            for lang in keys}


def _head_id(word: str, lang: str) -> Optional[str]:
    if lang == "kk":
        found = kk_heads().get(fold(word))
        return found.id if found else None
    if lang == "en":
        return en_heads().get(en_key(word))
    forms = ru_heads().get(ru_key(word))
    return forms[0].id if forms else None


def _modifier(word: str, lang: str) -> Optional[str]:
    table = _modifier_offices()[lang]
    return table.get(ru_key(lemma(word))) if lang == "ru" else table.get(fold(word) if lang == "kk" else en_key(word))


@bounded_cache(1 << 20)
def office_id(title: str, lang: str) -> Optional[str]:
    """The office id of a title in `lang` (ru, kk, en), or None when it has no known head."""
    words = title.replace("-", " - ").split() if lang == "en" else title.split()
    heads = [(k, h) for k, w in enumerate(words) if (h := _head_id(w, lang))]
    if not heads:
        return None
    if lang == "kk":
        main, head = heads[-1]
        of = heads[-2][1] if head == DEPUTY and len(heads) > 1 else None
    elif lang == "en":
        main, head = _english_main(words, heads)
        of = None
    else:
        main, head = heads[0]
        of = heads[1][1] if head == DEPUTY and len(heads) > 1 else None
    mods = [m for w in words[:main] if (m := _modifier(w, lang))]
    return "_".join(dict.fromkeys(mods + [head] + ([of] if of else [])))


def _english_main(words: list[str], heads: list[tuple[int, str]]) -> tuple[int, str]:
    """The head of an English title: the last of the head words that follow each other from the first
    («deputy chairman»: chairman, "deputy" then a modifier)."""
    main = heads[0]
    for k, h in heads[1:]:
        if k != main[0] + 1 and not (k == main[0] + 2 and words[k - 1].lower() == "party"):  # deputy party chairman
            break
        main = (k, h)
    return main
