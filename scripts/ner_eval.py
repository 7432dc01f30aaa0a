"""Span-level exact-match scoring (start, end, label) and the dev sets each language is scored on."""
from __future__ import annotations

import difflib
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_data import Sample, Span, read_conll2003, read_factru, read_kaznerd, read_nerel  # noqa: E402

LABELS = ("PERSON", "ORG", "LOC", "POSITION", "PROJECT")
COMMON = ("PERSON", "ORG", "LOC")
# Labels a dev set annotates (factRuEval has no POSITION gold in its held-out half; CoNLL-2003 has no
# POSITION, NEREL no PROJECT).
DEV_LABELS = {"factrueval-dev": COMMON, "conll2003-valid": COMMON, "nerel-dev": COMMON + ("POSITION",)}
Predictor = Callable[[list[str]], list[list[Span]]]


def dev_sets(lang: str, data: Path) -> dict[str, list[Sample]]:
    """Named dev sets of a language (never trained on)."""
    if lang == "kk":
        return {"kaznerd-dev": read_kaznerd(data / "kaznerd" / "dev.iob2")}
    if lang == "ru":
        return {"nerel-dev": read_nerel(data / "nerel" / "dev"),
                "factrueval-dev": read_factru(data / "factrueval2016" / "devset", "heldout")}
    return {"conll2003-valid": read_conll2003(data / "conll2003" / "valid.txt")}


PARTS = ("tune", "held-out")


def part_of(sample: Sample) -> str:
    """`tune` or `held-out`: the SHA-1 parity of the sample's document id (of its text when the corpus has
    no documents), so a document never straddles the two. Rules, merges and checkpoints are chosen on
    `tune`; `held-out` is only ever scored."""
    key = sample.doc_id or sample.text
    return "held-out" if hashlib.sha1(key.encode("utf-8")).digest()[-1] % 2 else "tune"


def split_parts(samples: list[Sample]) -> dict[str, list[Sample]]:
    """The samples of each part, in corpus order."""
    return {part: [s for s in samples if part_of(s) == part] for part in PARTS}


def score(gold: Iterable[list[Span]], pred: Iterable[list[Span]], labels: Iterable[str] = LABELS) -> dict:
    """Per-label and micro precision/recall/F1 over exact (start, end, label) matches."""
    labels = tuple(labels)
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        g = {s for s in g if s[2] in labels}
        p = {s for s in p if s[2] in labels}
        for s in g & p:
            tp[s[2]] += 1
        n_gold.update(s[2] for s in g)
        n_pred.update(s[2] for s in p)
    rows = {lab: _prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels if n_gold[lab] or n_pred[lab]}
    rows["micro"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return rows


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall, F1 and support."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "n": n_gold}


def dev_labels(name: str) -> tuple[str, ...]:
    """The labels scored on a dev set."""
    return DEV_LABELS.get(name, LABELS)


def evaluate(predict: Predictor, samples: list[Sample], labels: Iterable[str] = LABELS) -> dict:
    """Score a predictor on samples; adds throughput (chars/s) under key `chars_per_s`."""
    texts = [s.text for s in samples]
    t0 = time.perf_counter()
    preds = predict(texts)
    secs = time.perf_counter() - t0
    result = score((s.spans for s in samples), preds, labels)
    result["chars_per_s"] = round(sum(map(len, texts)) / max(secs, 1e-9))
    return result


def ours(lang: str, models: Optional[Path] = None) -> Predictor:
    """Predictor of the shipped model of `lang` through the runtime adapter."""
    import os

    if models is not None:
        os.environ["PPO_NLP_MODELS"] = str(models)
    from ppo_nlp.extract.ner.model import load_ner

    load_ner.cache_clear()
    model = load_ner(lang)
    if model is None:
        raise SystemExit(f"no model for {lang}")
    return lambda texts: [[(e.start, e.end, e.label) for e in ents] for ents in model.predict_many(texts)]


def natasha() -> Optional[Predictor]:
    """natasha's slovnet NER (PER/ORG/LOC) as a predictor; None when natasha/slovnet/navec are absent."""
    from ppo_nlp.extract.ner.model import SlovnetNer, natasha_data

    data = natasha_data()
    return SlovnetNer(data).spans if data is not None else None


def hybrid(lang: str = "ru") -> Optional[Predictor]:
    """slovnet PERSON/LOC + our ORG/POSITION (what `PPO_NLP_NER_RU=hybrid` runs); None without natasha."""
    from ppo_nlp.extract.ner.model import HybridModel, SlovnetNer, load_ner, natasha_data

    data, model = natasha_data(), load_ner(lang)
    if data is None or model is None:
        return None
    combined = HybridModel(lang, model.nlp, SlovnetNer(data))
    return lambda texts: [[(e.start, e.end, e.label) for e in ents] for ents in combined.predict_many(texts)]


def _offset_map(clean: str, raw: str) -> list[Optional[int]]:
    """Per offset of the pipeline's clean text (and its end), the offset in the raw text it came from;
    None inside what cleaning rewrote (white space folded, furniture dropped)."""
    out: list[Optional[int]] = [None] * (len(clean) + 1)
    ops = difflib.SequenceMatcher(None, raw, clean, autojunk=False).get_opcodes()
    for tag, r0, r1, c0, c1 in ops:
        if tag == "equal":
            out[c0:c1 + 1] = range(r0, r1 + 1)
    return out


def _raw_spans(doc: Any, raw: str) -> list[Span]:
    """The labelled `entities` of a record, with offsets into the raw text the dev set gives."""
    spans = [(e.start, e.end, e.label) for e in doc.entities]
    if doc.text == raw:
        return spans
    where = _offset_map(doc.text, raw)
    return [(where[a], where[b], lab) for a, b, lab in spans if where[a] is not None and where[b] is not None]


def records(lang: str) -> Predictor:
    """The full pipeline (rules + NER, language forced) as a predictor: each text's record `entities`
    (COUNT and DATE are not NER labels and are never scored)."""
    import ppo_nlp

    nlp = ppo_nlp.load(lang=lang, time_limit=None)
    return lambda texts: [_raw_spans(nlp(text), text) for text in texts]


def compare_ru(samples: list[Sample], ours_predict: Predictor, labels: Iterable[str] = LABELS) -> dict:
    """ours vs natasha on PER/ORG/LOC, and the hybrid on the dev set's `labels`, for one ru dev set."""
    out = {"ours (PER/ORG/LOC)": evaluate(ours_predict, samples, COMMON)}
    nat, mixed = natasha(), hybrid()
    if nat is not None:
        out["natasha (PER/ORG/LOC)"] = evaluate(nat, samples, COMMON)
    if mixed is not None:
        out["hybrid"] = evaluate(mixed, samples, labels)
    return out


def format_table(result: dict) -> str:
    """A Markdown table of a `score` result."""
    lines = ["| label | P | R | F1 | gold |", "|---|---|---|---|---|"]
    for lab, row in result.items():
        if isinstance(row, dict):
            lines.append(f"| {lab} | {row['p']:.3f} | {row['r']:.3f} | {row['f']:.3f} | {row['n']} |")
    return "\n".join(lines)
