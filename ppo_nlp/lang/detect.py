"""Language of a text: `und` without letters, other languages through `foreign`, else the ru/kk/en model.

>>> detect_language("Партия «Нұр Отан» провела форум.").lang
'ru'
>>> detect_language("Бастауыш партия ұйымдарының форумы өтіп жатыр.").lang
'kk'
>>> detect_language("12:01 — 4577").lang
'und'
>>> result = detect_language("Amanat partııasynyń Atyraý oblystyq fılıalynyń hatshysy jıyn ótkizdi.")
>>> result.lang, result.script
('kk', 'Latn')
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ppo_nlp.doc import LangResult
from ppo_nlp.lang.features import CYRILLIC, LATIN, OTHER_SCRIPT, letter_counts
from ppo_nlp.lang.foreign import CYRILLIC_SUSPECTS, Letters, foreign_cyrillic, foreign_latin, other_script, uzbek_latin
from ppo_nlp.lang.kazakh_latin import kazakh_latin
from ppo_nlp.lang.model import load_model
from ppo_nlp.lang.passages import gathered, passage_scores

SAMPLE_CHARS = 5000
SAMPLE_WINDOWS = 10
UND = LangResult("und", 0.0)


def sample_text(text: str, limit: int = SAMPLE_CHARS, windows: int = SAMPLE_WINDOWS) -> str:
    """`text` itself when short, else `windows` pieces spread evenly over it, `limit` characters in all."""
    if len(text) <= limit:
        return text
    size = limit // windows
    step = (len(text) - size) / (windows - 1)
    return "\n".join(text[int(i * step):int(i * step) + size] for i in range(windows))


def letters_of(text: str, scripts: list[int]) -> Letters:
    """The gates' view of a text from the model's letter counts."""
    return Letters(text, scripts[LATIN], scripts[CYRILLIC], scripts[OTHER_SCRIPT])


def _from_model(probs: list[float], classes: tuple[str, ...], letters: Letters) -> LangResult:
    """The model's answer among the classes written in the text's script (all of them for mixed scripts)."""
    lat, cyr = letters.latin, letters.cyrillic
    if min(lat, cyr) >= 0.2 * (lat + cyr):
        allowed = classes
    else:
        allowed = ("en",) if lat > cyr else ("ru", "kk")
    # Latin text the Kazakh-Latin gate turned down is en, but only as sure as the model's en vs kk says
    weighed = allowed + ("kk",) if allowed == ("en",) else allowed
    best, best_p, total = "und", -1.0, 0.0
    for lang, p in zip(classes, probs):
        if lang in weighed:
            total += p
        if lang in allowed and p > best_p:
            best, best_p = lang, p
    return LangResult(best, round(best_p / total, 4) if total > 0 else 0.0)


def decide(text: str, probs: list[float], classes: tuple[str, ...], letters: Letters) -> LangResult:
    """The language of one (sampled) text given the model's class probabilities for it."""
    if letters.total == 0:
        return UND
    foreign = other_script(text, letters)
    if foreign is None and letters.latin > letters.cyrillic:
        foreign = uzbek_latin(text) or kazakh_latin(text, _kazakh_vs_english(probs, classes)) or \
            foreign_latin(text, letters)
    elif foreign is None:
        foreign = foreign_cyrillic(text, letters)
    return foreign or _from_model(probs, classes, letters)


def _kazakh_vs_english(probs: list[float], classes: tuple[str, ...]) -> float:
    """The model's P(kk) among kk and en (0.0 for a model without both classes)."""
    if "kk" not in classes or "en" not in classes:
        return 0.0
    kk, en = probs[classes.index("kk")], probs[classes.index("en")]
    return kk / (kk + en) if kk + en > 0 else 0.0


def detect_languages(texts: list[str], batch: bool = False) -> list[LangResult]:
    """`detect_language` for many texts in one model pass; `batch`: a single text too is scored as one of many
    (the batch arithmetic gives each text the same scores, whatever the other texts are)."""
    return Scored(texts, batch).results(list(range(len(texts))))  # type: ignore[return-value]  # never None


class Scored:
    """Texts scored by the model in one pass (`batch` as in `detect_languages`) and decided on demand: what
    the many short passages of one document need (`segments`)."""

    def __init__(self, texts: list[str], batch: bool = False,
                 read: Optional[tuple[list[list[float]], list[list[int]]]] = None) -> None:
        self.texts, self.samples = texts, [sample_text(t) for t in texts]
        model, n = load_model(), len(texts)
        self.classes = model.classes
        if read is not None:  # the probabilities and counts by script the model gives, made otherwise
            self.probs, self.scripts = read
            return
        scores = model.score(self.samples + [""] if batch and n == 1 else self.samples) if n else None
        self.probs: list[list[float]] = scores.probs[:n].tolist() if scores else []
        self.scripts: list[list[int]] = scores.scripts[:n].tolist() if scores else []

    @classmethod
    def passages(cls, text: str, spans: list[tuple[int, int]]) -> Scored:
        """The passages text[s:e] scored (as one batch when there are several), read off the text's own
        n-grams where `passages.passage_scores` can."""
        units = [text[s:e] for s, e in spans]
        return cls(units, batch=len(units) > 1, read=passage_scores(text, spans, SAMPLE_CHARS))

    def letters(self) -> list[int]:
        """`features.letter_counts(texts)`, read off the model's counts of letters by script where they are the
        same: no text sampled, none with a character outside the BMP (lower-casing keeps the count of letters
        of every BMP character: tests/lang/test_detect.py)."""
        if any(len(t) > SAMPLE_CHARS for t in self.texts) or any(map(_ASTRAL.search, self.texts)):
            return letter_counts(self.texts)
        return [sc[LATIN] + sc[CYRILLIC] + sc[OTHER_SCRIPT] for sc in self.scripts]

    def results(self, indexes: list[int], lang: str = "") -> list[Optional[LangResult]]:
        """`detect_language` of the texts at `indexes`; None for each that plainly reads as `lang` (ru or kk:
        `plainly`), whose score the caller does not need."""
        samples = [self.samples[i] for i in indexes]
        probs, scripts = [self.probs[i] for i in indexes], [self.scripts[i] for i in indexes]
        plain = plainly(samples, probs, scripts, self.classes, lang)
        return [None if easy else decide(s, p, self.classes, letters_of(s, sc))
                for s, easy, p, sc in zip(samples, plain, probs, scripts)]


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def plainly(samples: list[str], probs: list[list[float]], scripts: list[list[int]], classes: tuple[str, ...],
            lang: str) -> list[bool]:
    """Per sample: `decide` reaches `_from_model` with ru and kk allowed (letters, mostly Cyrillic, none of
    another script, none of the letters `foreign_cyrillic` looks for) and the model's best of them is `lang`:
    `decide`'s own tests, the costlier ones (the letters) once for all samples when none has them."""
    if lang not in ("ru", "kk") or "ru" not in classes or "kk" not in classes:
        return [False] * len(samples)
    first, second = sorted((classes.index("ru"), classes.index("kk")))  # `_from_model` reads classes in order
    want = classes.index(lang)
    suspects = Letters("\n".join(samples), 0, 0, 0).has_any(CYRILLIC_SUSPECTS)  # lower-casing is per character
    out = []
    for sample, p, sc in zip(samples, probs, scripts):
        lat, cyr, other = sc[LATIN], sc[CYRILLIC], sc[OTHER_SCRIPT]
        gates = other <= max(lat, cyr) and lat < cyr and min(lat, cyr) < 0.2 * (lat + cyr)
        best = second if p[second] > p[first] else first  # with `_from_model`'s start: p > -1.0 (no NaN)
        easy = gates and p[first] > -1.0 and best == want
        out.append(easy and not (suspects and Letters(sample, 0, 0, 0).has_any(CYRILLIC_SUSPECTS)))
    return out


def detect_language(text: str) -> LangResult:
    """The dominant language of `text`: `ru`, `kk`, `en`, another ISO 639-1 code, or `und`."""
    sample = sample_text(text)
    model = load_model()
    probs, scripts = model.score_one(sample, gathered(sample))  # kept for the text's passages (`segments`)
    return decide(sample, probs, model.classes, letters_of(sample, scripts))


def detect_file(path: str | Path) -> LangResult:
    """The language of a UTF-8 text file (undecodable bytes replaced)."""
    return detect_language(Path(path).read_text(encoding="utf-8", errors="replace"))
