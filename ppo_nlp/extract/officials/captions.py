"""Names in capitals: a shouted lead is a name only with a listed first name and a surname's shape, but a
caption line («АЛЕКСАНДР ЗЕЛЬ, филиалдың атқарушы хатшысы», «СНХ: ИВАН ПЕТРОВ – АУДАН ӘКІМІ») names its
speaker and his title: one of the two is enough there."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ppo_nlp.extract.officials.lexicon import en_heads, kk_heads, ru_heads, ru_key
from ppo_nlp.text import fold

if TYPE_CHECKING:
    from ppo_nlp.extract.officials.persons import Ctx

CAPTION_SEP = frozenset({",", "—", "–", "-"})
CAPTION_REACH = 10  # words after the separator where the title's head must be, on the same line


def shouted_name_ok(ctx: "Ctx", idx: list[int], first: bool, surname: bool) -> bool:
    """A name in capitals at tokens `idx`: a listed first name and a surname's shape, or either of them on a
    caption line (the name opens the line, then a separator and a title on the same line)."""
    if first and surname:
        return True
    return (first or surname) and _opens_line(ctx, idx[0]) and _title_follows(ctx, idx[-1] + 1)


def _opens_line(ctx: "Ctx", k: int) -> bool:
    """Token k starts a line, or follows a label and a colon at the line's start («СНХ: …»)."""
    if k > 1 and ctx.tokens[k - 1].text == ":":
        k -= 2
    if k <= 0:
        return True
    return "\n" in ctx.doc.text[ctx.tokens[k - 1].end:ctx.tokens[k].start]


def _title_follows(ctx: "Ctx", k: int) -> bool:
    toks, text = ctx.tokens, ctx.doc.text
    if k >= len(toks) or toks[k].text not in CAPTION_SEP:
        return False
    for j in range(k + 1, min(k + 1 + CAPTION_REACH, len(toks))):
        if "\n" in text[toks[j - 1].end:toks[j].start]:
            return False
        if _head_word(toks[j].text, ctx.langs[j]):
            return True
    return False


def _head_word(word: str, lang: str) -> bool:
    if lang == "en":
        return word.lower() in en_heads()
    return fold(word) in kk_heads() or lang == "ru" and ru_key(word) in ru_heads()
