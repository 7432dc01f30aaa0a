"""Ingest: read files, folders and archives, decode them, strip web furniture and find metadata.

>>> from ppo_nlp.ingest import iter_inputs, clean
>>> raw = next(iter_inputs(["corpus/articles/002_9c0a88bca5cd041a.txt"]))
>>> clean(raw.text, raw.kind, raw.meta).title
'АКТИВИЗИРОВАТЬ РАБОТУ ППО ЧЕРЕЗ МЕСТНЫХ АКИМОВ'
"""
from __future__ import annotations

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest.cleaner import clean_text
from ppo_nlp.ingest.encoding import decode_bytes
from ppo_nlp.ingest.model import CleanResult, IngestLimits, RawDoc
from ppo_nlp.ingest.readers import iter_inputs

__all__ = ["CleanResult", "IngestError", "IngestLimits", "RawDoc", "clean", "decode_bytes", "iter_inputs"]


def clean(text: str, kind: str = "text", meta: dict | None = None,
          repeated: frozenset[int] = frozenset()) -> CleanResult:
    """The clean body of a document and its title, published date, outlet and author; `repeated`: the
    fingerprints of lines learned as the site's furniture (`ppo_nlp.ingest.repetition`)."""
    return clean_text(text, kind, meta or {}, repeated)
