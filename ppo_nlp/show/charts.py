"""Charts as inline SVG written in Python: no script, no library to vendor, opens from disk anywhere.

Each chart has a fixed, small number of elements (long lists are cut, dense series are summarised per
month), so the archive page stays fast whatever the size of the archive.
"""
from __future__ import annotations

from statistics import median
from typing import Optional, Sequence

from ppo_nlp.show.facts import number
from ppo_nlp.show.markup import attr, esc

WIDTH = 360  # user units; the SVG scales to its column, so text stays about 12 px on a screen
MAX_POINTS = 240  # above this, a series is shown as one point per month (the median)
Bar = tuple[str, float, Optional[str]]  # label, value, link
Point = tuple[str, float, str, Optional[str]]  # month "YYYY-MM", value, tooltip, link


def _svg(height: float, title: str, body: str) -> str:
    return (f'<svg class="chart" role="img" aria-label={attr(title)} viewBox="0 0 {WIDTH} {height:.0f}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{esc(title)}</title>{body}</svg>')


def _short(text: str, size: int = 28) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _wrap(href: Optional[str], inner: str) -> str:
    return f"<a href={attr(href)}>{inner}</a>" if href else inner


def bar_chart(rows: Sequence[Bar], title: str) -> str:
    """Horizontal bars, one row per label, the value at the end of each bar."""
    if not rows:
        return ""
    top, left, step = max(v for _, v, _ in rows) or 1, 160, 20
    body = []
    for i, (label, value, href) in enumerate(rows):
        y = 4 + i * step
        width = max(1.0, (WIDTH - left - 60) * value / top)
        bar = (f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{esc(_short(label, 20))}<title>{esc(label)}'
               f'</title></text><rect class="bar" x="{left}" y="{y + 2}" width="{width:.1f}" height="{step - 6}"/>'
               f'<text x="{left + width + 4:.1f}" y="{y + 13}">{esc(number(value))}</text>')
        body.append(_wrap(href, bar))
    return _svg(8 + len(rows) * step, title, "".join(body))


def column_chart(rows: Sequence[tuple[str, float]], title: str) -> str:
    """Vertical columns over time (e.g. documents per month), every n-th label written below."""
    if not rows:
        return ""
    height, base, left = 200, 170, 34
    top = max(v for _, v in rows) or 1
    step = min(40.0, (WIDTH - left - 8) / len(rows))
    every = max(1, round(len(rows) / 5))
    body = [_y_axis(left, base, top, 150)]
    for i, (label, value) in enumerate(rows):
        x, h = left + i * step, max(1.0, 150 * value / top)
        body.append(f'<rect class="bar" x="{x + step * .1:.1f}" y="{base - h:.1f}" width="{step * .8:.1f}" '
                    f'height="{h:.1f}"><title>{esc(label)}: {esc(number(value))}</title></rect>')
        if i % every == 0:
            body.append(f'<text x="{x + step / 2:.1f}" y="{base + 16}" text-anchor="middle">{esc(label)}</text>')
    return _svg(height, title, "".join(body))


def _y_axis(left: float, base: float, top: float, span: float) -> str:
    """A vertical axis with ticks at 0, half and the top value."""
    out = [f'<line class="axis" x1="{left}" y1="{base}" x2="{WIDTH - 4}" y2="{base}"/>']
    for frac in (0, .5, 1):
        y = base - span * frac
        out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{esc(_tick(top * frac))}</text>')
    return "".join(out)


def _tick(value: float) -> str:
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ("YYYY-MM"), both included."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def summarise(points: Sequence[Point]) -> list[Point]:
    """At most one point per month (the median) when a series is too dense to draw point by point."""
    if len(points) <= MAX_POINTS:
        return list(points)
    by_month: dict[str, list[float]] = {}
    for month, value, _, _ in points:
        by_month.setdefault(month, []).append(value)
    return [(m, median(v), f"{m}: median of {len(v)} values", None) for m, v in sorted(by_month.items())]


def time_chart(points: Sequence[Point], title: str) -> str:
    """Values over months: one dot per value (a link to its article), y from 0 to the largest value."""
    points = summarise(points)
    if not points:
        return ""
    months = months_between(min(p[0] for p in points), max(p[0] for p in points))
    base, left, top = 170, 38, max(p[1] for p in points) or 1
    step = (WIDTH - left - 12) / max(1, len(months))
    where = {m: i for i, m in enumerate(months)}
    body = [_y_axis(left, base, top, 150)]
    for i in sorted({0, len(months) - 1, len(months) // 2}):
        body.append(f'<text x="{left + (i + .5) * step:.1f}" y="{base + 16}" text-anchor="middle">'
                    f'{esc(months[i])}</text>')
    for month, value, tip, href in points:
        x, y = left + (where[month] + .5) * step, base - 150 * max(value, 0) / top
        dot = f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="4"><title>{esc(tip)}</title></circle>'
        body.append(_wrap(href, dot))
    return _svg(200, title, "".join(body))
