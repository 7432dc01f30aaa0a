"""Title, publication date, outlet and author of a page, from its metadata or from its layout.

Metadata given by JSON or HTML wins; then the header (title line, date line, byline), the footer
(`© 2015 Name`, a closing byline) and attribution phrases in the text ("как передает корреспондент X").
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ppo_nlp.ingest.dates import find_date, normalize_iso
from ppo_nlp.ingest.furniture import FURNITURE_DIR, load_lists, match_line, normalize
from ppo_nlp.ingest.lines import person_name, words
from ppo_nlp.ingest.zones import Layout, is_date_line

_DOMAIN = r"(?<![\w.-])(?:[A-Za-z0-9][A-Za-z0-9-]*+\.)+(?:kz|ru|com|net|org|info|news|media|tv|uz|kg|asia|io|co|su)\b"
_OUTLET = rf"(?-i:(?P<outlet>{_DOMAIN}|«[^»\n]{{2,40}}»|(?<![\w-])[A-Z][A-Za-z0-9]++(?:\s[A-Z][A-Za-z0-9]++){{0,2}}\b))"
_COPYRIGHT_YEAR_RE = regex.compile(r"(?:©|\(c\)|copyright)\s*©?\s*(?:19|20)\d\d|©.*(?:19|20)\d\d", regex.I)
_COPYRIGHT_RE = regex.compile(r"(?:©|\(c\)|copyright)\s*©?\s*", regex.I)
_YEARS_RE = regex.compile(r"^(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?[\s,.]*|[\s,.]*(?:19|20)\d\d[\s.]*$")
_NAME_END_RE = regex.compile(r"\s*(?:\||\.\s|;|\s[-–—]\s|,\s)")
ATTRIBUTION_LINES = 5  # first prose lines searched for "как передает ..." (and the last lines too)
MAX_SEARCH_CHARS = 5000
SEARCH_TIMEOUT = 0.2
# A gate must not begin with a quantifier (it would quantify the outlet) nor set flags for the whole pattern.
_GATE_SAFE_RE = regex.compile(r"(?![*+?{])(?:(?!\(\?[a-zA-Z-]+\)).)+", regex.S)
ATTRIBUTION_FLAGS = regex.I | regex.V1


def published(layout: Layout, meta: dict) -> Optional[str]:
    """ISO date from meta, else the first date line in the header, else one in the footer."""
    if meta.get("published"):
        iso = normalize_iso(str(meta["published"]))
        if iso:
            return iso
    for i in list(_zone(layout, "header")) + list(_zone(layout, "footer")):
        line = layout.lines[i]
        if line and not _is_copyright(line) and is_date_line(line):
            return find_date(line).iso
    return None


def title(layout: Layout, meta: dict) -> Optional[str]:
    """Meta title, else the title line (kept as written, ALL CAPS included)."""
    if meta.get("title"):
        return " ".join(str(meta["title"]).split())
    return layout.lines[layout.title] if layout.title is not None else None


def outlet(layout: Layout, meta: dict) -> Optional[str]:
    """Meta outlet, else the `© YEAR Name` footer, else an attribution phrase in the text."""
    if meta.get("outlet"):
        return str(meta["outlet"]).strip()
    names = [n for line in layout.lines if _is_copyright(line) and (n := copyright_name(line))]
    return names[-1] if names else attributed_outlet(layout)


def _is_copyright(line: str) -> bool:
    """A footer copyright line with a year."""
    return bool(line) and len(line) <= 300 and bool(_COPYRIGHT_YEAR_RE.search(line))


def copyright_name(line: str) -> Optional[str]:
    """The owner named by `© 2015 Name. Все права защищены.` (or `Name © 2015`)."""
    m = _COPYRIGHT_RE.search(line)
    if not m:
        return None
    after = _YEARS_RE.sub("", line[m.end():]).strip()
    name = after or _YEARS_RE.sub("", line[:m.start()]).strip()
    name = _NAME_END_RE.split(name, maxsplit=1)[0].strip(" .,;:-–—«»\"")
    if len(words(name)) == 0 or match_line(name):
        return None
    return name


def attributed_outlet(layout: Layout) -> Optional[str]:
    """The outlet named by "как передает корреспондент X" / "деп хабарлайды X"; domains first."""
    body = [i for i in range(layout.cut) if layout.prose[i]]
    lines = [layout.lines[i][:MAX_SEARCH_CHARS] for i in body[:ATTRIBUTION_LINES] + body[-3:]]
    found = [m.group("outlet") for line in lines for pattern, gate in _attribution_patterns()
             for m in _search(pattern, gate, line)]
    domains = [f for f in found if regex.fullmatch(_DOMAIN, f)]
    best = (domains or found or [None])[0]
    return best.strip("«»") if best else None


def _search(pattern: regex.Pattern, gate: Optional[regex.Pattern], line: str) -> list[regex.Match]:
    """At most one match, bounded by a timeout; none without a match of `gate` (a part every match contains)."""
    try:
        if gate is not None and not gate.search(line, timeout=SEARCH_TIMEOUT):
            return []
    except TimeoutError:
        pass  # the gate could not tell: the pattern decides
    try:
        m = pattern.search(line, timeout=SEARCH_TIMEOUT)
    except TimeoutError:
        return []
    return [m] if m else []


@lru_cache(maxsize=1)
def _attribution_patterns() -> tuple[tuple[regex.Pattern, Optional[regex.Pattern]], ...]:
    """The attribution regexes of `attribution.txt` with `{OUTLET}` filled in, each with its gate."""
    rows = (FURNITURE_DIR / "attribution.txt").read_text(encoding="utf-8").splitlines()
    bodies = [row.split("  #", 1)[0].split(None, 1) for row in rows if row.strip() and not row.startswith("#")]
    templates = [body[1].strip() for body in bodies]
    return tuple((regex.compile(t.replace("{OUTLET}", _OUTLET), ATTRIBUTION_FLAGS), outlet_gate(t)) for t in templates)


def outlet_gate(template: str) -> Optional[regex.Pattern]:
    """For `{OUTLET}rest`, the regex `rest`: every match of the template contains a match of it, and it is
    far cheaper to search for than a name at every capital letter. None for other templates."""
    rest = template[len("{OUTLET}"):]
    if not template.startswith("{OUTLET}") or "{OUTLET}" in rest or not _GATE_SAFE_RE.fullmatch(rest):
        return None
    try:
        return regex.compile(rest, ATTRIBUTION_FLAGS)
    except regex.error:
        return None


def author(layout: Layout, meta: dict) -> Optional[str]:
    """Meta author, else a labelled byline, else the rest of a header date line, else a closing byline."""
    if meta.get("author") and not str(meta["author"]).startswith("http"):
        return " ".join(str(meta["author"]).split())
    return _labelled_byline(layout) or _date_line_byline(layout) or _closing_byline(layout)


@lru_cache(maxsize=1)
def _author_labels() -> tuple[str, ...]:
    """Folded byline labels (`автор`, `author`, ...) from the furniture lists."""
    return tuple(key for key, entry in load_lists().lines.items() if ".author.label" in entry.id)


def _labelled_byline(layout: Layout) -> Optional[str]:
    """`Автор: Name` on one line, or the label alone with the name on the next line."""
    for i in list(_zone(layout, "header")) + list(_zone(layout, "footer")):
        norm = normalize(layout.lines[i])
        for label in _author_labels():
            if norm == label and i + 1 < len(layout.lines):
                name = person_name(layout.lines[i + 1])
            elif norm.startswith(label) and len(norm) > len(label) and not norm[len(label)].isalnum():
                name = person_name(layout.lines[i][len(label):].lstrip(" :—-"))
            else:
                continue
            if name:
                return name
    return None


def _date_line_byline(layout: Layout) -> Optional[str]:
    """`пресс служба Nur Otan 1 Марта 2022, 12:01`: the words around the header date name the author."""
    for i in _zone(layout, "header"):
        line = layout.lines[i]
        found = find_date(line) if line and is_date_line(line) else None
        if not found:
            continue
        rest = " ".join((line[:found.start] + " " + line[found.end:]).split()).strip(" ,|:—-")
        if len(words(rest)) >= 2 and not regex.search(r"\d", rest) and not match_line(rest):
            return rest
    return None


def _closing_byline(layout: Layout) -> Optional[str]:
    """The last name-shaped line after the body (`Шынболат СЕЙДУАЛИЕВ,`, `Т.Курбанова`)."""
    names = [n for i in _zone(layout, "footer") if (n := person_name(layout.lines[i]))]
    return names[-1] if names else None


def _zone(layout: Layout, zone: str) -> range:
    """Line indexes of one zone."""
    if zone == "header":
        return range(min(layout.body_start, layout.cut))
    return range(layout.body_end + 1, layout.cut)
