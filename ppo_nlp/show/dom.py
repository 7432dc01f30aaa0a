"""Read the highlights back from an article page (ours, or the DOM a browser dumped).

`highlights(html)` finds every element with `data-label` inside the article text and tells where its
characters really sit in the text, so a tool (or a test) can check them against the record's offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Optional

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Found:
    """One highlight: its attributes, and the offset and text it covers in the article text."""

    label: str
    start: int  # data-start
    end: int  # data-end
    part: Optional[int]
    at: int  # where its first character lies in the text
    text: str


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the article text when > 0
        self.text: list[str] = []
        self.length = 0
        self.open: list[Optional[tuple[dict, int]]] = []
        self.found: list[Found] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in VOID:
            return
        a = dict(attrs)
        if self.depth == 0:
            if "text" in (a.get("class") or "").split():
                self.depth = 1
                self.open = []
            return
        self.depth += 1
        self.open.append((a, self.length) if "data-label" in a else None)

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0 or tag in VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            return
        item = self.open.pop()
        if item is not None:
            a, at = item
            part = a.get("data-part")
            # the text is filled in once the whole page is read: here its end offset stands in
            self.found.append(Found(a["data-label"], int(a["data-start"]), int(a["data-end"]),
                                    int(part) if part is not None else None, at, str(self.length)))

    def handle_data(self, data: str) -> None:
        if self.depth > 0:
            self.text.append(data)
            self.length += len(data)


def highlights(html: str) -> tuple[str, list[Found]]:
    """The article text as the page holds it, and every highlight in it (in closing order)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    text = "".join(reader.text)
    for f in reader.found:
        f.text = text[f.at:int(f.text)]
    return text, reader.found


def joined(found: list[Found]) -> dict[tuple[str, int, int], tuple[int, int, str]]:
    """Pieces of one entity joined: `(label, start, end) -> (first offset, last end, text)`."""
    out: dict[tuple[str, int, int], tuple[int, int, str]] = {}
    for f in sorted(found, key=lambda f: (f.label, f.start, f.end, f.part or 0)):
        key = (f.label, f.start, f.end)
        if key in out and f.part:
            first, _, text = out[key]
            out[key] = (first, f.at + len(f.text), text + f.text)
        else:
            out[key] = (f.at, f.at + len(f.text), f.text)
    return out
