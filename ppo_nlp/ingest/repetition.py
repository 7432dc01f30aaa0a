"""Furniture learned from repetition: a line that recurs across many documents of one site or folder.

A first pass over a run's raw documents counts, per group (the folder of the document id, or the site of
its `url` meta), in how many documents each short line occurs; lines found in at least `min_docs`
documents and in at least `min_share` of the group are that group's furniture. Counting is per document
and order-free, so the result is the same for any order of the documents and any number of workers.
The cleaner takes the learned fingerprints of a document's group (`clean(..., repeated=...)`).

>>> docs = [(f"news/{i}.txt", f"Главная страница сайта\\nНовость номер {i} о партии.\\n© Сайт района") for i in range(4)]
>>> learned = learn(docs)
>>> sorted(len(v) for v in learned.values())
[2]
>>> fingerprint("Главная страница сайта") in learned["news"]
True
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator, Mapping, Optional
from urllib.parse import urlsplit

from ppo_nlp.ingest.furniture import normalize
from ppo_nlp.ingest.lines import normalize_text
from ppo_nlp.ingest.model import RawDoc

MAX_LINE_CHARS = 300  # longer lines are article paragraphs, never learned as furniture
EDGE_LINES = 80  # lines counted at the top and at the bottom of each document
META_KEY = "_repeated_lines"  # the RawDoc meta key that carries a document's learned fingerprints


@dataclass(frozen=True)
class RepetitionOptions:
    """A line is furniture of a group when it occurs in `min_docs` documents and `min_share` of them."""

    min_docs: int = 3
    min_share: float = 0.25
    min_group: int = 4  # smaller groups learn nothing


@dataclass
class Learned:
    """Fingerprints of the recurring lines of each group."""

    groups: dict[str, frozenset[int]] = field(default_factory=dict)

    def for_doc(self, doc_id: str, meta: Optional[Mapping] = None) -> frozenset[int]:
        """The learned fingerprints of the group of one document (empty when none)."""
        return self.groups.get(group_of(doc_id, meta), frozenset())


def fingerprint(line: str) -> int:
    """A stable 64-bit fingerprint of a line's comparison form (folded, trimmed); 0 for no letters/digits."""
    norm = normalize(line.strip())
    if not norm:
        return 0
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "big")


def group_of(doc_id: str, meta: Optional[Mapping] = None) -> str:
    """The site of the document's `url` meta, else the folder of its id (`a.zip!/x/1.txt` -> `a.zip!/x`)."""
    url = (meta or {}).get("url") or (meta or {}).get("source_url")
    if isinstance(url, str) and "//" in url:
        host = urlsplit(url.strip()).hostname or ""
        if host:
            return "site:" + host.removeprefix("www.")
    return doc_id.rsplit("/", 1)[0] if "/" in doc_id else ""


def doc_fingerprints(text: str) -> set[int]:
    """The fingerprints of the short lines at both edges of one document, each once."""
    lines = [line for line in normalize_text(text).split("\n") if line and len(line) <= MAX_LINE_CHARS]
    edges = lines if len(lines) <= 2 * EDGE_LINES else lines[:EDGE_LINES] + lines[-EDGE_LINES:]
    return {fp for fp in map(fingerprint, edges) if fp}


def learn(docs: Iterable[tuple], options: RepetitionOptions = RepetitionOptions()) -> dict[str, frozenset[int]]:
    """Recurring line fingerprints per group, from `(doc_id, text)` or `(doc_id, text, meta)` tuples, streamed."""
    counts: dict[str, Counter] = {}
    sizes: Counter = Counter()
    for doc in docs:
        group = group_of(doc[0], doc[2] if len(doc) > 2 else None)
        sizes[group] += 1
        counts.setdefault(group, Counter()).update(doc_fingerprints(doc[1] or ""))
    return {group: frozenset(fp for fp, n in counter.items() if _recurs(n, sizes[group], options))
            for group, counter in counts.items() if sizes[group] >= options.min_group}


def _recurs(n: int, size: int, options: RepetitionOptions) -> bool:
    """Enough documents of the group carry the line."""
    return n >= options.min_docs and n >= options.min_share * size


def learn_raws(raws: Iterable[RawDoc], options: RepetitionOptions = RepetitionOptions()) -> Learned:
    """`learn` over ingested documents, streamed (documents with an error or no text are left out)."""
    usable = ((raw.id, raw.text, raw.meta) for raw in raws if raw.error is None and raw.text)
    return Learned({g: fps for g, fps in learn(usable, options).items() if fps})


def mark(raws: Iterable[RawDoc], learned: Learned) -> Iterator[RawDoc]:
    """The documents with their group's learned fingerprints in `meta[META_KEY]` (read by the cleaner)."""
    for raw in raws:
        fps = learned.for_doc(raw.id, raw.meta) if raw.error is None else frozenset()
        yield replace(raw, meta={**raw.meta, META_KEY: fps}) if fps else raw
