"""Language identification for ru, kk and en (other languages named, text without letters `und`).

>>> detect_language("Форум первичных партийных организаций прошёл в Шымкенте.")
LangResult(lang='ru', score=1.0)
"""
from __future__ import annotations

from ppo_nlp.lang.detect import detect_file, detect_language, detect_languages
from ppo_nlp.lang.foreign import load_profiles
from ppo_nlp.lang.model import load_model
from ppo_nlp.lang.segments import segment_languages

__all__ = ["detect_file", "detect_language", "detect_languages", "load_model", "load_profiles", "segment_languages"]
