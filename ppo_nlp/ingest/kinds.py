"""What an input is, by its name: a document kind, an archive kind, or something skipped."""
from __future__ import annotations

import os

from ppo_nlp.resources import load_lines

DOC_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
ARCHIVE_KINDS = ("tar.gz", "tgz", "tar", "zip", "gz")
MAX_ARCHIVE_DEPTH = 2  # an archive inside an archive is read; one more level is refused


def input_kind(name: str) -> str | None:
    """`text html json jsonl`, an archive kind (`zip tar tar.gz tgz gz`), or None when unsupported."""
    low = name.lower()
    for kind in ARCHIVE_KINDS:
        if low.endswith("." + kind):
            return kind
    return DOC_KINDS.get(os.path.splitext(low)[1])


def skipped_extensions() -> frozenset[str]:
    """Extensions skipped silently inside folders and archives (`resources/furniture/skip_extensions.txt`)."""
    return load_lines("furniture/skip_extensions.txt")


def is_hidden(name: str) -> bool:
    """Hidden files and folders and macOS resource forks (`__MACOSX/`)."""
    parts = name.replace("\\", "/").rstrip("/").split("/")
    return any(part.startswith(".") and part not in (".", "..") for part in parts) or "__MACOSX" in parts


def is_skipped(name: str) -> bool:
    """Hidden files and clearly non-article extensions (images, media, page assets)."""
    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return is_hidden(name) or os.path.splitext(base)[1].lower().lstrip(".") in skipped_extensions()
