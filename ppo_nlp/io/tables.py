"""Records as flat rows: one row per document for CSV/Parquet, and fact tables for SQLite and pandas."""
from __future__ import annotations

import json
from typing import Any, Iterable

# One row per document (CSV, Parquet): scalars as columns, nested lists as JSON text.
DOC_SCALARS = ("id", "source", "lang", "lang_score", "title", "published", "outlet", "author", "text")
DOC_NESTED = ("segments", "entities", "organizations", "people", "projects", "counts", "locations")
ERROR_COLUMNS = ("error_code", "error_message")
FLAT_COLUMNS = ("schema_version",) + DOC_SCALARS + ERROR_COLUMNS + DOC_NESTED

# Fact tables (SQLite, pandas): column names in order.
TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("id", "source", "lang", "lang_score", "title", "published", "outlet", "author", "text",
                  "record"),
    "errors": ("id", "source", "code", "message"),
    "entities": ("doc_id", "label", "text", "start", "end", "source", "score", "entity_id"),
    "organizations": ("doc_id", "org_id", "name", "type", "parent", "place", "n_mentions", "start", "end"),
    "people": ("doc_id", "person_id", "name", "name_latin", "title", "office", "organization", "place",
               "n_mentions", "start", "end"),
    "projects": ("doc_id", "project_id", "name", "name_ru", "name_kk", "name_en", "n_mentions", "start", "end"),
    "counts": ("doc_id", "value", "qualifier", "unit", "subject", "subject_id", "min", "max", "change", "as_of",
               "organization", "place", "stated_by", "text", "start", "end"),
    "locations": ("doc_id", "loc_id", "name", "type", "n_mentions", "start", "end"),
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    """A record as one flat row (errors fill only id, source and the error columns)."""
    error = record.get("error") or {}
    row: dict[str, Any] = {"schema_version": record.get("schema_version")}
    row.update({key: record.get(key) for key in DOC_SCALARS})
    row.update(error_code=error.get("code"), error_message=error.get("message"))
    row.update({key: (_json(record[key]) if key in record else None) for key in DOC_NESTED})
    return row


def _first(mentions: list[dict[str, Any]]) -> tuple[Any, Any]:
    return (mentions[0]["start"], mentions[0]["end"]) if mentions else (None, None)


def _people_rows(doc_id: str, person: dict[str, Any]) -> list[tuple]:
    start, end = _first(person["mentions"])
    positions = person["positions"] or [{"title": None, "organization": None}]
    return [(doc_id, person["id"], person["name"], person["name_latin"], pos["title"], pos.get("office"),
             pos["organization"], pos.get("place"), len(person["mentions"]), start, end) for pos in positions]


def _fact_rows(record: dict[str, Any]) -> dict[str, list[tuple]]:
    d = record["id"]
    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    rows["documents"].append(tuple(record.get(k) for k in DOC_SCALARS) + (_json(record),))
    rows["entities"] = [(d, e["label"], e["text"], e["start"], e["end"], e["source"], e["score"], e.get("id"))
                        for e in record["entities"]]
    rows["organizations"] = [(d, o["id"], o["name"], o["type"], o.get("parent"), o.get("place"), len(o["mentions"]),
                              *_first(o["mentions"])) for o in record["organizations"]]
    rows["people"] = [row for p in record["people"] for row in _people_rows(d, p)]
    rows["projects"] = [(d, p["id"], p["name"], p["names"]["ru"], p["names"]["kk"], p["names"]["en"],
                         len(p["mentions"]), *_first(p["mentions"])) for p in record["projects"]]
    rows["counts"] = [(d, *(c.get(k) for k in TABLES["counts"][1:])) for c in record["counts"]]
    rows["locations"] = [(d, x["id"], x["name"], x["type"], len(x["mentions"]), *_first(x["mentions"]))
                         for x in record["locations"]]
    return rows


def table_rows(record: dict[str, Any]) -> dict[str, list[tuple]]:
    """Rows for every fact table from one record (an error record fills only `errors`)."""
    if "error" in record:
        rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
        rows["errors"].append((record["id"], record["source"], record["error"]["code"], record["error"]["message"]))
        return rows
    return _fact_rows(record)


def to_pandas(records: Iterable[dict[str, Any]]) -> dict[str, "Any"]:
    """Fact tables as pandas DataFrames: documents, errors, entities, organizations, people, ...

    >>> frames = to_pandas([])
    >>> sorted(frames)[:3]
    ['counts', 'documents', 'entities']
    """
    import pandas as pd

    collected: dict[str, list[tuple]] = {name: [] for name in TABLES}
    for record in records:
        for name, rows in table_rows(record).items():
            collected[name].extend(rows)
    return {name: pd.DataFrame(rows, columns=list(TABLES[name])) for name, rows in collected.items()}
