"""Kazakh in a Latin alphabet read through the Cyrillic Kazakh pipeline.

Every Kazakh rule, gazetteer and model reads Cyrillic. A document detected as Kazakh in Latin script
(`LangResult.script == "Latn"`) is transliterated to Cyrillic with an offset map
(`normalize.kk_cyrillic.to_cyrillic`); the row of stages runs on that Cyrillic view; then every fact comes
back to the document: offsets point into the original Latin text again, mention texts are the Latin
slices, and names, titles and subjects are written in the article's own alphabet
(`normalize.kk_latin.transliterate`).

>>> from ppo_nlp.doc import Document, Entity
>>> doc = Document(id="x", source="x", text="Qostanaı oblysy", lang="kk")
>>> view, offsets = cyrillic_view(doc)
>>> view.text
'Қостанай облысы'
>>> view.entities = [Entity("LOC", "Қостанай облысы", 0, 15, "rule")]
>>> restore(doc, view, offsets)
>>> [(e.text, e.start, e.end) for e in doc.entities]
[('Qostanaı oblysy', 0, 15)]
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Optional

import regex

from ppo_nlp.doc import Document, Segment
from ppo_nlp.normalize.kk_cyrillic import OffsetMap, to_cyrillic
from ppo_nlp.normalize.kk_latin import transliterate

_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_LATIN = regex.compile(r"\p{Latin}")
# The script a language is written in unless detection says otherwise (record field `script`).
USUAL_SCRIPT = {"ru": "Cyrl", "kk": "Cyrl", "en": "Latn"}
# Document fields that hold facts with offsets; `found` (stage hand-offs) is not carried back.
FACT_FIELDS = ("entities", "organizations", "people", "projects", "counts", "locations")


def script_of(text: str) -> str:
    """`Latn` when Latin letters outnumber Cyrillic ones, else `Cyrl` (for a language forced by the user)."""
    return "Latn" if len(_LATIN.findall(text)) > len(_CYRILLIC.findall(text)) else "Cyrl"


def cyrillic_view(doc: Document) -> tuple[Document, OffsetMap]:
    """A copy of `doc` whose text is the Cyrillic transliteration, one Kazakh segment, no facts yet."""
    cyr, offsets = to_cyrillic(doc.text)
    view = replace(doc, text=cyr, segments=[Segment(0, len(cyr), "kk")] if cyr else [], found={},
                   **{name: [] for name in FACT_FIELDS})
    return view, offsets


def restore(doc: Document, view: Document, offsets: OffsetMap) -> None:
    """Move the view's facts onto `doc`: offsets into the Latin text, names in the article's alphabet."""
    latin = _Latin(doc.text, offsets)
    for name in FACT_FIELDS:
        facts = getattr(view, name)
        for fact in facts:
            latin.fact(fact)
        setattr(doc, name, facts)


class _Latin:
    """Rewrites facts of the Cyrillic view in terms of the Latin original."""

    def __init__(self, text: str, offsets: OffsetMap) -> None:
        self.text, self.offsets = text, offsets

    def spans(self, items: Iterable[Any]) -> None:
        """Offsets and text of mentions (anything with start, end and text) back into the original."""
        for item in items:
            item.start, item.end = self.offsets.span(item.start, item.end)
            item.text = self.text[item.start:item.end]

    def name(self, value: Optional[str]) -> Optional[str]:
        """A Cyrillic name, title or subject in the article's alphabet (other strings as they are)."""
        if not value or not _CYRILLIC.search(value):
            return value
        return transliterate(value, self.offsets.alphabet)

    def fact(self, fact: Any) -> None:
        """One entity, count, organization, person, project or location."""
        if hasattr(fact, "start"):
            self.spans([fact])
        self.spans(getattr(fact, "mentions", ()))
        for attr in ("name", "subject"):
            if isinstance(getattr(fact, attr, None), str):
                setattr(fact, attr, self.name(getattr(fact, attr)))
        for position in getattr(fact, "positions", ()):
            position.title = self.name(position.title)
