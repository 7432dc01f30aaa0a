"""A count being assembled, shared by the count finder and the sentence-context pass."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ppo_nlp.extract.counts.subjects import Subject


@dataclass
class Draft:
    """A count being assembled."""

    value: Optional[float]
    qualifier: str
    start: int
    end: int
    lang: str
    unit: Optional[str] = None
    subject: Optional[Subject] = None
    min: Optional[float] = None
    max: Optional[float] = None
    change: Optional[str] = None
    as_of: Optional[str] = None
    dash_before: bool = False
    dash_after: bool = False
    number_start: int = 0
    small_word: bool = False  # a small number spelled out ("три"): a figure only when it counts units
    anaphor: str = ""  # partitive | pronoun | clause: the subject is named earlier (anaphora.py)
