"""State bodies and parties of `resources/orgs/bodies.tsv` (built from public tables by
`scripts/build_gazetteers.py`) as gazetteer entries, for the ids the hand-kept organizations list lacks.

>>> entry = body_entry("org:minjust")
>>> entry["type"], entry["name"]
('state_body', 'Министерство юстиции Республики Казахстан')
>>> "Министерство юстиции" in entry["aliases"]["ru"]
True
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from ppo_nlp.resources import load_gazetteer, load_table, load_tsv

SHORT_CAPS = 5  # an all-capital short name up to this length (МВД, ОСК) must be written in capitals


@lru_cache(maxsize=None)
def _affixes() -> tuple[str, ...]:
    return tuple(row[1] for row in load_table("list_words") if row[0] == "body_affix")


def _bare(name: str) -> str:
    """The name without «Республики Казахстан» and the like, at either end."""
    for affix in _affixes():
        if name.endswith(" " + affix):
            return name[: -len(affix) - 1]
        if name.startswith(affix + " "):
            return name[len(affix) + 1 :]
    return name


def _short(text: str) -> Any:
    """A short name: capitals kept for abbreviations, one-word party names only beside «партия»."""
    if text.isupper() and len(text) <= SHORT_CAPS:
        return {"text": text, "case_sensitive": True, "why": "abbreviation"}
    if len(text.split()) == 1:
        return {"text": text, "case_sensitive": True, "needs_context": "party", "why": "one word: also a common word"}
    return text


def _aliases(row: dict[str, str], lang: str) -> list[Any]:
    names = [row[f"name_{lang}"], _bare(row[f"name_{lang}"])]
    out: list[Any] = [n for i, n in enumerate(names) if n and n not in names[:i]]
    short = row.get(f"short_{lang}", "")
    if short and short not in out:
        out.append(_short(short) if row["type"] == "party" or short.isupper() else short)
    return out


def _entry(row: dict[str, str]) -> dict[str, Any]:
    former = [f for f in row.get("former", "").split("|") if f]
    aliases = {"ru": _aliases(row, "ru") + former, "kk": _aliases(row, "kk"), "en": list(dict.fromkeys([row["name_en"], _bare(row["name_en"])]))}
    names = {lang: row[f"name_{lang}"] for lang in ("ru", "kk", "en")}
    return {"id": row["id"], "type": row["type"], "kind": row["kind"], "name": row["name_ru"], "names": names,
            "aliases": aliases, "former": former, "parent": None}


@lru_cache(maxsize=None)
def body_entries() -> tuple[dict[str, Any], ...]:
    """Entries for the rows of bodies.tsv whose id the organizations gazetteer does not hold."""
    known = {entry["id"] for entry in load_gazetteer("organizations")}
    return tuple(_entry(row) for row in load_tsv("orgs/bodies.tsv") if row["id"] not in known)


def body_entry(entity_id: str) -> Optional[dict[str, Any]]:
    """The bodies.tsv entry of `entity_id`, or None."""
    return next((e for e in body_entries() if e["id"] == entity_id), None)
