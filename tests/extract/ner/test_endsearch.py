"""The near-the-end suffix search finds the span the plain `search` finds, on every shipped model's pattern."""
from __future__ import annotations

import random
import re

import msgpack
import pytest

from ppo_nlp.extract.ner.endsearch import end_search, split, top_level
from ppo_nlp.paths import models_dir

PIECES = ["", ".", "..", "слово,", "Астане.", "«Аманат»", "Отан»,", "10km", "5км.", "US$", "20$", "3,5%", "т.е.",
          "a...", "x....,", "word's", "ABC's.", "(1)", "°C.", "5°C.", "ё.", "Нұр-Отан»", "й́.", "a\n", "\n\n",
          "...слово", "a.b.c.d.e.f.g.h", "😀.", "1+", "—", "a—", "abc)", "«»", "km", "м²", "10м²."]
ALPHABET = "aяК1.2,»«'s)(%$km²—-…\n 0°CFcмä"


def _suffix_pattern(lang: str) -> re.Pattern:
    path = models_dir() / f"ner-{lang}" / "tokenizer"
    if not path.is_file():
        pytest.skip(f"no ner-{lang} model")
    return re.compile(msgpack.unpackb(path.read_bytes(), raw=False, strict_map_key=False)["suffix_search"])


def _span(match):
    return None if match is None else match.span()


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_endsearch_spans_are_the_plain_searchs(lang: str) -> None:
    compiled = _suffix_pattern(lang)
    search = end_search(compiled)
    assert search is not compiled.search  # the shipped patterns have the shape read here
    rng = random.Random(lang)
    texts = PIECES + ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(12))) for _ in range(20_000)]
    assert [_span(search(t)) for t in texts] == [_span(compiled.search(t)) for t in texts]


@pytest.mark.parametrize("pattern, pieces", [
    ("a$|b$", ["a$", "b$"]),
    (r"\|$|[|]$|(?:a|b)$", [r"\|$", "[|]$", "(?:a|b)$"]),
    (r"[]|]$|[^]|]$|x", ["[]|]$", "[^]|]$", "x"]),
    ("(?<=[0-9])(?:km|m)$", ["(?<=[0-9])(?:km|m)$"]),
])
def test_endsearch_top_level_branches(pattern: str, pieces: list[str]) -> None:
    assert top_level(pattern) == pieces


@pytest.mark.parametrize("pattern", ["a$|b", "(a)$", r"(?i)a$", r"\w+$", "a$|[ab]+x$"])
def test_endsearch_keeps_the_plain_search_for_other_shapes(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert split(compiled) is None and end_search(compiled) == compiled.search


@pytest.mark.parametrize("pattern, text", [
    (r"\.\.+$|,$|'s$", "a....."), (r"\.\.+$|,$|'s$", "a.b.."), (r"(?<=[0-9])km$|\.$", "5km"),
    (r"(?<=[0-9])km$|m$", "xkm"), (r"ab$|b$", "ab"), (r"ab$|b$", "cb"), (r"x$", "x\n"),
])
def test_endsearch_small_patterns(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    assert _span(end_search(compiled)(text)) == _span(compiled.search(text))
