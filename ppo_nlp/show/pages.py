"""The archive pages: `index.html` (charts and top lists), `articles-N.html` (paged links to every article
page) and `errors-N.html` (every record that could not be processed or shown)."""
from __future__ import annotations

from typing import Callable, Iterator, Sequence

from ppo_nlp.show.archive import Archive, Entry, Tally
from ppo_nlp.show.charts import bar_chart, column_chart, months_between, time_chart
from ppo_nlp.show.facts import number
from ppo_nlp.show.markup import esc, link, page

PAGE_SIZE = 200
TOP = 20
SERIES_CHARTS = 8


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{esc(caption)}</figcaption>{svg}</figure>" if svg else ""


def _charts(archive: Archive) -> str:
    dated = sorted(m for m in archive.months if m[0].isdigit())
    months = [(m, archive.months.get(m, 0)) for m in months_between(dated[0], dated[-1])] if dated else []
    undated = archive.months.get("(no date)", 0)
    figures = [
        _figure("Documents by language", bar_chart([(k, v, None) for k, v in archive.langs.most_common(12)],
                                                   "Documents by language")),
        _figure("Documents by outlet", bar_chart([(k, v, None) for k, v in archive.outlets.most_common(15)],
                                                 "Documents by outlet (top 15)")),
        _figure(f"Documents by month ({undated} undated)", column_chart(months, "Documents by month")),
    ]
    return f'<div class="charts">{"".join(figures)}</div>'


def _series_charts(archive: Archive) -> str:
    """Counts over time for the series with the most dated values (subject, unit, place)."""
    ranked = sorted(archive.series.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:SERIES_CHARTS]
    figures = []
    for (key, unit, place), points in ranked:
        subject = archive.subjects.get(key, key)
        n = len(points)
        caption = f"{subject}{f' ({unit})' if unit else ''} — {place}: {n} value{'s' if n != 1 else ''}"
        figures.append(_figure(caption, time_chart([(m, v, t, "articles/" + p) for m, v, t, p in points], caption)))
    if not figures:
        return "<p>No dated counts.</p>"
    return f'<div class="charts">{"".join(figures)}</div>'


def _top_table(title: str, tallies: dict[str, Tally], note: str) -> str:
    ranked = sorted(tallies.values(), key=lambda t: (-t.articles, -t.mentions, t.name))[:TOP]
    if not ranked:
        return f"<h2>{esc(title)}</h2><p>None found.</p>"
    rows = "".join(
        f"<tr><td>{esc(t.name)}</td><td>{esc(t.note)}</td><td class=\"n\">{t.articles}</td>"
        f"<td class=\"n\">{t.mentions}</td><td>{' '.join(link('articles/' + p, _cut(title_)) for p, title_ in t.pages)}"
        f"</td></tr>" for t in ranked)
    return (f"<h2>{esc(title)} <span class=\"k\">(top {len(ranked)} of {len(tallies)})</span></h2><table><thead>"
            f"<tr><th>name</th><th>{esc(note)}</th><th class=\"n\">articles</th><th class=\"n\">mentions</th>"
            f"<th>in</th></tr></thead><tbody>{rows}</tbody></table>")


def _cut(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _error_table(archive: Archive) -> str:
    if not archive.errors:
        return "<h2>Errors</h2><p>None: every record was shown.</p>"
    rows = "".join(f"<tr><td>{esc(code)}</td><td class=\"n\">{n}</td></tr>"
                   for code, n in sorted(archive.errors.items()))
    return (f"<h2>Errors by code</h2><table><thead><tr><th>code</th><th class=\"n\">records</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p>{link('errors-1.html', 'Every error record')}</p>")


def index_page(archive: Archive) -> str:
    shown = sum(1 for e in archive.entries if e.page)
    pages = max(1, -(-shown // PAGE_SIZE))
    body = (f"<h1>Archive report</h1><p class=\"meta\">{number(len(archive.entries))} records: {number(shown)} "
            f"articles, {number(sum(archive.errors.values()))} errors. "
            f"{link('articles-1.html', 'All articles')} ({pages} pages)</p>"
            f"<h2>Documents</h2>{_charts(archive)}<h2>Counts over time</h2>{_series_charts(archive)}"
            f"{_top_table('Most mentioned officials', archive.tallies['people'], 'position')}"
            f"{_top_table('Most mentioned organizations', archive.tallies['organizations'], 'type')}"
            f"{_top_table('Most mentioned projects', archive.tallies['projects'], '')}{_error_table(archive)}")
    return page("Archive report", body)


def pager(name: str, current: int, total: int) -> str:
    """Links to the first, previous, nearby, next and last pages: keyboard-friendly, a few links at most."""
    wanted = sorted({1, total, current - 1, current, current + 1} & set(range(1, total + 1)))
    parts, last = [], 0
    for n in wanted:
        if n > last + 1:
            parts.append("…")
        parts.append(f"<strong>{n}</strong>" if n == current else link(f"{name}-{n}.html", n))
        last = n
    return f'<nav class="pager" aria-label="pages">Page: {" ".join(parts)}</nav>'


def _article_row(e: Entry) -> str:
    return (f"<tr><td>{link('articles/' + (e.page or ''), _cut(e.title, 90))}</td><td>{esc(e.lang)}</td>"
            f"<td>{esc(e.outlet)}</td><td>{esc(e.published)}</td><td class=\"n\">{e.entities}</td>"
            f"<td class=\"n\">{e.facts}</td></tr>")


def _error_row(e: Entry) -> str:
    code, message = e.error or ("", "")
    return f"<tr><td>{esc(e.id)}</td><td>{esc(e.source)}</td><td>{esc(code)}</td><td>{esc(message)}</td></tr>"


def paged(name: str, title: str, entries: Sequence[Entry], head: str,
          row: Callable[[Entry], str]) -> Iterator[tuple[str, str]]:
    """`(file name, html)` for each page of a long list (at least one page, even when empty)."""
    total = max(1, -(-len(entries) // PAGE_SIZE))
    for n in range(1, total + 1):
        chunk = entries[(n - 1) * PAGE_SIZE: n * PAGE_SIZE]
        nav = pager(name, n, total)
        body = (f"<h1>{esc(title)}</h1>{nav}<table><thead>{head}</thead><tbody>{''.join(map(row, chunk))}"
                f"</tbody></table>{nav}")
        yield f"{name}-{n}.html", page(f"{title} ({n}/{total})", body, up="index.html")


def list_pages(archive: Archive) -> Iterator[tuple[str, str]]:
    articles = [e for e in archive.entries if e.page]
    errors = [e for e in archive.entries if e.error]
    yield from paged("articles", "Articles", articles, "<tr><th>title</th><th>lang</th><th>outlet</th>"
                     "<th>published</th><th class=\"n\">entities</th><th class=\"n\">facts</th></tr>", _article_row)
    yield from paged("errors", "Errors", errors, "<tr><th>id</th><th>source</th><th>code</th><th>message</th></tr>",
                     _error_row)
