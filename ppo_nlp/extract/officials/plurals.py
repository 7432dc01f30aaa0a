"""A plural title right before a list of names: each name holds the title in the singular.

«…заявили депутаты от партии AMANAT Марат Сейтов, Гульнар Ахметова и Ирина Петренко» -> three deputies;
"AMANAT deputies Marat Seitov and Gulnar Akhmetova" -> two. Two names at least, joined by commas and a last
«и»/"and": one name after a plural noun is no list («члены партии Иван Петров» is left alone). A colon may
end the title («секретари: …») and an age may stand before each name ("50-year-old Marat Seitov").
"""
from __future__ import annotations

from ppo_nlp.extract.officials.persons import Ctx, PersonSpan
from ppo_nlp.extract.officials.positions import PositionSpan, plural_title_at
from ppo_nlp.extract.officials.ru_phrases import AGE
from ppo_nlp.text import fold

LIST_JOINERS = frozenset({",", "и", "and"})
REACH = 10  # tokens a title (head and its phrase) may take before the first name


def plural_links(ctx: Ctx, spans: list[PersonSpan], links: dict[int, list[PositionSpan]]) -> None:
    """Add the singular title of a plural head to every name of the list right after it (ru, en)."""
    by_start = {s.start: s for s in spans}
    stops = set(by_start)
    listed: set[int] = set()
    for span in spans:
        if span.start in listed or ctx.langs[span.start] not in ("ru", "en"):
            continue
        names = _list_at(ctx, span, by_start)
        listed.update(s.start for s in names)
        pos = _title_before(ctx, span.start, stops) if len(names) > 1 else None
        for name in names if pos else ():
            links.setdefault(name.start, []).append(pos)


def _list_at(ctx: Ctx, span: PersonSpan, by_start: dict[int, PersonSpan]) -> list[PersonSpan]:
    """The names joined to `span` by commas and «и»/"and" (", and" too)."""
    names, toks = [span], ctx.tokens
    while True:
        k = names[-1].end
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and fold(toks[k + 1].text) in LIST_JOINERS:
            k += 1
        nxt = by_start.get(k + 1 + _age_len(ctx, k + 1)) if k < len(toks) and fold(toks[k].text) in LIST_JOINERS else None
        if nxt is None:
            return names
        names.append(nxt)


def _age_len(ctx: Ctx, k: int) -> int:
    """Tokens of an age at token k ("50-year-old", "50-year old", «50-летний»), 0 when there is none."""
    if k >= len(ctx.tokens) or not AGE.match(ctx.tokens[k].text):
        return 0
    return 2 if k + 1 < len(ctx.tokens) and ctx.tokens[k + 1].text == "old" else 1


def _title_before(ctx: Ctx, start: int, stops: set[int]):
    """The plural title that ends right at the first name of a list (or at a colon or an age before it), or None."""
    lead = next((a for a in (start - 1, start - 2) if a >= 0 and a + _age_len(ctx, a) == start), start)
    colon = lead - 1 if lead > 0 and ctx.tokens[lead - 1].text == ":" else lead
    for i in range(colon - 1, max(colon - 1 - REACH, -1), -1):
        if ctx.tokens[i].text in (".", "!", "?", ";", ":") or i in stops:
            return None
        pos = plural_title_at(ctx, i, stops)
        if pos is not None:
            return pos if pos.end in (start, lead, colon) else None
    return None
