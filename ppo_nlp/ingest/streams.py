"""Reading with caps: a file, member or line is read in chunks and refused as soon as it passes its cap."""
from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Iterator

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest.model import IngestLimits

CHUNK = 1 << 16


class BudgetExceeded(IngestError):
    """An archive passed its total size or member cap: the rest of it is not read."""


@dataclass
class Budget:
    """What one archive (and the archives nested in it) may still yield: bytes and members."""

    limits: IngestLimits
    total_bytes: int = 0
    members: int = 0
    exhausted: bool = False

    def count_member(self) -> None:
        """Count one more member; raises E003 past `max_members`."""
        self.members += 1
        if self.members > self.limits.max_members:
            self.exhausted = True
            raise BudgetExceeded("E003", f"archive has more than {self.limits.max_members} members")

    def count_bytes(self, n: int) -> None:
        """Count decompressed bytes; raises E003 past `max_total_bytes`."""
        self.total_bytes += n
        if self.total_bytes > self.limits.max_total_bytes:
            self.exhausted = True
            raise BudgetExceeded("E003", f"archive expands past {self.limits.max_total_bytes} bytes")


class CountingReader:
    """A read-only stream that charges every byte read through it to a `Budget`."""

    def __init__(self, raw: BinaryIO, budget: Budget) -> None:
        self.raw = raw
        self.budget = budget

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size if size is not None and size >= 0 else CHUNK)
        self.budget.count_bytes(len(data))
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.raw.readline(size if size is not None and size >= 0 else CHUNK)
        self.budget.count_bytes(len(data))
        return data

    def readable(self) -> bool:
        return True


def read_capped(stream: BinaryIO, cap: int) -> bytes:
    """All of `stream`, read in chunks; raises E003 once more than `cap` bytes arrive."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(CHUNK, cap + 1 - size))
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > cap:
            raise IngestError("E003", f"larger than the size cap of {cap} bytes")
        parts.append(chunk)


def read_upto(stream: BinaryIO, size: int) -> bytes:
    """The first `size` bytes of `stream` (fewer at its end), read in chunks."""
    parts: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def iter_lines_capped(stream: BinaryIO, cap: int) -> Iterator[bytes | None]:
    """Lines of `stream` (without the newline); a line longer than `cap` is skipped and yields None."""
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield None
            continue
        yield line.rstrip(b"\r\n")


def _skip_rest_of_line(stream: BinaryIO) -> None:
    """Read and forget up to the next newline."""
    while True:
        part = stream.readline(CHUNK)
        if not part or part.endswith(b"\n"):
            return
