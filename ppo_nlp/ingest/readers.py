"""Walk files and folders and turn every input into a RawDoc: a document, or an error in its place.

>>> [d.id for d in iter_inputs(["corpus/articles"])][:1]
['000_a92b2e7f9a72e7ca.txt']
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Union

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest.archives import read_stream
from ppo_nlp.ingest.encoding import fs_name
from ppo_nlp.ingest.kinds import ARCHIVE_KINDS, input_kind, is_skipped
from ppo_nlp.ingest.model import IngestLimits, RawDoc
from ppo_nlp.ingest.streams import Budget

def iter_inputs(paths: list[Union[str, Path]], limits: IngestLimits = IngestLimits()) -> Iterator[RawDoc]:
    """Every document in `paths` (files, folders walked recursively in sorted order, archives).

    A path given here is read even when it is a symbolic link (it was named on purpose); inside a folder,
    links to files outside it, links to folders, FIFOs, sockets and devices give E012 records instead.
    """
    for given in paths:
        path = Path(given)
        shown = fs_name(str(given))
        if path.is_dir():
            yield from _iter_folder(path, limits)
        elif path.is_file():
            yield from _read_file(path, fs_name(path.name), limits, explicit=True)
        elif path.exists():
            yield _error(fs_name(path.name), shown, "E012", f"not a regular file, never opened: {_file_type(path)}")
        else:
            yield _error(shown, shown, "E001", "no such file or folder")


def _iter_folder(root: Path, limits: IngestLimits) -> Iterator[RawDoc]:
    """Files under `root`, sorted by their path relative to it; hidden files and folders are skipped."""
    for rel, path, refused in sorted(_walk(root), key=lambda item: item[0]):
        if refused is not None:
            yield refused
        else:
            yield from _read_file(path, fs_name(rel), limits, explicit=False)


def _walk(root: Path) -> list[tuple[str, Path, Optional[RawDoc]]]:
    """(relative path, path, error record or None) for every entry under `root` that is not hidden."""
    found: list[tuple[str, Path, Optional[RawDoc]]] = []
    real_root = os.path.realpath(root)

    def unreadable(err: OSError) -> None:
        folder = Path(err.filename or root)
        rel, source = _names(root, folder)
        found.append((rel, folder, _error(rel, source, "E001", f"cannot read folder: {err.strerror or err}")))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        kept = [d for d in dirs if not d.startswith(".")]
        dirs[:] = [d for d in kept if not os.path.islink(os.path.join(folder, d))]
        for name in sorted(set(kept) - set(dirs)):
            rel, source = _names(root, Path(folder) / name)
            message = "symbolic link to a folder not followed (name the folder itself to read it)"
            found.append((rel, Path(folder) / name, _error(rel, source, "E012", message)))
        for name in files:
            if not name.startswith("."):
                path = Path(folder) / name
                found.append((path.relative_to(root).as_posix(), path, _refused(root, real_root, path)))
    return found


def _refused(root: Path, real_root: str, path: Path) -> Optional[RawDoc]:
    """An E012 record for a folder entry that must not be opened: special files, links leaving the folder."""
    rel, source = _names(root, path)
    if os.path.islink(path):
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return _error(rel, source, "E001", "broken symbolic link")
        if os.path.commonpath([real_root, target]) != real_root:
            return _error(rel, source, "E012", "symbolic link to a file outside the input folder refused")
    if path.exists() and not path.is_file():
        return _error(rel, source, "E012", f"not a regular file, never opened: {_file_type(path)}")
    return None


def _names(root: Path, path: Path) -> tuple[str, str]:
    """The printable id (relative to `root`, or `root` itself) and source of a path found under `root`."""
    rel = path.relative_to(root).as_posix()
    return fs_name(rel if rel != "." else str(root)), fs_name(str(path))


def _file_type(path: Path) -> str:
    """`FIFO`, `socket`, `character device`, `block device` or `special file`."""
    mode = path.stat().st_mode
    kinds = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
             (stat.S_ISBLK, "block device"))
    return next((label for test, label in kinds if test(mode)), "special file")


def _error(doc_id: str, source: str, code: str, message: str) -> RawDoc:
    return RawDoc(doc_id, source, None, error=IngestError(code, message))


def _read_file(path: Path, doc_id: str, limits: IngestLimits, explicit: bool) -> Iterator[RawDoc]:
    """One file on disk: a document, a JSON collection or an archive."""
    kind = input_kind(path.name)
    source = fs_name(str(path))
    if kind is None:
        if explicit or not is_skipped(path.name):
            yield _error(doc_id, source, "E011", f"unsupported file type: {fs_name(path.name)}")
        return
    try:
        stream = _open_regular(path)
    except OSError as err:
        yield _error(doc_id, source, "E001", f"cannot read: {err.strerror or err}")
        return
    if stream is None:
        yield _error(doc_id, source, "E012", f"not a regular file, never read: {_file_type(path)}")
        return
    with stream:
        budget = Budget(limits) if kind in ARCHIVE_KINDS else None
        yield from read_stream(stream, path.name, doc_id, source, limits, budget, 0)


def _open_regular(path: Path) -> Optional[BinaryIO]:
    """The file opened for reading, or None when it is not a regular file (opened without blocking, so
    that a file swapped for a FIFO after the folder walk cannot hang the run)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")
