"""The tables of the knowledge base: SQLite DDL with types, primary and foreign keys, and indexes.

`sources` holds each record as it was added (zlib-compressed JSON) and is the only table a run appends
to; every other table is derived again from all sources in one transaction, so the database is a pure
function of the set of records it was given (see docs/KB.md).
"""
from __future__ import annotations

FORMAT_NAME = "ppo_nlp.kb"
SCHEMA_VERSION = "2"  # 2: positions.office

TABLES: dict[str, str] = {
    "meta": """key TEXT PRIMARY KEY, value TEXT NOT NULL""",
    "sources": """doc_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, record BLOB NOT NULL""",
    "documents": """doc_id TEXT PRIMARY KEY REFERENCES sources(doc_id), content_hash TEXT NOT NULL,
        title TEXT, lang TEXT, published TEXT, outlet TEXT, source TEXT, chars INTEGER NOT NULL""",
    "places": """place_id TEXT PRIMARY KEY, kato TEXT, kind TEXT, name TEXT NOT NULL,
        name_kk TEXT, parent_id TEXT REFERENCES places(place_id)""",
    "organizations": """org_id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, level TEXT,
        parent_id TEXT REFERENCES organizations(org_id), place_id TEXT REFERENCES places(place_id),
        documents INTEGER NOT NULL""",
    "people": """person_id TEXT PRIMARY KEY, name TEXT NOT NULL, name_latin TEXT, gender TEXT,
        documents INTEGER NOT NULL""",
    "merges": """kind TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(doc_id),
        record_id TEXT NOT NULL, kb_id TEXT NOT NULL, rule TEXT NOT NULL, evidence TEXT NOT NULL,
        PRIMARY KEY (kind, doc_id, record_id)""",
    "positions": """position_id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(person_id),
        title TEXT NOT NULL, office TEXT, org_id TEXT REFERENCES organizations(org_id), first_seen TEXT,
        last_seen TEXT, documents INTEGER NOT NULL""",
    "position_documents": """position_id TEXT NOT NULL REFERENCES positions(position_id),
        doc_id TEXT NOT NULL REFERENCES documents(doc_id), PRIMARY KEY (position_id, doc_id)""",
    "counts": """count_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id),
        value REAL, qualifier TEXT, unit TEXT, subject TEXT, subject_id TEXT, min REAL, max REAL,
        change TEXT, org_id TEXT REFERENCES organizations(org_id), place_id TEXT REFERENCES places(place_id),
        stated_by TEXT REFERENCES people(person_id), as_of TEXT, as_of_source TEXT, link_rule TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, evidence TEXT""",
    "projects": """project_id TEXT PRIMARY KEY, name TEXT NOT NULL, name_ru TEXT, name_kk TEXT,
        name_en TEXT, documents INTEGER NOT NULL""",
    "project_reports": """project_id TEXT NOT NULL REFERENCES projects(project_id),
        org_id TEXT NOT NULL REFERENCES organizations(org_id), doc_id TEXT NOT NULL REFERENCES documents(doc_id),
        rule TEXT NOT NULL, PRIMARY KEY (project_id, org_id, doc_id)""",
    "mentions": """doc_id TEXT NOT NULL REFERENCES documents(doc_id), start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        org_id TEXT REFERENCES organizations(org_id), person_id TEXT REFERENCES people(person_id),
        project_id TEXT REFERENCES projects(project_id), place_id TEXT REFERENCES places(place_id),
        PRIMARY KEY (doc_id, start, "end", kind)""",
}

# tables derived from `sources`, in an order where every foreign key points to an earlier table
DERIVED = ("documents", "places", "organizations", "people", "merges", "positions", "position_documents",
           "counts", "projects", "project_reports", "mentions")

INDEXES: dict[str, tuple[str, ...]] = {
    "organizations": ("parent_id", "place_id", "type"),
    "positions": ("person_id", "org_id"),
    "position_documents": ("doc_id",),
    "counts": ("doc_id", "org_id", "place_id", "subject_id", "as_of"),
    "project_reports": ("org_id", "doc_id"),
    "mentions": ("org_id", "person_id", "project_id", "place_id"),
    "merges": ("kb_id",),
    "places": ("parent_id",),
}


def ddl() -> list[str]:
    """CREATE statements for every table and index."""
    out = [f"CREATE TABLE {name} ({body}) WITHOUT ROWID" if name != "sources" else
           f"CREATE TABLE {name} ({body})" for name, body in TABLES.items()]
    for table, cols in INDEXES.items():
        out += [f"CREATE INDEX idx_{table}_{col} ON {table}({col})" for col in cols]
    return out
