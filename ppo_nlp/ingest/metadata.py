"""Title, publication date, outlet and author of a page, from its metadata or from its layout.

Metadata given by JSON or HTML wins; then the header (title line, date line, byline), the footer
(`© 2015 Name`, a closing byline) and attribution phrases in the text ("как передает корреспондент X").
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, NamedTuple, Optional

import regex

from ppo_nlp.ingest.dates import find_date, is_date_widget, leading_date, normalize_iso
from ppo_nlp.ingest.furniture import load_lists, match_line, normalize
from ppo_nlp.ingest.lines import person_name, words
from ppo_nlp.ingest.regexgate import Gate, merge_gates, required_gate
from ppo_nlp.normalize.names import is_first_name
from ppo_nlp.resources import load_lines, read_rows
from ppo_nlp.text import fold
from ppo_nlp.ingest.zones import Layout, is_date_line, title_text, wrapped_title

_DOMAIN = r"(?<![\w.-])(?:[A-Za-z0-9][A-Za-z0-9-]*+\.)+(?i:kz|ru|com|net|org|info|news|media|tv|uz|kg|asia|io|co|su)\b"
_LATIN_WORD = r"(?=\p{Latin})\p{Lu}[\p{Latin}\p{M}0-9]++"  # Azattyq, Rýhy, Kazinform
_OUTLET = rf"(?-i:(?P<outlet>{_DOMAIN}|«[^»\n]{{2,40}}»|\"[^\"\n]{{2,40}}\"|\u201c[^\u201d\n]{{2,40}}\u201d|(?<![\w-]){_LATIN_WORD}(?:\s{_LATIN_WORD}){{0,2}}\b))"
# Every outlet that `_OUTLET` (and `{DOMAIN}`) matches holds one of these, case for case: an ASCII letter, digit or
# hyphen before a dot (a domain), an opening quote mark, or a capital Latin letter. A line without any holds none.
_OUTLET_GATE = regex.compile(r'[A-Za-z0-9-]\.|[«"\u201c]|(?=\p{Latin})\p{Lu}')
_COPYRIGHT_YEAR_RE = regex.compile(r"(?:©|\(c\)|copyright)\s*©?\s*(?:19|20)\d\d|©.*(?:19|20)\d\d", regex.I)
_COPYRIGHT_RE = regex.compile(r"(?:©|\(c\)|copyright)\s*©?\s*", regex.I)
_YEARS_RE = regex.compile(r"^(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?[\s,.]*|[\s,.]*(?:19|20)\d\d[\s.]*$")
_NAME_END_RE = regex.compile(r"\s*(?:\||\.\s|;|\s[-–—]\s|,\s)")
MAX_SITE_NAME_WORDS = 6
MIN_HEADLINE_WORDS = 3  # words a headline keeps in front of a site name
_SUFFIX_RE = regex.compile(r"\s(?P<sep>[|]|[-–—])\s+(?P<site>(?:(?!\s[|\-–—]\s).){2,80})$")
ATTRIBUTION_LINES = 5
DATELINE_LINES = 2  # first prose lines where a dateline (a pattern starting with ^) is looked for  # first prose lines searched for "как передает ..." (and the last lines too)
MAX_SEARCH_CHARS = 5000
SEARCH_TIMEOUT = 0.2
# A gate must not begin with a quantifier (it would quantify the outlet) nor set flags for the whole pattern.
_GATE_SAFE_RE = regex.compile(r"(?![*+?{])(?:(?!\(\?[a-zA-Z-]+\)).)+", regex.S)
ATTRIBUTION_FLAGS = regex.I | regex.V1


def published(layout: Layout, meta: dict) -> Optional[str]:
    """ISO date from meta, else the first date line in the header (a site's current-date widget above the title
    left out),
    else a full date in front of the title, else a date line in the footer."""
    if meta.get("published"):
        iso = normalize_iso(str(meta["published"]))
        if iso:
            return iso
    for i in _zone(layout, "header"):
        above_title = layout.title is None or i < layout.title
        if _publication_date_line(layout.lines[i], widget_possible=above_title):
            return find_date(layout.lines[i]).iso
    lead = leading_date(layout.lines[layout.title]) if layout.title is not None else None
    if lead and lead[0]:
        return lead[0].iso
    footer = (layout.lines[i] for i in _zone(layout, "footer"))
    return next((find_date(line).iso for line in footer if _publication_date_line(line)), None)


def _publication_date_line(line: str, widget_possible: bool = True) -> bool:
    """A short date line that is neither a copyright line nor (above the title) a current-date widget."""
    if not line or _is_copyright(line) or not is_date_line(line):
        return False
    return not (widget_possible and is_date_widget(line))


def title(layout: Layout, meta: dict) -> Optional[str]:
    """Meta title, else the title line (kept as written, ALL CAPS included; a date in front and a site name
    after it left out)."""
    if meta.get("title"):
        return " ".join(str(meta["title"]).split())
    if layout.title is None:
        return None
    headline = title_text(layout.lines[layout.title])
    return split_site_suffix(headline)[0]


def split_site_suffix(headline: str) -> tuple[str, Optional[str]]:
    """`Headline | Site` or `Headline - Site газеті` -> (`Headline`, `Site`); (headline, None) otherwise."""
    m = _SUFFIX_RE.search(headline)
    if not m or len(words(headline[:m.start()])) < MIN_HEADLINE_WORDS:
        return headline, None
    site = m.group("site").strip(" .")
    if len(words(site)) > MAX_SITE_NAME_WORDS or find_date(site):
        return headline, None
    if m.group("sep") != "|" and not (regex.fullmatch(_DOMAIN, site) or _has_media_word(site)):
        return headline, None
    return headline[:m.start()].rstrip(), site


def _has_media_word(name: str) -> bool:
    """A word of `name` is a media word (`News`), or starts with one in Cyrillic (`газеті`, `телеарнасы`)."""
    folded = [fold(w) for w in words(name)]
    return any(w == m or (not m.isascii() and w.startswith(m)) for w in folded for m in _media_words())


@lru_cache(maxsize=1)
def _media_words() -> tuple[str, ...]:
    """Folded media words from `resources/furniture/media_words.txt`."""
    return tuple(sorted(fold(word) for word in load_lines("furniture/media_words.txt")))


def outlet(layout: Layout, meta: dict) -> Optional[str]:
    """Meta outlet, else the `© YEAR Name` footer, else a site name after a copy of the title, else a
    dateline or an attribution phrase in the text."""
    if meta.get("outlet"):
        return str(meta["outlet"]).strip()
    names = [n for line in layout.lines if _is_copyright(line) and (n := copyright_name(line))]
    return names[-1] if names else (title_suffix_outlet(layout) or attributed_outlet(layout))


def title_suffix_outlet(layout: Layout) -> Optional[str]:
    """`Headline - «Qazaqstan» Ұлттық телеарнасы` in the header beside the headline itself: the site's name."""
    if layout.title is None:
        return None
    headline = layout.lines[layout.title]
    suffix = split_site_suffix(title_text(headline))[1]
    if suffix:
        return suffix
    for i in _zone(layout, "header"):
        wrapped = wrapped_title(layout.lines[i], headline) if i != layout.title and layout.lines[i] else None
        name = wrapped[1].strip(" .,;") if wrapped else ""
        if name and len(words(name)) <= MAX_SITE_NAME_WORDS and not find_date(name) and not match_line(name):
            return name
    return None


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
    # a short body's last lines are among its first: searched once (what a copy finds comes after the first)
    searched = body[:ATTRIBUTION_LINES] + [i for i in body[-3:] if i not in body[:ATTRIBUTION_LINES]]
    lines = [layout.lines[i][:MAX_SEARCH_CHARS] for i in searched]
    found = [outlet for k, line in enumerate(lines) for outlet in attributions(line, k < DATELINE_LINES)]
    domains = [f for f in found if regex.fullmatch(_DOMAIN, f)]
    best = (domains or found or [None])[0]
    if not best:
        return None
    best = best.strip("«»\"“”")
    return best.title() if best.isupper() and not regex.fullmatch(_DOMAIN, best) else best


def attributions(line: str, dateline: bool = True) -> list[str]:
    """The outlets the attribution patterns find in one line, in their order (a pattern starting with ^ only in
    a `dateline` line); a pattern of an `{OUTLET}` is not tried on a line without a match of `_OUTLET_GATE`."""
    may_hold, lowered = _OUTLET_GATE.search(line) is not None, line.lower()  # the opening gates read it
    hidden = _all_opening_twins().hides_literal(line)  # once for all gates: most lines have no such character
    return [m.group("outlet") for (pattern, gate), outlet, opening in zip(_attribution_patterns(), _outlet_templates(),
                                                                       _opening_gates())
            if (dateline or not pattern.pattern.startswith("^")) and (may_hold or not outlet)
            and (opening is None or opening.holds_literal(lowered) or hidden and opening.hides_literal(line))
            for m in _search(pattern, gate, line)]


def _search(pattern: regex.Pattern, gate: Optional[regex.Pattern], line: str) -> list[regex.Match]:
    """At most one match, bounded by a timeout; none without a match of `gate` (a part every match contains)."""
    try:
        if gate is not None and not gate.search(line, timeout=SEARCH_TIMEOUT):
            return []
    except TimeoutError:
        pass  # the gate could not tell: the pattern decides
    try:
        find = pattern.match if pattern.pattern.startswith("^") else pattern.search
        m = find(line, timeout=SEARCH_TIMEOUT)
    except TimeoutError:
        return []
    return [m] if m else []


@lru_cache(maxsize=1)
def _attribution_patterns() -> tuple[tuple[regex.Pattern, Optional[regex.Pattern]], ...]:
    """The attribution regexes of `attribution.txt` with `{OUTLET}` filled in, each with its gate."""
    templates = [pattern for _, pattern in read_rows("furniture/attribution.txt")]
    return tuple((regex.compile(_fill(t), ATTRIBUTION_FLAGS), outlet_gate(t)) for t in templates)


@lru_cache(maxsize=1)
def _outlet_templates() -> tuple[bool, ...]:
    """Per entry of `_attribution_patterns`: whether its template holds `{OUTLET}` or `{DOMAIN}`, so that it
    matches no line without a match of `_OUTLET_GATE`."""
    return tuple("{OUTLET}" in t or "{DOMAIN}" in t for _, t in read_rows("furniture/attribution.txt"))


@lru_cache(maxsize=1)
def _opening_gates() -> tuple[Optional[Gate], ...]:
    """Per entry of `_attribution_patterns`: the literals one of which a line needs for a match, when the
    pattern holds them, after an outlet or not («передает», «данным», «тілшісі»; `regexgate.required_gate`)."""
    return tuple(required_gate(t.replace("{OUTLET}", ".").replace("{DOMAIN}", "."), ATTRIBUTION_FLAGS)
                 for _, t in read_rows("furniture/attribution.txt"))  # an outlet: something, no literal


@lru_cache(maxsize=1)
def _all_opening_twins() -> Gate:
    """The opening gates merged: a line that none of their `twins` is in is let through by its literals alone."""
    return merge_gates(g for g in _opening_gates() if g is not None)


def _fill(template: str) -> str:
    """A template with `{OUTLET}` (any outlet shape) or `{DOMAIN}` (a domain name) as the `outlet` group."""
    return template.replace("{OUTLET}", _OUTLET).replace("{DOMAIN}", f"(?-i:(?P<outlet>{_DOMAIN}))")


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


class Bylines(NamedTuple):
    """The header's labelled byline (line of the name, name) and the line of a name under the title
    (`header_byline_line`): found once for the cleaner, which drops those lines, and for `author`."""

    labelled: Optional[tuple[int, str]]
    header: Optional[int]


def header_bylines(layout: Layout) -> Bylines:
    """The `Bylines` of a layout."""
    return Bylines(_labelled_byline_at(layout, _zone(layout, "header")), header_byline_line(layout))


def author(layout: Layout, meta: dict, bylines: Optional[Bylines] = None) -> Optional[str]:
    """Meta author, else a labelled byline, else a name under the title, else the rest of a header date line,
    else a closing byline; `bylines`: `header_bylines(layout)` when known."""
    if meta.get("author") and not str(meta["author"]).startswith("http"):
        return " ".join(str(meta["author"]).split())
    labelled = bylines.labelled if bylines else _labelled_byline_at(layout, _zone(layout, "header"))
    labelled = labelled or _labelled_byline_at(layout, _zone(layout, "footer"))
    if labelled:
        return labelled[1]
    header = bylines.header if bylines else header_byline_line(layout)
    return ((person_name(layout.lines[header]) if header is not None else None) or _date_line_byline(layout)
            or _closing_byline(layout))


def header_byline_line(layout: Layout) -> Optional[int]:
    """A name line between the title and the body, beside a date line or with a known first name."""
    if layout.title is None:
        return None
    for i in range(layout.title + 1, min(layout.body_start, layout.cut)):
        name = person_name(layout.lines[i]) if layout.lines[i] and not layout.furniture[i] else None
        if name and (_beside_date(layout, i) or any(is_first_name(w) for w in name.split())):
            return i
    return None


def _beside_date(layout: Layout, i: int) -> bool:
    """The nearest non-empty line above or below line `i` is a date line."""
    above = next((layout.lines[j] for j in range(i - 1, -1, -1) if layout.lines[j]), "")
    below = next((layout.lines[j] for j in range(i + 1, len(layout.lines)) if layout.lines[j]), "")
    return any(line and is_date_line(line) and not is_date_widget(line) for line in (above, below))


@lru_cache(maxsize=1)
def _author_labels() -> tuple[str, ...]:
    """Folded byline labels (`автор`, `author`, ...) from the furniture lists."""
    return tuple(key for key, entry in load_lists().lines.items() if ".author.label" in entry.id)


def _labelled_byline_at(layout: Layout, lines: Iterable[int]) -> Optional[tuple[int, str]]:
    """(line of the name, name) of the first labelled byline among `lines`: `Автор: Name` on one line, or the
    label alone with the name on the next line."""
    for i in lines:
        norm = normalize(layout.lines[i])
        for label in _author_labels():
            if norm == label and i + 1 < len(layout.lines):
                at, name = i + 1, _leading_name(layout.lines[i + 1])
            elif norm.startswith(label) and len(norm) > len(label) and not norm[len(label)].isalnum():
                at, name = i, _leading_name(layout.lines[i][len(label):].lstrip(" :—-"))
            else:
                continue
            if name:
                return at, name
    return None


def _leading_name(rest: str) -> Optional[str]:
    """The name a byline opens with; what follows a lower-case word, a comma or a digit (`in Politics on 12
    March`, `, photo by …`) is left."""
    return person_name(rest) or person_name(regex.split(r"\s(?=\p{Ll}|\d)|,", rest, maxsplit=1)[0])


@lru_cache(maxsize=1)
def _date_labels() -> frozenset[str]:
    """Folded one-word date labels (`дата`, `date`, `published`, ...) from the furniture lists."""
    return frozenset(key for key, entry in load_lists().lines.items() if ".date.label" in entry.id and " " not in key)


def _without_date_labels(rest: str) -> str:
    """The words beside a date without the date labels at their start (`date Go to the main site`)."""
    tokens = rest.strip(" ,|:—-").split()
    while tokens and normalize(tokens[0]) in _date_labels():
        tokens.pop(0)
    return " ".join(tokens).strip(" ,|:—-")


def _date_line_byline(layout: Layout) -> Optional[str]:
    """`пресс служба Nur Otan 1 Марта 2022, 12:01`: the words around the header date name the author."""
    for i in _zone(layout, "header"):
        line = layout.lines[i]
        usable = line and i != layout.title and is_date_line(line) and not is_date_widget(line)
        found = find_date(line) if usable else None
        if not found:
            continue
        rest = _without_date_labels(" ".join((line[:found.start] + " " + line[found.end:]).split()))
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
