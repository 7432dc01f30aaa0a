"""A name in the genitive between a Russian title and the name that holds it: the first name is the title's
possessor, the second its holder; and a name right after a title that cannot agree with it in case is its
possessor too («Иван Петров, помощник Анны Смирновой»: the title is Петров's, by apposition).

«адвокат Ивана Петрова Андрей Сидоров»: Сидоров is the lawyer (of Петров), Петров holds no title there;
«помощнику бывшего губернатора области Ивана Петрова Андрею Сидорову»: Сидоров is the assistant, and the
title inside the phrase («бывший губернатор области») is Петров's.
"""
from __future__ import annotations

from dataclasses import replace

from ppo_nlp.extract.officials.persons import Ctx, PersonSpan, adjacent
from ppo_nlp.extract.officials.positions import PositionSpan, ru_title_at
from ppo_nlp.normalize.name_agreement import CASE_ORDER as CASES
from ppo_nlp.normalize.names import parses


def possessors_after_titles(ctx: Ctx, positions: list[PositionSpan], spans: list[PersonSpan]) -> list[PositionSpan]:
    """`positions` with each Russian title followed by a possessor and a holder extended over the possessor
    (so that it links to the holder), and the title inside its phrase, if any, added for the possessor."""
    by_start = {s.start: s for s in spans}
    stops = set(by_start)
    out: list[PositionSpan] = []
    for pos in positions:
        first = by_start.get(max(pos.end, pos.head + 1)) if ctx.langs[pos.head] == "ru" else None
        second = by_start.get(first.end) if first else None
        if not (second and _possessor_then_holder(ctx, first, second) or first and _disagrees(pos, first)):
            out.append(pos)
            continue
        inner = _inner_title(ctx, pos, stops)
        out += [replace(pos, end=first.end, title=f"{pos.title} {' '.join(first.words)}")] + ([inner] if inner else [])
    return out


def _possessor_then_holder(ctx: Ctx, first: PersonSpan, second: PersonSpan) -> bool:
    """Two full names in a row, the first in the genitive, the second in another case."""
    if first.kind != "full" or len(second.words) < 2 or not adjacent(ctx, first.end - 1):
        return False
    return all(_genitive(w) for w in first.words) and not all(_genitive(w) for w in second.words)


NAMED = frozenset({"Name", "Surn", "Patr"})  # a word with no such reading may be in any case


def _disagrees(pos: PositionSpan, name: PersonSpan) -> bool:
    """A name right after a title that can only be in the genitive, the title not: no apposition but the
    title's possessor («помощник Анны Смирновой», «представитель Обамы»; not «мэра Лужкова», nor «назначил
    директором Ивана Петрова», where «Ивана» may be the accusative). Cases by the dictionary name readings of
    its words (a word with none may be in any case)."""
    cases = set(CASES)
    readings = [{str(p.tag.case) for p in parses(w) if _singular_name(p)} for w in name.words]
    for word_cases in filter(None, readings):
        cases &= word_cases
    return any(readings) and cases == {"gent"} and "gent" not in pos.cases


def _singular_name(p) -> bool:
    """A dictionary reading of a name word in the singular (pymorphy3's guesses for foreign names are not)."""
    return len(p.methods_stack) == 1 and "sing" in p.tag.grammemes and bool(p.tag.case and NAMED & p.tag.grammemes)


def _genitive(word: str) -> bool:
    """A singular genitive reading («Ивана», «Клинтона»; not the plural one guessed for «Жакупов»)."""
    return any(p.tag.case == "gent" and "sing" in p.tag.grammemes for p in parses(word))


def _inner_title(ctx: Ctx, pos: PositionSpan, stops: set[int]):
    """The last title inside the phrase of `pos` that reaches the possessor («экс-президента США»), or None."""
    for k in range(pos.end - 1, pos.head, -1):
        inner = ru_title_at(ctx, k, stops)
        if inner and max(inner.end, inner.head + 1) == pos.end:
            return inner
    return None
