"""Loading the word lists of `resources/numbers`, `resources/dates` and `resources/counts` (cached)."""
from __future__ import annotations

from functools import lru_cache

from ppo_nlp.paths import RESOURCES_DIR


def _data_lines(relpath: str) -> list[str]:
    """Non-empty, non-comment lines of a resource file."""
    text = (RESOURCES_DIR / relpath).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def load_tsv(relpath: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV resource (first data line is the header) as dicts."""
    lines = _data_lines(relpath)
    header = lines[0].split("\t")
    return tuple(dict(zip(header, line.split("\t"))) for line in lines[1:])


@lru_cache(maxsize=None)
def load_lines(relpath: str) -> frozenset[str]:
    """The items of a one-item-a-line resource, lower-cased; a `# why` after an item is dropped."""
    items = (line.split("#", 1)[0].strip().lower() for line in _data_lines(relpath))
    return frozenset(item for item in items if item)


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """One named set of `numbers/function_words.tsv` ("date_preps", "kk_stop", ...)."""
    return frozenset(r["form"] for r in load_tsv("numbers/function_words.tsv") if r["set"] == name)
