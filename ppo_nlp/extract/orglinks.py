"""The `org_links` stage: each organization of an article with its parent and the place its id names, and
each position held with the place of its organization.

Rules in `ppo_nlp.normalize.org_tree`: a primary organization belongs to the article's district branch
(the one in the same oblast, else the only one), else its regional branch, else the party; a district
branch to the regional branch of its oblast; a regional branch and the party's bodies to the party. A
generic id («Маслихат», «Районный филиал партии») names no place here; the knowledge base qualifies it by
the place of its sentence.
"""
from __future__ import annotations

from ppo_nlp.doc import Document
from ppo_nlp.normalize.org_tree import derived_parent, place_named_by_id


def link_organizations(doc: Document) -> None:
    """Set `parent` and `place` of every organization of `doc`, and `place` of every position held."""
    for org in doc.organizations:
        org.place = place_named_by_id(org.id)
    local = {o.id: (o.type, o.place) for o in doc.organizations}
    for org in doc.organizations:
        parent = derived_parent(org.id, org.type, org.place, local)
        org.parent = parent if parent != org.id else None
    for person in doc.people:
        for position in person.positions:
            position.place = place_named_by_id(position.organization) if position.organization else None
