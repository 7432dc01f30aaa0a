"""Cross-document merging of people, with the evidence for each merge.

Rules (docs/KB.md): two mentions are one person when their first names and surnames have the same
spelling-blind key (`normalize.person_keys.word_key`), which keeps the feminine ending, so «Бахыт Серикова» and «Бахыт
Сериков» stay two people. A name given as an initial and a surname («Е. Жакупов») or a surname alone joins a
full name only when exactly one full name fits (same surname key, the initial fits the first name, no
gender conflict) in the same document, else exactly one among the people holding a position in the same
organization; otherwise it stays a person of its own. The id is `person:<first key>_<surname key>` and
depends on nothing but that person's own name, so adding unrelated articles never changes it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Optional

from ppo_nlp.normalize.person_keys import gender_of, initial_fits, name_parts, person_id, split_words, word_key


@dataclass
class Mention:
    """One person as one record names it."""

    doc_id: str
    record_id: str
    name: str
    name_latin: Optional[str]
    orgs: frozenset
    first: Optional[str] = None
    surname: str = ""
    initial: Optional[str] = None
    gender: Optional[str] = None


@dataclass
class Person:
    person_id: str
    mentions: list[Mention] = field(default_factory=list)


def parse(doc_id: str, person: dict[str, Any], orgs: frozenset) -> Optional[Mention]:
    """A record person as first name / initial / surname, or None when the name has no word."""
    words = split_words(str(person.get("name") or ""))
    if not words:
        return None
    m = Mention(doc_id, str(person.get("id") or ""), str(person["name"]), person.get("name_latin"), orgs)
    m.gender = gender_of(words)
    m.first, m.surname, m.initial = name_parts(words)
    return m if m.surname else None


def _full_key(m: Mention) -> str:
    return person_id(f"{m.first} {m.surname}")


def _fits(part: Mention, full: Mention) -> bool:
    if word_key(part.surname) != word_key(full.surname):
        return False
    if part.gender and full.gender and part.gender != full.gender:
        return False
    return part.initial is None or initial_fits(part.initial, full.first or "")


def _candidates(part: Mention, fulls: dict[str, list[Mention]]) -> tuple[list[str], str]:
    """Full-name ids the partial name may stand for, and the rule that found them."""
    same_doc = sorted({pid for pid, ms in fulls.items() for f in ms if f.doc_id == part.doc_id and _fits(part, f)})
    if same_doc:
        return same_doc, "initial_or_surname_in_same_document"
    same_org = sorted({pid for pid, ms in fulls.items() for f in ms if part.orgs & f.orgs and _fits(part, f)})
    return same_org, "initial_or_surname_in_same_organization"


def _partial_id(m: Mention) -> str:
    return person_id(f"{m.initial or ''} {m.surname}")


def merge(mentions: list[Mention]) -> tuple[dict[str, Person], list[tuple]]:
    """People by id, and merge rows (kind, doc_id, record_id, kb_id, rule, evidence)."""
    fulls: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.first:
            fulls[_full_key(m)].append(m)
    people: dict[str, Person] = {pid: Person(pid, list(ms)) for pid, ms in fulls.items()}
    rows = []
    for m in (m for m in mentions if not m.first):
        found, rule = _candidates(m, fulls)
        pid = found[0] if len(found) == 1 else _partial_id(m)
        people.setdefault(pid, Person(pid)).mentions.append(m)
        if len(found) == 1:
            rows.append(("person", m.doc_id, m.record_id, pid, rule,
                         f"«{m.name}» = «{display_name(people[pid])}»"))
    for person in people.values():
        rows += _spelling_rows(person)
    return people, rows


def _spelling_rows(person: Person) -> list[tuple]:
    """Evidence rows for full names written differently that share one id."""
    fulls = [m for m in person.mentions if m.first]
    if len({m.name for m in fulls}) < 2 and len({m.record_id for m in fulls}) < 2:
        return []
    name = display_name(person)
    return [("person", m.doc_id, m.record_id, person.person_id, "same_name_key",
             f"«{m.name}» and «{name}» share the key {person.person_id[7:]}") for m in fulls]


def display_name(person: Person) -> str:
    """The full name written most often (ties: the first in sort order)."""
    names = Counter(m.name for m in person.mentions if m.first) or Counter(m.name for m in person.mentions)
    return min(names, key=lambda n: (-names[n], n))


def person_row(person: Person) -> tuple:
    """(person_id, name, name_latin, gender, documents)."""
    from ppo_nlp.normalize.translit import to_latin

    name = display_name(person)
    genders = {m.gender for m in person.mentions if m.gender}
    gender = genders.pop() if len(genders) == 1 else None
    return (person.person_id, name, to_latin(name), gender, len({m.doc_id for m in person.mentions}))
