"""Gazetteers and word lists shipped as data, loaded once per process.

Every word list and table under `resources/` is read by `read_rows` (one syntax, one cache): `#` starts
a comment (a whole line or the rest of one; `\\#` is a literal `#`), blank lines are skipped, cells are
separated by tabs.
`load_table`, `load_tsv`, `load_lines` and `function_words` are views of it.

>>> organization_info("org:amanat")
('AMANAT', 'party')
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Optional

from ppo_nlp.paths import RESOURCES_DIR

GAZETTEERS_DIR = RESOURCES_DIR / "gazetteers"
PATTERNS_DIR = RESOURCES_DIR / "patterns"
GAZETTEER_NAMES = ("organizations", "projects", "locations")
ALIAS_LANGS = ("ru", "kk", "en", "latin")
_COMMENT = re.compile(r"(?<!\\)#")


@lru_cache(maxsize=None)
def load_gazetteer(name: str) -> tuple[dict[str, Any], ...]:
    """Every entry of `gazetteers/<name>.jsonl` (read-only tuple, cached)."""
    path = GAZETTEERS_DIR / f"{name}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


@lru_cache(maxsize=None)
def read_rows(relpath: str) -> tuple[tuple[str, ...], ...]:
    """Rows of the word list or table `resources/<relpath>`: tab-separated cells, stripped; `#` starts a
    comment (`\\#` is a literal `#`); blank lines and empty cells at the end of a row are dropped."""
    rows = []
    for line in (RESOURCES_DIR / relpath).read_text(encoding="utf-8").splitlines():
        data = _COMMENT.split(line, 1)[0].replace("\\#", "#")
        cells = [c.strip() for c in data.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append(tuple(cells))
    return tuple(rows)


def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `patterns/<name>.tsv`."""
    return read_rows(f"patterns/{name}.tsv")


@lru_cache(maxsize=None)
def load_tsv(relpath: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV resource whose first row is the header, as dicts (empty trailing cells as "")."""
    header, *rows = read_rows(relpath)
    pad = ("",) * len(header)
    return tuple(dict(zip(header, row + pad[len(row):])) for row in rows)


@lru_cache(maxsize=None)
def load_lines(relpath: str) -> frozenset[str]:
    """The items of a one-item-a-line resource, lower-cased."""
    return frozenset(row[0].lower() for row in read_rows(relpath))


@lru_cache(maxsize=None)
def function_words(name: str) -> frozenset[str]:
    """One named set of `numbers/function_words.tsv` ("date_preps", "anaphora", ...)."""
    return frozenset(r["form"] for r in load_tsv("numbers/function_words.tsv") if r["set"] == name)


@lru_cache(maxsize=None)
def _index() -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for name in GAZETTEER_NAMES for entry in load_gazetteer(name)}


def lookup(entity_id: str) -> Optional[dict[str, Any]]:
    """The gazetteer entry of `entity_id`, or None for unknown and generated ids."""
    return _index().get(entity_id)


def organization_info(entity_id: str) -> Optional[tuple[str, str]]:
    """(canonical name, type) of a known organization."""
    entry = lookup(entity_id)
    return (entry["name"], entry["type"]) if entry and entity_id.startswith("org:") else None


def project_info(entity_id: str) -> Optional[tuple[str, dict[str, Optional[str]]]]:
    """(canonical name, {ru, kk, en}) of a known project."""
    entry = lookup(entity_id)
    return (entry["name"], dict(entry["names"])) if entry and entity_id.startswith("project:") else None


def location_info(entity_id: str, lang: str = "ru") -> Optional[tuple[str, str]]:
    """(nominative name in `lang`, falling back to Russian, and type) of a known location."""
    entry = lookup(entity_id)
    if not entry or not entity_id.startswith("loc:"):
        return None
    return (entry["names"].get(lang) or entry["name"], entry["type"])


def alias_items(entry: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(lang, alias text, flags) for every alias of an entry, plain strings given empty flags."""
    out = []
    for lang in ALIAS_LANGS:
        for item in entry.get("aliases", {}).get(lang, []):
            if isinstance(item, str):
                out.append((lang, item, {}))
            else:
                out.append((lang, item["text"], {k: v for k, v in item.items() if k != "text"}))
    return out
