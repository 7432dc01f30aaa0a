"""Walk files and folders and turn every input into a RawDoc: a document, or an error in its place.

>>> [d.id for d in iter_inputs(["corpus/articles"])][:1]
['000_a92b2e7f9a72e7ca.txt']
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterator, Union

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest.encoding import decode_bytes
from ppo_nlp.ingest.jsondocs import read_json, read_jsonl
from ppo_nlp.ingest.model import IngestLimits, RawDoc
from ppo_nlp.ingest.streams import Budget, read_capped
from ppo_nlp.paths import RESOURCES_DIR

DOC_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
ARCHIVE_KINDS = ("tar.gz", "tgz", "tar", "zip", "gz")
JSON_LIST_FACTOR = 32  # a .json file may hold a list of articles: it may be this many member caps large
MAX_ARCHIVE_DEPTH = 2  # an archive inside an archive is read; one more level is refused


def input_kind(name: str) -> str | None:
    """`text html json jsonl`, an archive kind (`zip tar tar.gz tgz gz`), or None when unsupported."""
    low = name.lower()
    for kind in ARCHIVE_KINDS:
        if low.endswith("." + kind):
            return kind
    return DOC_KINDS.get(os.path.splitext(low)[1])


@lru_cache(maxsize=1)
def skipped_extensions() -> frozenset[str]:
    """Extensions skipped silently inside folders and archives (`resources/furniture/skip_extensions.txt`)."""
    path = RESOURCES_DIR / "furniture" / "skip_extensions.txt"
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line.lower() for line in lines if line)


def is_hidden(name: str) -> bool:
    """Hidden files and folders and macOS resource forks (`__MACOSX/`)."""
    parts = name.replace("\\", "/").rstrip("/").split("/")
    return any(part.startswith(".") and part not in (".", "..") for part in parts) or "__MACOSX" in parts


def is_skipped(name: str) -> bool:
    """Hidden files and clearly non-article extensions (images, media, page assets)."""
    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return is_hidden(name) or os.path.splitext(base)[1].lower().lstrip(".") in skipped_extensions()


def iter_inputs(paths: list[Union[str, Path]], limits: IngestLimits = IngestLimits()) -> Iterator[RawDoc]:
    """Every document in `paths` (files, folders walked recursively in sorted order, archives)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _iter_folder(path, limits)
        elif path.is_file():
            yield from _read_file(path, path.name, limits, explicit=True)
        else:
            yield RawDoc(str(given), str(given), None, error=IngestError("E001", "no such file or folder"))


def _iter_folder(root: Path, limits: IngestLimits) -> Iterator[RawDoc]:
    """Files under `root`, sorted by their path relative to it; hidden files and folders are skipped."""
    found: list[tuple[str, Path]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = Path(folder) / name
            found.append((path.relative_to(root).as_posix(), path))
    for rel, path in sorted(found):
        yield from _read_file(path, rel, limits, explicit=False)


def _read_file(path: Path, doc_id: str, limits: IngestLimits, explicit: bool) -> Iterator[RawDoc]:
    """One file on disk: a document, a JSON collection or an archive."""
    kind = input_kind(path.name)
    if kind is None:
        if explicit or not is_skipped(path.name):
            yield RawDoc(doc_id, str(path), None, error=IngestError("E011", f"unsupported file type: {path.name}"))
        return
    try:
        stream = open(path, "rb")
    except OSError as err:
        yield RawDoc(doc_id, str(path), None, error=IngestError("E001", f"cannot read: {err.strerror or err}"))
        return
    with stream:
        budget = Budget(limits) if kind in ARCHIVE_KINDS else None
        yield from read_stream(stream, path.name, doc_id, str(path), limits, budget, 0)


def read_stream(stream: BinaryIO, name: str, doc_id: str, source: str, limits: IngestLimits,
                budget: Budget | None, depth: int) -> Iterator[RawDoc]:
    """Dispatch an open binary stream on the kind its `name` says."""
    kind = input_kind(name)
    try:
        if kind in ARCHIVE_KINDS:
            yield from _read_archive(stream, kind, doc_id, source, limits, budget, depth)
        elif kind == "jsonl":
            yield from read_jsonl(stream, doc_id, source, limits.max_member_bytes)
        elif kind == "json":
            yield from read_json(stream, doc_id, source, limits.max_member_bytes * JSON_LIST_FACTOR)
        else:
            yield _plain_doc(read_capped(stream, limits.max_member_bytes), kind or "text", doc_id, source)
    except IngestError as err:
        yield RawDoc(doc_id, source, None, error=err)
    except (OSError, EOFError, ValueError) as err:
        yield RawDoc(doc_id, source, None, error=IngestError("E001", f"read failed: {err}"))


def _plain_doc(data: bytes, kind: str, doc_id: str, source: str) -> RawDoc:
    """A `.txt` or `.html` document from its bytes."""
    text = decode_bytes(data)
    if not text.strip():
        return RawDoc(doc_id, source, None, kind, error=IngestError("E008", "empty document"))
    return RawDoc(doc_id, source, text, kind)


def _read_archive(stream: BinaryIO, kind: str, doc_id: str, source: str, limits: IngestLimits,
                  budget: Budget | None, depth: int) -> Iterator[RawDoc]:
    """Hand an archive to `archives`, refusing archives nested deeper than `MAX_ARCHIVE_DEPTH`."""
    from ppo_nlp.ingest.archives import iter_archive

    if depth >= MAX_ARCHIVE_DEPTH:
        raise IngestError("E011", "archive nested more than one level deep")
    yield from iter_archive(stream, kind, doc_id, source, limits, budget or Budget(limits), depth)
