"""The output records of `shared/RECORDS.md` and their JSON Schema.

Records are plain dicts with a fixed key order, so that the same document always serializes to the same
bytes. Floats are rounded; nothing run-dependent (time, worker, host) goes inside a record.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from ppo_nlp.paths import PACKAGE_DIR

if TYPE_CHECKING:  # types only: `doc` imports this module for `Document.to_dict`
    from ppo_nlp.doc import Count, Document, Entity, Location, Mention, Organization, Person, Project

SCHEMA_VERSION = "1.3"  # 1.1: one slug for every generated id (see normalize.ids); 1.2: `script`, counts' organization/place;
# 1.3: organizations' parent and place, positions' office and place, counts' stated_by
SCHEMA_PATH = PACKAGE_DIR / "schema" / "record.schema.json"


def _score(value: float) -> float:
    return round(float(value), 4)


def _mentions(mentions: list[Mention]) -> list[dict[str, Any]]:
    return [{"text": m.text, "start": m.start, "end": m.end} for m in mentions]


def _entity(e: Entity) -> dict[str, Any]:
    out = {"label": e.label, "text": e.text, "start": e.start, "end": e.end, "source": e.source,
           "score": _score(e.score)}
    if e.id:
        out["id"] = e.id
    return out


def _organization(o: Organization) -> dict[str, Any]:
    return {"id": o.id, "name": o.name, "type": o.type, "parent": o.parent, "place": o.place,
            "mentions": _mentions(o.mentions)}


def _person(p: Person) -> dict[str, Any]:
    positions = [{"title": pos.title, "office": pos.office, "organization": pos.organization, "place": pos.place}
                 for pos in p.positions]
    return {"id": p.id, "name": p.name, "name_latin": p.name_latin, "positions": positions,
            "mentions": _mentions(p.mentions)}


def _project(p: Project) -> dict[str, Any]:
    names = {lang: p.names.get(lang) for lang in ("ru", "kk", "en")}
    return {"id": p.id, "name": p.name, "names": names, "mentions": _mentions(p.mentions)}


def _number(value: Optional[float]) -> Optional[float | int]:
    """Whole numbers as ints (5839, not 5839.0), others rounded to 6 places."""
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() and abs(value) < 2**53 else round(value, 6)


def _count(c: Count) -> dict[str, Any]:
    return {"value": _number(c.value), "qualifier": c.qualifier, "unit": c.unit, "subject": c.subject,
            "subject_id": c.subject_id, "min": _number(c.min), "max": _number(c.max), "change": c.change,
            "as_of": c.as_of, "organization": c.organization, "place": c.place, "stated_by": c.stated_by,
            "text": c.text, "start": c.start, "end": c.end}


def _location(loc: Location) -> dict[str, Any]:
    return {"id": loc.id, "name": loc.name, "type": loc.type, "mentions": _mentions(loc.mentions)}


def document_record(doc: Document) -> dict[str, Any]:
    """The record of a processed document, keys in contract order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": doc.id,
        "source": doc.source,
        "lang": doc.lang,
        "lang_score": _score(doc.lang_score),
        "script": doc.script,
        "segments": [{"start": s.start, "end": s.end, "lang": s.lang} for s in doc.segments],
        "title": doc.title,
        "published": doc.published,
        "outlet": doc.outlet,
        "author": doc.author,
        "text": doc.text,
        "entities": [_entity(e) for e in doc.entities],
        "organizations": [_organization(o) for o in doc.organizations],
        "people": [_person(p) for p in doc.people],
        "projects": [_project(p) for p in doc.projects],
        "counts": [_count(c) for c in doc.counts],
        "locations": [_location(loc) for loc in doc.locations],
    }


def error_record(doc_id: str, source: str, code: str, message: str) -> dict[str, Any]:
    """The record that stands in for a document that could not be processed."""
    return {"schema_version": SCHEMA_VERSION, "id": doc_id, "source": source,
            "error": {"code": code, "message": message}}


def is_error(record: dict[str, Any]) -> bool:
    return "error" in record


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line (no newline): UTF-8 text as is, key order kept, no spaces."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema every record (document or error) validates against."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(record: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when a record breaks the contract."""
    import jsonschema

    jsonschema.validate(record, schema())
