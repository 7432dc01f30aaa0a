"""The rules family: what the gazetteer does not know, found by patterns: quoted projects (and English
ones written without quotes, unquoted.py), primary
organizations, branches, Central Office departments, districts, organizations named beside a head noun
(named.py) and numbered or named institutions (institutions.py); orgnames.py says what an organization's
name looks like (head nouns and their types; shapes that are never a name).

Public face: the stage `extract_rules`. It reads the gazetteer's mentions from `doc.found["gazetteer"]`
(branches and departments hang on them) and returns ORG, PROJECT and LOC entities (sources `rule:*`).

>>> doc = Document("d", "t", "ППО «Рахат» и проект «Таза ауыл»", lang="ru")
>>> sorted((e.label, e.id) for e in extract_rules(doc))
[('ORG', 'org:ppo:rakhat'), ('PROJECT', 'project:taza_auyl')]
"""
from __future__ import annotations

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.rules.branches import extract_branches
from ppo_nlp.extract.rules.departments import extract_departments
from ppo_nlp.extract.rules.districts import extract_districts
from ppo_nlp.extract.rules.institutions import extract_institutions
from ppo_nlp.extract.rules.named import extract_named
from ppo_nlp.extract.rules.orgnames import credited, head_type, media_mention, not_organization_name
from ppo_nlp.extract.rules.ppo import extract_ppo
from ppo_nlp.extract.rules.quoted import extract_quoted_projects
from ppo_nlp.extract.rules.unquoted import extract_unquoted_projects
from ppo_nlp.text import words_of

__all__ = ["credited", "extract_rules", "head_type", "media_mention", "not_organization_name"]


def extract_rules(doc: Document) -> list[Entity]:
    """ORG, PROJECT and LOC entities found by rules (sources `rule:*`), sorted by position."""
    words = words_of(doc.text)
    gaz = doc.found.get("gazetteer", [])
    out = extract_quoted_projects(doc, words) + extract_ppo(doc, words) + extract_districts(doc, words)
    out += extract_branches(doc, gaz, words) + extract_departments(doc, gaz, words)
    out += extract_named(doc, words, party=any(e.id == "org:amanat" for e in gaz)) + extract_institutions(doc, words)
    out += extract_unquoted_projects(doc, words)
    return sorted(out, key=lambda e: (e.start, -e.end))
