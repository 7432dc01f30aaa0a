"""From mentions to facts: the one place where mentions are grouped, for every fact type.

- ORG, PROJECT and LOC entities are grouped by canonical id (the `facts` stage). Extractors put what the
  record needs into `Entity.attrs` (`name`, `type`, `names`); an entity without an id (an NER mention the
  gazetteer does not know) gets an id derived from its text, so two mentions of the same unknown
  organization still fold into one fact.
- People: `cluster` joins name mentions greedily; what "the same person" means is the officials family's
  predicate.
- Counts: `first_of_each` keeps the first mention of each figure; the key is the counts family's.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Hashable, Iterable, Optional, TypeVar

from ppo_nlp.doc import Document, Entity, Location, Mention, Organization, Project
from ppo_nlp.extract.foreign import foreign_body
from ppo_nlp.extract.merge import precedence
from ppo_nlp.extract.officials.lexicon import party_words
from ppo_nlp.extract.platforms import medium_use, platform_mention
from ppo_nlp.extract.rules import credited, head_type, media_mention
from ppo_nlp.normalize.ids import slug
from ppo_nlp.resources import load_table
from ppo_nlp.text import fold

T = TypeVar("T")


def _entity_id(entity: Entity, prefix: str) -> str:
    return entity.id or f"{prefix}:{slug(fold(entity.text))}"


def _group(entities: list[Entity], label: str, prefix: str) -> dict[str, list[Entity]]:
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.label == label:
            groups.setdefault(_entity_id(entity, prefix), []).append(entity)
    return groups


def _mentions(group: list[Entity]) -> list[Mention]:
    return [Mention(e.text, e.start, e.end) for e in group]


def _best(group: list[Entity], key: str) -> object:
    """The attribute given by the strongest source (gazetteer before rule before NER)."""
    for entity in sorted(group, key=precedence):
        if entity.attrs.get(key):
            return entity.attrs[key]
    return None


def _facts(entities: list[Entity], label: str, prefix: str, build: Callable[[str, list[Entity]], T]) -> list[T]:
    groups = _group(entities, label, prefix)
    return [build(key, group) for key, group in sorted(groups.items(), key=lambda kv: kv[1][0].start)]


def _head_type(name: str) -> Optional[str]:
    """The type an organization's head noun gives (Центре онкологии -> organization), for untyped mentions."""
    return next(filter(None, (head_type(word) for word in name.split() if word.isalpha())), None)


def _organization(key: str, group: list[Entity]) -> Organization:
    name = _best(group, "name") or group[0].text
    kind = _best(group, "type") or _head_type(str(name))
    return Organization(key, str(name), kind, _mentions(group))


def _project(key: str, group: list[Entity]) -> Project:
    name = str(_best(group, "name") or group[0].text)
    names = _best(group, "names") or {}
    return Project(key, name, {lang: names.get(lang) for lang in ("ru", "kk", "en")}, _mentions(group))


def _location(key: str, group: list[Entity]) -> Location:
    name = _best(group, "name") or group[0].text
    return Location(key, str(name), _best(group, "type"), _mentions(group))


def organizations(entities: list[Entity]) -> list[Organization]:
    return _facts(entities, "ORG", "org", _organization)


def projects(entities: list[Entity]) -> list[Project]:
    return _facts(entities, "PROJECT", "project", _project)


def locations(entities: list[Entity]) -> list[Location]:
    return _facts(entities, "LOC", "loc", _location)


def _media_typed(doc: Document, orgs: list[Organization]) -> list[Organization]:
    """Untyped organizations named like a site or credited with the story («передает …») are media."""
    for org in orgs:
        if org.type is None and any(media_mention(m.text, doc.text, m.start) for m in org.mentions):
            org.type = "media"
    return orgs


def _not_credits(doc: Document, orgs: list[Organization]) -> list[Organization]:
    """Leave out a medium named only where the story is credited to it («передает Liter.kz», «со ссылкой
    на …», «Tengrinews correspondent reports», a dateline «ASTANA. KAZINFORM –»): the article's source, not one
    of its facts (the document's own is its `outlet`); it stays in `entities`."""
    return [org for org in orgs
            if not (org.type == "media" and all(credited(doc.text, m.start, m.end) for m in org.mentions))]


def _domestic(doc: Document, mentions: list[Entity]) -> list[Entity]:
    """Leave out another country's government or ministry that the gazetteer took for Kazakhstan's
    («Правительство России», `extract/foreign.py`); the mention stays in `entities`."""
    return [m for m in mentions if not foreign_body(doc.text, m, doc.lang_at(m.start))]


def _not_media_platforms(doc: Document, orgs: list[Organization]) -> list[Organization]:
    """Leave out a social network or messenger named only as the medium of a message («написал в
    Фейсбуке», «via his official Facebook», `extract/platforms.py`); one the text also names otherwise
    («Facebook купил …») stays, all its mentions with it. The mentions stay in `entities`."""
    return [org for org in orgs if not all(platform_mention(m.text) and medium_use(doc.text, m.start, m.end)
                                           for m in org.mentions)]


CUT_ENDS = frozenset({"of", "a", "an", "the", "and", "for"})  # a name does not end in these: "Party of a"
QUOTE_MARKS = " \"'«»“”„"


@lru_cache(maxsize=None)
def party_descriptions() -> frozenset[str]:
    """Folded words that make the party word + lower-case words a description (`party_descriptions.tsv`)."""
    return frozenset(fold(row[0]) for row in load_table("party_descriptions"))


def party_description(text: str) -> bool:
    """«Партия власти», «партия реальных дел», «билік партиясы», "Party of a": a party described or cut short,
    not named (the party word first or last, the other words in lower case, one of them a description)."""
    words = text.strip(QUOTE_MARKS).split()  # «Партия власти "»: a quote mark the mention took in
    if len(words) < 2:
        return False
    if fold(words[0]) in party_words():
        rest = words[1:]
        if rest[-1].lower() in CUT_ENDS:
            return True
    elif fold(words[-1]) in party_words():
        rest = [words[0].lower()] + words[1:-1]
    else:
        return False
    return all(w.isalpha() and w.islower() for w in rest) and any(fold(w) in party_descriptions() for w in rest)


def _not_descriptions(orgs: list[Organization]) -> list[Organization]:
    """Leave out an organization every mention of which describes a party instead of naming one; the
    mentions stay in `entities`."""
    return [org for org in orgs if not all(party_description(m.text) for m in org.mentions)]


def facts(doc: Document) -> None:
    """The facts stage: organizations, projects and locations of the mentions facts are made of
    (`found.fact_mentions`; a document that never ran the merge stage uses its `entities`)."""
    mentions = doc.found.get("fact_mentions", doc.entities)
    orgs = _not_descriptions(_not_media_platforms(doc, organizations(_domestic(doc, mentions))))
    doc.organizations = _not_credits(doc, _media_typed(doc, orgs))
    doc.projects = projects(mentions)
    doc.locations = locations(mentions)


def cluster(items: Iterable[T], bucket: Callable[[T], Hashable], fits: Callable[[T, list[T]], bool],
            may_join: Callable[[T, int], bool]) -> list[list[T]]:
    """Greedy grouping in the order given: an item joins the first earlier group of its bucket that it
    `fits`, when `may_join(item, number of groups it fits)` allows; otherwise it starts a group."""
    groups: list[list[T]] = []
    by_bucket: dict[Hashable, list[list[T]]] = {}
    for item in items:
        key = bucket(item)
        found = [g for g in by_bucket.get(key, []) if fits(item, g)]
        if found and may_join(item, len(found)):
            found[0].append(item)
        else:
            groups.append([item])
            by_bucket.setdefault(key, []).append(groups[-1])
    return groups


def first_of_each(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The first item of each key, in order (the same fact said twice is one fact)."""
    seen: set[Hashable] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
