"""CSV that spreadsheets open safely and `--resume` reads back exactly.

- UTF-8 with a byte order mark, so spreadsheet programs read Cyrillic and Kazakh letters correctly.
- Rows end with CRLF, so every cell holding a CR or LF is quoted (pandas reads one row per document).
- A text cell that starts with `= + - @`, a tab, a CR or `'` gets a leading `'`: a spreadsheet shows it as
  text instead of running it as a formula. `unescape_cell` removes exactly that one quote again.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import IO, Any, Iterator, Sequence

ENCODING = "utf-8-sig"
LINE_END = "\r\n"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _raise_field_limit() -> None:
    """Documents can be far longer than the csv module's default cell limit of 131,072 characters."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # a C long is 32 bits on Windows
            limit //= 2


def escape_cell(value: Any) -> Any:
    """`'=1+1` for `=1+1`: a text cell never starts a spreadsheet formula (other values unchanged)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """The text `escape_cell` was given."""
    return value[1:] if value.startswith("'") else value


def row_writer(fh: IO[str]) -> Any:
    """A csv writer with CRLF row ends (and so quoted CR/LF inside cells)."""
    return csv.writer(fh, lineterminator=LINE_END)


def complete_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of an earlier run as dicts by header; a last row cut short by a kill is left out."""
    _raise_field_limit()
    ends_whole = _last_byte(path) in (b"", b"\n")
    with path.open(encoding=ENCODING, newline="", errors="replace") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return
        yield from _whole_rows(reader, header, ends_whole)


def _last_byte(path: Path) -> bytes:
    with path.open("rb") as raw:
        size = raw.seek(0, 2)
        raw.seek(max(size - 1, 0))
        return raw.read(1)


def _whole_rows(reader: Iterator[list[str]], header: Sequence[str], ends_whole: bool) -> Iterator[dict[str, str]]:
    pending = None
    try:
        for row in reader:
            if pending is not None:
                yield pending
            pending = dict(zip(header, row)) if len(row) == len(header) else None
    except csv.Error:  # a kill inside a quoted cell
        return
    if pending is not None and ends_whole:
        yield pending
