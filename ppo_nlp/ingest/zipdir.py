"""Count a zip's entries from its end-of-central-directory record before `zipfile` parses the directory.

`zipfile.ZipFile` builds one `ZipInfo` per entry (about 700 bytes each), so a zip of a million tiny
entries costs hundreds of MB before the member cap is ever checked. Here the declared count (zip64
included) is read first, then the central directory headers are walked without building anything, since
`zipfile` trusts the directory's size, not the declared count.
"""
from __future__ import annotations

import struct
from typing import BinaryIO

from ppo_nlp.errors import IngestError

EOCD = struct.Struct("<4s4H2LH")  # signature, disks, entries on this disk, entries, size, offset, comment
EOCD64_LOCATOR = struct.Struct("<4sLQL")
EOCD64 = struct.Struct("<4sQ2H2L4Q")  # ..., entries on this disk, entries, size, offset
CENTRAL = struct.Struct("<4s24xHHH12x")  # signature, then name, extra and comment lengths
MAX_COMMENT = 0xFFFF


def check_zip_directory(stream: BinaryIO, max_members: int) -> None:
    """Raise E003 when the zip in the seekable `stream` has more than `max_members` entries; return
    quietly when there is no end record (then `zipfile` reports the broken archive)."""
    found = _directory(stream)
    if found is None:
        return
    declared, start, size = found
    if declared > max_members:
        raise IngestError("E003", f"archive has {declared} entries, more than the cap of {max_members}")
    counted = _count_headers(stream, start, size, max_members + 1)
    if counted > max_members:
        raise IngestError("E003", f"archive has more than {max_members} entries in its directory")


def _directory(stream: BinaryIO) -> tuple[int, int, int] | None:
    """(declared entries, directory start, directory size), or None without an end record."""
    length = stream.seek(0, 2)
    tail_start = max(0, length - EOCD.size - MAX_COMMENT)
    stream.seek(tail_start)
    tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < EOCD.size:
        return None
    _, _, _, _, entries, size, offset, _ = EOCD.unpack_from(tail, at)
    end_record = tail_start + at
    if entries == 0xFFFF or size == 0xFFFFFFFF or offset == 0xFFFFFFFF:
        zip64 = _zip64(stream, end_record)
        if zip64 is not None:
            entries, size, end_record = zip64
    return entries, max(0, end_record - size), size


def _zip64(stream: BinaryIO, end_record: int) -> tuple[int, int, int] | None:
    """(entries, directory size, record position) from the zip64 end record just before the locator."""
    locator_at = end_record - EOCD64_LOCATOR.size
    record_at = locator_at - EOCD64.size
    if record_at < 0:
        return None
    stream.seek(record_at)
    data = stream.read(EOCD64.size + EOCD64_LOCATOR.size)
    if len(data) < EOCD64.size + EOCD64_LOCATOR.size or data[EOCD64.size:EOCD64.size + 4] != b"PK\x06\x07":
        return None
    fields = EOCD64.unpack_from(data)
    if fields[0] != b"PK\x06\x06":
        return None
    return fields[7], fields[8], record_at


def _count_headers(stream: BinaryIO, start: int, size: int, stop: int) -> int:
    """Central directory headers between `start` and `start + size`, counted up to `stop`."""
    count, at, end = 0, start, start + size
    while at < end and count < stop:
        stream.seek(at)
        head = stream.read(CENTRAL.size)
        if len(head) < CENTRAL.size or head[:4] != b"PK\x01\x02":
            break
        _, name, extra, comment = CENTRAL.unpack_from(head)
        count += 1
        at += 46 + name + extra + comment
    return count
