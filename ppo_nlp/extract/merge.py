"""One place where mentions from gazetteers, rules and NER meet.

Precedence (documented in README): a gazetteer mention beats a rule mention, which beats an NER mention.
- The same span and label found twice is kept once, from the source of highest precedence; an NER
  label on a span a gazetteer or rule also labels is dropped.
- Nested spans are kept (a branch phrase holds the party's name: both are facts).
- Crossing spans (overlapping, neither inside the other) keep the one of higher precedence, then the
  longer, then the earlier.
- NER adds mentions only where no gazetteer or rule mention lies (`pipeline` drops the others), and only
  plausible ones (`plausible`): capitalised, not a lone common word, not a generic abbreviation.
The result is sorted by (start, -end, label, source) so records are deterministic.

The last merge (`extract/entities.py`: `merge_final`) gives the facts' mentions and a record's `entities`, a
flat layer marked as the model and the NER corpora mark names.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterable, Optional, Sequence

import regex

from ppo_nlp.doc import Count, Document, Entity
from ppo_nlp.extract.casing import english_noise, generic_reference
from ppo_nlp.extract.gazetteer import inside_quoted_name, ner_place_checker, place_adjective
from ppo_nlp.extract.gazetteer.placewords import quote_positions
from ppo_nlp.extract.platforms import split_person
from ppo_nlp.extract.rules import not_organization_name
from ppo_nlp.normalize.morph import common_word
from ppo_nlp.normalize.names import is_first_name, is_surname_shape
from ppo_nlp.resources import load_lines
from ppo_nlp.text import fold

_RANK = {"gazetteer": 0, "rule": 1, "ner": 2}
# a Roman numeral, Latin or with Cyrillic look-alikes (XLІІ with Cyrillic І, ХХ with Cyrillic Х)
_ROMAN_LETTERS = frozenset("IVXLCDMІХ")  # the first letter of every match of `_ROMAN`: a cheap test first
_ROMAN = regex.compile(r"[IVXLCDMІХ]+[.,)]?")


def precedence(entity: Entity) -> int:
    """Lower is stronger: gazetteer 0, rule 1, ner 2, anything else 3."""
    return _RANK.get(entity.source.partition(":")[0], 3)


def _strength(entity: Entity) -> tuple[int, int, int]:
    return (precedence(entity), -(entity.end - entity.start), entity.start)


def overlap(a: Entity, b: Entity) -> bool:
    """Spans that share a character."""
    return a.start < b.end and b.start < a.end


def crosses(a: Entity, b: Entity) -> bool:
    """Overlapping spans, neither inside the other."""
    nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return overlap(a, b) and not nested


def _same_span(a: Entity, b: Entity) -> bool:
    return a.start == b.start and a.end == b.end


def _conflicts(candidate: Entity, kept: Entity) -> bool:
    if crosses(candidate, kept):
        return True
    if not _same_span(candidate, kept):
        return False
    return candidate.label == kept.label or precedence(candidate) > precedence(kept)


class SpanIndex:
    """Entities bucketed by 64-character blocks, so that overlap checks cost O(neighbours), not O(all)."""

    BLOCK = 64

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._blocks: dict[int, list[Entity]] = {}
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        start, end = entity.start, entity.end
        file_in_blocks(self._blocks, start // self.BLOCK, (end - 1 if end > start else start) // self.BLOCK, entity)

    def near(self, entity: Entity) -> Sequence[Entity]:
        """Every indexed entity that shares a block with `entity` (a superset of those that touch it; one that
        shares two blocks comes twice). Read it before the next `add`: it may be the index's own list."""
        start, end = entity.start, entity.end
        first, last = start // self.BLOCK, (end - 1 if end > start else start) // self.BLOCK
        if first == last:
            return self._blocks.get(first, ())
        return [o for block in range(first, last + 1) for o in self._blocks.get(block, ())]

    def overlaps(self, entity: Entity) -> bool:
        start, end = entity.start, entity.end  # `overlap`, inlined
        return any(start < o.end and o.start < end for o in self.near(entity))


def merge_entities(entities: list[Entity]) -> list[Entity]:
    """Resolve duplicates and crossing spans by precedence; keep nesting. Each candidate, strongest first
    (`_strength`), is checked (`_conflicts`) against the kept mentions that share a 64-character block
    with it (as `SpanIndex` does), held as (start, end, label, precedence) rows."""
    kept: list[Entity] = []
    blocks: dict[int, list[tuple[int, int, str, int]]] = {}
    size = SpanIndex.BLOCK
    ranked = sorted([((precedence(e), e.start - e.end, e.start), k, e) for k, e in enumerate(entities)])
    for (rank, _, start), _, candidate in ranked:
        end, label = candidate.end, candidate.label
        first, last = start // size, (end - 1 if end > start else start) // size
        if _blocks_conflict(blocks, first, last, (start, end, label, rank)):
            continue
        kept.append(candidate)
        file_in_blocks(blocks, first, last, (start, end, label, rank))
    return sorted(kept, key=sort_key)


def file_in_blocks(blocks: dict, first: int, last: int, item) -> None:
    """Add `item` to the list of every block from `first` to `last` (`SpanIndex` and `merge_entities`)."""
    for block in range(first, last + 1):
        found = blocks.get(block)
        if found is None:
            blocks[block] = [item]
        else:
            found.append(item)


def _blocks_conflict(blocks: dict[int, list[tuple[int, int, str, int]]], first: int, last: int,
                     row: tuple[int, int, str, int]) -> bool:
    """`_conflicts` of a candidate's row (start, end, label, precedence) with a kept row in blocks first..last."""
    start, end, label, rank = row
    for block in range(first, last + 1):
        for other_start, other_end, other_label, other_rank in blocks.get(block, ()):
            if start == other_start and end == other_end:
                if label == other_label or rank > other_rank:
                    return True
            elif start < other_end and other_start < end and not (
                    (start <= other_start and other_end <= end) or (other_start <= start and end <= other_end)):
                return True
    return False


def sort_key(entity: Entity) -> tuple[int, int, str, str]:
    return (entity.start, -entity.end, entity.label, entity.source)


@lru_cache(maxsize=None)
def _word_list(name: str) -> frozenset[str]:
    """A folded word list from `resources/ner/` (one entry a line, `#` starts a comment)."""
    return frozenset(fold(word) for word in load_lines(f"ner/{name}"))


def _not_organization(words: list[str]) -> bool:
    """An event, document or kind of thing («Форума ППО», «Устав партии»), or an ALL-CAPS headline."""
    first = fold(words[0])
    shouting = len(words) >= 3 and all(w.isupper() for w in words)
    return shouting or first.startswith(_not_org_heads())


@lru_cache(maxsize=1)
def _not_org_heads() -> tuple[str, ...]:
    """`not_org_heads.txt` as a tuple for one C-level `str.startswith`."""
    return tuple(sorted(_word_list("not_org_heads.txt")))


def _shouted_name(words: list[str]) -> bool:
    """ALL-CAPS words make a name only when each is a known first name, has a surname's ending or is an
    initial («ЛӘЙЛӘ ТӨРЕШОВА»; not «СӨЗ БОЛЫП»)."""
    letters = [w.strip(".") for w in words]
    return all(len(w) <= 1 or is_first_name(w) or is_surname_shape(w) for w in letters)


def _cut_at_end(entity: Entity, doc: Document) -> bool:
    """A one-word name where the stored text stops mid-word («… отметил Ержа» of «Ержан»)."""
    if entity.end < len(doc.text.rstrip()) or " " in entity.text.strip():
        return False
    stem = entity.text.strip()
    return regex.search(rf"(?<!\w){regex.escape(stem)}\w", doc.text[: entity.start]) is not None


def _name_like(entity: Entity, words: list[str], doc: Document, loose: bool = False) -> bool:
    """A PERSON mention that is not a shouted common phrase, a word cut by the end of the text, a word
    of a quoted name («Адал және Жасампаз Ел үшін») or a Russian place adjective. The shouted test knows
    Russian and Kazakh names only: `loose` (the entities' gate) leaves English ones to the model. `loose`
    keeps a Russian or Kazakh name inside a quoted title («Страсти по Луке»): those titles capitalise only
    their first word, English ones every word («Anne of a Thousand Days»), so there the quoted stretch must
    read as a title (`_english_title`)."""
    english = loose and doc.lang_at(entity.start) == "en"
    if not english and all(w.isupper() and len(w) > 1 for w in words[:2]) and not _shouted_name(words):
        return False
    quoted = (english or not loose) and inside_quoted_name(doc.text, entity.start, entity.end) \
        and (not english or _english_title(doc.text, entity.start, entity.end))
    if _cut_at_end(entity, doc) or quoted:
        return False
    return not (len(words) == 1 and doc.lang_at(entity.start) == "ru" and place_adjective(words[0]))


def _english_title(text: str, lo: int, hi: int) -> bool:
    """Whether the quoted stretch around [lo, hi) (between the quote marks nearest it) reads as an English
    title: its first word capitalised, no lower-case word longer than an article or particle («Anne of a
    Thousand Days», «Ice Cold in Alex»). Speech the marks pair wrongly is none: «, " said Kowalczyk . "»,
    «" Ennistown backs Hollander . "»."""
    marks = quote_positions(text)
    i = bisect_left(marks, lo)
    if i == 0 or i == len(marks):
        return True
    words = text[marks[i - 1] + 1:marks[i]].split()
    lower = [w for w in words if w[:1].islower()]
    return bool(words) and not words[0][:1].islower() and all(len(w) <= 3 for w in lower)


# a name particle: a short lower-case word («de», «van», «бен») or one joined to a name («al-Saadani»)
_PARTICLE = regex.compile(r"\p{Ll}{2,3}(-\p{Lu}\w*)?|\p{Ll}{1,3}-\p{Lu}\w*")


def _starts_name(words: list[str], particles: bool) -> bool:
    """A capitalised first word; with `particles`, also a particle before a capital («de Silva»,
    «al-Aqsa»)."""
    if words[0][:1].isupper():
        return True
    lead = particles and _PARTICLE.fullmatch(words[0]) is not None
    return lead and ("-" in words[0] or (len(words) > 1 and words[1][:1].isupper()))


def _capitalised(words: list[str], particles: bool) -> bool:
    """Every word of a name capitalised; with `particles`, short lower-case words before or between
    capitalised ones («Gil de Ferran», «Мұхаммед бен Заид», «Rami al-Saadani») are part of it too."""
    if not particles:
        return all(w[:1].isupper() for w in words)
    inner = all(w[:1].isupper() or _PARTICLE.fullmatch(w) for w in words[1:])
    last = len(words) == 1 or words[-1][:1].isupper() or "-" in words[-1]
    return _starts_name(words, True) and inner and last


def plausible(entity: Entity, doc: Document, casing: bool = True) -> bool:
    """An NER mention worth keeping: a capitalised name, not a lone common word (gate for model noise); with
    `casing`, English capitalisation that is no name (headlines, sentence starts, lone foreign surnames) is
    dropped too (`extract/casing.py`: the facts' gate, stricter than the entities')."""
    if not entity.source.startswith("ner:"):
        return True
    words = entity.text.strip("«»\"“”'").split()
    if fold(entity.text.strip()) in _word_list("not_names.txt"):
        return False
    if not words or sum(map(str.isalpha, entity.text)) < 2 or not _starts_name(words, not casing):
        return False
    if words[0][:1] in _ROMAN_LETTERS and all(_ROMAN.fullmatch(w) for w in words):
        return False
    if casing and doc.lang_at(entity.start) == "en" and (english_noise(entity, doc) or (
            entity.label != "ORG" and len(words) <= 2 and generic_reference(words))):
        return False  # a kind of organization is no name under any label («of the Party» read as a place)
    if entity.label == "PERSON" and not (_capitalised(words, not casing)
                                         and _name_like(entity, words, doc, loose=not casing)):
        return False
    if entity.label == "ORG" and (_not_organization(words) or not_organization_name(
            entity.text, doc.text, entity.start, entity.end, doc.lang_at(entity.start))):
        return False
    return not (len(words) == 1 and doc.lang_at(entity.start) == "ru" and common_word(words[0]))


def count_entities(counts: list[Count]) -> list[Entity]:
    """COUNT mentions for the entity list (the facts themselves stay in `Document.counts`)."""
    return [Entity("COUNT", c.text, c.start, c.end, c.source) for c in counts]


PLACES = "places"  # the layer that decides every LOC mention when it runs (extract/gazetteer/places.py)


def _layer(doc: Document, name: str) -> list[Entity]:
    """A finder's mentions; LOC mentions only from the places layer when there is one."""
    found = doc.found.get(name, [])
    if name == PLACES or PLACES not in doc.found:
        return found
    return [e for e in found if e.label != "LOC"]


def _placed(doc: Document, entities: list[Entity]) -> list[Entity]:
    """NER mentions with each LOC checked against the place data (ids, nominative names; Kazakh case
    forms of common words dropped) when the places layer runs."""
    if PLACES not in doc.found:
        return entities
    out, check = [], ner_place_checker(doc)
    for entity in entities:
        checked = check(entity) if entity.label == "LOC" else entity
        if checked is not None:
            out.append(checked)
    return out


def model_mentions(doc: Document) -> list[Entity]:
    """The model's mentions (`found["ner"]`), a person that is or ends in a social network's name cut before
    it and the network an organization (`platforms.split_person`: «… Baıbek Facebook»)."""
    return [part for e in doc.found.get("ner", []) for part in split_person(e)]


def freed_names(doc: Document, known: list[Entity], model: list[Entity],
                index: Optional[SpanIndex] = None) -> tuple[list[Entity], list[Entity]]:
    """(`known`, `model`) less the countries that are words of an English organization's name the model reads
    («Qazaqstan Institute of Management», «National Bank of Kazakhstan»): the name is the fact, the country
    no place the text is about. Only where nothing else known overlaps the model's name (read up to a
    lower-case «in»: «… Institute of Management in Shymkent»), which must be plausible."""
    if not any(m.label == "ORG" and doc.lang_at(m.start) == "en" for m in model):
        return known, model
    index, held, out = index or SpanIndex(known), set(), []
    for org in model:
        cut = _before_in(org) if org.label == "ORG" and doc.lang_at(org.start) == "en" else None
        inside = [e for e in index.near(cut) if overlap(e, cut)] if cut else []
        if inside and all(_country_within(e, cut) for e in inside) and _headed(cut) and plausible(cut, doc):
            held.update(id(e) for e in inside)
            org = cut
        out.append(org)
    return ([e for e in known if id(e) not in held], out) if held else (known, model)


def _headed(org: Entity) -> bool:
    """A name with a word naming a kind of organization («Institute», «Bank»), not a country beside a
    person's name the model joined («Kazakhstan Kassym-Jomart»)."""
    kinds = _word_list("en_generic_org_words.txt")
    return any(fold(word) in kinds for word in org.text.split()[1:])


def _before_in(org: Entity) -> Entity:
    """An organization's mention cut before a lower-case « in » (the place it stands in)."""
    at = org.text.find(" in ")
    return replace(org, text=org.text[:at], end=org.start + at) if at > 0 else org


def _country_within(mention: Entity, org: Entity) -> bool:
    inside = org.start <= mention.start and mention.end <= org.end and (mention.start, mention.end) != (
        org.start, org.end)
    return inside and mention.label == "LOC" and mention.attrs.get("type") == "country"


def known_stage(*steps: tuple[str, ...]) -> Callable[[Document], None]:
    """The stage that merges the rule layers named in `steps` (each step merged onto the previous result)
    and sets aside the plausible NER mentions (`found["ner"]`) that lie outside them.

    A model's person that is or ends in a social network's name is read cut (`model_mentions`).

    Assigns `found["known"]`, `found["ner_new"]` (what passed the gate), `found["ner_judged"]` (every NER
    mention the gate judged), `found["model"]` (`model_mentions`) and `entities` (known mentions plus NER
    people: what the counts and officials stages read)."""

    def merge_known(doc: Document) -> None:
        known: list[Entity] = []
        for step in steps:
            known = merge_entities(known + [e for layer in step for e in _layer(doc, layer)])
        model, index = model_mentions(doc), SpanIndex(known)
        doc.found["model"] = model  # read again by the last merge (`entities.merge_final`)
        freed, model = freed_names(doc, known, model, index)
        if freed is not known:
            known, index = freed, SpanIndex(freed)
        outside = [e for e in model if not index.overlaps(e)]
        ner = [e for e in _placed(doc, outside) if plausible(e, doc)]
        doc.found["known"], doc.found["ner_new"], doc.found["ner_judged"] = known, ner, outside
        doc.entities = known + [e for e in ner if e.label == "PERSON"]

    return merge_known
