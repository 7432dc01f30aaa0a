"""The objects ingest hands to the rest of the pipeline: limits, raw documents and cleaning results."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ppo_nlp.errors import IngestError


@dataclass
class IngestLimits:
    """Size caps, counted after decompression; reading stops as soon as a cap is passed.

    `max_member_bytes` caps one file, archive member or JSONL line; `max_total_bytes` and `max_members`
    cap what one archive (with the archives nested in it) may yield.
    """

    max_member_bytes: int = 8_000_000
    max_total_bytes: int = 2_000_000_000
    max_members: int = 100_000


@dataclass
class RawDoc:
    """One input document: decoded `text` (None on error), `kind` `text` or `html`, JSON `meta`, `error`."""

    id: str
    source: str
    text: Optional[str]
    kind: str = "text"
    meta: dict[str, Any] = field(default_factory=dict)
    error: Optional[IngestError] = None

    def __post_init__(self) -> None:
        """Every string that reaches a record is valid Unicode: lone surrogates become U+FFFD."""
        from ppo_nlp.ingest.encoding import valid_unicode

        self.id, self.source = valid_unicode(self.id), valid_unicode(self.source)
        if self.text is not None:
            self.text = valid_unicode(self.text)
        self.meta = {key: valid_unicode(val) if isinstance(val, str) else val for key, val in self.meta.items()}
        if self.error is not None and not self.error.message.isascii():
            self.error = IngestError(self.error.code, valid_unicode(self.error.message))


@dataclass
class CleanResult:
    """The clean body and the metadata found around it; `removed` lists the furniture lines dropped."""

    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    removed: list[str] = field(default_factory=list)
