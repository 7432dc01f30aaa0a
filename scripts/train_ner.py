"""Train the NER models from the public corpora and ship them to ppo_nlp/models/ner-<lang>.

    nice -n 19 env OMP_NUM_THREADS=1 .venv/bin/python scripts/train_ner.py --lang all

Reads `$PPO_NLP_DATA` (else ../shared/data), writes spaCy DocBins and checkpoints under a work folder
(default /tmp/ppo_ner, never the repository), copies the best checkpoint to ppo_nlp/models/ner-<lang>, scores it on
the dev sets through the runtime adapter and writes the model card.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from ner_data import Sample, read_conll2003, read_conllu_iob, read_factru, read_kaznerd, read_nerel, split_paragraphs  # noqa: E402
from ner_eval import compare_ru, dev_labels, dev_sets, evaluate, ours, split_parts  # noqa: E402
from ner_vectors import DIMS as VECTOR_DIMS, build  # noqa: E402

from ppo_nlp.paths import models_dir, shared_data_dir  # noqa: E402

CONFIG = HERE / "ner_configs" / "ner.cfg"
# Per-language training caps (steps) sized for 2 shared CPU cores, ~30 minutes each.
STEPS = {"kk": 5000, "ru": 5000, "en": 5000}
# WikiANN ru train sentences added for name variety (PER/ORG/LOC only, no POSITION, so kept a minority).
RU_WIKIANN = 6000
# en: WikiANN en train sentences added to training (never to the selection eighth); 0 = none. 5,000 of them
# (with parameter averages) peaked at 0.914 on the eighth by step 3,400, against 0.924 without them: unused.
EN_WIKIANN = 0
# Optional further ru corpora (`--ru-add NAME:N`, N sentences, 0 = all): BSNLP-2019 ru news documents, WikiNEuRal ru.
RU_ADD: dict[str, int] = {}
# en: once the step count is chosen on the eighth of train, `--train-on-selection` trains on all of train for
# that many steps (`model-last` is shipped; CoNLL valid still never chooses anything).
TRAIN_ON_SELECTION = False
RU_CORPORA = {"bsnlp": ("bsnlp_ru", "*.conllu"), "wikineural": ("wikineural_ru", "val.conllu")}
# ru adds static vectors (scripts/ner_vectors.py) and, to pay for them, fewer NORM hash rows.
OVERRIDES = {
    "ru": {"components.tok2vec.model.embed.include_static_vectors": True,
           "components.tok2vec.model.embed.rows": [5000, 2000, 5000, 1000],
           "training.patience": 3000},
    # en: Adam's parameter averages (0.924 on the selection eighth at the best step, 0.917 without them).
    "en": {"training.optimizer.use_averages": True},
}
TRAIN_DATA = {
    "kk": "KazNERD train.iob2 (15,181 sentences)",
    "ru": "NEREL v1.1 train (746 documents) + the even-indexed half of factRuEval-2016 dev (61 documents, "
          "`job` spans as POSITION), cut into paragraphs; the odd half is the held-out factrueval-dev; 6,000 WikiANN ru train "
          "sentences (PER/ORG/LOC); static vectors: navec (natasha wheel, MIT) reduced by PCA (see the model's meta.json, "
          "`vectors.width`) for the words of the ru non-dev corpora",
    "en": "CoNLL-2003 train (14,041 sentences)",
}
EN_WIKIANN_NOTE = (" + {:,} WikiANN en train sentences (PER/ORG/LOC; Babelscape/wikineural @ d2e28c77: no explicit "
                   "licence, the repository is CC BY-NC-SA 4.0, so the model is non-commercial)")


def train_data_line(lang: str) -> str:
    """The card's training-data line (WikiANN en named with its licence when `--en-wikiann` added it)."""
    return TRAIN_DATA[lang] + (EN_WIKIANN_NOTE.format(EN_WIKIANN) if lang == "en" and EN_WIKIANN else "")


def train_samples(lang: str, data: Path) -> list[Sample]:
    """The training corpus of a language."""
    if lang == "kk":
        return read_kaznerd(data / "kaznerd" / "train.iob2")
    if lang == "ru":
        factru = [p for d in read_factru(data / "factrueval2016" / "devset", "train")
                  for p in split_paragraphs(d.text, d.spans, d.doc_id)]
        wikiann = read_conllu_iob(data / "wikiann" / "ru" / "train.conllu")
        random.Random(7).shuffle(wikiann)
        return read_nerel(data / "nerel" / "train") + factru + wikiann[:RU_WIKIANN] + ru_added(data)
    return read_conll2003(data / "conll2003" / "train.txt")


def en_wikiann(data: Path) -> list[Sample]:
    """The first `EN_WIKIANN` WikiANN en train sentences after a fixed shuffle (PER/ORG/LOC)."""
    if not EN_WIKIANN:
        return []
    samples = read_conllu_iob(data / "wikiann" / "en" / "train.conllu")
    random.Random(7).shuffle(samples)
    return samples[:EN_WIKIANN]


def ru_added(data: Path) -> list[Sample]:
    """The `RU_ADD` corpora, each shuffled and cut to its sentence count."""
    out: list[Sample] = []
    for name, count in sorted(RU_ADD.items()):
        folder, pattern = RU_CORPORA[name]
        samples = [s for path in sorted((data / folder).glob(pattern)) for s in read_conllu_iob(path)]
        random.Random(7).shuffle(samples)
        out += samples[:count or None]
    return out


def blank(lang: str):
    """A blank spaCy pipeline of the language (our `kk` registered first)."""
    import spacy

    if lang == "kk":
        import ppo_nlp.lang.spacy_kk  # noqa: F401
    return spacy.blank(lang)


def to_doc(nlp, sample: Sample):
    """A spaCy Doc with gold entities: gold tokens when the corpus has them, else our tokenizer."""
    from spacy.tokens import Doc
    from spacy.util import filter_spans

    if sample.words:
        doc = Doc(nlp.vocab, words=sample.words, spaces=[True] * (len(sample.words) - 1) + [False])
    else:
        doc = nlp.make_doc(sample.text)
    spans = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in sample.spans]
    doc.ents = filter_spans([s for s in spans if s is not None])
    return doc


def write_docbin(nlp, samples: list[Sample], path: Path) -> None:
    """Serialize samples as a DocBin."""
    from spacy.tokens import DocBin

    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=(to_doc(nlp, s) for s in samples)).to_disk(path)


def selection_split(lang: str, data: Path) -> tuple[list[Sample], list[Sample]]:
    """(train, select) samples: checkpoints are chosen on `select`, never on a part that is scored as held out.

    kk and ru select on the `tune` part of their first dev set (KazNERD dev, NEREL dev); en selects on the
    `tune` part of an eighth of CoNLL-2003 train (left out of training), so CoNLL valid stays wholly held out.
    """
    train = train_samples(lang, data)
    if lang == "en":
        select = [s for s in train if _eighth(s)]
        kept = train if TRAIN_ON_SELECTION else [s for s in train if not _eighth(s)]
        return kept + en_wikiann(data), select
    dev = next(iter(dev_sets(lang, data).values()))
    return train, split_parts(dev)["tune"]


def _eighth(sample: Sample) -> bool:
    """One sample in about eight (SHA-1 of its text), for en checkpoint selection."""
    return hashlib.sha1(sample.text.encode("utf-8")).digest()[0] % 8 == 0


def prepare(lang: str, data: Path, work: Path) -> tuple[Path, Path]:
    """Train and checkpoint-selection DocBins of a language (see `selection_split`)."""
    nlp = blank(lang)
    train, select = selection_split(lang, data)
    random.Random(13).shuffle(train)
    write_docbin(nlp, train, work / lang / "train.spacy")
    write_docbin(nlp, select, work / lang / "dev.spacy")
    return work / lang / "train.spacy", work / lang / "dev.spacy"


def train(lang: str, data: Path, work: Path, steps: int, extra: Optional[dict] = None) -> Path:
    """Run spaCy training; returns the best checkpoint folder."""
    from spacy.cli.train import train as spacy_train
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))  # numpy's BLAS multiplies ~3x faster than blis here
    train_path, dev_path = prepare(lang, data, work)
    out = work / lang / "output"
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), "nlp.lang": lang,
                 "training.max_steps": steps, **OVERRIDES.get(lang, {}), **(extra or {})}
    if lang == "ru":
        overrides["paths.vectors"] = str(build(data, work / "ru_vectors", VECTOR_DIMS))
    spacy_train(CONFIG, out, overrides=overrides, use_gpu=-1)
    return out / ("model-last" if TRAIN_ON_SELECTION else "model-best")


def prune_strings(model: Path) -> None:
    """Keep only the entity labels in vocab/strings.json.

    Hash embeddings and vectors look words up by hash, so the training vocabulary's strings (megabytes)
    are dead weight; predictions are unchanged (checked on the dev sets by `score_shipped`).
    """
    labels = json.loads((model / "meta.json").read_text(encoding="utf-8"))["labels"]["ner"]
    (model / "vocab" / "strings.json").write_text(json.dumps(sorted(labels)), encoding="utf-8")


def ship(lang: str, best: Path) -> Path:
    """Copy a checkpoint to ppo_nlp/models/ner-<lang> and prune its string store."""
    target = models_dir() / f"ner-{lang}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(best, target)
    prune_strings(target)
    return target


def score_shipped(lang: str, data: Path) -> dict:
    """Scores of the shipped model through the runtime adapter: each dev set whole and per part (`tune`
    chose the checkpoint for kk/ru; `held-out` never chose anything), natasha beside ours for ru."""
    predict = ours(lang)
    scores = {}
    for name, samples in dev_sets(lang, data).items():
        for part, subset in {"all": samples, **split_parts(samples)}.items():
            key = name if part == "all" else f"{name} {part}"
            scores[key] = evaluate(predict, subset, dev_labels(name))
            if lang == "ru":
                scores.update({f"{key}: {k}": v for k, v in compare_ru(subset, predict, dev_labels(name)).items()})
    return scores


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=["kk", "ru", "en", "all"], default="all")
    ap.add_argument("--work", type=Path, default=Path("/tmp/ppo_ner"))
    ap.add_argument("--steps", type=int, default=0, help="override the per-language step cap")
    ap.add_argument("--ru-wikiann", type=int, default=RU_WIKIANN, help="WikiANN ru sentences to add")
    ap.add_argument("--en-wikiann", type=int, default=EN_WIKIANN, help="WikiANN en sentences to add")
    ap.add_argument("--vector-dims", type=int, default=VECTOR_DIMS, help="ru static vector dimensions (PCA)")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=JSON", help="extra spaCy config overrides")
    ap.add_argument("--no-ship", action="store_true", help="train only; leave ppo_nlp/models/ untouched")
    ap.add_argument("--score-only", action="store_true", help="score and card the shipped model only")
    ap.add_argument("--ru-add", nargs="*", default=[], metavar="NAME:N",
                    help=f"further ru corpora ({', '.join(RU_CORPORA)}), N sentences each (0 = all)")
    ap.add_argument("--train-on-selection", action="store_true",
                    help="en: train on the selection eighth too (use with --steps; ship model-last)")
    args = ap.parse_args(argv)
    globals()["TRAIN_ON_SELECTION"] = args.train_on_selection
    RU_ADD.update({k: int(n) for k, _, n in (a.partition(":") for a in args.ru_add)})
    globals()["RU_WIKIANN"] = args.ru_wikiann
    globals()["EN_WIKIANN"] = args.en_wikiann
    globals()["VECTOR_DIMS"] = args.vector_dims
    data = shared_data_dir()
    if data is None:
        raise SystemExit("public corpora not found: set PPO_NLP_DATA")
    from ner_card import write_card

    for lang in (["kk", "ru", "en"] if args.lang == "all" else [args.lang]):
        if not args.score_only:
            extra = {k: json.loads(v) for k, v in (kv.split("=", 1) for kv in args.set)}
            best = train(lang, data, args.work, args.steps or STEPS[lang], extra)
            if args.no_ship:
                continue
            ship(lang, best)
        scores = score_shipped(lang, data)
        print(lang, json.dumps(scores, ensure_ascii=False, indent=1))
        write_card(lang, scores, train_data_line(lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
