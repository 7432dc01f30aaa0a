"""Tables of word endings by the last letter of the ending: a word is tried only against the endings it may
end with, not against the whole table."""
from __future__ import annotations

from typing import Any


def by_last_letter(rows: Any, source: str) -> dict[str, tuple]:
    """Rows (ending first) by the last letter of their ending, each bucket in the rows' order (a longest-first
    table stays longest first). An empty ending, which every word ends with, is refused."""
    out: dict[str, list] = {}
    for row in rows:
        if not row[0]:
            raise ValueError(f"{source}: a row without an ending: {row}")
        out.setdefault(row[0][-1], []).append(row)
    return {last: tuple(bucket) for last, bucket in out.items()}
