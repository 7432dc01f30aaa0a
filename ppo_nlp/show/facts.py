"""The facts beside an article: organizations, officials, projects, counts, places, each linked to evidence."""
from __future__ import annotations

from typing import Any, Iterator, Optional

from ppo_nlp.show.markup import esc

COUNT_FIELDS = ("value", "qualifier", "unit", "subject", "subject_id", "min", "max", "change", "as_of",
                "text", "start", "end")
QUALIFIERS = {"approx": "≈", "more_than": ">", "less_than": "<", "exact": ""}
CHANGES = {"increase": "+", "decrease": "−"}
FACT_LISTS = ("organizations", "people", "projects", "locations")


def items(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """`record[key]` when it is a list, keeping only its objects (a hostile record may hold anything)."""
    value = record.get(key)
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def span_of(item: dict[str, Any]) -> Optional[tuple[int, int]]:
    """`(start, end)` of an item when both are integers."""
    start, end = item.get("start"), item.get("end")
    ok = isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)
    return (start, end) if ok and not isinstance(end, bool) else None


def evidence(record: dict[str, Any]) -> Iterator[tuple[int, int]]:
    """Every `(start, end)` a fact points to, in the order of the panel."""
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    for key in FACT_LISTS:
        for item in items(record, key):
            for mention in items(item, "mentions"):
                pos = span_of(mention)
                if pos and 0 <= pos[0] < pos[1] <= len(text):
                    yield pos
    for count in items(record, "counts"):
        pos = span_of(count)
        if pos and 0 <= pos[0] < pos[1] <= len(text):
            yield pos


def _evidence_links(item: dict[str, Any], prefix: str, anchors: set[tuple[int, int]]) -> str:
    links = []
    for mention in items(item, "mentions") if "mentions" in item else [item]:
        pos = span_of(mention)
        label = esc(mention.get("text") or "?")
        if pos in anchors:
            links.append(f'<a href="#{prefix}s{pos[0]}-{pos[1]}">«{label}»</a>')
        else:
            links.append(f'<span class="warn" title="offsets outside the text">«{label}»</span>')
    return f'<div class="ev-links">{"".join(links)}</div>' if links else ""


def _names(record: dict[str, Any]) -> dict[str, str]:
    """Display names of organizations and places by id, to show linked ids by name."""
    out = {}
    for key in ("organizations", "locations"):
        for item in items(record, key):
            if isinstance(item.get("id"), str) and item.get("name"):
                out[item["id"]] = str(item["name"])
    return out


def _section(title: str, rows: list[str]) -> str:
    if not rows:
        return ""
    return f"<h2>{esc(title)} <span class=\"k\">({len(rows)})</span></h2><ul>{''.join(rows)}</ul>"


def _entry(name: Any, note: str, item: dict, prefix: str, anchors: set, extra: str = "") -> str:
    note_html = f' <span class="k">{note}</span>' if note else ""
    return f"<li><b>{esc(name)}</b>{note_html}{extra}{_evidence_links(item, prefix, anchors)}</li>"


def _organizations(record: dict, prefix: str, anchors: set) -> str:
    rows = [_entry(o.get("name") or o.get("id"), esc(" · ".join(str(o[k]) for k in ("type", "id") if o.get(k))),
                   o, prefix, anchors) for o in items(record, "organizations")]
    return _section("Organizations", rows)


def _positions(person: dict, names: dict[str, str]) -> str:
    rows = []
    for pos in items(person, "positions"):
        org = pos.get("organization")
        where = f", {esc(names.get(org, org))}" if org else ""
        rows.append(f"<li>{esc(pos.get('title') or '?')}{where}</li>")
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


def _people(record: dict, prefix: str, anchors: set, names: dict[str, str]) -> str:
    rows = []
    for p in items(record, "people"):
        latin = p.get("name_latin")
        note = esc(latin) if latin and latin != p.get("name") else ""
        rows.append(_entry(p.get("name") or p.get("id"), note, p, prefix, anchors, _positions(p, names)))
    return _section("Officials and people", rows)


def _projects(record: dict, prefix: str, anchors: set) -> str:
    rows = []
    for p in items(record, "projects"):
        names = p.get("names") if isinstance(p.get("names"), dict) else {}
        note = esc(" · ".join(f"{k}: {v}" for k, v in names.items() if v and v != p.get("name")))
        rows.append(_entry(p.get("name") or p.get("id"), note, p, prefix, anchors))
    return _section("Projects", rows)


def number(value: Any) -> str:
    """A number with thin-space thousands (5 839, 12.5); anything else as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format(value, ",").replace(",", "\u202f")
    return str(value)


def count_value(count: dict[str, Any]) -> str:
    """`≈ 150`, `> 1 200 percent`, `10–12`, `+ 35`: qualifier, change sign, value or range, unit."""
    if count.get("min") is not None and count.get("max") is not None:
        shown = f"{number(count['min'])}–{number(count['max'])}"
    else:
        shown = number(count.get("value")) if count.get("value") is not None else "?"
    parts = [QUALIFIERS.get(str(count.get("qualifier")), str(count.get("qualifier") or "")),
             CHANGES.get(str(count.get("change")), ""), shown, str(count.get("unit") or "")]
    return " ".join(p for p in parts if p)


def _count_note(count: dict[str, Any], names: dict[str, str]) -> str:
    """Subject, date, and any further fields a record adds (linked organization or place by name)."""
    notes = [str(count["subject"])] if count.get("subject") else []
    if count.get("as_of"):
        notes.append(f"as of {count['as_of']}")
    for key, value in count.items():
        if key not in COUNT_FIELDS and value not in (None, "", [], {}):
            shown = names.get(value, value) if isinstance(value, str) else value
            notes.append(f"{key}: {shown}")
    return esc(" · ".join(notes))


def _counts(record: dict, prefix: str, anchors: set, names: dict[str, str]) -> str:
    rows = [_entry(count_value(c), _count_note(c, names), c, prefix, anchors) for c in items(record, "counts")]
    return _section("Counts", rows)


def _locations(record: dict, prefix: str, anchors: set) -> str:
    rows = [_entry(x.get("name") or x.get("id"), esc(x.get("type") or ""), x, prefix, anchors)
            for x in items(record, "locations")]
    return _section("Places", rows)


def _removed(removed: Optional[list[str]]) -> str:
    if not removed:
        return ""
    return (f"<details><summary>Removed furniture ({len(removed)} lines)</summary>"
            f"<pre>{esc(chr(10).join(str(x) for x in removed))}</pre></details>")


def _unplaced(bad: list[dict]) -> str:
    if not bad:
        return ""
    rows = "".join(f"<li>{esc(e.get('label'))} «{esc(e.get('text'))}» {esc(e.get('start'))}–{esc(e.get('end'))}"
                   "</li>" for e in bad)
    return f'<h2 class="warn">Entities with offsets outside the text ({len(bad)})</h2><ul>{rows}</ul>'


def _segments(record: dict) -> str:
    segs = [s for s in items(record, "segments") if span_of(s)]
    if len(segs) < 2:
        return ""
    rows = "".join(f"<li>{esc(s.get('lang'))}: {s['start']}–{s['end']}</li>" for s in segs)
    return f"<h2>Language passages</h2><ul>{rows}</ul>"


def panel(record: dict[str, Any], prefix: str, anchors: set[tuple[int, int]], bad: list[dict],
          removed: Optional[list[str]] = None) -> str:
    """Every fact section of one record, then warnings, passages and the removed furniture."""
    names = _names(record)
    removed = removed if removed is not None else record.get("removed")
    parts = [_organizations(record, prefix, anchors), _people(record, prefix, anchors, names),
             _projects(record, prefix, anchors), _counts(record, prefix, anchors, names),
             _locations(record, prefix, anchors), _unplaced(bad), _segments(record),
             _removed(removed if isinstance(removed, list) else None)]
    return "".join(parts) or "<p class=\"k\">No facts found.</p>"
