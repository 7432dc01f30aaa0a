"""Split a JSON array read in chunks into the bytes of its elements, without parsing the whole file.

A `.json` file larger than the per-document cap may still be a list of many articles; each element is
then cut out by a small scanner (strings, escapes and nesting; no values built) and parsed alone, so that
memory stays bounded by the cap whatever the size of the file. An element over the cap is skipped unread.

>>> list(split_array([b'[{"a": "x,]"}, ', b'[1, 2]]'], cap=100))
[b'{"a": "x,]"}', b' [1, 2]']
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

_IN_STRING = re.compile(rb'["\\]')
_OUTSIDE = re.compile(rb'["\[\]{},]')


class JsonArrayError(ValueError):
    """The bytes are not one JSON array (or something follows its end)."""


class _Splitter:
    """Scanner state carried from one chunk to the next."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.depth = 0  # 0 before the array, 1 between its elements
        self.in_string = self.escape = self.done = False
        self.parts: list[bytes] = []
        self.size = 0

    def feed(self, chunk: bytes) -> list[Optional[bytes]]:
        """The elements that end in `chunk` (None for one over the cap)."""
        out: list[Optional[bytes]] = []
        pos = start = 0
        if self.done:
            self._check_trailing(chunk)
            return out
        while pos < len(chunk):
            if self.escape:
                pos, self.escape = pos + 1, False
                continue
            found = (_IN_STRING if self.in_string else _OUTSIDE).search(chunk, pos)
            if found is None:
                break
            pos, start = self._token(chunk, found, start, out)
            if self.done:
                self._check_trailing(chunk[pos:])
                return out
        if self.depth > 0:
            self._keep(chunk[start:])
        elif chunk[start:].strip():
            raise JsonArrayError("not a JSON array")
        return out

    def _token(self, chunk: bytes, found: re.Match, start: int, out: list) -> tuple[int, int]:
        """Act on one structural byte; returns the next scan position and the current element start."""
        char, end = found.group(), found.end()
        if self.in_string:
            if char == b"\\":
                self.escape = end >= len(chunk)
                return end + (0 if self.escape else 1), start
            self.in_string = False
        elif char == b'"':
            self.in_string = True
        elif char in b"[{":
            if self.depth == 0 and (char != b"[" or chunk[start:found.start()].strip()):
                raise JsonArrayError("not a JSON array")
            self.depth += 1
            if self.depth == 1:
                return end, end
        elif char in b"]}":
            self.depth -= 1
            if self.depth == 0:
                self._emit(chunk[start:found.start()], out, last=True)
                self.done = True
                return end, end
        elif self.depth == 1:  # a comma between elements
            self._emit(chunk[start:found.start()], out, last=False)
            return end, end
        if self.depth == 0:
            raise JsonArrayError("not a JSON array")
        return end, start

    def _keep(self, piece: bytes) -> None:
        """Add bytes to the element being read, forgetting them once it passes the cap."""
        self.size += len(piece)
        if self.size <= self.cap:
            self.parts.append(piece)
        else:
            self.parts = []

    def _emit(self, piece: bytes, out: list, last: bool) -> None:
        """Close the current element (an empty one only at the end of an empty array)."""
        self._keep(piece)
        element = b"".join(self.parts) if self.size <= self.cap else None
        if element is None or element.strip() or not last:
            out.append(element)
        self.parts, self.size = [], 0

    @staticmethod
    def _check_trailing(rest: bytes) -> None:
        if rest.strip():
            raise JsonArrayError("data after the end of the JSON array")


def split_array(chunks: Iterable[bytes], cap: int) -> Iterator[Optional[bytes]]:
    """The elements of the JSON array spread over `chunks`, as bytes (None for one over `cap` bytes).

    Raises `JsonArrayError` when the bytes are not one array; elements already yielded stay valid."""
    splitter = _Splitter(cap)
    for chunk in chunks:
        yield from splitter.feed(chunk)
    if not splitter.done:
        raise JsonArrayError("the JSON array is not closed")
