"""Gazetteers and word lists shipped as data, loaded once per process.

Every word list and table under `resources/` is read by `read_rows` (one syntax, one cache): `#` starts
a comment (a whole line or the rest of one; `\\#` is a literal `#`), blank lines are skipped, cells are
separated by tabs.
`load_table`, `load_tsv`, `load_lines` and `function_words` are views of it.

Look-up structures that take long to compute from the word lists (the place index, the gazetteer trie) are
also shipped ready-made in `built/` (`scripts/build_lookups.py` writes them; `built` reads them), each
stamped with a digest of the word lists it was made from: a file made from other word lists than these is
not used, and the structure is computed from the word lists instead.

>>> organization_info("org:amanat")
('AMANAT', 'party')
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

from ppo_nlp.loading import loading
from ppo_nlp.paths import RESOURCES_DIR

GAZETTEERS_DIR = RESOURCES_DIR / "gazetteers"
PATTERNS_DIR = RESOURCES_DIR / "patterns"
GAZETTEER_NAMES = ("organizations", "projects", "locations")
ALIAS_LANGS = ("ru", "kk", "en", "latin")
_COMMENT = re.compile(r"(?<!\\)#")
BUILT_DIR = RESOURCES_DIR / "built"
BUILT_ENV = "PPO_NLP_BUILT"  # "off": compute every look-up structure from the word lists
BUILT_FORMAT = b"ppo_nlp-built 1"
DATA_SUFFIXES = (".tsv", ".txt", ".jsonl")
T = TypeVar("T")
log = logging.getLogger(__name__)


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


@lru_cache(maxsize=1)
def data_digest() -> str:
    """SHA-256 of every word list and table under `resources/` (names and contents; `built/` left out)."""
    return folder_digest(RESOURCES_DIR, DATA_SUFFIXES, skip=BUILT_DIR)


@lru_cache(maxsize=None)
def folder_digest(folder: Path, suffixes: tuple[str, ...] = (), skip: Optional[Path] = None) -> str:
    """SHA-256 of the names and contents of the files under `folder` (those ending in `suffixes`, if given)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if (not suffixes or p.suffix in suffixes) and p.is_file()):
        if skip is None or skip not in path.parents:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _stamp(sources: tuple[Path, ...]) -> bytes:
    """The format, the digest of the word lists, and that of each folder of other sources."""
    return b" ".join([BUILT_FORMAT, data_digest().encode(), *(folder_digest(s).encode() for s in sources)])


def built_path(name: str, folder: Path = BUILT_DIR) -> Path:
    """Where the built file `name` lives."""
    return folder / f"{name}.pickle"


def write_built(name: str, tables: dict[str, Any], folder: Path = BUILT_DIR, sources: tuple[Path, ...] = ()) -> Path:
    """Write `tables` as `<folder>/<name>.pickle`: a stamp line, then the pickled tables (not compressed:
    zlib made the places 0.8 MB instead of 3.3 MB, and cost 10 ms of every load). `sources`: folders
    outside `resources/` the tables are made from too (a library's data)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = built_path(name, folder)
    path.write_bytes(_stamp(sources) + b"\n" + pickle.dumps(tables, protocol=4))
    return path


def load_built(path: Path, sources: tuple[Path, ...] = ()) -> Optional[dict[str, Any]]:
    """The tables of a built file; None when it is absent or was made from other sources than these."""
    if not path.is_file():
        return None
    stamp, _, body = path.read_bytes().partition(b"\n")
    return _unpickled(body) if stamp == _stamp(sources) else None


@lru_cache(maxsize=None)
def read_built(name: str, sources: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The tables of `resources/built/<name>.pickle`; {} when it is absent, made from other word lists or
    sources (a warning), or `$PPO_NLP_BUILT` is `off`."""
    if os.environ.get(BUILT_ENV, "").lower() == "off":
        return {}
    path = built_path(name)
    tables = load_built(path, sources)
    if tables is None and path.is_file():
        log.warning("%s was made from other word lists or sources; computing its tables instead (slower to "
                    "load): run scripts/build_lookups.py", path)
    return tables or {}


def _unpickled(data: bytes) -> dict[str, Any]:
    """Unpickle with the garbage collector paused (it would walk the growing tables again and again), the
    tables then frozen: they live as long as the process."""
    with loading():
        return pickle.loads(data)


def built(name: str, key: str, compute: Callable[[], T], sources: tuple[Path, ...] = ()) -> T:
    """Table `key` of the built file `name`, or `compute()` when the file does not hold it."""
    tables = read_built(name, sources)
    return tables[key] if key in tables else compute()
