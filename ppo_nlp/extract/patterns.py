"""Rules for what the gazetteer does not know: quoted projects, primary organizations, branches,
Central Office departments and districts.

>>> doc = Document("d", "t", "ППО «Рахат» и проект «Таза ауыл»", lang="ru")
>>> sorted((e.label, e.id) for e in extract_patterns(doc))
[('ORG', 'org:ppo:rakhat'), ('PROJECT', 'project:taza_auyl')]
"""
from __future__ import annotations

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.branches import extract_branches
from ppo_nlp.extract.departments import extract_departments
from ppo_nlp.extract.districts import extract_districts
from ppo_nlp.extract.gazetteer import extract_gazetteer, words_of
from ppo_nlp.extract.ppo import extract_ppo
from ppo_nlp.extract.quoted import extract_quoted_projects


def gazetteer_entities(doc: Document) -> list[Entity]:
    """The gazetteer's entities already on the document, else a fresh run."""
    found = [e for e in doc.entities if e.source.startswith("gazetteer:")]
    return found or extract_gazetteer(doc)


def extract_patterns(doc: Document) -> list[Entity]:
    """ORG, PROJECT and LOC entities found by rules (sources `rule:*`), sorted by position."""
    words = words_of(doc.text)
    gaz = gazetteer_entities(doc)
    out = extract_quoted_projects(doc, words) + extract_ppo(doc, words) + extract_districts(doc, words)
    out += extract_branches(doc, gaz, words) + extract_departments(doc, gaz, words)
    return sorted(out, key=lambda e: (e.start, -e.end))
