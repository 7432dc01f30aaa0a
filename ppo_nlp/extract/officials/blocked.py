"""Titles inside an organization's span: a member's title read as the body itself («мажилисмен»), an
organization whose last word is a title before a name in the genitive («администрация президента Обамы»)."""
from __future__ import annotations

from ppo_nlp.cache import word_cache
from ppo_nlp.extract.officials.lexicon import ru_heads, ru_key
from ppo_nlp.extract.officials.persons import Ctx, nameable
from ppo_nlp.extract.officials.ru_phrases import gap_ok, ru_head_forms
from ppo_nlp.normalize.names import parses


def blocked_title(ctx: Ctx, i: int) -> bool:
    return _org_ends_in_title(ctx, i) or _title_named_as_org(ctx, i)


def _title_named_as_org(ctx: Ctx, i: int) -> bool:
    """«мажилисмен Иван Петров»: a member's title that the organization finder took for its body alone."""
    ent = ctx.orgs.get(i)
    if ent is None or ctx.langs[i] != "ru" or ctx.orgs.get(i - 1) is ent or ctx.orgs.get(i + 1) is ent:
        return False
    return ru_key(ctx.tokens[i].text) in ru_heads()


def _org_ends_in_title(ctx: Ctx, i: int) -> bool:
    """A Russian organization whose last word is a title in the genitive right before a name in the genitive:
    «администрация президента Обамы», «пресс-служба губернатора Петрова» name the president and the governor."""
    k = i + 1
    if (k >= len(ctx.tokens) or i - 1 not in ctx.blocked or k in ctx.blocked or ctx.langs[i] != "ru"
            or not nameable(ctx, k) or not gap_ok(ctx, i, k)):
        return False
    return any(f.case == "gent" for f in ru_head_forms(ctx.tokens[i].text)) and _genitive_name(ctx.tokens[k].text)


@word_cache(1 << 20)
def _genitive_name(word: str) -> bool:
    """A word pymorphy3 reads as a surname in the genitive («Петрова»), or as a name in the genitive and never
    in the nominative («Обамы»; not «Мурат», nor the indeclinable «Нуртлеу»)."""
    named = [p for p in parses(word) if {"Name", "Surn"} & p.tag.grammemes]
    if any(p.tag.case == "gent" and "Surn" in p.tag.grammemes for p in named):
        return True
    return any(p.tag.case == "gent" for p in named) and not any(p.tag.case == "nomn" for p in named)
