"""Trained spaCy NER models (kk, ru, en) as an extractor: PERSON, ORG, LOC, POSITION, PROJECT.

Models live in `models_dir() / "ner-<lang>"` in spaCy's own format; they run on the numpy runtime
(`runtime`: the same entities, without importing spaCy or thinc), or through spaCy (`spacy_ner`) when
their architecture is one the runtime does not read. Long texts are cut on paragraph breaks into chunks
of at most `MAX_CHUNK` characters, so memory stays bounded.

>>> model = load_ner("kk")
>>> [(e.label, e.text) for e in model.predict("Қасым-Жомарт Тоқаев Мәжіліс депутаттарымен кездесті.")]  # doctest: +SKIP
[('PERSON', 'Қасым-Жомарт Тоқаев'), ('ORG', 'Мәжіліс')]
"""
from __future__ import annotations

import ctypes
import importlib.util
import logging
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.ner.ru import check_ru
from ppo_nlp.extract.ner.runtime import NumpyNer, load_runtime
from ppo_nlp.extract.ner.spacy_ner import char_spans, load_pipeline, spacy_decoder
from ppo_nlp.paths import models_dir

log = logging.getLogger(__name__)

LANGS = ("kk", "ru", "en")
MAX_CHUNK = 10_000  # characters per model call
BATCH = 4  # chunks per model call: ~150 MB of activations at most, no slower than larger batches
MIN_SEGMENT = 200  # a passage in another language shorter than this uses the document model
VOCAB_LIMIT = 50_000  # spaCy path: words its vocabulary may collect before it is reloaded (~20 MB; reloads ~0.3 s)
CACHE_SIZE = 50_000  # runs of text whose tokens the tokenizer keeps (either path)
BACKEND_ENV = "PPO_NLP_NER_BACKEND"  # `spacy`: run every model through spaCy (comparisons, debugging)
# `hybrid`: ru PERSON/LOC from natasha's slovnet (needs natasha, slovnet, navec installed), ORG/POSITION ours.
RU_BACKEND_ENV = "PPO_NLP_NER_RU"
# Model labels (ours and the corpora's own names) -> our labels; anything else is dropped.
LABEL_MAP = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC",
    "POSITION": "POSITION", "PROFESSION": "POSITION",
    "PROJECT": "PROJECT",
}


def _cut_point(text: str, start: int, limit: int) -> int:
    """The last paragraph, sentence or word break in `text[start:start+limit]` (a hard cut if none)."""
    window = text[start:start + limit]
    for pattern in (r"\n\s*", r"(?<=[.!?…])\s+", r"\s+"):
        ends = [m.end() for m in re.finditer(pattern, window) if m.end() < len(window)]
        if ends and ends[-1] > limit // 4:
            return start + ends[-1]
    return start + limit


def chunks(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most `limit` characters, cut at the latest break available."""
    start = 0
    while len(text) - start > limit:
        end = _cut_point(text, start, limit)
        yield start, text[start:end]
        start = end
    if start < len(text):
        yield start, text[start:]


class NerModel:
    """A loaded NER model for one language: `nlp` is a `NumpyNer` or a spaCy pipeline."""

    def __init__(self, lang: str, nlp) -> None:
        self.lang = lang
        self.source = f"ner:{lang}"
        self._use(nlp)

    def _use(self, nlp) -> None:
        self.nlp = nlp
        self.numpy = isinstance(nlp, NumpyNer)
        self.decoder = None if self.numpy else spacy_decoder(nlp)
        self.path = Path(nlp.path) if getattr(nlp, "path", None) else None

    def _bound_vocab(self) -> None:
        """spaCy path: start from the saved vocabulary again once it holds `VOCAB_LIMIT` words: spaCy never
        forgets a word it has seen, so on a large archive the vocabulary would otherwise grow without end."""
        if not self.numpy and len(self.nlp.vocab) > VOCAB_LIMIT and self.path is not None:
            log.info("NER %s: vocabulary reached %d words; reloading %s", self.lang, len(self.nlp.vocab), self.path)
            self.nlp = self.decoder = None  # the old vocabulary goes first: never two in memory at once
            _return_freed_memory()
            self._use(load_pipeline(self.path, VOCAB_LIMIT))

    def predict(self, text: str) -> list[Entity]:
        """Entities of `text` with our labels and offsets into `text`."""
        return self.predict_many([text])[0]

    def predict_many(self, texts: Iterable[str], batch_size: int = BATCH) -> list[list[Entity]]:
        """`predict` for many texts, batching spaCy calls across them."""
        texts = list(texts)
        pieces = [(i, off, piece) for i, t in enumerate(texts) for off, piece in chunks(t)]
        out: list[list[Entity]] = [[] for _ in texts]
        for start in range(0, len(pieces), batch_size):
            batch = pieces[start:start + batch_size]
            for (i, off, _), spans in zip(batch, self._spans([p for _, _, p in batch])):
                out[i].extend(self._entities(spans, off, texts[i]))
        if self.lang == "ru":
            out = [check_ru(text, entities) for text, entities in zip(texts, out)]
        self._bound_vocab()
        return out

    def _spans(self, pieces: list[str]) -> list[list[tuple[int, int, str]]]:
        """(start char, end char, model label) entities of each piece."""
        if self.numpy:
            return self.nlp.spans(pieces)
        if self.decoder is None:
            return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in self.nlp.pipe(pieces)]
        docs = [self.nlp.make_doc(p) for p in pieces]
        return [char_spans(doc, found) for doc, found in zip(docs, self.decoder(docs))]

    def _entities(self, spans: list[tuple[int, int, str]], offset: int, text: str) -> Iterator[Entity]:
        """Mapped entities of one piece, shifted by the chunk offset."""
        for start, end, model_label in spans:
            label = LABEL_MAP.get(model_label)
            if label:
                start, end = start + offset, end + offset
                yield Entity(label, text[start:end], start, end, self.source, 1.0)


class SlovnetNer:
    """natasha's slovnet NER (PER/ORG/LOC) from the files inside the natasha wheel; numpy only, no torch."""

    LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}

    def __init__(self, data: Path) -> None:
        from navec import Navec
        from slovnet import NER

        self.model = NER.load(str(next((data / "model").glob("slovnet_ner_*.tar"))))
        self.model.navec(Navec.load(str(next((data / "emb").glob("navec_*.tar")))))

    def spans(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, our label) spans of every text."""
        return [[(s.start, s.stop, self.LABELS[s.type]) for s in m.spans if s.type in self.LABELS]
                for m in self.model.map(texts)]


def natasha_data() -> Optional[Path]:
    """The `data` folder of an installed natasha wheel, found without importing natasha (or pymorphy2)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations or importlib.util.find_spec("slovnet") is None:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data"


class HybridModel(NerModel):
    """ru: slovnet's PERSON and LOC first, then our ORG and POSITION where they overlap nothing kept."""

    FROM_SLOVNET = ("PERSON", "LOC")

    def __init__(self, lang: str, nlp, slovnet: SlovnetNer) -> None:
        super().__init__(lang, nlp)
        self.slovnet = slovnet

    def predict_many(self, texts: Iterable[str], batch_size: int = BATCH) -> list[list[Entity]]:
        texts = list(texts)
        out = []
        for text, ours in zip(texts, super().predict_many(texts, batch_size)):
            base = [Entity(lab, text[s:e], s, e, f"{self.source}-natasha", 1.0) for s, e, lab in self._slovnet(text)
                    if lab in self.FROM_SLOVNET]
            extra = [e for e in ours if e.label not in self.FROM_SLOVNET
                     and not any(e.start < b.end and b.start < e.end for b in base)]
            out.append(sorted(base + extra, key=lambda e: (e.start, e.end)))
        return out

    def _slovnet(self, text: str) -> Iterator[tuple[int, int, str]]:
        """slovnet spans of a text, run chunk by chunk."""
        pieces = list(chunks(text))
        for (off, _), spans in zip(pieces, self.slovnet.spans([p for _, p in pieces])):
            yield from ((s + off, e + off, lab) for s, e, lab in spans)


@lru_cache(maxsize=None)
def load_ner(lang: str) -> Optional[NerModel]:
    """The NER model of `lang`, loaded once per process; None (warned once) when it is missing."""
    path = models_dir() / f"ner-{lang}"
    if not (path / "config.cfg").is_file():
        log.warning("no NER model for %r at %s; NER is skipped for this language", lang, path)
        return None
    _one_blas_thread()
    nlp = _load(path)
    if lang == "ru" and os.environ.get(RU_BACKEND_ENV, "").lower() == "hybrid":
        data = natasha_data()
        if data is not None:
            return HybridModel(lang, nlp, SlovnetNer(data))
        log.warning("%s=hybrid but natasha/slovnet/navec are not installed; using ner-ru alone", RU_BACKEND_ENV)
    return NerModel(lang, nlp)


SPACY_MODELS: dict[str, NerModel] = {}  # at most one per language


def spacy_model(lang: str) -> Optional[NerModel]:
    """The model of `lang` run through spaCy, loaded once (the reference the numpy runtime is compared with)."""
    path = models_dir() / f"ner-{lang}"
    if lang not in SPACY_MODELS and (path / "config.cfg").is_file():
        _one_blas_thread()
        SPACY_MODELS[lang] = NerModel(lang, load_pipeline(path, VOCAB_LIMIT))
    return SPACY_MODELS.get(lang)


def _one_blas_thread() -> None:
    """Let numpy's BLAS use one thread in this process.

    The NER multiplies small matrices, one document at a time: BLAS threads only wait on each other (a
    7-token sentence took 21 ms with two threads on a busy 2-core machine, 0.5 ms with one), and batch
    runs already keep every core busy with one worker process each.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _return_freed_memory() -> None:
    """Hand the heap freed by a dropped vocabulary back to the system (glibc keeps it otherwise)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _load(path: Path):
    """The numpy runtime of the model at `path`, or its spaCy pipeline (other architectures, or
    `PPO_NLP_NER_BACKEND=spacy`)."""
    if os.environ.get(BACKEND_ENV, "").lower() != "spacy":
        runtime = load_runtime(path, CACHE_SIZE)
        if runtime is not None:
            return runtime
    return load_pipeline(path, VOCAB_LIMIT)


def _regions(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, lang) runs of the text, each with the model language that should read it."""
    if not doc.segments:
        return [(0, len(doc.text), doc.lang)]
    regions: list[tuple[int, int, str]] = []
    for seg in doc.segments:
        long_enough = seg.end - seg.start >= MIN_SEGMENT and seg.lang in LANGS
        lang = seg.lang if long_enough else doc.lang
        if regions and regions[-1][2] == lang and regions[-1][1] == seg.start:
            regions[-1] = (regions[-1][0], seg.end, lang)
        else:
            regions.append((seg.start, seg.end, lang))
    return regions


def extract_ner(doc: Document) -> list[Entity]:
    """NER mentions of `doc.text`, by the model of the document (or long passage) language."""
    found: list[Entity] = []
    for start, end, lang in _regions(doc):
        model = load_ner(lang) if lang in LANGS else None
        if model is None or start >= end:
            continue
        for ent in model.predict(doc.text[start:end]):
            found.append(Entity(ent.label, ent.text, ent.start + start, ent.end + start, ent.source, ent.score))
    return sorted(found, key=lambda e: (e.start, e.end))
