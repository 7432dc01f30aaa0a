"""SVG charts: escaped labels, nothing drawn from no data, dense series summarised per month."""
from __future__ import annotations

import pytest

from ppo_nlp.show.charts import MAX_POINTS, bar_chart, column_chart, summarise, time_chart


@pytest.mark.parametrize("make", [
    lambda label: bar_chart([(label, 3, None), ("b", 1, "x.html")], label),
    lambda label: column_chart([("2022-01", 2), (label, 5)], label),
    lambda label: time_chart([("2022-01", 4.0, label, "a.html"), ("2022-03", 9.0, "t", None)], label),
])
@pytest.mark.parametrize("label", ["<script>alert(1)</script>", '"/><foreignObject>', "ППО & БПҰ"])
def test_show_charts_escape_labels(make, label):
    svg = make(label)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script" not in svg and "<foreignObject" not in svg


@pytest.mark.parametrize("svg", [bar_chart([], "t"), column_chart([], "t"), time_chart([], "t")])
def test_show_charts_empty(svg):
    assert svg == ""


@pytest.mark.parametrize("n, months, expected", [
    (10, 1, 10),  # few points: drawn one by one
    (MAX_POINTS + 1, 3, 3),  # too many: one per month
    (5000, 12, 12),
])
def test_show_charts_summarise(n, months, expected):
    points = [(f"2021-{i % months + 1:02d}", float(i), "t", None) for i in range(n)]
    assert len(summarise(points)) == expected
    assert time_chart(points, "t").count("<circle") == expected


def test_show_charts_time_axis_spans_missing_months():
    svg = time_chart([("2021-11", 1.0, "a", None), ("2022-02", 2.0, "b", None)], "t")
    assert "2021-11" in svg and "2022-02" in svg and svg.count("<circle") == 2
