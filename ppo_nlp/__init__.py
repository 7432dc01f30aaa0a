"""ppo_nlp: structured, normalized facts about Kazakhstan's ruling party (Nur Otan / AMANAT) and its
primary party organizations from Russian, Kazakh and English news.

>>> import ppo_nlp
>>> ppo_nlp.detect_language("Партия «Нұр Отан» провела форум.").lang
'ru'
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ppo_nlp.doc import Count, Document, Entity, LangResult, Location, Organization, Person, Project, Segment

if TYPE_CHECKING:
    from ppo_nlp.pipeline import Options, Pipeline

__version__ = "0.1.0"
__all__ = ["Count", "Document", "Entity", "LangResult", "Location", "Options", "Organization", "Person",
           "Pipeline", "Project", "Segment", "detect_language", "load", "render", "to_spacy"]


def load(lang: str = "auto", ner: bool = True, time_limit: float | None = 60.0) -> "Pipeline":
    """A ready pipeline: `nlp = ppo_nlp.load(); doc = nlp(text); doc.to_dict()`."""
    from ppo_nlp.loading import loading, numpy_on_one_blas_thread

    with loading():
        if ner:
            numpy_on_one_blas_thread()
        from ppo_nlp.pipeline import load as _load

        return _load(lang=lang, ner=ner, time_limit=time_limit)


def detect_language(text: str) -> LangResult:
    """The language of `text`: `.lang` (ru, kk, en, another ISO code, or und) and `.score`."""
    from ppo_nlp.lang import detect_language as _detect

    return _detect(text)


def render(doc_or_record: "Document | dict"):
    """The article as HTML, evidence highlighted and facts beside it; Jupyter shows it, `str()` is a page."""
    from ppo_nlp.show import render as _render

    return _render(doc_or_record)


def to_spacy(doc_or_record: "Document | dict", nlp=None):
    """A spaCy `Doc` with our entities: `doc.ents` (longest non-overlapping) and all in `doc.spans["ppo_nlp"]`.

    `nlp` is a spaCy pipeline (its tokenizer is used) or a language code; a blank one by default.
    """
    from ppo_nlp.show import to_spacy as _to_spacy

    return _to_spacy(doc_or_record, nlp)


def __getattr__(name: str):
    if name in ("Pipeline", "Options"):
        from ppo_nlp import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
