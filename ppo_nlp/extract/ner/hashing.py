"""The two hash functions a spaCy model's features go through, without spaCy or thinc.

- `hash_string`: spaCy's string ids (`spacy.strings.hash_string`): MurmurHash64A of the UTF-8 bytes, seed 1.
  The C function comes from the `murmurhash` package's library (a spaCy dependency, loaded through ctypes
  without importing spaCy); `murmur64a` is the same function in Python, used when that library is missing.
- `hash_keys`: thinc's `NumpyOps.hash(ids, seed)`, MurmurHash3_x86_128 of each 64-bit key as thinc
  specialises it (`numpy_ops.pyx`), four uint32 per key, in numpy.

tests/extract/ner/test_hashing.py compares both with spaCy's and thinc's own.
"""
from __future__ import annotations

import ctypes
import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

SEED = 1  # spaCy's StringStore seed
MASK = (1 << 64) - 1
M64 = 0xC6A4A7935BD1E995
C1, C2 = np.uint64(0x87C37B91114253D5), np.uint64(0x4CF5AD432745937F)
F1, F2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)
SYMBOL = "_Z13MurmurHash64APKvim"  # MurmurHash64A(const void*, int, uint64_t) in murmurhash's C++ library


def murmur64a(data: bytes, seed: int = SEED) -> int:
    """MurmurHash64A (Austin Appleby's MurmurHash2, 64-bit, for 64-bit platforms) of `data`."""
    size = len(data)
    h = (seed ^ (size * M64)) & MASK
    blocks = size - size % 8
    for at in range(0, blocks, 8):
        k = (int.from_bytes(data[at:at + 8], "little") * M64) & MASK
        k = ((k ^ (k >> 47)) * M64) & MASK
        h = ((h ^ k) * M64) & MASK
    if size % 8:
        h = ((h ^ int.from_bytes(data[blocks:], "little")) * M64) & MASK
    h = ((h ^ (h >> 47)) * M64) & MASK
    return h ^ (h >> 47)


@lru_cache(maxsize=1)
def _c_hash() -> Callable[[bytes, int, int], int] | None:
    """murmurhash's C MurmurHash64A, or None when its library cannot be found or lacks the symbol."""
    spec = importlib.util.find_spec("murmurhash")
    if spec is None or not spec.submodule_search_locations:
        return None
    for path in Path(list(spec.submodule_search_locations)[0]).glob("mrmr*.so"):
        try:
            func = getattr(ctypes.CDLL(str(path)), SYMBOL)
        except (OSError, AttributeError):
            continue
        func.restype = ctypes.c_uint64
        func.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_uint64]
        return func
    return None


def hash_string(text: str) -> int:
    """spaCy's id of `text` (the key of its StringStore)."""
    data = text.encode("utf-8")
    func = _c_hash()
    return func(data, len(data), SEED) if func is not None else murmur64a(data)


def string_hasher() -> Callable[[str], int]:
    """`hash_string` without the look-up of the C function at each call (for loops over many strings)."""
    func = _c_hash()
    if func is None:
        return hash_string

    def fast(text: str) -> int:
        data = text.encode("utf-8")
        return func(data, len(data), SEED)

    return fast


def _fmix64(h: np.ndarray) -> np.ndarray:
    h ^= h >> np.uint64(33)
    h *= F1
    h ^= h >> np.uint64(33)
    h *= F2
    h ^= h >> np.uint64(33)
    return h


def hash_keys(ids: np.ndarray, seed: int | np.ndarray) -> np.ndarray:
    """thinc's `ops.hash(ids, seed)`: (*ids.shape, 4) uint32, MurmurHash3_x86_128 of each uint64 key. `seed`
    may also be an array of seeds (uint64) that broadcasts against `ids`: one per column of a 2-D `ids`."""
    start = np.uint64(seed ^ 8) if isinstance(seed, int) else np.asarray(seed, dtype=np.uint64) ^ np.uint64(8)
    with np.errstate(over="ignore"):
        h1 = np.ascontiguousarray(ids, dtype=np.uint64) * C1
        h1 = (h1 << np.uint64(31)) | (h1 >> np.uint64(33))
        h1 *= C2
        h1 ^= start
        h2 = np.empty_like(h1)
        h2[...] = start
        h1 += h2
        h2 += h1
        h1, h2 = _fmix64(h1), _fmix64(h2)
        h1 += h2
        h2 += h1
    out = np.empty(h1.shape + (4,), dtype=np.uint32)
    out[..., 0], out[..., 1] = h1 & np.uint64(0xFFFFFFFF), h1 >> np.uint64(32)
    out[..., 2], out[..., 3] = h2 & np.uint64(0xFFFFFFFF), h2 >> np.uint64(32)
    return out
