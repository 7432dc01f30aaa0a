"""The last merge: the mentions facts are made of, and a record's `entities`.

`found.fact_mentions` follow the precedence of `extract/merge.py` (nesting kept). `entities` are one flat
layer, marked as the model and the NER corpora mark names (`entity_layer`): the model's mentions in its own
bounds, then the rule mentions where the model has none. So records' entities score at least like the model
alone on the NER dev sets (`benchmarks/ner.py --records`), while facts stay as strict as the rules.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Iterable

import regex

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.gazetteer import inside_quoted_name
from ppo_nlp.extract.gazetteer.places import SOURCE as PLACE_DATA
from ppo_nlp.extract.merge import (SpanIndex, count_entities, crosses, merge_entities, model_mentions, overlap,
                                   plausible)
from ppo_nlp.extract.rules.institutions import SOURCE as INSTITUTION
from ppo_nlp.extract.rules.named import SOURCE as NAMED
from ppo_nlp.resources import load_table, read_rows
from ppo_nlp.text import fold

_BOUNDED = frozenset({"LOC", "PERSON", "POSITION"})  # labels whose nested mentions are bounds of one name


def merge_final(doc: Document) -> None:
    """The mentions facts are made of (`found.fact_mentions`): known ones, officials' people, counts, then
    plausible NER where none of those lies. The record's `entities` add every other model mention that
    neither crosses one of them nor relabels its span (positions without a person, places the place data
    does not know, names beside or around a rule's mention): what a reader of the text would mark."""
    ruled = doc.found["known"] + doc.found.get("officials", []) + count_entities(doc.counts)
    index = SpanIndex(ruled)
    facts_in = merge_entities(ruled + [e for e in doc.found.get("ner_new", []) if not index.overlaps(e)])
    doc.found["fact_mentions"] = facts_in
    model = doc.found["model"] if "model" in doc.found else model_mentions(doc)
    doc.entities = entity_layer(doc, facts_in, model, doc.found.get("ner_new", []), doc.found.get("ner_judged", []))


def _lends_id(mention: Entity, model: Entity) -> bool:
    """A rule mention whose id the model's mention takes in its place: the same name bounded otherwise, that
    is the same label, crossing, or nested for a place, person or title («Шардара» of «Шардара ауданында»).
    Nested organizations are others (a branch holds its party's name, «правительство Японии» is no
    «правительство» of the gazetteer)."""
    if mention.label != model.label or mention.id is None or model.id is not None:
        return False
    return crosses(mention, model) or mention.label in _BOUNDED


def _entity_worthy(entity: Entity, doc: Document, failed: set[tuple[int, int, str]]) -> bool:
    """A model mention for `entities`: `plausible` for names and places (`failed`: those the known stage
    found implausible already); a job title or a programme may be written in lower case; an organization
    is kept as the model bounds it (the facts' gate reads organization heads)."""
    words = entity.text.split()
    if entity.label == "ORG":  # the model's organizations as it bounds them; a shouted headline is none
        return sum(ch.isalpha() for ch in entity.text) >= 2 and not (len(words) >= 3 and entity.text.isupper())
    if entity.label in ("POSITION", "PROJECT"):
        return sum(ch.isalpha() for ch in entity.text) >= 3 and not entity.text.isupper()
    if (entity.start, entity.end, entity.label) in failed and all(w[:1].isupper() for w in words) \
            and not inside_quoted_name(doc.text, entity.start, entity.end):
        return False  # the facts' gate judged it so already (it reads lower-case name particles as no name)
    return plausible(entity, doc, casing=False)


def entity_layer(doc: Document, facts_in: list[Entity], model: list[Entity], checked: list[Entity],
                 judged: Iterable[Entity] = ()) -> list[Entity]:
    """The record's `entities`, one flat layer as the model and the corpora mark names: every model mention
    (in its checked form where the places stage gave it an id) unless a rule labels its span otherwise or a
    count or date crosses it (`_uncrossed`), then every rule mention (`as_named`) where no model mention
    lies (`_with_rules`). Where rules and the model bound a name differently, or a rule's lies in the
    model's, the model's span wins: its annotation conventions are the readers' (facts keep the rules'
    spans and nesting)."""
    rules = [named for e in facts_in if (named := as_named(e, doc.lang_at(e.start))) is not None]
    names = _model_mentions(doc, model, checked, judged, rules)
    base = merge_entities(_uncrossed([e for e in facts_in if e.label in _UNSCORED], names) + names)
    modifiers = {id(e) for e in rules if doc.lang_at(e.start) == "kk" and _no_kk_name(e, doc.text)}
    return merge_entities(_with_rules(base, rules, doc.text, modifiers))


def _no_kk_name(mention: Entity, text: str) -> bool:
    """A Kazakh rule mention that is no name where the model marks nothing there: a place that only modifies
    the noun after it (`names_compound`) or an organization that is a common noun phrase
    (`common_kk_organization`)."""
    if mention.label == "LOC":
        return names_compound(mention, text)
    return mention.label == "ORG" and common_kk_organization(mention)


def common_kk_organization(org: Entity) -> bool:
    """A Kazakh organization the rules read off common words, which readers (and KazNERD) leave unmarked: an
    institution phrase read off its head noun, no number in it («Талдыдағы жаңа мектептің», the new school
    in Taldy; «Форум өткенде біздің колледж»), or a quoted name whose generic word stands
    before the quotes, Russian word order, where Kazakh names the kind after them (the subject «компания»
    of «компания «X» бағдарламасы»)."""
    if org.source == INSTITUTION:
        return not any(map(str.isdigit, org.text)) and org.text.split()[-1].islower()
    return org.source == NAMED and _GENERIC_FIRST.fullmatch(str(org.attrs.get("name", ""))) is not None


_GENERIC_FIRST = regex.compile(r"\p{L}[^«»\"“”„]*\s[«\"“„][^«»\"“”„]+[»\"”“]")


def _uncrossed(fixed: list[Entity], names: list[Entity]) -> list[Entity]:
    """Counts and dates, less those a model name without a digit crosses: there the count or date took a
    name's word for its own («0 Queen» of «Queen of South»); a model mention holding the number is no name
    and gives way to the count («… ауданында, 45» beside «45 человек»)."""
    index = SpanIndex(e for e in names if not any(map(str.isdigit, e.text)))
    return [f for f in fixed if not any(crosses(f, m) for m in index.near(f))]


def _model_mentions(doc: Document, model: list[Entity], checked: list[Entity], judged: Iterable[Entity],
                    rules: list[Entity]) -> list[Entity]:
    """The model's mentions worth an entity (`_entity_worthy`), none on a span a rule labels otherwise."""
    by_span = {(e.start, e.end, e.label): e for e in checked}
    failed = {k for e in judged if e.label != "LOC" and doc.lang_at(e.start) != "en"
              and (k := (e.start, e.end, e.label)) not in by_span}
    labelled = {(e.start, e.end): e for e in rules}  # a rule's label wins on its own span…
    return [by_span.get(key, m) for m in model if _model_label_stays(labelled.get((m.start, m.end)), m.label)
            and ((key := (m.start, m.end, m.label)) in by_span or _entity_worthy(m, doc, failed))]


def _model_label_stays(rule: Entity | None, label: str) -> bool:
    """…but the place data's does not win over the model's person: a surname or first name that a village,
    a former town name or a country's guessed case form bears too («Панфилов», «Малия» read as «Мали»),
    which the model reads in its context and the place data by the word alone (the curated list of places,
    `gazetteer:locations`, keeps its label: «Nur Sultan» is the capital)."""
    return rule is None or rule.label == label \
        or (rule.label, label, rule.source) == ("LOC", "PERSON", PLACE_DATA)


def _with_rules(base: list[Entity], rules: list[Entity], text: str, modifiers: set[int]) -> list[Entity]:
    """`base` (model mentions, counts, dates) and the rule mentions `_beside` the model's, less the Kazakh
    mentions that are no name where the model left them unmarked (`modifiers`, ids: `_no_kk_name`); an
    organization the model did not mark takes in the country it belongs to (`_owned_by`, `_country_before`).
    A model mention takes the id of a rule mention it stands for (`_lends_id`)."""
    index = SpanIndex(e for e in base if e.label not in _UNSCORED)
    places = {m.start: m for m in base if m.label == "LOC"}
    rest, named, beaten = [], {}, set()
    for e in rules:
        near = [m for m in index.near(e) if overlap(e, m)]
        keep, beats = _beside(e, [m for m in near if not _same(e, m)], text)
        keep = keep and not (not near and id(e) in modifiers)
        owner = places.get(e.end + 1) if keep and not near and e.label == "ORG" else None
        if owner is not None and text[e.end] == " ":
            e, beats = _owned_by(e, owner, text), [owner]
        elif keep and not near and e.label == "ORG":
            e = _country_before(e, text, index)
        beaten.update(id(m) for m in beats)
        if keep:
            rest.append(e)
        for m in () if keep else near:
            if _lends_id(e, m):
                named.setdefault(id(m), e)
    kept = [_named_like(m, named[id(m)]) if id(m) in named else m for m in base if id(m) not in beaten]
    return kept + rest


def _owned_by(org: Entity, place: Entity, text: str) -> Entity:
    """An organization with the place it belongs to, named right after it: one name, as readers mark it
    («правительства Израиля», «Минобороны РФ»)."""
    return replace(org, text=text[org.start:place.end], end=place.end, attrs=dict(org.attrs))


_ADJECTIVE_ENDINGS = "ий|ый|ая|ое|ие|ого|ому|ым|им|ом|ой|ую|ых|их|ыми|ими|ою"


@lru_cache(maxsize=1)
def _country_adjective() -> regex.Pattern:
    """A Russian country adjective right before the end of the searched text (`ner/country_adjectives_ru.tsv`:
    «японское », «российском »)."""
    stems = sorted((s for row in read_rows("ner/country_adjectives_ru.tsv") for s in row[1].split()),
                   key=len, reverse=True)
    return regex.compile(rf"(?i)(?<![\p{{L}}-])(?:{'|'.join(stems)})(?:{_ADJECTIVE_ENDINGS}) $")


def _country_before(org: Entity, text: str, index: SpanIndex) -> Entity:
    """An organization with the country's adjective written right before it, as Russian readers and the
    model mark it («японское правительство», «французском министерстве финансов»); as it was where there is
    none or a mention of the model's lies on it."""
    found = _country_adjective().search(text, max(0, org.start - 40), org.start)
    if found is None:
        return org
    grown = replace(org, text=text[found.start():org.end], start=found.start(), attrs=dict(org.attrs))
    return org if any(overlap(grown, m) for m in index.near(grown)) else grown


def _beside(rule: Entity, under: list[Entity], text: str) -> tuple[bool, list[Entity]]:
    """Whether a rule mention stays beside the model mentions it overlaps (`under`, none of its own span and
    label), and which of them give way: none overlap; a name the text quotes holds them (they give way:
    «Қазақстанның жүз жаңа есімі»); an organization holds only organizations (both stay: a branch's phrase
    holds its party's name)."""
    if not under:
        return True, []
    if not all(_inside(m, rule) for m in under):
        return False, []
    if _quoted(rule, text):
        return True, under
    return rule.label == "ORG" and all(m.label == "ORG" for m in under), []


def _inside(inner: Entity, outer: Entity) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


_OPENING, _CLOSING = "«\"“„", "»\"”“"


def _quoted(mention: Entity, text: str) -> bool:
    """A mention the text itself bounds with quotes («Қазақстанның жүз жаңа есімі»)."""
    before, after = text[:mention.start].rstrip()[-1:], text[mention.end:].lstrip()[:1]
    return bool(before) and before in _OPENING and bool(after) and after in _CLOSING


def _same(a: Entity, b: Entity) -> bool:
    return (a.start, a.end, a.label) == (b.start, b.end, b.label)


_QUOTED = regex.compile(r"(?P<head>[^«»\"“”„]*?)[«\"“„]\s*(?P<name>[^«»\"“”„]*?\w[^«»\"“”„]*?)\s*[»\"”“]"
                        r"(?P<tail>[^«»\"“”„]*)")
_QUOTES = regex.compile(r"[«»\"“”„]")
_UNSCORED = frozenset({"COUNT", "DATE"})
_PROPER = frozenset({"PERSON", "LOC"})  # labels whose names are capitalised in Russian and Kazakh too


def as_named(mention: Entity, lang: str) -> Entity | None:
    """A rule mention as `entities` show it: a name bounded as readers and the model bound it. A generic
    word and a quoted name («партии «Новые правые»», «« Нұр Отан » партиясының») is the quoted name. People
    and places are written with a capital in every language read, and English capitalises an institution's
    name: there a mention all in lower case («астанасына», «parliament») is a common word, left to the
    facts (Russian and Kazakh write «мәслихат», «правительство» in lower case). Job titles, counts and
    dates stay as found."""
    if mention.label in _UNSCORED:
        return None
    if mention.label == "POSITION":
        return None if lang == "kk" and _bare_title(mention.text) else mention
    if not any(ch.isupper() for ch in mention.text) and (mention.label in _PROPER or lang == "en"):
        return None
    quoted = _QUOTED.fullmatch(mention.text) if _QUOTES.search(mention.text) else None
    if quoted is None or any(ch.isupper() for ch in quoted["head"][1:] + quoted["tail"]):
        return mention
    start = mention.start + quoted.start("name")
    return replace(mention, text=quoted["name"], start=start, end=start + len(quoted["name"]),
                   attrs=dict(mention.attrs))


_NEXT_WORD = regex.compile(r"\s+(\p{Ll}[\p{L}-]*)")
_PAST_TENSE = ("ды", "ди", "ты", "ти")  # folded: a verb's past tense («берді»), not a possessive


@lru_cache(maxsize=1)
def _possessive_ending() -> regex.Pattern:
    """A Kazakh possessive ending with an optional case ending after it (folded, `patterns/suffixes.tsv`):
    «доллары», «әуежайынан», «дағдарысына»."""
    slots: dict[str, list[str]] = {"possessive": [], "case": []}
    for lang, slot, endings in load_table("suffixes"):
        if lang == "kk" and slot in slots:
            slots[slot].extend(endings.split())
    alt = {k: "|".join(sorted(v, key=len, reverse=True)) for k, v in slots.items()}
    return regex.compile(f"(?:{alt['possessive']})(?:{alt['case']})?$")


def names_compound(place: Entity, text: str) -> bool:
    """A Kazakh place in its bare form right before a lower-case noun that bears the possessive ending
    («АҚШ доллары», «Алматы әуежайынан», «Сирия дағдарысына»): the place is the first word of a compound
    naming a currency, a building or an event, which readers (and KazNERD) mark whole or not at all."""
    bare = place.attrs.get("names", {}).get("kk") or place.attrs.get("name")
    after = _NEXT_WORD.match(text, place.end)
    if not bare or fold(place.text) != fold(bare) or after is None:
        return False
    word = fold(after[1])
    return _possessive_ending().search(word) is not None and not word.endswith(_PAST_TENSE)


def _bare_title(text: str) -> bool:
    """A Kazakh job title of one lower-case word, nothing attached («басшысы», «спикер», «депутаты»): a
    word of the title phrase the text spells before it («басқармасының басшысы»), which Kazakh readers (and
    KazNERD) mark whole or not at all; a title with its modifier («аудан әкімі») or an office written with
    a capital («Президент») is a mention."""
    return " " not in text.strip() and text[:1].islower()


def _named_like(model: Entity, rule: Entity) -> Entity:
    """The model's bound of a name with the id and normalized values of the rule mention it replaced."""
    return replace(model, id=rule.id, attrs=dict(rule.attrs))
