"""The phrase a Russian title head governs: the genitive chain that names its organization («председателя
районного филиала партии»), prepositional phrases («посол Японии в России»), and where the next title of the
same person starts («глава миссии в регионе помощник министра …»).
"""
from __future__ import annotations

import re
from typing import Optional

from ppo_nlp.cache import bounded_cache, word_cache
from ppo_nlp.extract.officials.lexicon import HeadForm, is_short_body, ru_head_prefixes, ru_heads, ru_key, word_set
from ppo_nlp.extract.officials.persons import Ctx
from ppo_nlp.normalize.names import parses
from ppo_nlp.text import fold, fold_quotes

MAX_CHAIN = 12
MAX_PP = 2  # prepositional phrases a Russian title may take after its genitive chain
MAX_PP_WORDS = 6
CLAUSE_END = frozenset({",", ".", ";", ")", "!", "?", "—", "–"})
CHAIN_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})
FUNCTION_POS = frozenset({"CONJ", "PREP", "PRCL", "INTJ"})
NAMED_AFTER = frozenset({"имени", "им"})
AGE = re.compile(r"\d{1,3}-(?:летн|year)", re.IGNORECASE)  # «89-летний», "52-year-old": the age of the person


def gap_ok(ctx: Ctx, a: int, b: int) -> bool:
    """Tokens a and b are separated by spaces only."""
    gap = ctx.doc.text[ctx.tokens[a].end:ctx.tokens[b].start]
    return gap == "" or (gap.isspace() and "\n" not in gap)


@bounded_cache(4 << 20)
def ru_head_forms(word: str) -> tuple[HeadForm, ...]:
    """Singular readings of a Russian head; «экс-» in front keeps the head («экс-премьера» -> экс-премьер)."""
    key = ru_key(word)
    prefix = next((p for p in ru_head_prefixes() if key.startswith(p) and len(key) > len(p) + 2), "")
    forms = tuple(f for f in ru_heads().get(key[len(prefix):] if prefix else key, ()) if not f.plural)
    return tuple(f._replace(lemma=prefix + f.lemma) for f in forms) if prefix and key not in ru_heads() else forms


def age_before_name(ctx: Ctx, k: int, stops: set[int]) -> int:
    """1 when token k is an age right before a name («президент 70-летний Иван Петров»): the title reaches
    over it to the name; else 0."""
    if k + 1 < len(ctx.tokens) and ctx.tokens[k + 1].text == "old" and AGE.match(ctx.tokens[k].text):
        return 2 * (k + 2 in stops)  # "the secretary 42-year old NAME": the age in two words
    if k + 1 >= len(ctx.tokens) or k + 1 not in stops or not AGE.match(ctx.tokens[k].text):
        return 0
    return int(gap_ok(ctx, k - 1, k) and gap_ok(ctx, k, k + 1))


def at_head_of(ctx: Ctx, i: int) -> bool:
    """«во главе» (at the head of: «делегация во главе с …») is an idiom, not the title «глава» in the dative
    («главе района Ивану Петрову»)."""
    return i > 0 and ru_key(ctx.tokens[i].text) == "главе" and ctx.folded[i - 1] in ("во", "в")


@word_cache(1 << 20)
def is_adjective(word: str) -> bool:
    """A lower-case word that pymorphy3 reads only as an adjective or a participle."""
    return word.islower() and all(p.tag.POS in ("ADJF", "PRTF") for p in parses(word))


def ru_chain(ctx: Ctx, j: int, stops: set[int]) -> tuple[int, Optional[str]]:
    """End of the genitive phrase after a Russian head, and the first ORG entity in it."""
    begin, end, org, quoted = j, j, None, False
    while j < len(ctx.tokens) and j - begin < MAX_CHAIN and j not in stops and gap_ok(ctx, j - 1, j):
        word = ctx.tokens[j].text
        if not quoted and fold(word) in NAMED_AFTER:  # «школы имени Абая Кунанбаева»: the name is the school's
            j = end = _named_after_end(ctx, j + 1, stops)
            continue
        if not quoted and word == "(" and _bracketed_acronym(ctx, j, stops):  # «Народного союза (НС)»
            j = end = j + 3
            continue
        if not quoted and j > begin and _rank_before_name(ctx, j, stops):
            break
        if fold_quotes(word) in ('"', "'"):
            quoted = not quoted
        elif not (quoted or j in ctx.blocked or _ru_dependent(word) or _ru_and(ctx, j, stops) or _one_of(ctx, j, begin)
                  or _adverb_of_adjective(ctx, j, stops) or j > begin and _place_name(ctx, j)):
            break
        if j in ctx.orgs and org is None:
            org = ctx.orgs[j].id
        j += 1
        if not quoted:
            end = j
    return _trim_adjectives(ctx, begin, end), org


def _one_of(ctx: Ctx, j: int, begin: int) -> bool:
    """«из» after «одного» / «одной» in the chain: «глава одной из крупнейших компаний» goes on in the plural."""
    return j > begin and ctx.folded[j] == "из" and ctx.folded[j - 1] in ("одного", "одной")


def _rank_before_name(ctx: Ctx, j: int, stops: set[int]) -> bool:
    """A rank right before a name is the title of that name, not a word of the organization phrase."""
    return j + 1 in stops and any(f.lemma in word_set("ranks_ru.txt") for f in ru_head_forms(ctx.tokens[j].text))


def _place_name(ctx: Ctx, j: int) -> bool:
    """«земли Гессен», «штата Техас»: a place name in the nominative after the kind of place it is."""
    word = ctx.tokens[j].text
    if not word[:1].isupper() or not any(fold(p.normal_form) in word_set("place_kinds_ru.txt")
                                         for p in parses(ctx.tokens[j - 1].text)):
        return False
    ps = parses(word)
    return any("Geox" in p.tag.grammemes for p in ps) and not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in ps)


def _bracketed_acronym(ctx: Ctx, j: int, stops: set[int]) -> bool:
    """«( FN )» at token j: an organization's short name in brackets, inside the title."""
    if j + 2 >= len(ctx.tokens) or ctx.tokens[j + 2].text != ")" or j + 1 in stops:
        return False
    word = ctx.tokens[j + 1].text
    return word.isupper() and len(word) >= 2 or _mixed_acronym(word)


def _named_after_end(ctx: Ctx, j: int, stops: set[int]) -> int:
    """After «имени» / «им.»: the dot and at most two capitalised words in the genitive."""
    if j < len(ctx.tokens) and ctx.tokens[j].text == ".":
        j += 1
    for _ in range(2):
        if j >= len(ctx.tokens) or j in stops or not ctx.tokens[j].text[:1].isupper() or not gap_ok(ctx, j - 1, j) \
                or not any("gent" in p.tag.grammemes for p in parses(ctx.tokens[j].text)):
            break
        j += 1
    return j


def _ru_and(ctx: Ctx, j: int, stops: set[int]) -> bool:
    """«и» inside an organization phrase («министр образования и науки»), not before a second title."""
    nxt = j + 1
    return (ctx.folded[j] == "и" and nxt < len(ctx.tokens) and nxt not in stops
            and gap_ok(ctx, j, nxt) and _ru_dependent(ctx.tokens[nxt].text) and not ru_head_forms(ctx.tokens[nxt].text))


def _adverb_of_adjective(ctx: Ctx, j: int, stops: set[int]) -> bool:
    """«крайне правого»: an adverb before a genitive adjective inside the organization phrase."""
    nxt = j + 1
    if nxt >= len(ctx.tokens) or nxt in stops or not ctx.tokens[j].text.islower() or not gap_ok(ctx, j, nxt):
        return False
    here = parses(ctx.tokens[j].text)  # the next word is read only after an adverb
    return bool(here) and here[0].tag.POS == "ADVB" and any(
        p.tag.POS == "ADJF" and "gent" in p.tag.grammemes for p in parses(ctx.tokens[nxt].text))


def _trim_adjectives(ctx: Ctx, begin: int, end: int) -> int:
    """Drop trailing adjectives that have no noun after them."""
    while end > begin and is_adjective(ctx.tokens[end - 1].text):
        end -= 1
    return end


@word_cache(1 << 20)  # the words of organization phrases come back («партии», «области»)
def _ru_dependent(word: str) -> bool:
    """A word that can continue a genitive organization phrase: genitive, Latin name, acronym."""
    if word.isascii() and word[:1].isupper():
        return True
    if word.isupper() and len(word) >= 2 or _mixed_acronym(word) or is_short_body(word):
        return True
    if word[:1].isupper() and _looks_like_name(word) or fold(word) in word_set("prepositions_ru.txt"):
        return False  # «в», «по» read as abbreviated genitive nouns: a preposition ends the chain
    ps = parses(word)
    if ps and ps[0].tag.POS in FUNCTION_POS:
        return False  # «и» is also an abbreviated genitive noun for pymorphy3
    return any("gent" in p.tag.grammemes and p.tag.POS in CHAIN_POS for p in ps)


def ru_pp(ctx: Ctx, j: int, stops: set[int], apposed: bool, cases: frozenset[str]) -> int:
    """Extend a title over prepositional phrases («посол Японии в России», «заместитель акима по вопросам …»).

    Kept only when the title then ends at a name, at another title in its case (stacked, or after a comma),
    or, for a title in apposition, at punctuation.
    """
    k = j
    for _ in range(MAX_PP):
        if k >= len(ctx.tokens) or ctx.folded[k] not in word_set("prepositions_ru.txt"):
            break
        m = k + 1
        while m < len(ctx.tokens) and m - k <= MAX_PP_WORDS and m not in stops and gap_ok(ctx, m - 1, m):
            if m > k + 1 and next_title_at(ctx, m, cases) or m == k + 1 and _companion_title(ctx, k):
                break  # «глава миссии в регионе помощник министра …»: the next title starts here
            if ctx.folded[m] in NAMED_AFTER:
                m = _named_after_end(ctx, m + 1, stops)
            elif ctx.tokens[m].text == "(" and _bracketed_acronym(ctx, m, stops):
                m += 3  # «фонда по защите прав (ФЗП)»: the short name closes the phrase
            elif _pp_word(ctx.tokens[m].text):
                m += 1
            else:
                break
        if m == k + 1 or not gap_ok(ctx, k, k + 1):
            break
        k = ru_chain(ctx, m, stops)[0] if m - k > MAX_PP_WORDS and m not in stops else m  # «… прав человека
        # британского министерства внутренних дел»: a long phrase goes on in the genitive chain only
    return k if k > j and _title_ends_at(ctx, k, stops, apposed, cases) else j


def _companion_title(ctx: Ctx, k: int) -> bool:
    """«с депутатом»: a preposition of company at token k, then a title (after adjectives at most)."""
    if ctx.folded[k] not in word_set("comitative_ru.txt"):
        return False
    for m in range(k + 1, min(k + 4, len(ctx.tokens))):
        if ru_head_forms(ctx.tokens[m].text):
            return True
        if not is_adjective(ctx.tokens[m].text):
            return False
    return False


@word_cache(1 << 20)
def _pp_word(word: str) -> bool:
    """A word inside a prepositional phrase of a title: a noun phrase word in any case, acronym, Latin name."""
    if word.isascii() and word[:1].isupper() or word.isupper() and len(word) >= 2 or _mixed_acronym(word):
        return True
    if word[:1].isupper() and _looks_like_name(word):
        return False
    return any(p.tag.POS in CHAIN_POS for p in parses(word))


def _title_ends_at(ctx: Ctx, k: int, stops: set[int], apposed: bool, cases: frozenset[str]) -> bool:
    if k >= len(ctx.tokens):
        return apposed
    word = ctx.tokens[k].text
    if k in stops or word[:1].isupper() and _looks_like_name(word) or next_title_at(ctx, k, cases):
        return True
    if word == "," and next_title_at(ctx, k + 1, cases):
        return True  # «министр по делам молодёжи, глава комитета …»: coordinated titles before one name
    return apposed and word in CLAUSE_END


def next_title_at(ctx: Ctx, m: int, cases: frozenset[str]) -> bool:
    """A Russian head in one of `cases` at token m, or after at most two lower-case adjectives there
    («помощник министра», «шведский депутат»): the start of another title of the same person."""
    for k in range(m, min(m + 3, len(ctx.tokens))):
        word = ctx.tokens[k].text
        forms = ru_head_forms(word)
        if forms:
            return bool(cases & {f.case for f in forms})
        if not (is_adjective(word) and k + 1 < len(ctx.tokens) and gap_ok(ctx, k, k + 1)):
            return False
    return False


def _mixed_acronym(word: str) -> bool:
    """КазНПУ, КарГУ: an acronym with lower-case letters inside (two capitals or more, no hyphen)."""
    return word[:1].isupper() and "-" not in word and sum(c.isupper() for c in word) >= 2


def _guessed_indeclinable(readings) -> bool:
    """A word outside the dictionary whose genitive readings all guess an indeclinable word («Акихито»; not
    «Казахмыса», «Алматинского»)."""
    if any(type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" for p in readings):
        return False
    genitive = [p for p in readings if "gent" in p.tag.grammemes]
    return bool(genitive) and all("Fixd" in p.tag.grammemes for p in genitive)


def _name_reading(p) -> bool:
    return bool({"Surn", "Name", "Patr"} & p.tag.grammemes)


def _name_ends_chain(known) -> bool:
    """A surname whose other readings would not continue an organization phrase after a title: its genitive
    readings are all names or plurals («президента Путина», «аким Петров», «депутат Соколов»); not a place
    («Кирова»), nor a possessive that may be the organization's («музея Ленина»)."""
    if not any("Surn" in p.tag.grammemes for p in known):
        return False
    return all(_name_reading(p) or "plur" in p.tag.grammemes for p in known if "gent" in p.tag.grammemes)


def _looks_like_name(word: str) -> bool:
    """A capitalised word that names a person (Лужкова, Обамы) or that pymorphy3 only guesses as a noun."""
    if is_short_body(word):
        return False
    readings = parses(word)
    if _guessed_indeclinable(readings):
        return True
    known = [p for p in readings if len(p.methods_stack) == 1]
    if known:
        return all(_name_reading(p) for p in known) or _name_ends_chain(known)
    return not any(p.tag.POS == "ADJF" or "Geox" in p.tag.grammemes for p in parses(word))
