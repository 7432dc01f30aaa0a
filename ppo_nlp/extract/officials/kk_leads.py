"""Where a Kazakh title's phrase starts, the organization before it included («…облыстық филиалының төрағасы»,
«Ш.Уәлиханов атындағы … институтының директоры», «"…" КМҚК директоры»): the name before that start, after a
comma or a dash, holds the title.
"""
from __future__ import annotations

from ppo_nlp.extract.officials.lexicon import party_words
from ppo_nlp.extract.officials.persons import Ctx
from ppo_nlp.extract.officials.name_words import is_cap
from ppo_nlp.extract.officials.positions import PositionSpan
from ppo_nlp.text import fold, fold_quotes

QUOTES = frozenset({"\"", "'"})
KK_NAMED_AFTER = frozenset({fold("атындағы")})  # «Абай атындағы университет»: "named after"
DASHES = frozenset({"–", "—"})
APPOSED = frozenset({",", "–", "—"})  # marks after a name before its title
GENITIVE_ENDS = ("ның", "нің", "дың", "дің", "тың", "тің")
LIST_ORG_WORDS = 10  # words of an organization's name between a list's dash and the title
NAMED_AFTER_WORDS = 5  # tokens of the name before «атындағы» (initials and dots count)


def kk_lead(ctx: Ctx, pos: PositionSpan) -> int:
    """Where a Kazakh title's phrase starts: its organization comes first («, облыстық филиалдың төрағасы»)."""
    lead = pos.start
    if ctx.langs[pos.head] != "kk":
        return lead
    while lead > 0 and pos.start - lead < 8 and (lead - 1 in ctx.orgs or _kk_phrase_word(ctx, lead - 1, pos.start)):
        lead -= 1
    lead = _kk_named_after(ctx, lead) if lead in ctx.orgs else _capitalised_first(ctx, pos.start, lead)
    return lead if lead < 1 or ctx.tokens[lead - 1].text in DASHES else _after_list_dash(ctx, pos.start, lead)


def _capitalised_first(ctx: Ctx, start: int, lead: int) -> int:
    """«Бекзат Ерланов, Қостанай аудандық жастар кеңесінің төрағасы»: the phrase's first word, a place or
    a name's first word, is capitalised; one such word right after a comma or a dash joins the phrase."""
    if lead >= start or lead < 2 or ctx.tokens[lead - 2].text not in APPOSED:
        return lead
    return lead - 1 if is_cap(ctx.tokens[lead - 1].text) and ctx.tokens[lead - 1].text.isalpha() else lead


def _after_list_dash(ctx: Ctx, start: int, lead: int) -> int:
    """A list line «Аты-жөні – Алматы энергетика және … колледжінің директоры»: a long organization name in the
    genitive right before the title reaches back to a dash; then the phrase starts after the dash."""
    if start < 2 or not ctx.tokens[start - 1].text.lower().endswith(GENITIVE_ENDS):
        return lead
    for k in range(start - 1, max(start - 1 - LIST_ORG_WORDS, 0), -1):
        word = ctx.tokens[k - 1].text
        if word in DASHES:
            return k
        if not (word.isalnum() or fold_quotes(word) in QUOTES):
            return lead
    return lead


def _kk_named_after(ctx: Ctx, lead: int) -> int:
    """An organization «named after» someone starts with that name («Ш.Уәлиханов атындағы … институтының
    директоры»): the lead moves over «атындағы» and the capitalised words and initials before it."""
    if lead < 2 or ctx.folded[lead - 1] not in KK_NAMED_AFTER:
        return lead
    k = lead - 1
    while k > 0 and lead - k <= NAMED_AFTER_WORDS and _name_or_initial(ctx.tokens[k - 1].text):
        k -= 1
    return k if k < lead - 1 else lead


def _name_or_initial(word: str) -> bool:
    return is_cap(word) or word == "." or len(word) == 1 and word.isupper()


def _kk_phrase_word(ctx: Ctx, k: int, start: int) -> bool:
    """A lower-case word of a Kazakh organization phrase, at most four words before the title; further, the
    word «партиясы» and a quote mark next to an organization («"AMANAT" партиясы "Болашақ" филиалының …»); in a
    title in capitals, any word in capitals."""
    word, head = ctx.tokens[k].text, ctx.tokens[start].text
    if head.isupper() and len(head) > 1:  # a caption line in capitals: its words and quote marks
        return word.isupper() and word.isalpha() or fold_quotes(word) in QUOTES
    if fold_quotes(word) in QUOTES:
        return k + 1 in ctx.orgs or k - 1 in ctx.orgs
    if word.isupper() and word.isalpha() and k >= 2:  # «"…" КМҚК директоры» (a legal form), «ҚР Парламенті»
        quoted = fold_quotes(ctx.tokens[k - 1].text) in QUOTES and k - 2 in ctx.orgs
        return k - 1 in ctx.orgs or k + 1 in ctx.orgs or quoted
    return word.islower() and (start - k <= 4 and word.isalpha() or fold(word) in party_words())
