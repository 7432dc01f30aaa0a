"""HTML to block-structured text and page metadata, with the standard library's `html.parser`.

Chrome elements (script, style, nav, header, footer, aside, form, ...) and elements whose class or id
names comments, share buttons, menus or sidebars are dropped; every block element starts a new line.
Metadata is read from the whole page, dropped parts included.

>>> page = html_to_text('<title>T</title><p>One.</p><nav>Menu</nav><p>Two.</p>')
>>> page.text.split(), page.meta["title"]
(['One.', 'Two.'], 'T')
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import regex

SKIP_TAGS = frozenset("script style nav header footer aside form noscript iframe svg template button select "
                      "option object embed canvas head title".split())
BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article blockquote pre dd dt dl "
                       "figure figcaption hr main address caption center".split())
PARAGRAPH_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 blockquote li pre figure table".split())
VOID_TAGS = frozenset("br hr img meta link input area base col embed param source track wbr".split())
_CHROME_CLASS_RE = regex.compile(
    r"(?:^|[\s_-])(?:comments?|share|sharing|social|menu|navbar|nav|breadcrumbs?|sidebar|footer|cookies?|banner|"
    r"advert|ads|related|subscribe|popup|modal|widget)(?:$|[\s_-])", regex.I)
META_KEYS = {  # (attribute value, meta key); first found wins
    "og:title": "og_title", "og:site_name": "outlet", "article:published_time": "published",
    "author": "author", "article:author": "author", "datepublished": "published", "pubdate": "published",
    "publish-date": "published", "date": "published", "dc.date": "published", "twitter:title": "og_title",
}


@dataclass
class HtmlPage:
    """Text lines of the page and the metadata found in it."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)


class _Extractor(HTMLParser):
    """Collects visible text by blocks, skipping chrome, and the metadata tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.meta: dict[str, Any] = {}
        self.capture: str | None = None
        self.buffer: list[str] = []
        self.h1: str | None = None
        self.in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        self._metadata(tag, a)
        if tag in ("article", "main"):
            self.in_article += 1
        if self.skip or (tag in VOID_TAGS and tag != "br"):
            if self.skip and tag == self.skip[-1] and tag not in VOID_TAGS:
                self.skip.append(tag)
            return
        if self._is_chrome(tag, a):
            self.skip.append(tag)
            return
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._metadata(tag, {k.lower(): (v or "") for k, v in attrs})
        if not self.skip:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.capture == tag:
            self._end_capture()
        if tag in ("article", "main") and self.in_article:
            self.in_article -= 1
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self.capture:
            self.buffer.append(data)
        if not self.skip:
            self.parts.append(data)

    def _is_chrome(self, tag: str, a: dict[str, str]) -> bool:
        """Chrome by tag (a header inside an article is kept) or by class/id/role."""
        if tag in SKIP_TAGS and not (tag == "header" and self.in_article):
            return True
        names = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        return tag not in ("body", "html", "article", "main") and bool(_CHROME_CLASS_RE.search(names))

    def _break(self, tag: str) -> None:
        """A newline for block tags, an empty line around paragraph-like ones."""
        if tag in PARAGRAPH_TAGS:
            self.parts.append("\n\n")
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def _metadata(self, tag: str, a: dict[str, str]) -> None:
        """Title, meta tags, <time datetime>, JSON-LD and the first <h1>."""
        if tag == "meta":
            key = META_KEYS.get((a.get("property") or a.get("name") or a.get("itemprop") or "").lower())
            if key and a.get("content", "").strip():
                self.meta.setdefault(key, a["content"].strip())
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        elif tag in ("title", "h1") or (tag == "script" and "ld+json" in a.get("type", "")):
            if not self.capture:
                self.capture, self.buffer = tag, []

    def _end_capture(self) -> None:
        """Store what a <title>, <h1> or JSON-LD script held."""
        value = " ".join("".join(self.buffer).split())
        if self.capture == "title":
            self.meta.setdefault("html_title", value)
        elif self.capture == "h1" and value:
            self.meta.setdefault("h1", value)
        elif self.capture == "script":
            _json_ld("".join(self.buffer), self.meta)
        self.capture = None


def _json_ld(raw: str, meta: dict[str, Any]) -> None:
    """headline, datePublished, author and publisher names from a JSON-LD block."""
    try:
        data = json.loads(raw)
    except ValueError:
        return
    for item in data if isinstance(data, list) else [data]:
        if not isinstance(item, dict):
            continue
        for src, key in (("headline", "og_title"), ("datePublished", "published")):
            if isinstance(item.get(src), str):
                meta.setdefault(key, item[src])
        for src, key in (("author", "author"), ("publisher", "outlet")):
            value = item.get(src)
            value = value[0] if isinstance(value, list) and value else value
            name = value.get("name") if isinstance(value, dict) else value
            if isinstance(name, str) and name.strip():
                meta.setdefault(key, name.strip())


def html_to_text(html: str) -> HtmlPage:
    """Visible text of a page (one block a line) and its metadata (`title`, `published`, `outlet`, `author`)."""
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    meta = dict(parser.meta)
    title = meta.pop("og_title", None) or meta.pop("h1", None) or _strip_site(meta.get("html_title"))
    meta.pop("h1", None)
    meta.pop("html_title", None)
    if title:
        meta["title"] = title
    if "time" in meta:
        meta.setdefault("published", meta.pop("time"))
    return HtmlPage("".join(parser.parts), meta)


def _strip_site(title: str | None) -> str | None:
    """`Headline | Site` -> `Headline` when the part cut off is the site name (or the shorter half)."""
    if not title:
        return None
    parts = regex.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and len(parts[-1]) < len(" ".join(parts[:-1])):
        return " - ".join(parts[:-1])
    return title
