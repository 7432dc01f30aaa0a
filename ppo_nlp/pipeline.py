"""reader -> cleaner -> language -> the row of stages (`ppo_nlp.extract.row`) -> record.

`Pipeline` cleans the text, sets its language and runs the declared row of stages. It is cheap to call once resources
are loaded; load it once per process (`ppo_nlp.load()`), then feed it texts or ingested documents.

>>> import ppo_nlp
>>> nlp = ppo_nlp.load(ner=False)
>>> doc = nlp("Секретарь партии «Нұр Отан» Тамара Дуйсенова открыла форум.")
>>> doc.lang, [o.id for o in doc.organizations]
('ru', ['org:amanat'])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from ppo_nlp.doc import Document, Segment
from ppo_nlp.errors import IngestError
from ppo_nlp.ingest import IngestLimits, RawDoc, clean
from ppo_nlp.ingest.lines import load_patterns
from ppo_nlp.lang import detect_language, load_profiles, segment_languages
from ppo_nlp.latin_view import USUAL_SCRIPT, cyrillic_view, restore, script_of
from ppo_nlp.loading import collect_less_often, loading
from ppo_nlp.normalize.places import load_indexes
from ppo_nlp.records import document_record, error_record
from ppo_nlp.resources import read_rows
from ppo_nlp.timeout import DocumentTimeout, time_limit

LANGS = ("auto", "ru", "kk", "en")


@dataclass
class Options:
    """How a pipeline runs: forced language, NER on/off, per-document time limit, ingest caps."""

    lang: str = "auto"
    ner: bool = True
    time_limit: Optional[float] = 60.0
    limits: IngestLimits = field(default_factory=IngestLimits)

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {self.lang!r}")
        limit = self.time_limit
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, float))
                                  or not 0 < limit < float("inf")):
            raise ValueError(f"time_limit must be a positive number of seconds or None, not {limit!r}")


class Pipeline:
    """The whole ppo_nlp pipeline for one process."""

    def __init__(self, options: Optional[Options] = None) -> None:
        from ppo_nlp.extract.row import stage_row  # the extractors load with a pipeline, not with the CLI

        self.options = options or Options()
        with loading():
            self._stages = stage_row(self.options.ner)

    def __call__(self, text: str | bytes, *, id: str = "text", source: str = "<string>", kind: str = "text",
                 meta: Optional[dict[str, Any]] = None) -> Document:
        """Clean and analyse one text (plain or HTML) into a `Document`.

        `text` is a `str`, or `bytes` decoded as the readers decode files (BOM, UTF-8, Cyrillic code pages);
        `kind` is `text` or `html`; lone surrogates become U+FFFD. Raises TypeError for anything else, ValueError for an unknown kind,
        `IngestError` E003 for a text of more characters than the per-document cap (`limits.max_member_bytes`)
        and E002 for bytes that are not text, and `ppo_nlp.timeout.DocumentTimeout` past `time_limit` seconds.
        """
        text = _checked_text(text, kind, self.options.limits.max_member_bytes)
        with _own_time_limit(self.options.time_limit):
            cleaned = clean(text, kind, meta or {})
            doc = Document(id=id, source=source, text=cleaned.text, title=cleaned.title,
                           published=cleaned.published, outlet=cleaned.outlet, author=cleaned.author,
                           removed=list(cleaned.removed))
            self._set_language(doc, (meta or {}).get("lang"))
            self._extract(doc)
        return doc

    def warm(self) -> "Pipeline":
        """Load now what otherwise loads on first use (the NER model of every language, morphology, word
        lists, langdetect's profiles, the place look-up) by running one short article per language from `resources/warmup.txt`.

        What is loaded then lives as long as the process: it loads with the garbage collector paused and
        is then moved out of its reach (`ppo_nlp.loading`), so that no full collection walks the models
        and word lists again. No collection runs before the freeze: it took 90 ms to find ~7,300 objects
        (~1 MB, mostly the config parsers of spaCy's loads), which stay frozen. Then the collector runs less
        often (`loading.collect_less_often`)."""
        from ppo_nlp.extract.gazetteer import load_gazetteers

        with loading():
            for text in _warmup_texts():
                self(text)
            load_profiles()  # langdetect, for passages in other languages
            load_indexes()  # the place look-up, Cyrillic and Latin
            load_gazetteers()  # the alias trie and the state bodies
            load_patterns()  # ingest's glued-counter pattern
        collect_less_often()
        return self

    def pipe(self, texts: Iterable[str]) -> Iterator[Document]:
        """Documents for many texts, in order."""
        for i, text in enumerate(texts):
            yield self(text, id=str(i))

    def process(self, raw: RawDoc) -> dict[str, Any]:
        """A record for an ingested document: the document record, or an error record. Never raises."""
        if raw.error is not None:
            return error_record(raw.id, raw.source, raw.error.code, raw.error.message)
        if not raw.text or not raw.text.strip():
            return error_record(raw.id, raw.source, "E008", "the document has no text")
        try:
            with time_limit(self.options.time_limit):
                doc = self(raw.text, id=raw.id, source=raw.source, kind=raw.kind, meta=raw.meta)
                return document_record(doc)
        except DocumentTimeout:
            return error_record(raw.id, raw.source, "E009",
                                f"processing took longer than {self.options.time_limit:g} s")
        except IngestError as exc:
            return error_record(raw.id, raw.source, exc.code, exc.message)
        except Exception as exc:  # a bad document must never end the batch
            return error_record(raw.id, raw.source, "E010", f"{type(exc).__name__}: {exc}"[:500])

    def _set_language(self, doc: Document, meta_lang: Optional[str]) -> None:
        forced = self.options.lang if self.options.lang != "auto" else None
        if forced:
            doc.lang, doc.lang_score = forced, 1.0
            doc.script = script_of(doc.text) if forced == "kk" else USUAL_SCRIPT.get(forced)
            doc.segments = [Segment(0, len(doc.text), forced)] if doc.text else []
            return
        result = detect_language(doc.text)
        doc.lang, doc.lang_score = result.lang, result.score
        doc.script = result.script or USUAL_SCRIPT.get(doc.lang)
        doc.segments = segment_languages(doc.text, doc.lang)

    def _extract(self, doc: Document) -> None:
        """Run the row of stages (`ppo_nlp.extract.row`), in order; Kazakh in Latin script runs on its
        Cyrillic view (`ppo_nlp.latin_view`) and its facts come back with offsets into the Latin text."""
        if doc.lang == "kk" and doc.script == "Latn":
            view, offsets = cyrillic_view(doc)
            self._run_row(view)
            restore(doc, view, offsets)
            return
        self._run_row(doc)

    def _run_row(self, doc: Document) -> None:
        for stage in self._stages:
            stage.run(doc)


def _warmup_texts() -> list[str]:
    return [row[0] for row in read_rows("warmup.txt")]


def load(lang: str = "auto", ner: bool = True, time_limit: Optional[float] = 60.0) -> Pipeline:
    """A ready pipeline. `lang` forces a language ('ru', 'kk', 'en') or detects it ('auto')."""
    return Pipeline(Options(lang=lang, ner=ner, time_limit=time_limit))


KINDS = ("text", "html")


def _checked_text(text: Any, kind: str, max_chars: int) -> str:
    """`text` as a str for `Pipeline.__call__`, or a clear error."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if isinstance(text, (bytes, bytearray)):
        if len(text) > 4 * max_chars:
            raise IngestError("E003", f"text longer than the size cap of {max_chars} characters")
        from ppo_nlp.ingest import decode_bytes

        text = decode_bytes(bytes(text))
    if not isinstance(text, str):
        raise TypeError(f"text must be str or bytes, not {type(text).__name__}")
    if len(text) > max_chars:
        raise IngestError("E003", f"text longer than the size cap of {max_chars} characters")
    from ppo_nlp.ingest.encoding import valid_unicode

    return valid_unicode(text)  # lone surrogates would make the record unwritable as UTF-8


def _own_time_limit(seconds: Optional[float]):
    """The pipeline's time limit, unless the caller (`process`) already runs one: timers do not nest."""
    import contextlib
    import signal

    if hasattr(signal, "getitimer") and signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        return contextlib.nullcontext()
    return time_limit(seconds)
