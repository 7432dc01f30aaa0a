"""`ppo_nlp.cache.bounded_cache`: same results as the function, bounded in bytes and entries; and no cache in
the package grows with the text it reads unless it is bounded in bytes."""
from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import random
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

import ppo_nlp
from ppo_nlp.cache import CHECK_ENV, ENTRY_BYTES, MAX_WORD_CHARS, approx_bytes, bounded_cache, word_cache


def _one(word: str) -> str:
    return word.upper()


def _two(word: str, lang: str) -> tuple[str, str]:
    return (word[::-1], lang)


def _default(word: str, strong: bool = False) -> str:
    return word + ("!" if strong else "")


CALLS: list[tuple[Callable[..., Any], tuple, dict]] = [
    (_one, ("слово",), {}),
    (_two, ("сөз", "kk"), {}),
    (_default, ("word",), {}),
    (_default, ("word", True), {}),
    (_default, ("word",), {"strong": True}),
]


@pytest.mark.parametrize("fn, args, kwds", CALLS)
def test_cache_returns_what_the_function_returns_and_calls_it_once(fn, args, kwds) -> None:
    seen: list[tuple] = []

    def counted(*a: Any, **k: Any) -> Any:
        seen.append(a)
        return fn(*a, **k)

    cached = bounded_cache(1 << 20)(fn)
    assert cached(*args, **kwds) == fn(*args, **kwds) == cached(*args, **kwds)
    assert cached.__name__ == fn.__name__ and cached.__wrapped__ is fn
    spy = bounded_cache(1 << 20)(counted)
    spy(*args, **kwds), spy(*args, **kwds)
    assert len(seen) == 1 and spy.cache_info().misses == 1


@pytest.mark.parametrize("max_bytes, maxsize, word_len", [
    (64_000, None, 5),       # many short words: the byte limit holds
    (64_000, None, 2_000),   # long "words": fewer entries, the same byte limit
    (10 << 20, 100, 5),      # the entry limit holds when bytes are plenty
])
def test_cache_stays_within_its_limits(max_bytes: int, maxsize: int | None, word_len: int) -> None:
    rng = random.Random(0)
    cached = bounded_cache(max_bytes, maxsize)(_one)
    for i in range(5_000):
        word = "".join(rng.choice("абвгдеж") for _ in range(word_len)) + str(i)
        assert cached(word) == word.upper()
        info = cached.cache_info()
        assert info.currbytes <= max_bytes
        assert maxsize is None or info.currsize <= maxsize
    assert cached.cache_info().currsize >= 1


def test_cache_keeps_recently_used_entries() -> None:
    cached = bounded_cache(40 * (ENTRY_BYTES + 200), maxsize=40)(_one)
    for i in range(1_000):
        cached("частое"), cached(f"редкое{i}")
    misses = cached.cache_info().misses
    cached("частое")
    assert cached.cache_info().misses == misses


@pytest.mark.parametrize("keep_oversize, stored, misses_after_repeat", [(False, 1, 3), (True, 1, 2)])
def test_cache_oversize_entry_is_skipped_or_kept_alone(keep_oversize: bool, stored: int,
                                                        misses_after_repeat: int) -> None:
    """An entry larger than half the limit is not stored, or (per-document caches) stored alone."""
    cached = bounded_cache(10_000, keep_oversize=keep_oversize)(_one)
    cached("мало")
    huge = "ж" * 50_000
    assert cached(huge) == huge.upper()
    assert cached.cache_info().currsize == stored
    cached(huge)
    assert cached.cache_info().misses == misses_after_repeat


@pytest.mark.parametrize("max_bytes, maxsize", [(0, None), (-1, None), (1024, 0)])
def test_cache_refuses_limits_that_are_not_positive(max_bytes: int, maxsize: int | None) -> None:
    with pytest.raises(ValueError, match="positive"):
        bounded_cache(max_bytes, maxsize)


def test_cache_clear_empties_it() -> None:
    cached = bounded_cache(1 << 20)(_one)
    cached("а"), cached("б")
    cached.cache_clear()
    assert cached.cache_info()[:3] == (0, None, 0) and cached.cache_info().currbytes == 0


@pytest.mark.parametrize("value, at_least", [
    ("слово", 50), (("a" * 100, "b" * 100), 250), ({"key": ("x" * 1000,)}, 1000), (frozenset({"x" * 500}), 500),
])
def test_cache_approx_bytes_counts_what_containers_hold(value: Any, at_least: int) -> None:
    assert approx_bytes(value) >= at_least



@pytest.mark.parametrize("fn, args", [(_one, ("слово",)), (_two, ("сөз", "kk"))])
def test_word_cache_returns_what_the_function_returns_and_calls_it_once(fn, args) -> None:
    seen: list[tuple] = []

    def counted1(word: str) -> Any:
        seen.append((word,))
        return fn(word)

    def counted2(word: str, lang: str) -> Any:
        seen.append((word, lang))
        return fn(word, lang)

    spy = word_cache(1 << 20, value_bytes=200)(counted1 if len(args) == 1 else counted2)
    assert spy(*args) == fn(*args) == spy(*args)
    assert len(seen) == 1 and spy.cache_info().misses == 1


@pytest.mark.parametrize("max_bytes, value_bytes", [(64_000, 0), (64_000, 400), (1 << 20, 100)])
def test_word_cache_stays_within_its_limits(max_bytes: int, value_bytes: int) -> None:
    rng = random.Random(0)
    cached = word_cache(max_bytes, value_bytes)(_one)
    for i in range(5_000):
        word = "".join(rng.choice("абвгдеж") for _ in range(rng.randint(1, 40))) + str(i)
        assert cached(word) == word.upper()
        info = cached.cache_info()
        assert info.currbytes <= max_bytes and info.currsize <= info.maxsize
    assert cached.cache_info().currsize == cached.cache_info().maxsize


def test_word_cache_never_stores_a_long_argument() -> None:
    cached = word_cache(1 << 20, value_bytes=1 << 16)(_one)
    long = "ж" * (MAX_WORD_CHARS + 1)
    assert cached(long) == cached(long) == long.upper()
    assert cached.cache_info().currsize == 0
    cached("ж" * MAX_WORD_CHARS)
    assert cached.cache_info().currsize == 1


@pytest.mark.parametrize("max_bytes, value_bytes, fn", [(100, 0, _one), (1 << 20, -1, _one), (1 << 20, 0, _default)])
def test_word_cache_refuses_what_it_cannot_bound(max_bytes: int, value_bytes: int, fn) -> None:
    with pytest.raises((ValueError, TypeError)):
        word_cache(max_bytes, value_bytes)(fn)


def test_word_caches_of_the_package_hold_the_values_they_declare() -> None:
    """The pipeline on the seed articles (and on ../shared/real when present), with every word cache checking
    each value against its `value_bytes`: a declaration too small raises."""
    repo = Path(__file__).resolve().parents[1]
    code = ("import sys, pathlib, ppo_nlp; from ppo_nlp.paths import shared_real_dir\n"
            "nlp = ppo_nlp.load(time_limit=None); real = shared_real_dir()\n"
            "paths = sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))\n"
            "paths += sorted((real / 'articles').glob('*.txt')) if real else []\n"
            "[nlp(p.read_text(encoding='utf-8')) for p in paths]; print(len(paths))")
    env = {**os.environ, CHECK_ENV: "1"}
    out = subprocess.run([sys.executable, "-c", code, str(repo / "corpus" / "articles")], env=env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.split()[-1]) >= 5


def test_word_cache_check_mode_refuses_a_larger_value() -> None:
    code = ("from ppo_nlp.cache import word_cache\n"
            "f = word_cache(1 << 20, value_bytes=10)(lambda w: w * 100)\n"
            "f('слово')")
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, CHECK_ENV: "1"},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0 and "declares at most 10" in out.stderr

# lru_caches that may stay entry-bounded only: they are keyed by resource names, language codes or places (a finite
# set fixed by the package), not by words or texts of the input.
KEYED_BY_RESOURCES = {
    "load_ner", "word_set", "_word_list", "templates", "adjective_trie", "canonical_level", "triggers",
    "list_words", "load_gazetteer", "load_table", "_suffix_table", "load_tsv", "load_lines", "lexicon",
    "read_rows", "function_words", "type_table", "type_index", "_index", "reverse_table", "_name_size", "read_built",
    "folder_digest", "_number_heads",
}


def _package_functions() -> list[tuple[str, Any]]:
    out = []
    for info in pkgutil.walk_packages(ppo_nlp.__path__, "ppo_nlp."):
        module = importlib.import_module(info.name)
        out += [(f"{info.name}.{n}", f) for n, f in vars(module).items()
                if callable(f) and getattr(f, "__module__", None) == info.name and hasattr(f, "cache_info")]
    return out


@pytest.mark.parametrize("name, fn", _package_functions())
def test_cache_every_cache_of_the_package_is_bounded_in_bytes(name: str, fn: Any) -> None:
    """A functools cache either takes no input (loads data once), keeps one entry (the current document),
    or is keyed by resource names; every other cache is a `bounded_cache`."""
    info = fn.cache_info()
    if hasattr(info, "max_bytes"):
        assert info.max_bytes <= 64 << 20, name
        return
    params = inspect.signature(fn.__wrapped__).parameters
    assert not params or info.maxsize == 1 or fn.__name__ in KEYED_BY_RESOURCES, name
