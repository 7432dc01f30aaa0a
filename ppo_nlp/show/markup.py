"""HTML building blocks shared by the article and archive pages: escaping, label colours, the style sheet.

Article text is hostile: every string that reaches HTML goes through `esc` (text) or `attr` (attribute
values), and the pages carry a Content-Security-Policy that allows no script and no network at all.
"""
from __future__ import annotations

import re
from html import escape
from typing import Any, Iterable, Optional

LABELS = ("PERSON", "ORG", "LOC", "POSITION", "PROJECT", "COUNT", "DATE")
COLOURS = {"PERSON": "#f4b6c2", "ORG": "#9fd3f5", "LOC": "#b8e6a3", "POSITION": "#ffd98a",
           "PROJECT": "#d7b8f3", "COUNT": "#ffb38a", "DATE": "#cfd8dc"}
# For labels added later: picked by a stable hash of the label.
SPARE = ("#e6ee9c", "#80cbc4", "#bcaaa4", "#f8bbd0", "#b3e5fc", "#c5e1a5")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_BAD = re.compile(r"[\ud800-\udfff]")
_CLASS = re.compile(r"[^A-Za-z0-9_-]")


def clean_str(value: Any) -> str:
    """A string safe to encode as UTF-8 with the same length: lone surrogates become U+FFFD."""
    return _BAD.sub("\ufffd", value if isinstance(value, str) else str(value))


def esc(value: Any) -> str:
    """Text content: `<`, `>`, `&` and quotes escaped; a CR kept as a reference (HTML would drop it)."""
    return escape(clean_str(value), quote=True).replace("\r", "&#13;").replace("\x00", "&#65533;")


def attr(value: Any) -> str:
    """An attribute value, quoted."""
    return '"' + esc(value) + '"'


def label_class(label: str) -> str:
    """A CSS class for a label, whatever characters the label holds."""
    return "l-" + _CLASS.sub("_", clean_str(label))


def colour(label: str) -> str:
    if label in COLOURS:
        return COLOURS[label]
    return SPARE[sum(map(ord, label)) % len(SPARE)]


def label_rules(labels: Iterable[str], prefix: str) -> str:
    """Colour rules and hide-toggles for these labels."""
    rules = []
    for label in labels:
        cls = label_class(label)
        rules.append(f".ppo mark.{cls}{{--c:{colour(label)}}}")
        rules.append(f"#{prefix}hide-{cls}:checked~.layout mark.{cls}{{--c:transparent}}")
    return "\n".join(rules)


def ordered_labels(labels: Iterable[str]) -> list[str]:
    """Known labels in their usual order, then any others alphabetically."""
    seen = set(labels)
    return [x for x in LABELS if x in seen] + sorted(seen - set(LABELS))


def link(href: str, text: Any, extra: str = "") -> str:
    return f"<a href={attr(href)}{extra}>{esc(text)}</a>"


def page(title: Any, body: str, up: Optional[str] = None) -> str:
    """A whole HTML document: UTF-8, phone viewport, no scripts, no network."""
    nav = f'<nav class="up">{link(up, "← Archive")}</nav>' if up else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content={attr(CSP)}>"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{BASE_STYLE}{ARTICLE_STYLE}</style></head>\n"
            f"<body>{nav}{body}</body></html>\n")


BASE_STYLE = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:1rem;
 max-width:78rem;color:#1d1d1f;background:#fff}
a{color:#0b57d0}a:focus-visible,input:focus-visible+label,summary:focus-visible{outline:3px solid #f5a100;
 outline-offset:2px}
h1{font-size:1.4rem;margin:.3rem 0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.25rem .4rem;
 border-bottom:1px solid #e3e3e3;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.meta{color:#555;font-size:.9rem}.meta>span{margin-right:1rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}
.charts figure{margin:0}.charts figcaption{font-weight:600;font-size:.9rem}
svg.chart{width:100%;max-width:34rem;height:auto;font:11px system-ui,sans-serif}svg.chart .bar{fill:#4a7fd0}
svg.chart .dot{fill:#d0611e}svg.chart .axis{stroke:#999}svg.chart a:focus .dot{stroke:#000;stroke-width:2}
.pager a,.pager strong{margin-right:.5rem}
@media (max-width:50rem){body{padding:.6rem}}
"""
# Everything an article needs, scoped under .ppo so that a notebook cell can carry it.
ARTICLE_STYLE = """
.ppo{--c:#eee}.ppo h1{font-size:1.3rem;margin:.3rem 0}.ppo h2{font-size:1rem;margin:1rem 0 .3rem}
.ppo .meta{color:#555;font-size:.9rem}.ppo .meta>span{margin-right:1rem}
.ppo>label{display:inline-block;font-size:.85rem;padding:0 .45rem;margin:.1rem .3rem .4rem 0;border-radius:.3rem;
 background:var(--c);border-bottom:3px solid rgba(0,0,0,.35)}
.ppo>input.tg{margin:0 .15rem 0 .5rem;vertical-align:middle}
.ppo .layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(15rem,2fr);gap:1.5rem}
.ppo .text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1}
.ppo mark{background:var(--c);color:inherit;border-bottom:2px solid rgba(0,0,0,.35);border-radius:.2rem;
 padding:0 .05rem calc(.05rem + var(--h,0)*.28rem)}
.ppo mark.h1{--h:1}.ppo mark.h2{--h:2}.ppo mark.h3{--h:3}.ppo mark.h4{--h:4}
.ppo mark::after{content:attr(data-label);font-size:.55rem;font-weight:600;vertical-align:super;
 margin-left:.1rem;opacity:.7}
.ppo .hidelb:checked~.layout mark::after{display:none}
.ppo mark:target,.ppo .ev:target{outline:3px solid #d93025;outline-offset:1px}
.ppo [id]{scroll-margin-top:4rem}
.ppo .seg{border-left:3px solid #8e8e8e;padding-left:.2rem}
.ppo .seg::before{content:attr(data-lang);font-size:.65rem;color:#555;vertical-align:super;margin-right:.2rem}
.ppo .facts{font-size:.9rem;overflow-wrap:anywhere;position:sticky;top:0;max-height:100vh;overflow:auto}
.ppo .facts ul{padding-left:1.1rem;margin:.2rem 0}.ppo .facts li{margin:.25rem 0}
.ppo .facts .ev-links a{margin-right:.4rem}.ppo .k{color:#555}
.ppo details{margin:.6rem 0}.ppo details pre{white-space:pre-wrap;font-size:.85rem;background:#f6f6f6;padding:.5rem}
.ppo .warn{color:#a50e0e}.ppo a:focus-visible,.ppo input:focus-visible+label{outline:3px solid #f5a100}
@media (max-width:50rem){.ppo .layout{grid-template-columns:1fr}.ppo .facts{position:static;max-height:none}}
"""
