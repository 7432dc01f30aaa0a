"""Every derived table from the stored records: a pure function of the set of documents.

>>> tables = derive([])
>>> sorted(k for k, v in tables.items() if v)
[]
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable

from ppo_nlp.kb import facts, people
from ppo_nlp.kb.context import DocContext, context, items
from ppo_nlp.kb.orgs import PARTY, OrgTable
from ppo_nlp.kb.places import PlaceTable


def _document_row(ctx: DocContext, content_hash: str) -> tuple:
    r = ctx.record
    text = lambda k: r.get(k) if isinstance(r.get(k), str) else None  # noqa: E731
    return (ctx.doc_id, content_hash, text("title"), text("lang"), text("published"), text("outlet"),
            text("source"), len(ctx.text))


def _people(contexts: list[DocContext], org_ids: dict[str, dict[str, str]]) -> tuple:
    mentions = []
    for ctx in contexts:
        for p in items(ctx.record, "people"):
            orgs = frozenset(org_ids[ctx.doc_id].get(str(pos.get("organization")), "")
                             for pos in items(p, "positions")) - {"", PARTY}
            m = people.parse(ctx.doc_id, p, orgs)
            if m and m.record_id:
                mentions.append(m)
    found, merges = people.merge(mentions)
    person_ids: dict[str, dict[str, str]] = defaultdict(dict)
    for person in found.values():
        for m in person.mentions:
            person_ids[m.doc_id][m.record_id] = person.person_id
    return [people.person_row(p) for _, p in sorted(found.items())], merges, person_ids


def _positions(contexts, org_ids, person_ids, orgs: OrgTable) -> tuple[list, list]:
    seen: dict[str, tuple] = {}
    docs: dict[str, set] = defaultdict(set)
    dates: dict[str, list] = defaultdict(list)
    for ctx in contexts:
        for p in items(ctx.record, "people"):
            pid = person_ids[ctx.doc_id].get(str(p.get("id")))
            for pos in items(p, "positions") if pid else ():
                title = str(pos.get("title") or "").strip()
                org = pos.get("organization")
                org = org_ids[ctx.doc_id].get(str(org), org) if org else None
                if not title:
                    continue
                if org:
                    orgs.ensure(org)
                key = facts.position_id(pid, title, org)
                seen[key] = (key, pid, title, pos.get("office"), org)
                docs[key].add(ctx.doc_id)
                day = facts.day(ctx.record.get("published"))
                dates[key] += [day] if day else []
    rows = [seen[k] + (min(dates[k], default=None), max(dates[k], default=None), len(docs[k])) for k in sorted(seen)]
    links = sorted((k, d) for k in seen for d in docs[k])
    return rows, links


def _projects(contexts, org_rows: dict[str, tuple]) -> tuple[list, list]:
    names: dict[str, Counter] = defaultdict(Counter)
    langs: dict[str, dict] = defaultdict(dict)
    docs: dict[str, set] = defaultdict(set)
    reports = set()
    for ctx in contexts:
        branches = sorted({o for o in ctx.org_ids.values()
                           if org_rows.get(o, (None,) * 4)[3] in ("regional_branch", "district_branch", "primary")})
        for pr in items(ctx.record, "projects"):
            pid = str(pr.get("id") or "")
            if not pid:
                continue
            names[pid][str(pr.get("name") or pid)] += 1
            docs[pid].add(ctx.doc_id)
            for lang, name in sorted((pr.get("names") or {}).items()) if isinstance(pr.get("names"), dict) else ():
                if name and lang in ("ru", "kk", "en"):
                    langs[pid].setdefault(lang, name)
            for org in branches or [PARTY]:
                reports.add((pid, org, ctx.doc_id, "branch_in_article" if branches else "party_only"))
    rows = [(p, min(names[p], key=lambda n: (-names[p][n], n)), langs[p].get("ru"), langs[p].get("kk"),
             langs[p].get("en"), len(docs[p])) for p in sorted(names)]
    return rows, sorted(reports)


def derive(sources: Iterable[tuple[dict[str, Any], str]]) -> dict[str, list[tuple]]:
    """All derived tables from (record, content hash) pairs, rows sorted by primary key."""
    contexts, doc_rows, merges = [], [], []
    orgs, place_table = OrgTable(), PlaceTable()
    for record, content_hash in sources:
        ctx = context(record)
        ctx.org_ids, rows = orgs.add_document(ctx)
        contexts.append(ctx)
        doc_rows.append(_document_row(ctx, content_hash))
        merges += rows
    merges += _fold_aliases(orgs, contexts)
    org_ids = {c.doc_id: c.org_ids for c in contexts}
    person_rows, person_merges, person_ids = _people(contexts, org_ids)
    positions, position_docs = _positions(contexts, org_ids, person_ids, orgs)
    org_rows = {r[0]: r for r in orgs.rows(place_table)}
    counts, mentions = [], []
    for ctx in contexts:
        counts += _counts(ctx, person_ids[ctx.doc_id], org_rows, place_table)
        loc_ids = {k: place_table.add(v) for k, v in ctx.place_of_location.items()}
        for key, ids in (("organizations", ctx.org_ids), ("people", person_ids[ctx.doc_id]),
                         ("projects", {str(p.get("id")): str(p.get("id")) for p in items(ctx.record, "projects")}),
                         ("locations", loc_ids)):
            mentions += facts.mention_rows(ctx, key, ids)
    projects, reports = _projects(contexts, org_rows)
    return {"documents": sorted(doc_rows), "places": sorted(place_table.rows.values()),
            "organizations": sorted(org_rows.values()), "people": person_rows,
            "merges": sorted({r[:3]: r for r in merges + person_merges}.values()), "positions": positions,
            "position_documents": position_docs, "counts": sorted(counts), "projects": projects,
            "project_reports": reports, "mentions": sorted(set(_unique(mentions)))}


def _fold_aliases(orgs: OrgTable, contexts: list[DocContext]) -> list[tuple]:
    """Replace qualified generic ids by the named body they stand for; the merges rows saying so."""
    aliases, rows = orgs.aliases(), []
    orgs.fold(aliases)
    for ctx in contexts:
        for rid, kb in sorted(ctx.org_ids.items()):
            if kb in aliases:
                ctx.org_ids[rid] = aliases[kb]
                rows.append(("organization", ctx.doc_id, rid, aliases[kb], "generic_is_named_body",
                             f"{kb} has the level and place of {aliases[kb]}"))  # replaces generic_by_place
    return rows


def _counts(ctx: DocContext, person_ids: dict[str, str], org_rows: dict, place_table: PlaceTable) -> list:
    out = []
    for count in facts.valid_counts(ctx):
        links = facts.count_links(ctx, count, ctx.org_ids, person_ids)
        org_place = org_rows[links[0]][5] if links[0] in org_rows else None
        row = facts.count_row(ctx, count, links, org_place)
        if row[11]:
            place_table.add(row[11])
        out.append(row)
    return list({r[0]: r for r in out}.values())


def _unique(rows: list[tuple]) -> list[tuple]:
    """One mention per (doc, start, end, kind): the smallest entity id wins."""
    best: dict[tuple, tuple] = {}
    for row in sorted(rows, key=lambda r: tuple("" if x is None else str(x) for x in r)):
        best.setdefault(row[:4], row)
    return list(best.values())
