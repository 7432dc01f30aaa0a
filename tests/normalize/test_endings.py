"""Ending tables by last letter keep each bucket in table order and refuse an empty ending."""
import pytest

from ppo_nlp.normalize.endings import by_last_letter


@pytest.mark.parametrize("rows, expected", [
    ([("ова", "f"), ("ов", "m"), ("а", "x")], {"а": (("ова", "f"), ("а", "x")), "в": (("ов", "m"),)}),
    ([("ого", "gent"), ("его", "gent"), ("ому", "datv")], {"о": (("ого", "gent"), ("его", "gent")), "у": (("ому", "datv"),)}),
    ([], {}),
])
def test_by_last_letter_keeps_table_order(rows, expected):
    assert by_last_letter(rows, "t.tsv") == expected


def test_by_last_letter_refuses_an_empty_ending():
    with pytest.raises(ValueError, match="t.tsv"):
        by_last_letter([("ов", "m"), ("", "x")], "t.tsv")
