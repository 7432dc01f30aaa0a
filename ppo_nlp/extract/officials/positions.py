"""Position titles: modifiers + head word + the organization phrase that depends on it (ru, kk, en).

Russian: «первого заместителя председателя районного филиала партии» -> head «заместитель» in the
nominative, modifiers agreed with it, the genitive chain kept as written. Kazakh is head-final: the
organization comes before («…филиалының атқарушы хатшысы»), the head loses its possessive ending.
English: "executive secretary of the party".
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from ppo_nlp.cache import word_cache
from ppo_nlp.extract.officials.lexicon import (en_heads, en_key, en_participles, generic_org_words, kk_genitive,
                                               kk_heads, ru_heads, ru_key, ru_modifiers, word_set)
from ppo_nlp.extract.officials.blocked import blocked_title
from ppo_nlp.extract.officials.heads import head_candidates, may_head
from ppo_nlp.extract.officials.persons import Ctx
from ppo_nlp.extract.rules import credited
from ppo_nlp.extract.rules.branches import owner_nouns
from ppo_nlp.extract.officials.ru_phrases import (AGE, MAX_CHAIN, age_before_name, at_head_of, gap_ok, ru_chain,
                                                  ru_head_forms, ru_pp)
from ppo_nlp.normalize.names import parses, strip_kk_case
from ppo_nlp.text import fold, fold_quotes

APPOSED = frozenset({",", "—", "–", "-", "("})
SENTENCE_END = frozenset(".!?;:")
KK_AGE_WORDS = frozenset(fold(w) for w in ("жастағы", "жасар"))  # «38 жастағы», «38 жасар»: "aged 38"
HEAD_KEY = 5  # letters of a head noun that identify it across case forms (комиссии ~ Комиссия)


@dataclass
class PositionSpan:
    start: int  # first token of the title (modifiers included)
    head: int
    end: int  # exclusive: after the dependent organization phrase (ru, en) or the head (kk)
    title: str
    cases: frozenset[str]  # cases the head may be in (Russian agreement with the name)
    org: Optional[str]


def find_positions(ctx: Ctx, stops: set[int]) -> list[PositionSpan]:
    """Every singular position title; `stops` are token indices where a name starts."""
    out: list[PositionSpan] = []
    tokens, blocked, langs, is_head, after = ctx.tokens, ctx.blocked, ctx.langs, may_head, 0
    for i in head_candidates(ctx):
        tok = tokens[i]
        if i < after or not tok.text[:1].isalpha() or i in blocked and not blocked_title(ctx, i):
            continue
        lang = langs[i]
        if not is_head(tok.text, lang):  # each finder first looks its word up as a head
            continue
        finder = _kk_at if lang == "kk" else _en_at if lang == "en" else _ru_at
        found = finder(ctx, i, stops)
        if found:
            found = _over_kk_age(ctx, found, stops) if lang == "kk" else found
            out.append(found)
            after = found.end
    return out


def _over_kk_age(ctx: Ctx, pos: PositionSpan, stops: set[int]) -> PositionSpan:
    """«бөлім басшысы 45 жастағы Ерлан Нұров»: an age between a Kazakh title and its name; the title
    reaches over it to the name."""
    k = pos.end
    if k + 2 not in stops or not ctx.tokens[k].text.isdigit() or ctx.folded[k + 1] not in KK_AGE_WORDS:
        return pos
    return replace(pos, end=k + 2)


def ru_title_at(ctx: Ctx, i: int, stops: set[int]) -> Optional[PositionSpan]:
    """The Russian title whose head is token i, or None (a title inside another one's phrase)."""
    word = ctx.tokens[i].text
    return _ru_at(ctx, i, stops) if word[:1].isalpha() and may_head(word, "ru") else None


def _left_modifiers(ctx: Ctx, i: int, words: frozenset[str], key) -> int:
    start = i
    while start > 0 and key(ctx.tokens[start - 1].text) in words and gap_ok(ctx, start - 1, start):
        start -= 1
    return start


def _ru_at(ctx: Ctx, i: int, stops: set[int]) -> Optional[PositionSpan]:
    forms = ru_head_forms(ctx.tokens[i].text)
    if not forms:
        return _ru_one_of(ctx, i, stops)
    if _modifier_of_next_head(ctx, i) or at_head_of(ctx, i):
        return None
    start = _left_modifiers(ctx, i, ru_modifiers(), ru_key)
    end, org = ru_chain(ctx, i + 1, stops)
    cases = frozenset(f.case for f in forms)
    end = ru_pp(ctx, end, stops, start > 0 and ctx.tokens[start - 1].text in APPOSED, cases)
    words = [_ru_modifier_nominative(ctx.tokens[k].text) for k in range(start, i)] + [forms[0].lemma]
    title = " ".join(words + ([_span_text(ctx, i + 1, end)] if end > i + 1 else []))
    org = org or _party_in(ctx, i + 1, end) or (ctx.orgs[i].id if i in ctx.orgs else None)
    return PositionSpan(start, i, end + age_before_name(ctx, end, stops), title, cases, org)


def _ru_one_of(ctx: Ctx, i: int, stops: set[int]) -> Optional[PositionSpan]:
    """«одним из руководителей партии»: a plural head after «один из» is one person's title, in the case of
    «один»."""
    if i < 2 or ctx.folded[i - 1] != "из" or not (gap_ok(ctx, i - 2, i - 1) and gap_ok(ctx, i - 1, i)):
        return None
    heads = [f for f in ru_heads().get(ru_key(ctx.tokens[i].text), ()) if f.plural and f.case == "gent"]
    cases = frozenset(str(p.tag.case) for p in parses(ctx.tokens[i - 2].text) if p.normal_form == "один")
    if not heads or not cases:
        return None
    end, org = ru_chain(ctx, i + 1, stops)
    title = " ".join([heads[0].lemma] + ([_span_text(ctx, i + 1, end)] if end > i + 1 else []))
    return PositionSpan(i - 2, i, end, title, cases, org or _party_in(ctx, i + 1, end))


def _modifier_of_next_head(ctx: Ctx, i: int) -> bool:
    """An adjectival head before another head is its modifier («управляющий директор»)."""
    nxt = i + 1
    return (ru_key(ctx.tokens[i].text) in ru_modifiers() and nxt < len(ctx.tokens)
            and bool(ru_head_forms(ctx.tokens[nxt].text)) and gap_ok(ctx, i, nxt))


@word_cache(1 << 20, value_bytes=400)  # pymorphy3 builds the lexeme on each inflection
def _ru_modifier_nominative(word: str) -> str:
    for p in parses(word.lower()):
        if p.tag.POS == "ADJF":
            form = p.inflect({"nomn", "sing", "masc"})
            return form.word if form else word.lower()
    return word.lower()


def _span_text(ctx: Ctx, a: int, b: int) -> str:
    return " ".join(ctx.doc.text[ctx.tokens[a].start:ctx.tokens[b - 1].end].split())


def _party_in(ctx: Ctx, a: int, b: int) -> Optional[str]:
    """The document's party (or branch) when the phrase says just "party" (or "branch"), or the one
    organization of the document whose head noun the phrase repeats."""
    for k in range(max(a, 0), b):
        kind = generic_org_words().get(ctx.folded[k])
        if kind == "party_branch" and any(ctx.tokens[m].text[:1].isupper() for m in range(max(a, 0), k)):
            continue  # «Абайского областного филиала»: a branch the document's main branch may not be
        if kind in ctx.main_orgs:
            return ctx.main_orgs[kind]
    for k in range(max(a, 0), min(b, len(ctx.tokens))):  # «председателя комиссии»: the commission the
        if ctx.tokens[k].text.islower() and ctx.folded[k][:HEAD_KEY] in ctx.org_heads:  # text names
            return ctx.org_heads[ctx.folded[k][:HEAD_KEY]]
    return None


def _kk_at(ctx: Ctx, i: int, stops: set[int]) -> Optional[PositionSpan]:
    head = kk_heads().get(ctx.folded[i])
    if head is None or (head.case == "gent" and i + 1 < len(ctx.tokens)
                        and ctx.folded[i + 1] in kk_heads()):
        return None
    start = _left_modifiers(ctx, i, word_set("modifiers_kk.txt"), fold)
    words = [ctx.tokens[k].text.lower() for k in range(start, i)] + [head.lemma]
    prev = kk_heads().get(ctx.folded[start - 1]) if start > 0 else None
    if head.possessive and prev is not None and prev.case == "gent" and gap_ok(ctx, start - 1, start):
        start -= 1
        words = [ctx.tokens[start].text.lower()] + words[:-1] + [ctx.tokens[i].text.lower()]
        if start > 0 and ctx.tokens[start - 1].text.islower() and _kk_owner_noun(ctx.tokens[start - 1].text):
            if prev.possessive and ctx.folded[start - 1] in generic_org_words():
                words[0] = kk_genitive(prev.lemma)  # «партия төрағасының орынбасары»: the party is the organization
            else:
                start -= 1
                words.insert(0, _kk_modifier_or_noun(ctx.tokens[start].text))
    elif head.possessive and start > 0 and ctx.folded[start - 1] in word_set("izafet_kk.txt"):
        start -= 1
        if ctx.folded[start] in generic_org_words():  # «партия төрағасы», «филиал төрағасы»: the
            org = _party_in(ctx, start, start + 1) or _org_before(ctx, start)  # organization, not the title
            return PositionSpan(start, i, i + 1, " ".join(words), frozenset(), org)
        words = [ctx.tokens[start].text.lower()] + words[:-1] + [ctx.tokens[i].text.lower()]
        org = ctx.orgs[start].id if start in ctx.orgs else _adjacent_org(ctx, start)  # «мәслихат хатшысы»
        return PositionSpan(start, i, i + 1, " ".join(words), frozenset(), org)
    elif head.possessive and _body_before(ctx, start):  # «бюро мүшесі», «комитетінің төрағасы»
        words = [_kk_noun(ctx.tokens[start - 1].text)] + words[:-1] + [ctx.tokens[i].text.lower()]
        return PositionSpan(start, i, i + 1, " ".join(words), frozenset(), _body_owner(ctx, start - 1))
    owned = any(owner_nouns().match(ctx.folded[k]) is not None  # «одағы (облыстық) филиалының»
                for k in range(max(start - 3, 0), start - 1))
    org = _org_before(ctx, start) or _party_in(ctx, start, start + 1) or (None if owned else
                                                                          _party_in(ctx, start - 1, start))
    return PositionSpan(start, i, i + 1, " ".join(words), frozenset(), org)


# a party body stays in the title («бюро мүшесі», «комитет төрағасы»); a branch, the party or a state body
# does not («филиалының төрағасы» -> «төраға», «Мәжілісінің депутаты» -> «депутат»)
BODY_TITLE_TYPES = frozenset({"party_body"})


def _adjacent_org(ctx: Ctx, start: int) -> Optional[str]:
    """The ORG entity that ends right before `start`, or None."""
    return ctx.orgs[start - 1].id if start > 0 and start - 1 in ctx.orgs else None


def _body_before(ctx: Ctx, start: int) -> bool:
    """An organization that is not the party or a branch names the body the title belongs to."""
    if start < 1 or start - 1 not in ctx.orgs or not gap_ok(ctx, start - 1, start):
        return False
    return ctx.orgs[start - 1].attrs.get("type") in BODY_TITLE_TYPES


def _body_owner(ctx: Ctx, last: int, reach: int = 4) -> Optional[str]:
    """The branch a party body belongs to when the phrase names one («филиалының Саяси кеңес бюро мүшесі»),
    else the body itself."""
    body = ctx.orgs[last]
    k = last
    while k - 1 in ctx.orgs and ctx.orgs[k - 1] is body:
        k -= 1
    for j in range(k - 1, max(k - 1 - reach, -1), -1):
        if j in ctx.orgs and ctx.orgs[j].attrs.get("type") in ("party_branch", "ppo"):
            return ctx.orgs[j].id
        if generic_org_words().get(ctx.folded[j]) == "party_branch":
            return _party_in(ctx, j, j + 1) or body.id
        if ctx.tokens[j].text in SENTENCE_END:
            break
    return body.id


def _kk_noun(word: str) -> str:
    """The nominative of a Kazakh noun in the genitive with a possessive (комитетінің -> комитет)."""
    low = strip_kk_case(word).lower()
    if not low.endswith(("ы", "і")) or len(low) < 5:
        return low
    if fold(low[:-1]) in word_set("izafet_kk.txt"):  # кеңесі -> кеңес, not кеңе
        return low[:-1]
    return low[:-2] if low.endswith(("сы", "сі")) and low[-3] in "аәеоөұүуиюя" else low[:-1]


def _kk_owner_noun(word: str) -> bool:
    """A word that may name whose deputy it is («облыс әкімінің орынбасары»): no case ending («соңынан» "after")."""
    return strip_kk_case(word) == word


def _kk_modifier_or_noun(word: str) -> str:
    """A title's modifier as written («атқарушы хатшысының орынбасары»), else a noun without its possessive."""
    return word.lower() if fold(word) in word_set("modifiers_kk.txt") else _kk_drop_possessive(word)


def _kk_drop_possessive(word: str) -> str:
    """департаменті -> департамент, басқармасы -> басқарма."""
    low = word.lower()
    if len(low) > 5 and low.endswith(("сы", "сі")):
        return low[:-2]
    if len(low) > 5 and low.endswith(("ы", "і")):
        return low[:-1]
    return low


def _org_before(ctx: Ctx, start: int, reach: int = 6) -> Optional[str]:
    """The nearest ORG entity ending at most `reach` tokens before `start`, in the same sentence."""
    for k in range(start - 1, max(start - 1 - reach, -1), -1):
        if k in ctx.orgs:  # not the outlet of a dateline or a credit («АҚТӨБЕ. KAZINFORM – … әкімі»)
            org = ctx.orgs[k]
            media = org.attrs.get("type") in (None, "media")
            return None if media and credited(ctx.doc.text, org.start, org.end) else org.id
        if ctx.tokens[k].text in SENTENCE_END:
            return None
    return None


def _en_participle(ctx: Ctx, i: int, stops: set[int]) -> Optional[PositionSpan]:
    """«the party, chaired by NAME»: the title of the participle, held in the organization right before."""
    title = en_participles().get(ctx.tokens[i].text)
    if title is None or i + 2 >= len(ctx.tokens) or ctx.tokens[i + 1].text != "by" or i + 2 not in stops:
        return None
    return PositionSpan(i, i, i + 2, title, frozenset(), _org_before(ctx, i, 2))


def _en_at(ctx: Ctx, i: int, stops: set[int]) -> Optional[PositionSpan]:
    word = ctx.tokens[i].text
    if word in en_participles():
        return _en_participle(ctx, i, stops)
    if en_key(word) not in en_heads() or (word.isupper() and len(word) > 2 and i not in stops):  # "MP" is a title
        return None
    if _en_modifier_of_next_head(ctx, i):
        return None
    start = _left_modifiers(ctx, i, word_set("modifiers_en.txt"), en_key)
    if start > 0 and _en_party_word(ctx, start - 1) and gap_ok(ctx, start - 1, start):  # "Deputy Party Chairman"
        start = _left_modifiers(ctx, start - 1, word_set("modifiers_en.txt"), en_key)
    after = _en_gloss_end(ctx, i)
    end, org = after, None
    if end < len(ctx.tokens) and ctx.tokens[end].text.lower() == "of":
        end, org = _en_chain(ctx, end + 1, stops)
        end = end if end > after + 1 else after
    age = age_before_name(ctx, end, stops)
    words = [_en_title_word(ctx.tokens[k].text) for k in range(start, i + 1)]
    title = " ".join(words + ([_span_text(ctx, after, end)] if end > after else []))
    org = org or _party_in(ctx, i + 1, end) or _party_in(ctx, start, i) or _org_before(ctx, start, 1)
    return PositionSpan(start, i, end + age, title, frozenset(), org)


_ARTICLES_EN = frozenset({"the", "a", "an"})


def _en_modifier_of_next_head(ctx: Ctx, i: int) -> bool:
    """"deputy chairman": a head that modifies the head right after it is no title of its own."""
    k = i + 2 if _en_party_word(ctx, i + 1) else i + 1  # "deputy party chairman"
    if k >= len(ctx.tokens) or en_key(ctx.tokens[i].text) not in word_set("modifiers_en.txt"):
        return False
    return en_key(ctx.tokens[k].text) in en_heads() and all(gap_ok(ctx, j, j + 1) for j in range(i, k))


def _en_party_word(ctx: Ctx, k: int) -> bool:
    """"Party" between title words, no organization's name's word ("Nur Otan Party Executive Secretary")."""
    return k < len(ctx.tokens) and ctx.tokens[k].text.lower() == "party" and k not in ctx.orgs


def _en_title_word(word: str) -> str:
    """A title word in lower case; "MP" stays as written."""
    return word if word.isupper() and len(word) == 2 else word.lower()


def plural_title_at(ctx: Ctx, i: int, stops: set[int]) -> Optional[PositionSpan]:
    """A plural head at token i as its title in the singular («депутаты от партии» -> «депутат от партии»,
    "Majilis deputies" -> "deputy"), over the phrase that depends on it; None when token i is no plural head."""
    word, lang = ctx.tokens[i].text, ctx.langs[i]
    if lang == "ru":
        forms = [f for f in ru_heads().get(ru_key(word), ()) if f.plural]
        if not forms:
            return None
        cases = frozenset(f.case for f in forms)
        end, org = ru_chain(ctx, i + 1, stops)
        end = ru_pp(ctx, end, stops, False, cases)
        title = " ".join([forms[0].lemma] + ([_span_text(ctx, i + 1, end)] if end > i + 1 else []))
        return PositionSpan(i, i, end, title, cases, org or _party_in(ctx, i + 1, end))
    low = word.lower()
    one = low[:-3] + ("y" if low.endswith("ies") else "man") if low.endswith(("ies", "men")) else low[:-1]
    if lang != "en" or not low.endswith(("s", "men")) or one not in en_heads():
        return None
    start, end, org = _left_modifiers(ctx, i, word_set("modifiers_en.txt"), en_key), i + 1, None
    if end < len(ctx.tokens) and ctx.tokens[end].text.lower() == "of":
        end, org = _en_chain(ctx, end + 1, stops)
        end = end if end > i + 2 else i + 1
    words = [ctx.tokens[k].text.lower() for k in range(start, i)] + [one]
    title = " ".join(words + ([_span_text(ctx, i + 1, end)] if end > i + 1 else []))
    org = org or _party_in(ctx, i + 1, end) or _org_before(ctx, start, 1)
    return PositionSpan(start, i, end, title, frozenset(), org)



def _en_gloss_end(ctx: Ctx, i: int) -> int:
    """After the head, or after a one-word English gloss of it in brackets («akim (governor) of the region»,
    «deputy akim (mayor) of the city»): the gloss is a translation, left out of the title."""
    toks = ctx.tokens
    if (i + 3 < len(toks) and toks[i + 1].text == "(" and toks[i + 3].text == ")"
            and toks[i + 2].text.lower() in en_heads()):
        return i + 4
    return i + 1


def _verb_before_article(ctx: Ctx, j: int) -> bool:
    """A lower-case word before an article that no chain lets stand there (`before_article_en.txt`): a verb
    («… of foreign affairs met the akim …»), where the chain ends."""
    word = ctx.tokens[j].text
    if not word.isalpha() or not word.islower() or j + 1 >= len(ctx.tokens):
        return False
    return ctx.tokens[j + 1].text.lower() in _ARTICLES_EN and word not in word_set("before_article_en.txt")


def _en_chain(ctx: Ctx, j: int, stops: set[int]) -> tuple[int, Optional[str]]:
    org, begin = None, j
    while j < len(ctx.tokens) and j - begin < MAX_CHAIN and j not in stops:
        word = ctx.tokens[j].text
        if not (word[:1].isalnum() or fold_quotes(word) in ('"', "'")) or word.lower() in word_set("stop_en.txt"):
            break
        if _verb_before_article(ctx, j) or _verb_before_name(ctx, j, stops) or AGE.match(word):
            break
        if word.islower() and word.endswith("ed") and j + 1 < len(ctx.tokens) \
                and ctx.tokens[j + 1].text in word_set("stop_en.txt"):
            break  # "… of the 7th term elected in March": a participle's phrase
        if j in ctx.orgs and org is None:
            org = ctx.orgs[j].id
        j += 1
    return j, org


def _verb_before_name(ctx: Ctx, j: int, stops: set[int]) -> bool:
    """A lower-case word in -s or -ed between a capitalised name (or the word "party", "branch") and a person's
    name: a verb whose object is the person ("Chairman of Nur Otan Party receives NAME", "the chairman of the
    party proposed NAME" — NAME is not the chairman)."""
    word, prev = ctx.tokens[j].text, ctx.tokens[j - 1].text if j else ""
    if not word.isalpha() or not word.islower() or j + 1 not in stops or j < 1:
        return False
    return word.endswith(("s", "ed")) and (prev[:1].isupper() or fold(prev) in generic_org_words())

