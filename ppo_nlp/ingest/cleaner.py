"""`clean(text, kind, meta)`: the clean body (furniture gone, every body line kept) and the metadata.

Output: lines joined with `\\n`, spaces collapsed inside lines, at most one blank line where the page had a
paragraph break, no blank line at either end. The title line stays first in the text (facts in the
headline keep their offsets); copies of it and everything above it (the site header) are dropped. A title
known only from metadata is put in front of the text when the text does not carry it.
"""
from __future__ import annotations

from typing import Any

from ppo_nlp.ingest import metadata
from ppo_nlp.ingest.furniture import normalize
from ppo_nlp.ingest.htmltext import html_to_text
from ppo_nlp.ingest.lines import normalize_text
from ppo_nlp.ingest.model import CleanResult
from ppo_nlp.ingest.repetition import META_KEY
from ppo_nlp.ingest.zones import Layout, analyse, keep_line


def clean_text(text: str, kind: str, meta: dict[str, Any], repeated: frozenset[int] = frozenset()) -> CleanResult:
    """Strip web furniture from a text or HTML document and read its metadata; `repeated` (or the meta key
    `repetition.META_KEY`) holds the fingerprints of the lines learned as furniture of the document's site."""
    meta = dict(meta or {})
    repeated = repeated or frozenset(meta.pop(META_KEY, None) or ())
    if kind == "html":
        page = html_to_text(text)
        meta = {**page.meta, **{k: v for k, v in meta.items() if v}}
        text = page.text
    lines = normalize_text(text).split("\n")
    layout = analyse(lines, meta.get("title"), repeated)
    keep = [bool(line) and keep_line(layout, i) for i, line in enumerate(lines)]
    bylines = metadata.header_bylines(layout) if not meta.get("author") else None
    for byline in (bylines.header, bylines.labelled and bylines.labelled[0]) if bylines else ():
        if byline is not None:
            keep[byline] = False  # the author's name under the title is metadata, not a person of the article
    body = _join(lines, keep)
    title = metadata.title(layout, meta)
    if title and layout.title is None and not _starts_with(body, title):
        body = f"{title}\n\n{body}" if body else title
    return CleanResult(
        text=body,
        title=title,
        published=metadata.published(layout, meta),
        outlet=metadata.outlet(layout, meta),
        author=metadata.author(layout, meta, bylines),
        removed=[line for line, k in zip(lines, keep) if line and not k],
    )


def _join(lines: list[str], keep: list[bool]) -> str:
    """Kept lines, one blank line between two of them when the source had a blank line there."""
    out: list[str] = []
    blank_seen = False
    for line, k in zip(lines, keep):
        if not line:
            blank_seen = True
        elif k:
            if out and blank_seen:
                out.append("")
            out.append(line)
            blank_seen = False
    return "\n".join(out)


def _starts_with(body: str, title: str) -> bool:
    """The first line of the body is the title (compared folded)."""
    return normalize(body.split("\n", 1)[0]) == normalize(title)


def layout_of(text: str, title: str | None = None) -> Layout:
    """The layout of a plain text (for inspection and tests)."""
    return analyse(normalize_text(text).split("\n"), title)
