"""Memoization bounded in bytes, so that a worker's caches stay the same size however varied its text.

`functools.lru_cache(maxsize=N)` bounds entries, not bytes: 200k cached pymorphy parses are ~1 GB, and a
cache of words holds whatever long "word" an archive contains. `bounded_cache` keeps two generations of
entries, each at most half of `max_bytes` (and of `maxsize` entries): new entries go to the young one; when
it is full it becomes the old one and the previous old one is dropped; a hit in the old generation moves
the entry back to the young one. Hits cost one dict look-up; the size of an entry (its arguments, its value
and a fixed overhead per entry) is estimated only when it is stored; arguments other than words and texts
(a language code, a flag, a shared frozenset) are not copied into the cache and do not count. An entry estimated larger
than a generation is returned and not stored, unless `keep_oversize` (a per-document cache: the tokens of
one huge document) keeps it alone until the next generation fills. A cache holds at most `max_bytes`
(estimated), or that one entry, which its caller holds anyway.

`word_cache` is the fast form for the most common case, a function of a word whose value is small (a
flag, a short string): its entries live in a C `functools.lru_cache` bounded in entries, each counted at
its largest.

>>> @bounded_cache(max_bytes=1 << 20)
... def shout(word: str) -> str:
...     return word.upper()
>>> shout("amanat"), shout("amanat"), shout.cache_info().currsize
('AMANAT', 'AMANAT', 1)
"""
from __future__ import annotations

import inspect
import os
import sys
from functools import lru_cache, update_wrapper
from typing import Any, Callable, NamedTuple, Optional, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# A dict slot (with the table's spare room), the key tuple and the references: a rough, generous figure.
ENTRY_BYTES = 160
MAX_WORD_CHARS = 64  # a word cache stores words and short phrases; a longer first argument is never stored
WORD_BYTES = sys.getsizeof("\U0001F600" * MAX_WORD_CHARS)  # the largest such argument (4 bytes a character)
CHECK_ENV = "PPO_NLP_CHECK_CACHES"  # set when the package is imported: word caches check every value's size
_MISSING = object()
_KWD_MARK = object()
_CONTAINERS = (tuple, list, frozenset, set)
_SCALARS = frozenset({str, bytes, int, float})
_FREE = frozenset({bool, type(None)})  # shared singletons: such a value costs nothing
_getsizeof = sys.getsizeof


class CacheInfo(NamedTuple):
    """What a bounded cache holds now: entries and estimated bytes, against its limits."""

    misses: int
    maxsize: Optional[int]
    currsize: int
    max_bytes: int
    currbytes: int


def approx_bytes(obj: Any, depth: int = 3) -> int:
    """`sys.getsizeof` of an object plus, down to `depth` levels, of what its tuples, lists, sets, dicts
    and namedtuples hold (an over-estimate where objects are shared, which errs on the safe side).
    None, True and False are shared singletons: they cost nothing."""
    kind = type(obj)
    if kind in _SCALARS:
        return _getsizeof(obj)
    if obj is None or kind is bool:
        return 0
    size = _getsizeof(obj)
    if depth <= 0:
        return size
    if isinstance(obj, _CONTAINERS):  # words inline: most caches hold tuples and sets of strings
        for item in obj:
            size += _getsizeof(item) if type(item) in _SCALARS else approx_bytes(item, depth - 1)
        return size
    if isinstance(obj, dict):
        return size + sum(approx_bytes(k, depth - 1) + approx_bytes(v, depth - 1) for k, v in obj.items())
    return size


def _fixed_arity(fn: Callable[..., Any]) -> Optional[int]:
    """The number of parameters of a plain function that takes only required positional ones, else None."""
    code = getattr(fn, "__code__", None)
    if code is None or fn.__defaults__ or fn.__kwdefaults__ or code.co_kwonlyargcount:  # type: ignore[attr-defined]
        return None
    if code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS):
        return None
    return code.co_argcount


def _arg_bytes(args: tuple) -> int:
    """Bytes of the `str` and `bytes` arguments (others, such as a shared frozenset, are not copies)."""
    return sum(_getsizeof(a) for a in args if type(a) is str or type(a) is bytes)


class _Generations:
    """The two generations of one cache and their byte counts."""

    __slots__ = ("young", "old", "young_bytes", "old_bytes", "misses", "half_bytes", "half_entries",
                 "keep_oversize")

    def __init__(self, half_bytes: int, half_entries: int, keep_oversize: bool) -> None:
        self.half_bytes, self.half_entries, self.keep_oversize = half_bytes, half_entries, keep_oversize
        self.clear()

    def clear(self) -> None:
        self.young: dict = {}
        self.old: dict = {}
        self.young_bytes = self.old_bytes = self.misses = 0

    def put(self, key: Any, value: Any, cost: int, fresh: bool) -> None:
        """Store an entry in the young generation, turning it old first when it is full."""
        if cost > self.half_bytes:  # not stored, or kept alone in the old generation until the next one is full
            if fresh and self.keep_oversize:
                self.old, self.young = {key: value}, {}
                self.young_bytes, self.old_bytes = 0, cost
            return
        if self.young_bytes + cost > self.half_bytes or len(self.young) >= self.half_entries:
            self.old, self.young = self.young, {}
            self.young_bytes, self.old_bytes = 0, self.young_bytes
        self.young[key] = value
        self.young_bytes += cost


# Hits cost one dict look-up, as lru_cache's do; a miss also estimates the entry's bytes. Only the first
# argument of the one- and two-argument forms is counted: the word or text; a second one is a language
# code, a flag or a shared word list.
def _wrapper1(fn: Callable[..., Any], gens: _Generations, sizeof: Callable[[Any], int]) -> Callable[..., Any]:
    def wrapper1(arg: Any) -> Any:
        value = gens.young.get(arg, _MISSING)
        if value is not _MISSING:
            return value
        value = gens.old.get(arg, _MISSING)
        fresh = value is _MISSING
        if fresh:
            gens.misses += 1
            value = fn(arg)
        gens.put(arg, value, ENTRY_BYTES + _getsizeof(arg) + (0 if type(value) in _FREE else sizeof(value)), fresh)
        return value
    return wrapper1


def _wrapper2(fn: Callable[..., Any], gens: _Generations, sizeof: Callable[[Any], int]) -> Callable[..., Any]:
    def wrapper2(arg: Any, arg2: Any) -> Any:
        key = (arg, arg2)
        value = gens.young.get(key, _MISSING)
        if value is not _MISSING:
            return value
        value = gens.old.get(key, _MISSING)
        fresh = value is _MISSING
        if fresh:
            gens.misses += 1
            value = fn(arg, arg2)
        gens.put(key, value, ENTRY_BYTES + _getsizeof(arg) + (0 if type(value) in _FREE else sizeof(value)), fresh)
        return value
    return wrapper2


def _wrapper_any(fn: Callable[..., Any], gens: _Generations, sizeof: Callable[[Any], int]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwds: Any) -> Any:
        key = args + (_KWD_MARK,) + tuple(sorted(kwds.items())) if kwds else args
        value = gens.young.get(key, _MISSING)
        if value is not _MISSING:
            return value
        value = gens.old.get(key, _MISSING)
        fresh = value is _MISSING
        if fresh:
            gens.misses += 1
            value = fn(*args, **kwds)
        gens.put(key, value, ENTRY_BYTES + _arg_bytes(args + tuple(kwds.values())) + sizeof(value), fresh)
        return value
    return wrapper


def bounded_cache(max_bytes: int, maxsize: Optional[int] = None, sizeof: Callable[[Any], int] = approx_bytes,
                  keep_oversize: bool = False) -> Callable[[F], F]:
    """Memoize a function of hashable arguments in at most `max_bytes` (estimated) and `maxsize` entries.

    `sizeof(value)` estimates a result's bytes (default `approx_bytes`); pass a cheaper one for large
    values of known shape. The wrapper has `cache_clear()` and `cache_info()` as `lru_cache` does.
    """
    if max_bytes <= 0 or (maxsize is not None and maxsize <= 0):
        raise ValueError(f"bounded_cache needs positive limits, got max_bytes={max_bytes}, maxsize={maxsize}")
    half_entries = (maxsize // 2 or 1) if maxsize is not None else sys.maxsize

    def decorate(fn: F) -> F:
        gens = _Generations(max_bytes // 2, half_entries, keep_oversize)
        make = {1: _wrapper1, 2: _wrapper2}.get(_fixed_arity(fn), _wrapper_any)
        chosen = make(fn, gens, sizeof)

        def cache_info() -> CacheInfo:
            entries = len(gens.young) + len(gens.old.keys() - gens.young.keys())
            return CacheInfo(gens.misses, maxsize, entries, max_bytes, gens.young_bytes + gens.old_bytes)

        chosen.cache_clear = gens.clear  # type: ignore[attr-defined]
        chosen.cache_info = cache_info  # type: ignore[attr-defined]
        return update_wrapper(chosen, fn)  # type: ignore[return-value]

    return decorate


def word_cache(max_bytes: int, value_bytes: int = 0) -> Callable[[F], F]:
    """Memoize a function of a word (and at most one more argument: a language code, a flag) whose value is
    small: `approx_bytes(value) <= value_bytes` (0 for a bool or None).

    The entries live in a C `functools.lru_cache` (least recently used first out), so a miss costs nothing
    beyond the function itself; `bounded_cache`'s byte counting on every miss cost ~9 % of the rules'
    time on new text. The entry limit keeps it within `max_bytes` with every entry counted at its largest:
    a word of `MAX_WORD_CHARS` characters of 4 bytes and a value of `value_bytes`. A longer first argument
    (a line, a text) is computed each time and never stored. With `PPO_NLP_CHECK_CACHES=1` in the
    environment at import, each value is checked against `value_bytes` (tests/test_cache.py runs the
    pipeline so).
    """
    entries = max_bytes // (ENTRY_BYTES + WORD_BYTES + value_bytes)
    if entries <= 0 or value_bytes < 0:
        raise ValueError(f"word_cache needs room for one entry, got max_bytes={max_bytes}, value_bytes={value_bytes}")

    def decorate(fn: F) -> F:
        arity = _fixed_arity(fn)
        if arity not in (1, 2):
            raise TypeError(f"word_cache takes functions of one or two required arguments, not {fn.__qualname__}")
        lru = lru_cache(maxsize=entries)(_checked(fn, value_bytes) if os.environ.get(CHECK_ENV) else fn)
        chosen = _word_wrapper1(fn, lru) if arity == 1 else _word_wrapper2(fn, lru)

        def cache_info() -> CacheInfo:
            info = lru.cache_info()
            return CacheInfo(info.misses, entries, info.currsize, max_bytes,
                             info.currsize * (ENTRY_BYTES + WORD_BYTES + value_bytes))

        chosen.cache_clear = lru.cache_clear  # type: ignore[attr-defined]
        chosen.cache_info = cache_info  # type: ignore[attr-defined]
        return update_wrapper(chosen, fn)  # type: ignore[return-value]

    return decorate


def _word_wrapper1(fn: Callable[..., Any], lru: Callable[..., Any]) -> Callable[..., Any]:
    def word1(word: Any) -> Any:
        return lru(word) if len(word) <= MAX_WORD_CHARS else fn(word)
    return word1


def _word_wrapper2(fn: Callable[..., Any], lru: Callable[..., Any]) -> Callable[..., Any]:
    def word2(word: Any, arg2: Any) -> Any:
        return lru(word, arg2) if len(word) <= MAX_WORD_CHARS else fn(word, arg2)
    return word2


def _checked(fn: Callable[..., Any], value_bytes: int) -> Callable[..., Any]:
    """`fn`, raising ValueError when a value is larger than its word cache declares."""
    def checked(*args: Any) -> Any:
        value = fn(*args)
        if type(value) not in _FREE and approx_bytes(value) > value_bytes:
            raise ValueError(f"{fn.__qualname__}{args!r} gave {approx_bytes(value)} bytes; its word_cache "
                             f"declares at most {value_bytes}")
        return value
    return checked
