"""Gazetteers and word lists shipped as data, loaded once per process.

>>> organization_info("org:amanat")
('AMANAT', 'party')
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Optional

from ppo_nlp.paths import RESOURCES_DIR

GAZETTEERS_DIR = RESOURCES_DIR / "gazetteers"
PATTERNS_DIR = RESOURCES_DIR / "patterns"
GAZETTEER_NAMES = ("organizations", "projects", "locations")
ALIAS_LANGS = ("ru", "kk", "en", "latin")


@lru_cache(maxsize=None)
def load_gazetteer(name: str) -> tuple[dict[str, Any], ...]:
    """Every entry of `gazetteers/<name>.jsonl` (read-only tuple, cached)."""
    path = GAZETTEERS_DIR / f"{name}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `patterns/<name>.tsv`: tab-separated cells, `# why` comments and blank lines dropped."""
    rows = []
    for line in (PATTERNS_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t") if not c.strip().startswith("#")]
        rows.append(tuple(cells))
    return tuple(rows)


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
