"""Zip, tar and gzip archives, read in memory member by member: nothing is ever written to disk.

Member names that climb out (`..`) or are absolute give an E005 record, links and devices too; a broken
archive gives an E004 record that names it. Zip members come in name order, tar members in archive order
(tar is read as a stream, so that a compressed tar is decompressed once). Names that are not UTF-8 (cp1251 or
cp866 from Windows and DOS tools) are decoded by `encoding.decode_name`; a corrupt tar header is skipped
like GNU tar does, with an E004 record for the spot; a zip's entry count is checked (`zipdir`) before
`zipfile` loads its directory.
"""
from __future__ import annotations

import gzip
import io
import stat
import tarfile
import zipfile
import zlib
from typing import BinaryIO, Iterator

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest.encoding import decode_bytes, decode_name
from ppo_nlp.ingest.jsondocs import read_json, read_jsonl
from ppo_nlp.ingest.kinds import ARCHIVE_KINDS, MAX_ARCHIVE_DEPTH, input_kind, is_hidden, is_skipped
from ppo_nlp.ingest.model import IngestLimits, RawDoc
from ppo_nlp.ingest.zipdir import check_zip_directory
from ppo_nlp.ingest.streams import Budget, CountingReader, read_capped

BROKEN = (zipfile.BadZipFile, tarfile.TarError, gzip.BadGzipFile, zlib.error, EOFError, OSError,
          NotImplementedError, RuntimeError, ValueError)


def iter_archive(stream: BinaryIO, kind: str, doc_id: str, source: str, limits: IngestLimits,
                 budget: Budget, depth: int) -> Iterator[RawDoc]:
    """Every document inside one archive; errors become records, never exceptions."""
    readers = {"zip": _iter_zip, "tar": _iter_tar, "tar.gz": _iter_tar, "tgz": _iter_tar, "gz": _iter_gzip}
    try:
        yield from readers[kind](stream, doc_id, source, limits, budget, depth)
    except IngestError as err:
        yield RawDoc(doc_id, source, None, error=err)
    except BROKEN as err:
        yield RawDoc(doc_id, source, None, error=IngestError("E004", f"broken archive: {_describe(err)}"))


def unsafe_name(name: str) -> bool:
    """True for absolute member names, drive letters and names that climb with `..`."""
    norm = name.replace("\\", "/")
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":"):
        return True
    return ".." in norm.split("/")


def _member(name: str, doc_id: str, source: str) -> tuple[str, str]:
    """Id and source of an archive member: `archive.zip!/member.txt`."""
    return f"{doc_id}!/{name}", f"{source}!/{name}"


def _screen(name: str, doc_id: str, source: str, budget: Budget) -> RawDoc | None | bool:
    """An error record for an unsafe member, False to skip it silently, None to read it."""
    member_id, member_source = _member(name, doc_id, source)
    if is_hidden(name) and not unsafe_name(name):
        return False
    if unsafe_name(name):
        return RawDoc(member_id, member_source, None, error=IngestError("E005", f"unsafe member path: {name}"))
    if input_kind(name) is None:
        if is_skipped(name):
            return False
        return RawDoc(member_id, member_source, None, error=IngestError("E011", f"unsupported file type: {name}"))
    budget.count_member()
    return None


def _iter_zip(stream: BinaryIO, doc_id: str, source: str, limits: IngestLimits, budget: Budget,
              depth: int) -> Iterator[RawDoc]:
    """Zip members in name order; a nested zip is first read whole (up to the member cap)."""
    if depth > 0:
        stream = io.BytesIO(read_capped(stream, limits.max_member_bytes))
    check_zip_directory(stream, limits.max_members)
    with zipfile.ZipFile(stream) as archive:
        for name, info in sorted((_zip_name(info), info) for info in archive.infolist()):
            if info.is_dir():
                continue
            yield from _zip_member(archive, info, name, doc_id, source, limits, budget, depth)
            if budget.exhausted:
                yield _stopped(doc_id, source, budget)
                return


def _zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, doc_id: str, source: str,
                limits: IngestLimits, budget: Budget, depth: int) -> Iterator[RawDoc]:
    """One zip member (`name` its decoded name), read through the budget and its own cap."""
    member_id, member_source = _member(name, doc_id, source)
    try:
        screened = _screen(name, doc_id, source, budget)
        if screened is not None:
            yield from [screened] if screened else []
            return
        if stat.S_ISLNK(info.external_attr >> 16):
            raise IngestError("E005", f"symbolic link member skipped: {name}")
        if info.file_size > limits.max_member_bytes and not _is_archive(name):
            raise IngestError("E003", f"member larger than the size cap of {limits.max_member_bytes} bytes")
        with archive.open(info) as raw:
            yield from read_stream(CountingReader(raw, budget), name, member_id, member_source,
                                   limits, budget, depth + 1)
    except IngestError as err:
        yield RawDoc(member_id, member_source, None, error=err)
    except BROKEN as err:
        yield RawDoc(member_id, member_source, None, error=IngestError("E004", f"broken member: {_describe(err)}"))


def _iter_tar(stream: BinaryIO, doc_id: str, source: str, limits: IngestLimits, budget: Budget,
              depth: int) -> Iterator[RawDoc]:
    """Tar members in archive order, decompressing (gzip, bz2, xz) as a stream.

    Like GNU tar, a corrupt header does not end the archive: reading resumes at the next valid header
    block, and the corrupt spot gets an E004 record of its own (id `archive.tar@<byte offset>`).
    """
    info_class = recording_tarinfo()
    with tarfile.open(fileobj=_decompressed(stream, budget), mode="r|", tarinfo=info_class, ignore_zeros=True,
                      encoding="utf-8", errors="surrogateescape") as archive:
        end, reported = 0, 0
        for info in archive:
            if info_class.bad_blocks > reported:
                yield _corrupt_spot(doc_id, source, end, info.offset)
                reported = info_class.bad_blocks
            end = info.offset_data + -(-info.size // tarfile.BLOCKSIZE) * tarfile.BLOCKSIZE
            if not info.isdir():
                yield from _tar_member(archive, info, doc_id, source, limits, budget, depth)
            if budget.exhausted:
                yield _stopped(doc_id, source, budget)
                return
    if info_class.bad_blocks > reported:
        if end == 0:
            raise IngestError("E004", "broken archive: not a tar archive (no valid header)")
        yield _corrupt_spot(doc_id, source, end, None)


def _tar_member(archive: tarfile.TarFile, info: tarfile.TarInfo, doc_id: str, source: str,
                limits: IngestLimits, budget: Budget, depth: int) -> Iterator[RawDoc]:
    """One tar member; links, devices and fifos are refused."""
    name = _tar_name(info.name)
    member_id, member_source = _member(name, doc_id, source)
    try:
        if not info.isreg():
            raise IngestError("E005", f"link or special member skipped: {name}")
        screened = _screen(name, doc_id, source, budget)
        if screened is not None:
            yield from [screened] if screened else []
            return
        if info.size > limits.max_member_bytes and not _is_archive(name):
            raise IngestError("E003", f"member larger than the size cap of {limits.max_member_bytes} bytes")
        raw = archive.extractfile(info)
        yield from read_stream(raw, name, member_id, member_source, limits, budget, depth + 1)
    except IngestError as err:
        yield RawDoc(member_id, member_source, None, error=err)


def _iter_gzip(stream: BinaryIO, doc_id: str, source: str, limits: IngestLimits, budget: Budget,
               depth: int) -> Iterator[RawDoc]:
    """A `.gz` file: one document named by the file name without `.gz`, keeping the archive's id."""
    inner = doc_id.rsplit("/", 1)[-1].rsplit("!", 1)[-1][: -len(".gz")] or "document.txt"
    budget.count_member()
    with gzip.GzipFile(fileobj=stream, mode="rb") as raw:
        yield from read_stream(CountingReader(raw, budget), inner, doc_id, source, limits, budget, depth + 1)


def _decompressed(stream: BinaryIO, budget: Budget) -> CountingReader:
    """The uncompressed tar stream (gzip, bz2 and xz are recognized by their magic bytes)."""
    import bz2
    import lzma

    head = stream.read(6)
    stream = _Prefixed(head, stream)
    if head.startswith(b"\x1f\x8b"):
        return CountingReader(gzip.GzipFile(fileobj=stream, mode="rb"), budget)
    if head.startswith(b"BZh"):
        return CountingReader(bz2.BZ2File(stream), budget)
    if head.startswith(b"\xfd7zXZ\x00"):
        return CountingReader(lzma.LZMAFile(stream), budget)
    return CountingReader(stream, budget)


class _Prefixed:
    """A stream with a few already-read bytes put back in front."""

    def __init__(self, head: bytes, raw: BinaryIO) -> None:
        self.head, self.raw = head, raw

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            return self.raw.read(size)
        if size is None or size < 0:
            data, self.head = self.head + self.raw.read(), b""
            return data
        data, self.head = self.head[:size], self.head[size:]
        return data + (self.raw.read(size - len(data)) if size > len(data) else b"")


def recording_tarinfo() -> type[tarfile.TarInfo]:
    """A TarInfo class of its own for one archive, counting the header blocks it could not read (the
    zero blocks that end an archive are not counted)."""

    class RecordingTarInfo(tarfile.TarInfo):
        bad_blocks = 0

        @classmethod
        def frombuf(cls, buf: bytes, encoding: str, errors: str) -> tarfile.TarInfo:
            try:
                return super().frombuf(buf, encoding, errors)
            except tarfile.HeaderError:
                if buf.strip(b"\0"):
                    cls.bad_blocks += 1
                raise

    return RecordingTarInfo


def _corrupt_spot(doc_id: str, source: str, start: int, resumed_at: int | None) -> RawDoc:
    """The E004 record for corrupt tar headers found from byte `start` on."""
    if resumed_at is None:
        message = f"corrupt tar header at byte {start}: nothing readable after it"
    else:
        message = (f"corrupt tar header at byte {start}: {resumed_at - start} bytes skipped, "
                   f"reading resumed at the next valid header (byte {resumed_at})")
    return RawDoc(f"{doc_id}@{start}", f"{source}@{start}", None, error=IngestError("E004", message))


def _tar_name(name: str) -> str:
    """A tar member name read as UTF-8 with surrogate escapes, decoded properly (cp1251, cp866...)."""
    return name if name.isascii() else decode_name(name.encode("utf-8", errors="surrogateescape"))


def _zip_name(info: zipfile.ZipInfo) -> str:
    """A zip member name: UTF-8 when flagged, else `zipfile`'s cp437 reading decoded properly."""
    if info.flag_bits & 0x800 or info.filename.isascii():
        return info.filename
    return decode_name(info.filename.encode("cp437"))


def _is_archive(name: str) -> bool:
    """Nested archives are capped by the archive budget, not by the member cap."""
    return input_kind(name) in ARCHIVE_KINDS


def _stopped(doc_id: str, source: str, budget: Budget) -> RawDoc:
    """The record that says an archive was not read to its end."""
    message = f"archive read stopped after {budget.members} members and {budget.total_bytes} bytes: cap reached"
    return RawDoc(doc_id, source, None, error=IngestError("E003", message))


def _describe(err: BaseException) -> str:
    """A short message for an archive exception."""
    return f"{type(err).__name__}: {err}"[:300]


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
            yield from read_json(stream, doc_id, source, limits.max_member_bytes)
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
    if depth >= MAX_ARCHIVE_DEPTH:
        raise IngestError("E011", "archive nested more than one level deep")
    yield from iter_archive(stream, kind, doc_id, source, limits, budget or Budget(limits), depth)
