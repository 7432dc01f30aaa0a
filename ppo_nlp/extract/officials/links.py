"""Titles tied to a name through another title or through a predicate, after the adjacent links are made.

* coordination: «лидер Меджлиса, народный депутат Украины Мустафа Джемилев» (both titles before one name),
  «Гергей Ковач — политик и лидер партии», "Erlan Karin, secretary and spokesman" (titles after a name);
* predicates: «Иван Петров назначен министром», «капитаном стал Михаель Баллак», «…согласился занять пост
  премьер-министра» (a verb of holding or getting a post between the name and an instrumental title).
"""
from __future__ import annotations

from dataclasses import replace

from ppo_nlp.extract.officials.far_objects import far_object
from ppo_nlp.extract.officials.kk_leads import kk_lead
from ppo_nlp.extract.officials.lexicon import en_predicate_fillers, en_predicates, word_set
from ppo_nlp.extract.officials.persons import Ctx, PersonSpan, nameable
from ppo_nlp.extract.officials.name_words import is_cap
from ppo_nlp.extract.officials.positions import PositionSpan
from ppo_nlp.extract.officials.ru_phrases import is_adjective
from ppo_nlp.normalize.names import parses, surname_keys
from ppo_nlp.text import fold, fold_quotes

MAX_WINDOW = 4  # words between a name and a title joined by a predicate
KK_JOINED_GAP = 5  # words of the second title's organization phrase after the comma
KK_AS = frozenset(fold(w) for w in ("болып", "ретінде", "етіп"))  # «төрағасы болып …», «төрағасы ретінде …»: "as chairman"
APPOINTED_WINDOW = 5  # words between a verb of appointing and its object: the object's own title
KK_MAKING = fold("етіп")  # «X-ты төрағасы етіп сайлады»: "elected X (as) chairman"
KK_ACCUSATIVE = tuple(fold(e) for e in ("ты", "ті", "ды", "ді", "ны", "ні"))
KK_POST = frozenset(fold(w) for w in ("қызметіне", "лауазымына", "қызметінде", "лауазымында"))  # "to/in the post of"
KK_PARTICIPLE_ENDS = tuple({fold(e) for e in ("ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін")})  # бастаған
Links = dict[int, list[PositionSpan]]


def extend_links(ctx: Ctx, spans: list[PersonSpan], positions: list[PositionSpan], links: Links) -> None:
    """Add coordination and predicate links to `links` (name start token -> titles)."""
    owner = {id(p): s for s, ps in links.items() for p in ps}
    by_start = {s.start: s for s in spans}
    _coordinated(ctx, positions, links, owner, by_start)
    by_end = {s.end: s for s in spans}
    titled = {p.start: owner[id(p)] for p in positions if owner.get(id(p), -1) >= max(p.end, p.head + 1)}
    for pos in positions:
        if id(pos) not in owner and ctx.langs[pos.head] == "kk":
            start = _kk_participle_name(ctx, pos, by_start)
            start = _kk_subject_name(ctx, pos, by_end) if start is None else start
            if start is not None:
                _add(links, owner, start, pos)
        if id(pos) not in owner and ctx.langs[pos.head] == "en":
            start = _en_predicate_name(ctx, pos, by_end)
            if start is not None:
                _add(links, owner, start, pos)
        if id(pos) not in owner and ctx.langs[pos.head] == "ru":
            start = _predicate_name(ctx, pos, by_start, by_end, titled)
            start = _name_set_off(ctx, pos, by_start) if start is None else start
            start = far_object(ctx, pos, by_start, titled) if start is None else start
            if start is not None:
                _add(links, owner, start, pos)


def lone_surnames(ctx: Ctx, spans: list[PersonSpan]) -> list[PersonSpan]:
    """Capitalised words elsewhere that are the surname of a full name of the document («Петренко был
    министром»): candidates for the links, kept by the caller only when a title is tied to them."""
    keys: set[str] = set()
    for s in spans:
        if s.kind != "surname" and len(s.words) > 1:
            keys |= surname_keys(s.words[-1], ctx.langs[s.end - 1])
    taken = {k for s in spans for k in range(s.start, s.end)}
    heads = {key[:3] for key in keys}  # the cheap gate first: most capitalised words are no such surname
    tokens = ctx.tokens
    return [PersonSpan(k, k + 1, [tokens[k].text], "surname") for k in ctx.caps
            if ctx.folded[k][:3] in heads and k not in taken and is_cap(tokens[k].text)
            and nameable(ctx, k) and surname_keys(tokens[k].text, ctx.langs[k]) & keys]


def _add(links: Links, owner: dict[int, int], start: int, pos: PositionSpan) -> None:
    links.setdefault(start, []).append(pos)
    owner[id(pos)] = start


def _coordinated(ctx: Ctx, positions: list[PositionSpan], links: Links, owner: dict[int, int],
                 by_start: dict[int, PersonSpan]) -> None:
    """Titles before a name pass it leftwards over commas (over «и» right before it); titles after a name pass
    it rightwards."""
    pairs = list(zip(positions, positions[1:]))
    for left, right in reversed(pairs):
        if id(right) in owner and owner[id(right)] >= right.start and _retaken(ctx, left, right, owner, by_start):
            _move(links, owner, left, owner[id(right)])
        elif id(right) in owner and id(left) not in owner and owner[id(right)] >= right.start \
                and (_joined(ctx, left, right, word_set("coordinators_before.txt"))
                     or _kk_joined(ctx, left, right, by_start)
                     or _same_person(ctx, left, right) or _stacked(ctx, left, right)
                     or _and_before_name(ctx, left, right, by_start.get(owner[id(right)]))):
            _add(links, owner, owner[id(right)], left)
    for left, right in pairs:
        if id(left) in owner and id(right) not in owner and owner[id(left)] < left.start \
                and (_joined(ctx, left, _over_own_org(ctx, right), word_set("coordinators_after.txt"))
                     or _kk_next(ctx, left, right)):
            _add(links, owner, owner[id(left)], right)


def _retaken(ctx: Ctx, left: PositionSpan, right: PositionSpan, owner: dict[int, int],
             by_start: dict[int, PersonSpan]) -> bool:
    """«… Иван Петров, глава ТОО «Бета» и депутат маслихата Сергей Смирнов»: a title read as the apposition of
    the name before it is joined by «и» to a title right before the next name, so it is that name's."""
    first, name = owner.get(id(left)), by_start.get(owner[id(right)])
    if first is None or first >= left.start or name is None or ctx.langs[left.head] != "ru":
        return False
    if not _joined(ctx, left, right, word_set("coordinators_before_name.txt")):
        return False
    return not (name.end < len(ctx.tokens) and _plural_verb(ctx.tokens[name.end].text))  # «… выступили»: two people


def _move(links: Links, owner: dict[int, int], pos: PositionSpan, start: int) -> None:
    """Give `pos` to the name at `start`, taking it from the name that held it."""
    first = owner[id(pos)]
    links[first] = [p for p in links[first] if p is not pos]
    if not links[first]:
        del links[first]
    _add(links, owner, start, pos)


def _joined(ctx: Ctx, left: PositionSpan, right: PositionSpan, joiners: frozenset[str]) -> bool:
    """One joiner token between two titles that agree in case (Russian) on one line."""
    end = max(left.end, left.head + 1)
    if right.start != end + 1 or ctx.langs[left.head] == "kk" or ctx.folded[end] not in joiners:
        return False
    if "\n" in ctx.doc.text[ctx.tokens[end - 1].end:ctx.tokens[right.start].start]:
        return False
    return not (left.cases and right.cases) or bool(left.cases & right.cases)


def _over_own_org(ctx: Ctx, pos: PositionSpan) -> PositionSpan:
    """"X, chairman of the party and Mazhilis Speaker": the title starts at its own organization's name."""
    k = pos.start
    while k > 0 and pos.org and getattr(ctx.orgs.get(k - 1), "id", None) == pos.org:
        k -= 1
    return replace(pos, start=k) if k < pos.start else pos


def _and_before_name(ctx: Ctx, left: PositionSpan, right: PositionSpan, name) -> bool:
    """«председатель и основатель компании Иван Петров»: Russian titles joined by «и», the second right before
    the name, and no plural verb right before the first or right after the name (then they are two people)."""
    if name is None or name.start != max(right.end, right.head + 1) or ctx.langs[left.head] != "ru":
        return False
    if not _joined(ctx, left, right, word_set("coordinators_before_name.txt")):
        return False
    return not (left.start > 0 and _plural_verb(ctx.tokens[left.start - 1].text)
                or name.end < len(ctx.tokens) and _plural_verb(ctx.tokens[name.end].text))


def _plural_verb(word: str) -> bool:
    ps = parses(word.lower())
    return bool(ps) and ps[0].tag.POS in ("VERB", "PRTS") and "plur" in ps[0].tag


def _stacked(ctx: Ctx, left: PositionSpan, right: PositionSpan) -> bool:
    """Two Russian titles in one case in a row, adjectives between at most («глава миссии в регионе
    помощник министра Иван Петров», «наблюдатель от ОБСЕ шведский депутат …»)."""
    end = max(left.end, left.head + 1)
    if ctx.langs[left.head] != "ru" or not 0 <= right.start - end <= 2 or not left.cases & right.cases:
        return False
    if "\n" in ctx.doc.text[ctx.tokens[left.head].end:ctx.tokens[right.start].start]:
        return False
    return all(is_adjective(ctx.tokens[k].text) for k in range(end, right.start))


def _same_person(ctx: Ctx, left: PositionSpan, right: PositionSpan) -> bool:
    """«аким района и по совместительству глава районного филиала Асхат Нуржанов»: words that say «and also»."""
    end = max(left.end, left.head + 1)
    if not 0 < right.start - end <= 4 or "\n" in ctx.doc.text[ctx.tokens[end - 1].end:ctx.tokens[right.start].start]:
        return False
    return " ".join(fold(t.text) for t in ctx.tokens[end:right.start]) in word_set("same_person_joiners.txt")


def _kk_joined(ctx: Ctx, left: PositionSpan, right: PositionSpan, by_start: dict[int, PersonSpan]) -> bool:
    """«комитетінің төрағасы, Мәжілісінің депутаты П.Казанцев»: a comma, then the next title's organization
    («Республика Сенатының депутаты»: words before it that start no name; «"…" партиясының төрағасы»: a quoted
    party and its word)."""
    end = left.head + 1
    if ctx.langs[left.head] != "kk" or end >= right.start or ctx.tokens[end].text not in (",", "және"):
        return False
    if "\n" in ctx.doc.text[ctx.tokens[end - 1].end:ctx.tokens[right.start].start]:
        return False
    gap = range(end + 1, right.start)
    if all(k in ctx.blocked for k in gap) or _quoted_lead(ctx, end, right):
        return True
    return len(gap) <= KK_JOINED_GAP and right.start - 1 in ctx.blocked and not any(k in by_start for k in gap) \
        and all(ctx.tokens[k].text.isalpha() or k in ctx.blocked for k in gap)


def _quoted_lead(ctx: Ctx, end: int, right: PositionSpan) -> bool:
    """«Мәжіліс спикері, «AMANAT» партиясының төрағасы»: after the comma the second title's phrase starts with a
    quoted name or an organization («"…" партиясының», «Мәжілісінің»)."""
    if ctx.tokens[end].text != "," or end + 1 >= len(ctx.tokens) or kk_lead(ctx, right) != end + 1:
        return False
    return end + 1 in ctx.orgs or fold_quotes(ctx.tokens[end + 1].text) in ('"', "'")


def _kk_next(ctx: Ctx, left: PositionSpan, right: PositionSpan) -> bool:
    """«Айгүл Серікова, Мәжіліс депутаты, "AMANAT" фракциясының мүшесі»: after a name's title, a comma and the
    next title's phrase (its organization first), on one line."""
    end = left.head + 1
    if ctx.langs[left.head] != "kk" or ctx.langs[right.head] != "kk" or end >= len(ctx.tokens):
        return False
    if ctx.tokens[end].text != "," or "\n" in ctx.doc.text[ctx.tokens[end].end:ctx.tokens[right.head].start]:
        return False
    return kk_lead(ctx, right) == end + 1


def _predicate_name(ctx: Ctx, pos: PositionSpan, by_start: dict, by_end: dict, titled: dict[int, int]):
    """Start of the name joined to a title by a predicate on either side, or None; after the predicate the
    name may come with its own title («премьер-министром станет глава партии Анна Петрова»)."""
    if not ("ablt" in pos.cases or "gent" in pos.cases and _after_post_noun(ctx, pos)):
        return None
    k = pos.start
    for n in range(1, MAX_WINDOW + 1):
        if k - n < 0 or not _window_word(ctx.tokens[k - n].text):
            break
        if k - n in by_end and _has_predicate(ctx, k - n, k) and not _appointer(ctx, k - n, k):
            return by_end[k - n].start
    if "ablt" in pos.cases and k in by_end and _appointed(ctx, by_end[k].start):
        return by_end[k].start  # «назначить акима района Ерланова Бекзата председателем филиала»
    k = max(pos.end, pos.head + 1)
    for n in range(0, MAX_WINDOW):
        if n > 0 and k + n in titled and _has_predicate(ctx, k, k + n):
            return titled[k + n]
        if k + n >= len(ctx.tokens) or (k + n in by_start and n > 0 and _has_predicate(ctx, k, k + n)):
            return by_start[k + n].start if k + n in by_start and n > 0 else None
        if not _window_word(ctx.tokens[k + n].text):
            return None
    return None


SET_OFF_END = frozenset({",", "—", "–", "(", ".", ";", ":"})


def _name_set_off(ctx: Ctx, pos: PositionSpan, by_start: dict):
    """«Бывший спикер палаты, Нэнси Пелоси, заявила …»: a nominative title, a comma and a name set off by
    punctuation after it."""
    k = max(pos.end, pos.head + 1)
    if "nomn" not in pos.cases or k + 1 >= len(ctx.tokens) or ctx.tokens[k].text != "," or k + 1 not in by_start:
        return None
    name = by_start[k + 1]
    if name.end < len(ctx.tokens) and ctx.tokens[name.end].text not in SET_OFF_END:
        return None
    return name.start if "\n" not in ctx.doc.text[ctx.tokens[pos.head].end:ctx.tokens[name.start].start] else None


def _kk_participle_name(ctx: Ctx, pos: PositionSpan, by_start: dict):
    """«…филиалының төрағасы болып жұмысын бастаған Жандос Базартай»: a participle clause ends at the name;
    «төрағасы болып Айгүл Омарова сайланды»: the name right after «болып»."""
    k = max(pos.end, pos.head + 1)
    if k + 1 < len(ctx.tokens) and ctx.folded[k] in KK_POST and k + 1 in by_start:
        return by_start[k + 1].start  # «төрағасы қызметіне Серік Омаров тағайындалды»
    if k >= len(ctx.tokens) or ctx.folded[k] not in KK_AS:
        return None
    for n in range(k + 1, min(k + 2 + MAX_WINDOW, len(ctx.tokens))):
        word = ctx.tokens[n].text
        if n in by_start and (n == k + 1 or ctx.folded[n - 1].endswith(KK_PARTICIPLE_ENDS)
                              or _kk_made_object(ctx, k, by_start[n])):
            return by_start[n].start
        if not word.islower() or not word.isalpha():
            return None
    return None


def _kk_made_object(ctx: Ctx, k: int, name: PersonSpan) -> bool:
    """«төрағасы етіп аудан әкімі Дәурен Сәрсеновті бірауыздан сайлады»: after «етіп» ("as"), a name in the
    accusative is the one made chairman, whatever words stand between."""
    return ctx.folded[k] == KK_MAKING and ctx.folded[name.end - 1].endswith(KK_ACCUSATIVE)


def _kk_subject_name(ctx: Ctx, pos: PositionSpan, by_end: dict):
    """«Серік Омаров облыстық филиалдың төрағасы болып сайланды»: the subject before «… болып» + a verb."""
    k = max(pos.end, pos.head + 1)
    if k + 1 >= len(ctx.tokens) or ctx.folded[k] not in KK_AS or not ctx.tokens[k + 1].text.isalpha():
        return None
    if not ctx.tokens[k + 1].text.islower():
        return None
    for n in range(pos.start, max(pos.start - 1 - MAX_WINDOW - 4, 0), -1):
        if n in by_end:
            return by_end[n].start
        word = ctx.tokens[n - 1].text
        if not (n - 1 in ctx.orgs or word.islower() and word.isalpha()):
            return None
    return None


EN_WINDOW = 6  # words between an English name and a title: «has since been unanimously elected as the»


def _en_predicate_name(ctx: Ctx, pos: PositionSpan, by_end: dict):
    """«Marat Serikuly has been elected as chairman of a district branch», «… became secretary»: the name right before
    a window of predicate words; a passive form («elected») counts only after a form of "be" before it."""
    fillers, verbs = en_predicate_fillers(), en_predicates()
    tied, passive = False, False
    for k in range(pos.start - 1, max(pos.start - 1 - EN_WINDOW, -1), -1):
        if k + 1 in by_end and k + 1 < pos.start:
            return by_end[k + 1].start if tied else None
        word = ctx.tokens[k].text
        if word == "," and k in by_end:  # «…, Marat Bekov, was elected chairman»: the comma closes the name
            return by_end[k].start if tied else None
        if not word.islower():
            return None
        if word in verbs:
            tied, passive = tied or verbs[word] == "active", verbs[word] == "passive"
        elif word not in fillers:
            return None
        elif fillers[word] == "be" and passive:
            tied = True
    return None


def _after_post_noun(ctx: Ctx, pos: PositionSpan) -> bool:
    """«на пост председателя», «должность министра»: the title follows a word for a post."""
    return pos.start > 0 and ctx.folded[pos.start - 1] in word_set("post_nouns_ru.txt")


def _window_word(word: str) -> bool:
    key = fold(word)
    return key in word_set("predicate_fillers_ru.txt") or key in word_set("post_nouns_ru.txt") or _is_predicate(word)


def _has_predicate(ctx: Ctx, a: int, b: int) -> bool:
    return any(_is_predicate(ctx.tokens[k].text) for k in range(a, b))


def _appointer(ctx: Ctx, a: int, b: int) -> bool:
    """An active singular verb of appointing between a and b: the name before it gives the post, not holds it."""
    return any(p.tag.POS == "VERB" and "sing" in p.tag.grammemes and p.normal_form in word_set("appointing_ru.txt")
               for k in range(a, b) for p in parses(ctx.tokens[k].text) if ctx.tokens[k].text.islower())


def _appointed(ctx: Ctx, start: int) -> bool:
    """A verb of appointing a few words before the name at `start` (its own title between at most): the name
    is the object, the instrumental title right after it is the post it gets."""
    for k in range(start - 1, max(start - 1 - APPOINTED_WINDOW, -1), -1):
        word = ctx.tokens[k].text
        if not word.isalpha():
            return False
        if word.islower() and any(p.tag.POS in ("VERB", "INFN") and p.normal_form in word_set("appointing_ru.txt")
                                  for p in parses(word)):
            return True
    return False


def _is_predicate(word: str) -> bool:
    """A verb, participle or infinitive of holding or getting a post (назначен, стал, работал, занять)."""
    return word.islower() and any(p.tag.POS in ("VERB", "PRTS", "INFN") and p.normal_form in
                                  word_set("predicates_ru.txt") for p in parses(word))
