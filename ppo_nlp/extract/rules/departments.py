"""Departments of the party's Central Office: «партия Орталық аппаратының ұйымдастыру ... департаменті».

>>> from ppo_nlp.extract.gazetteer import extract_gazetteer
>>> doc = Document("d", "t", "Орталық аппаратының ұйымдастыру жұмыс департаменті директоры", lang="kk")
>>> [(e.id, e.attrs["name"]) for e in extract_departments(doc, extract_gazetteer(doc))]
[('org:amanat:central_office:uyymdastyru_zhumys', 'Орталық аппаратының ұйымдастыру жұмыс департаменті')]
"""
from __future__ import annotations

from typing import Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.rules.quoted import list_words
from ppo_nlp.normalize.ids import slug
from ppo_nlp.text import Words

OFFICE_ID = "org:amanat:central_office"
SOURCE = "rule:party_department"
MAX_WORDS = 7  # words naming the department's field


def _field_words(words: Words, lo: int, hi: int) -> bool:
    """The department's field: a few lower-case words, nothing else."""
    return 0 < hi - lo <= MAX_WORDS and all(words.tokens[j].text.isalpha() and words.tokens[j].text.islower()
                                             for j in range(lo, hi))


def _entity(doc: Document, lo: int, hi: int, field: str, name: str) -> Entity:
    attrs = {"type": "party_body", "name": name[:1].upper() + name[1:], "parent": OFFICE_ID}
    return Entity("ORG", doc.text[lo:hi], lo, hi, SOURCE, id=f"{OFFICE_ID}:{slug(field)}", attrs=attrs)


def _kk_department(doc: Document, words: Words, office: Entity, first: int) -> Optional[Entity]:
    """Office, field words, then the department word (Kazakh order)."""
    for k in range(first + 1, min(len(words), first + MAX_WORDS + 1)):
        if words.folded[k] in list_words("dept") or words.folded[k].startswith(tuple(list_words("dept"))):
            if not _field_words(words, first, k):
                return None
            field = doc.text[words.tokens[first].start : words.tokens[k - 1].end]
            head = next(w for w in sorted(list_words("dept"), key=len) if words.folded[k].startswith(w))
            name = doc.text[office.start : words.tokens[k].start] + _nominative(words.tokens[k].text, head)
            return _entity(doc, office.start, words.tokens[k].end, field, name)
    return None


def _nominative(text: str, head: str) -> str:
    """The department word as written up to its dictionary form (департаментінің -> департаменті)."""
    forms = [w for w in list_words("dept") if w.startswith(head)]
    return text[: len(max(forms, key=len))] if forms else text


def extract_departments(doc: Document, gaz: list[Entity], words: Optional[Words] = None) -> list[Entity]:
    """ORG entities (party_body) for departments named after the Central Office."""
    words = words or Words(doc.text)
    ends = words.end_index
    out = []
    for office in (e for e in gaz if e.id == OFFICE_ID and e.end in ends):
        ent = _kk_department(doc, words, office, ends[office.end] + 1)
        if ent is not None:
            out.append(ent)
    return out
