"""See the facts: an article view with highlighted evidence, an archive report, and a spaCy bridge.

>>> import ppo_nlp
>>> html = ppo_nlp.render({"id": "a", "text": "AMANAT", "entities": [
...     {"label": "ORG", "text": "AMANAT", "start": 0, "end": 6}]})
>>> 'data-label="ORG" data-start="0" data-end="6"' in str(html)
True
"""
from __future__ import annotations

import itertools
from typing import Any, Optional

from ppo_nlp.show.article import fragment
from ppo_nlp.show.markup import page

__all__ = ["ArticleHTML", "render", "to_spacy", "write_report"]
_IDS = itertools.count(1)


class ArticleHTML:
    """The HTML of one article: `str()` gives a whole page, Jupyter shows `_repr_html_()` in a cell."""

    def __init__(self, record: dict[str, Any], removed: Optional[list[str]] = None) -> None:
        self.record = record
        self.removed = removed

    def fragment(self, prefix: str = "") -> str:
        """The article as an HTML fragment (its style included); `prefix` keeps element ids unique."""
        return fragment(self.record, prefix, self.removed)

    def __str__(self) -> str:
        title = self.record.get("title") or self.record.get("id") or "article"
        return page(title, self.fragment())

    def _repr_html_(self) -> str:
        from ppo_nlp.show.markup import ARTICLE_STYLE

        return f"<style>{ARTICLE_STYLE}</style>" + self.fragment(prefix=f"ppo{next(_IDS)}-")


def as_record(doc_or_record: Any) -> tuple[dict[str, Any], Optional[list[str]]]:
    """A record dict (and the removed furniture lines when a `Document` knows them)."""
    if isinstance(doc_or_record, dict):
        return doc_or_record, None
    to_dict = getattr(doc_or_record, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"expected a ppo_nlp Document or a record dict, got {type(doc_or_record).__name__}")
    return to_dict(), list(getattr(doc_or_record, "removed", []) or []) or None


def render(doc_or_record: Any) -> ArticleHTML:
    """The article HTML of a `Document` or a record: `ppo_nlp.render(nlp(text))` shows in Jupyter."""
    record, removed = as_record(doc_or_record)
    return ArticleHTML(record, removed)


def to_spacy(doc_or_record: Any, nlp: Any = None) -> Any:
    """A spaCy `Doc` with our entities as `doc.ents` and every one of them in `doc.spans["ppo_nlp"]`."""
    from ppo_nlp.show.spacy_bridge import to_spacy as _to_spacy

    return _to_spacy(as_record(doc_or_record)[0], nlp)


def write_report(records: Any, out: Any, overwrite: bool = False, **kwargs: Any) -> Any:
    """Write the static report for `records` (paths of JSONL files or an iterable of dicts) into `out`."""
    from ppo_nlp.show.report import write_report as _write

    return _write(records, out, overwrite=overwrite, **kwargs)
