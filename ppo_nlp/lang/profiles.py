"""langdetect's language profiles, loaded lazily: the same detector answers, about four times faster to load.

langdetect's own `DetectorFactory.load_profile` builds a probability list over all 55 languages for each
of its ~88k n-grams up front (most of its load time). A `Detector` only asks its map `word in map` and
`map[word]`, so `ProbMap` answers the first from the union of the profiles' n-grams and builds the list of
the second on first use, with langdetect's own arithmetic. Profiles are read in `os.listdir` order and the
lists are `len(os.listdir(...))` long, exactly as `load_profile` does. The parsed profiles and the union of
their n-grams come ready-made from `resources/built/langdetect_profiles` (`scripts/build_lookups.py`),
stamped with a digest of langdetect's profile files: other files (another langdetect) are parsed instead.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator, Optional

from ppo_nlp.resources import built

BUILT_NAME = "langdetect_profiles"

NGRAM_MAX = 3  # langdetect only scores 1- to 3-grams


class ProbMap:
    """n-gram -> per-language probabilities, as `DetectorFactory.word_lang_prob_map` holds them."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], langsize: int,
                 words: Optional[frozenset[str]] = None) -> None:
        self._profiles = profiles
        self._langsize = langsize
        self._words = frozenset().union(*(freq for freq, _ in profiles)) if words is None else words
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        if row is None:
            if word not in self._words:
                raise KeyError(word)
            row = self._rows[word] = self._row(word)
        return row

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def _row(self, word: str) -> list[float]:
        """The probability of `word` in each language (0.0 where a profile lacks it)."""
        row = [0.0] * self._langsize
        length = len(word)
        if 1 <= length <= NGRAM_MAX:
            for index, (freq, n_words) in enumerate(self._profiles):
                count = freq.get(word)
                if count is not None:
                    row[index] = 1.0 * count / n_words[length - 1]
        return row


def load_factory(profile_directory: str):
    """A langdetect `DetectorFactory` over the profiles of `profile_directory`, its map built lazily."""
    from langdetect.detector_factory import DetectorFactory

    names = os.listdir(profile_directory)
    table = profile_table(profile_directory)
    langlist, profiles = [], []
    for name in names:
        if name not in table:
            continue  # hidden files, folders
        lang, freq, n_words = table[name]
        if lang in langlist:
            raise ValueError(f"duplicate langdetect profile {lang!r}")
        langlist.append(lang)
        profiles.append((freq, n_words))
    factory = DetectorFactory()
    factory.langlist = langlist
    words = built(BUILT_NAME, "words", lambda: None, (Path(profile_directory),))  # None: the union is made
    factory.word_lang_prob_map = ProbMap(profiles, len(names), words)
    return factory


def profile_table(profile_directory: str) -> dict[str, tuple[str, dict[str, int], list[int]]]:
    """File name -> (language, n-gram counts, words per n-gram length) of every profile; read ready-made
    from `resources/built/langdetect_profiles` when it was made from these very files (2.3 MB of JSON
    took 50 ms to parse), else parsed."""
    folder = Path(profile_directory)
    return built(BUILT_NAME, "profiles", lambda: read_profiles(folder)["profiles"], (folder,))


def read_profiles(folder: Path) -> dict[str, Any]:
    """`profiles`: file name -> (language, n-gram counts, words per n-gram length); `words`: every n-gram."""
    profiles = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            data = json.load(f)
        profiles[path.name] = (data["name"], data["freq"], data["n_words"])
    return {"profiles": profiles, "words": frozenset().union(*(freq for _, freq, _ in profiles.values()))}


def built_tables() -> dict[str, Any]:
    """What `resources/built/langdetect_profiles` holds (`scripts/build_lookups.py`), and from where."""
    return read_profiles(built_source())


def built_source() -> Path:
    """langdetect's folder of profiles."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return Path(PROFILES_DIRECTORY)
