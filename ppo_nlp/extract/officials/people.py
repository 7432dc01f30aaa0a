"""Officials: PERSON and POSITION mentions and `Person` facts (name, position, organization) in ru/kk/en.

Names are found by `persons.py`, titles by `positions.py`; a title is linked to the name right after it
(«Секретарь партии Тамара Дуйсенова», «…атқарушы хатшысы Ерлан Жакупов») or right before it after a comma
or a dash (byline «Шынболат СЕЙДУАЛИЕВ, пресс-секретарь …»). Mentions of one person (full name, initials,
surname alone, other cases) are merged into one `Person` with the name in the nominative.

>>> from ppo_nlp.doc import Document
>>> _, people = extract_officials(Document("d", "d", "Выступил аким области Ерлан Жакупов.", lang="ru"))
>>> [(p.name, p.positions[0].title) for p in people]
[('Ерлан Жакупов', 'аким области')]
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Optional

from ppo_nlp import aggregate
from ppo_nlp.cache import bounded_cache
from ppo_nlp.doc import Document, Entity, Mention, Person, Position
from ppo_nlp.extract.officials.east_asian import with_east_asian
from ppo_nlp.extract.officials.kk_leads import kk_lead
from ppo_nlp.extract.officials.links import extend_links, lone_surnames
from ppo_nlp.extract.officials.offices import office_id
from ppo_nlp.extract.officials.persons import (PATRONYMIC_ENDS, Ctx, PersonSpan, adjacent, build_ctx, find_persons,
                                               first_name_like, name_particles, nameable, surname_like)
from ppo_nlp.extract.officials.name_words import is_cap, is_common_word
from ppo_nlp.extract.officials.positions import PositionSpan, find_positions
from ppo_nlp.extract.officials.plurals import plural_links
from ppo_nlp.extract.officials.possessors import possessors_after_titles
from ppo_nlp.normalize.person_keys import person_id
from ppo_nlp.normalize.name_agreement import CASE_ORDER
from ppo_nlp.normalize.names import is_first_name, surname_keys, to_nominative
from ppo_nlp.normalize.translit import to_latin
from ppo_nlp.text import fold

SOURCE = "rule:officials"
APPOSITION = frozenset({",", "—", "–", "-", "("})
NAME_SEP = "\t"  # joins the language, the case hint and the words of a name into one cache key


@dataclass
class NameMention:
    span: PersonSpan
    name: str
    gender: Optional[str]
    positions: list[PositionSpan] = field(default_factory=list)
    surname: str = field(init=False, default="")  # folded; read of every named mention (a cached_property
    first: str = field(init=False, default="")  # takes a lock on each first read)

    def __post_init__(self) -> None:
        words = self.name.split()
        if words:
            self.surname, self.first = fold(words[-1]), fold(words[0]) if len(words) > 1 else ""


def extract_officials(doc: Document) -> tuple[list[Entity], list[Person]]:
    """PERSON and POSITION entities (source `rule:officials`) and the `Person` facts of a document."""
    if not doc.text:
        return [], []
    ctx = build_ctx(doc)
    spans = with_east_asian(ctx, find_persons(ctx))
    positions = find_positions(ctx, {s.start for s in spans})
    spans = spans + _surnames_after_positions(ctx, positions, spans)
    spans = sorted(spans + _names_before_appositions(ctx, positions, spans), key=lambda s: s.start)
    spans = _org_names_after_titles(ctx, positions, spans)
    positions = possessors_after_titles(ctx, positions, spans)
    lone = lone_surnames(ctx, spans)
    candidates = sorted(spans + lone, key=lambda s: s.start)
    links = _link(ctx, candidates, positions)
    extend_links(ctx, candidates, positions, links)
    plural_links(ctx, candidates, links)
    spans = sorted(spans + [s for s in lone if s.start in links], key=lambda s: s.start)  # the rest: no link
    names: dict[tuple, tuple[str, Optional[str]]] = {}  # a name comes again and again in one document
    mentions = [_normalize(ctx, s, links.get(s.start, []), names) for s in spans]
    clusters = _merge_patronymic_forms(_cluster([m for m in mentions if m.name]))
    _add_surname_mentions(ctx, clusters, spans)
    people = [_person(ctx, c, shown) for c, shown in _join_same_ids(clusters)]
    _unique_ids(people)
    return _entities(ctx, people, positions, links), people


def _surnames_after_positions(ctx: Ctx, positions: list[PositionSpan], spans: list[PersonSpan]) -> list[PersonSpan]:
    """One or two capitalised unknown words right after a title («мэр Лужков», «президент Барак Обама»)."""
    taken = {k for s in spans for k in range(s.start, s.end)}
    out = []
    for pos in positions:
        k = max(pos.end, pos.head + 1)
        if k >= len(ctx.tokens) or k in taken or not _name_word(ctx, k, k - 1):
            continue
        end = k + 2 if _name_word(ctx, k + 1, k) and k + 1 not in taken else k + 1
        words = [t.text for t in ctx.tokens[k:end]]
        out.append(PersonSpan(k, end, words, "full" if end - k > 1 else "surname"))
        taken.update(range(k, end))
    return out


def _names_before_appositions(ctx: Ctx, positions: list[PositionSpan],
                              spans: list[PersonSpan]) -> list[PersonSpan]:
    """Two capitalised unknown words right before «, title» (Erlan Karin, secretary of the party)."""
    taken = {k for s in spans for k in range(s.start, s.end)}
    out = []
    for pos in positions:
        k = pos.start - 2
        if k < 1 or ctx.tokens[pos.start - 1].text not in APPOSITION or k in taken:
            continue
        if _name_word(ctx, k - 1, k - 1) and _name_word(ctx, k, k - 1) and k - 1 not in taken:
            out.append(PersonSpan(k - 1, k + 1, [ctx.tokens[k - 1].text, ctx.tokens[k].text], "full"))
            taken.update((k - 1, k))
    return out


def _org_names_after_titles(ctx: Ctx, positions: list[PositionSpan], spans: list[PersonSpan]) -> list[PersonSpan]:
    """Of two names in a row after a Russian title with an organization phrase, the first, when it does not
    start with a first name, names the organization («капитан клуба Ордабасы Ержан Бекенов»): it joins
    the title and is no person."""
    by_start = {s.start: s for s in spans}
    dropped = set()
    for n, pos in enumerate(positions):
        first = by_start.get(pos.end) if pos.end > pos.head + 1 and ctx.langs[pos.head] == "ru" else None
        second = by_start.get(first.end) if first else None
        if second and adjacent(ctx, first.end - 1) and not first_name_like(ctx, first.start):
            dropped.add(first.start)
            positions[n] = replace(pos, end=first.end, title=f"{pos.title} {' '.join(first.words)}")
    return [s for s in spans if s.start not in dropped]


def _name_word(ctx: Ctx, k: int, prev: int) -> bool:
    """A capitalised word after `prev` that is neither a dictionary word nor inside an entity."""
    if k >= len(ctx.tokens) or not nameable(ctx, k) or not adjacent(ctx, prev):
        return False
    word = ctx.tokens[k].text
    if ctx.langs[k] == "kk":  # no dictionary: only list names and surname shapes (not «Президент Әкімшілігі»)
        return is_first_name(word) or _lone_surname(ctx, k)
    return not word.isupper() and not is_common_word(word, ctx.langs[k])


def _lone_surname(ctx: Ctx, k: int) -> bool:
    return is_cap(ctx.tokens[k].text) and surname_like(ctx, k, True)


def _link(ctx: Ctx, spans: list[PersonSpan], positions: list[PositionSpan]) -> dict[int, list[PositionSpan]]:
    """Name start token -> the titles that belong to it (title before or apposition after)."""
    by_start = {s.start: s for s in spans}
    by_end = {s.end: s for s in spans}
    links: dict[int, list[PositionSpan]] = {}
    for pos in positions:
        after = max(pos.end, pos.head + 1)
        if after not in by_start and _dash_before_name(ctx, after, by_start):
            after += 1  # «первый заместитель председателя филиала — Бекзат Алтынбеков»
        elif after not in by_start and _en_comma_before_name(ctx, pos, after, by_start, by_end):
            after += 1  # "the secretary of the maslikhat, Marat Ibrayev"
        if after in by_start:
            links.setdefault(after, []).append(pos)
            continue
        lead = kk_lead(ctx, pos)
        before = by_end.get(lead - 1)
        if before and lead >= 1 and ctx.tokens[lead - 1].text in APPOSITION and not _line_edge(ctx, lead - 2, lead - 1) \
                and not any(_within(pos, p) for p in positions):
            links.setdefault(before.start, []).append(pos)
        elif _signature(ctx, pos, by_end):
            links.setdefault(by_end[pos.start].start, []).append(pos)
    return links


def _within(inner: PositionSpan, outer: PositionSpan) -> bool:
    """`inner` is the first words of the longer title `outer` («төрағасының» of «төрағасының орынбасары»)."""
    return outer.start == inner.start and max(outer.end, outer.head + 1) > max(inner.end, inner.head + 1)


def _signature(ctx: Ctx, pos: PositionSpan, by_end: dict) -> bool:
    """A line that is a name and then its capitalised title («Иван Петров Президент ФИДЕ» under a letter)."""
    name = by_end.get(pos.start)
    if name is None or not ctx.tokens[pos.start].text[:1].isupper() or not adjacent(ctx, pos.start - 1):
        return False
    return _line_edge(ctx, name.start - 1, name.start) and _line_edge(ctx, max(pos.end, pos.head + 1) - 1, None)


def _line_edge(ctx: Ctx, a: int, b: Optional[int]) -> bool:
    """A line break (or the text's edge) between token a and token b (b None: the token after a)."""
    b = a + 1 if b is None else b
    lo = ctx.tokens[a].end if a >= 0 else 0
    hi = ctx.tokens[b].start if b < len(ctx.tokens) else len(ctx.doc.text)
    return "\n" in ctx.doc.text[lo:hi] or a < 0 or b >= len(ctx.tokens)


def _dash_before_name(ctx: Ctx, k: int, by_start: dict) -> bool:
    """A dash at token k with a name right after it and no name right before the title's end."""
    return k + 1 < len(ctx.tokens) and ctx.tokens[k].text in ("—", "–") and k + 1 in by_start


def _en_comma_before_name(ctx: Ctx, pos: PositionSpan, k: int, by_start: dict, by_end: dict) -> bool:
    """An English title, a comma at token k and a name after it, the title not in apposition to a name
    before it («Marat Ibrayev, secretary of the maslikhat, Kumar …» keeps Ibrayev's title)."""
    if ctx.langs[pos.head] != "en" or k + 1 >= len(ctx.tokens) or ctx.tokens[k].text != "," or k + 1 not in by_start:
        return False
    return not (pos.start >= 1 and ctx.tokens[pos.start - 1].text in APPOSITION and pos.start - 1 in by_end)


def _case_hint(positions: list[PositionSpan]) -> Optional[str]:
    """The cases the positions may be in, joined by «|» in the usual case order (a name agrees with any)."""
    cases = {c for p in positions for c in p.cases}
    return "|".join(sorted(cases, key=lambda c: CASE_ORDER.index(c) if c in CASE_ORDER else 99)) or None


def _normalize(ctx: Ctx, span: PersonSpan, positions: list[PositionSpan],
               names: dict[tuple, tuple[str, Optional[str]]]) -> NameMention:
    """The mention of a name span; `names` keeps the nominatives already read in this document."""
    key = (tuple(span.words), ctx.langs[span.start], _case_hint(positions))
    found = names.get(key)
    if found is None:
        found = names[key] = _nominative(span.words, key[1], key[2])
    name, gender = found
    return NameMention(span, _particles_as_written(name, span.words), gender, positions)


def _nominative(words: list[str], lang: str, case_hint: Optional[str]) -> tuple[str, Optional[str]]:
    if not (lang and type(lang) is str) or any(NAME_SEP in w for w in words + [lang]):
        return to_nominative(words, lang, case_hint=case_hint)
    return _cached_nominative(NAME_SEP.join([lang, case_hint or ""] + words))


@bounded_cache(2 << 20)
def _cached_nominative(key: str) -> tuple[str, Optional[str]]:
    """`to_nominative` of a name read before, in another document too (the key holds all it depends on)."""
    lang, case_hint, *words = key.split(NAME_SEP)
    return to_nominative(words, lang, case_hint=case_hint or None)


def _particles_as_written(name: str, words: list[str]) -> str:
    """«Усама бин Ладен», not «Усама Бин Ладен»: lower-case particles keep their case."""
    out = name.split()
    if len(out) != len(words) or not any(w.islower() for w in words):
        return name
    return " ".join(w if w.islower() and w in name_particles() else o for o, w in zip(out, words))


def _same_names(a: NameMention, first: str, surname: str) -> bool:
    """One person: same first name (or matching initial) and the same surname up to a case ending."""
    if a.first and first and not (a.first == first or _initial_of(a.first, first)):
        return False
    x, y = sorted((a.surname, surname), key=len)
    return x == y or (len(x) >= 4 and y.startswith(x) and len(y) - len(x) <= 2)


def _initial_of(x: str, y: str) -> bool:
    x, y = x.rstrip("."), y.rstrip(".")
    return (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


_KIND_RANK = {"full": 0, "initials": 1}


def _cluster(mentions: list[NameMention]) -> list[list[NameMention]]:
    """Full names first, then initials and lone surnames joined to the one full name they fit.

    `_same_names` needs surnames equal or one a 4+ letter prefix of the other, so clusters are looked up by the
    first four letters of their members' surnames."""
    order = sorted(mentions, key=lambda m: (_KIND_RANK.get(m.span.kind, 2), m.span.start))
    fits = _Fits()
    clusters = aggregate.cluster(order, lambda m: m.surname[:4], fits, lambda m, n: m.span.kind == "full" or n == 1)
    return sorted(clusters, key=lambda c: min(x.span.start for x in c))


class _Fits:
    """`m` is the same person as a member of a group; a full name also needs a member with its first name.
    Members are compared by their distinct (first name, surname), kept per group as it grows, so that a
    person named a thousand times in one article costs one comparison, not a thousand."""

    def __init__(self) -> None:
        self.keys: dict[int, tuple[int, set[tuple[str, str]]]] = {}

    def __call__(self, m: NameMention, group: list[NameMention]) -> bool:
        seen, known = self.keys.get(id(group), (0, set()))
        known.update((x.first, x.surname) for x in group[seen:])
        self.keys[id(group)] = (len(group), known)
        return any(_same_names(m, first, surname) for first, surname in known) and (
            m.span.kind != "full" or any(first == m.first for first, _ in known))


def _merge_patronymic_forms(clusters: list[list[NameMention]]) -> list[list[NameMention]]:
    """«Қаныбек Құлжабайұлы» (first name + patronymic) joins the one «Қаныбек Айтжанов» of the document."""
    out = [c for c in clusters if not _patronymic_only(c)]
    for c in clusters:
        if not _patronymic_only(c):
            continue
        firsts = {m.first for m in c}
        fits = [o for o in out if o is not c and not _patronymic_only(o) and firsts & {m.first for m in o}]
        if len(fits) == 1:
            fits[0].extend(c)
        else:
            out.append(c)
    return sorted(out, key=lambda c: min(x.span.start for x in c))


def _patronymic_only(cluster: list[NameMention]) -> bool:
    return all(m.first and m.surname.endswith(PATRONYMIC_ENDS) for m in cluster)


def _add_surname_mentions(ctx: Ctx, clusters: list[list[NameMention]], spans: list[PersonSpan]) -> None:
    """Capitalised words elsewhere that are the surname of exactly one person («Оралов», «Бейсенкулова»)."""
    by_surname: dict[str, list[list[NameMention]]] = {}
    for c in clusters:
        for key in {x.surname for x in c if x.name}:
            by_surname.setdefault(key[:4], []).append(c)
    if not by_surname:
        return
    taken = {k for s in spans for k in range(s.start, s.end)}
    for k in ctx.caps:
        tok = ctx.tokens[k]
        if k in taken or ctx.folded[k][:4] not in by_surname or not is_cap(tok.text):
            continue
        keys = surname_keys(tok.text, ctx.langs[k])
        fits = [c for c in by_surname[ctx.folded[k][:4]] if keys & {x.surname for x in c if x.name}]
        if len({id(c) for c in fits}) == 1:
            span = PersonSpan(k, k + 1, [tok.text], "surname")
            fits[0].append(NameMention(span, "", None))


def _display_name(cluster: list[NameMention]) -> tuple[str, Optional[str]]:
    """The most frequent nominative among the longest forms (full names beat initials)."""
    named = [m for m in cluster if m.name]
    if len(named) == 1:  # most people are named once
        return named[0].name, named[0].gender or None
    best_kind = min(_KIND_RANK.get(m.span.kind, 2) for m in named)
    named = [m for m in named if _KIND_RANK.get(m.span.kind, 2) == best_kind]
    named = [m for m in named if not _patronymic_only([m])] or named  # a surname beats a patronymic
    counts = Counter(m.name for m in named)
    name = max(counts, key=lambda n: (counts[n], len(n)))
    genders = Counter(m.gender for m in named if m.gender)
    return name, (genders.most_common(1)[0][0] if genders else None)


def _person(ctx: Ctx, cluster: list[NameMention], shown: Optional[tuple[str, Optional[str]]]) -> Person:
    name, gender = shown or _display_name(cluster)
    latin = _latin(name)
    positions: list[Position] = []
    seen = set()
    for m in sorted(cluster, key=lambda m: m.span.start):
        for pos in m.positions:
            if fold(pos.title) not in seen:
                seen.add(fold(pos.title))
                positions.append(Position(pos.title, pos.org, office=office_id(pos.title, _title_lang(ctx, pos))))
    mentions = [_mention(ctx, m.span) for m in sorted(cluster, key=lambda m: m.span.start)]
    return Person(person_id(name), name, latin, positions, mentions, gender)


@bounded_cache(1 << 20)  # a person of the news comes back in document after document
def _latin(name: str) -> str:
    return to_latin(name)


def _title_lang(ctx: Ctx, pos: PositionSpan) -> str:
    lang = ctx.langs[pos.head] if pos.head < len(ctx.langs) else ctx.doc.lang
    return lang if lang in ("ru", "kk", "en") else "ru"


def _mention(ctx: Ctx, span: PersonSpan) -> Mention:
    start, end = ctx.tokens[span.start].start, ctx.tokens[span.end - 1].end
    return Mention(ctx.doc.text[start:end], start, end)


def _join_same_ids(clusters: list[list[NameMention]]) -> list[tuple[list[NameMention], Optional[tuple]]]:
    """Clusters whose names have one spelling-blind id («Жакупов», «Жақыпов» in one article) are one person;
    each with its `_display_name` where it is one cluster alone (a joined one is read again)."""
    joined: dict[str, list[NameMention]] = {}
    shown: dict[str, Optional[tuple]] = {}
    for c in clusters:
        display = _display_name(c)
        key = person_id(display[0])
        shown[key] = None if key in joined else display
        joined.setdefault(key, []).extend(c)
    return [(c, shown[key]) for key, c in joined.items()]


def _unique_ids(people: list[Person]) -> None:
    seen: Counter = Counter()
    for p in people:
        seen[p.id] += 1
        if seen[p.id] > 1:
            p.id = f"{p.id}_{seen[p.id]}"


def _entities(ctx: Ctx, people: list[Person], positions: list[PositionSpan],
              links: dict[int, list[PositionSpan]]) -> list[Entity]:
    out = [Entity("PERSON", m.text, m.start, m.end, SOURCE, id=p.id, attrs={"name": p.name})
           for p in people for m in p.mentions]
    linked = {id(p) for ps in links.values() for p in ps}
    for pos in positions:
        if id(pos) in linked or pos.org or pos.end > pos.head + 1:
            start, end = ctx.tokens[pos.start].start, ctx.tokens[pos.head].end
            out.append(Entity("POSITION", ctx.doc.text[start:end], start, end, SOURCE,
                              attrs={"title": pos.title, "organization": pos.org}))
    return sorted(out, key=lambda e: (e.start, e.end))
