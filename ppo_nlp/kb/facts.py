"""Counts, positions, projects and mentions of one document as table rows.

A count's links (docs/KB.md): `organization`, `place` and `stated_by` fields of the record count are used
when present; otherwise the organization is the one its sentence names nearest to the number (the party
itself only when no other organization is named there; for party subjects — primary organizations,
members, chairs — only party units count, and when the sentence names none, the article's only branch),
the place the location its sentence names nearest,
else the place of that organization, and `stated_by` the record's (schema 1.3: who the text says gave the
figure, or nobody), for older records the person its sentence names nearest. `as_of` is the
count's own date, else the article's publication date (`as_of_source` says which).
"""
from __future__ import annotations

import hashlib
from typing import Any, Optional

from ppo_nlp.kb.context import DocContext, items, spans
from ppo_nlp.kb.orgs import PARTY, level, place_named_by_id

_NUMBERS = ("value", "min", "max")


def day(value: Any) -> Optional[str]:
    """The `YYYY-MM-DD` part of an ISO date, or None."""
    return value[:10] if isinstance(value, str) and len(value) >= 10 and value[4] == "-" else None


PARTY_SUBJECTS = frozenset({"ppo", "party_member", "ppo_chair"})  # counted things only party units own
_UNITS = ("primary", "district_branch", "regional_branch", "party")


def _level(ctx: DocContext, record_id: str) -> Optional[str]:
    org = next((o for o in items(ctx.record, "organizations") if str(o.get("id")) == record_id), {})
    kb = ctx.org_ids.get(record_id, record_id)
    return level(kb, org.get("type"), place_named_by_id(kb))


def _sentence_org(ctx: DocContext, start: int, party_subject: bool) -> Optional[str]:
    """The org its sentence names nearest to a count (a party unit for party subjects; the party last)."""
    lo, hi = ctx.sentence(start)
    found = [(i == PARTY, abs(s - start), i) for s, i in ctx.located("organizations") if lo <= s < hi
             and (not party_subject or _level(ctx, i) in _UNITS)]
    return ctx.org_ids.get(min(found)[2]) if found else None


def _article_branch(ctx: DocContext) -> Optional[str]:
    """The only party branch an article names, if it names exactly one."""
    found = {ctx.org_ids.get(i, i) for _, i in ctx.located("organizations")
             if _level(ctx, i) in ("district_branch", "regional_branch")}
    return found.pop() if len(found) == 1 else None


def count_links(ctx: DocContext, count: dict[str, Any], org_ids: dict[str, str],
                person_ids: dict[str, str]) -> tuple[Optional[str], Optional[str], Optional[str], str]:
    """(org_id, place_id or None, stated_by, rule) of one count; the place may still come from the org."""
    start = count["start"]
    org = org_ids.get(str(count.get("organization"))) if count.get("organization") else None
    place = ctx.place_of_location.get(str(count.get("place"))) if count.get("place") else None
    if not place and isinstance(count.get("place"), str):
        from ppo_nlp.kb.places import by_id
        place = by_id(count["place"])
    who = person_ids.get(str(count.get("stated_by"))) if count.get("stated_by") else None
    rule = "record" if (org or place) else "sentence"
    party_subject = count.get("subject_id") in PARTY_SUBJECTS
    org = org or _sentence_org(ctx, start, party_subject)
    if not org and party_subject:
        org, rule = _article_branch(ctx), "article_branch"
    near = ctx.nearest("locations", start)
    place = place or (ctx.place_of_location.get(near) if near else None)
    if "stated_by" not in count:  # records before schema 1.3: the person its sentence names nearest
        near_person = ctx.nearest("people", start)
        who = person_ids.get(near_person) if near_person else None
    return org, place, who, rule


def count_row(ctx: DocContext, count: dict[str, Any], links: tuple, org_place: Optional[str]) -> tuple:
    """One row of `counts` (see schema.TABLES)."""
    org, place, who, rule = links
    if not place and org_place:
        place, rule = org_place, rule + "+org_place"
    as_of = day(count.get("as_of")) or count.get("as_of")
    source = "sentence" if as_of else None
    if not as_of and day(ctx.record.get("published")):
        as_of, source = day(ctx.record.get("published")), "published"
    nums = [count.get(k) if isinstance(count.get(k), (int, float)) else None for k in _NUMBERS]
    start, end = count["start"], count["end"]
    rule = rule if (org or place) else None
    return (f"{ctx.doc_id}#{start}-{end}", ctx.doc_id, nums[0], count.get("qualifier"), count.get("unit"),
            count.get("subject"), count.get("subject_id"), nums[1], nums[2], count.get("change"), org, place,
            who, as_of, source, rule, start, end, ctx.text[start:end] or count.get("text"))


def valid_counts(ctx: DocContext) -> list[dict[str, Any]]:
    return [c for c in items(ctx.record, "counts") if isinstance(c.get("start"), int) and isinstance(c.get("end"), int)]


def position_id(person_id: str, title: str, org_id: Optional[str]) -> str:
    key = f"{person_id}\t{title}\t{org_id or ''}"
    return "pos:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def mention_rows(ctx: DocContext, key: str, ids: dict[str, str]) -> list[tuple]:
    """Rows of `mentions` for one record list; `ids` maps record ids to knowledge-base ids."""
    column = {"organizations": 5, "people": 6, "projects": 7, "locations": 8}[key]
    kind = key[:-1] if key != "people" else "person"
    out = []
    for entry in items(ctx.record, key):
        kb = ids.get(str(entry.get("id")))
        for start, end, text in spans(entry):
            if kb:
                row = [ctx.doc_id, start, end, kind, ctx.text[start:end] or text, None, None, None, None]
                row[column] = kb
                out.append(tuple(row))
    return out
