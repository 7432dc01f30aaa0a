"""Write ppo_nlp/models/ner-<lang>/MODEL_CARD.md from the shipped model's meta and its dev scores."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_eval import format_table  # noqa: E402

from ppo_nlp.paths import models_dir  # noqa: E402

LICENCES = {
    "kk": "KazNERD (IS2AI, github.com/IS2AI/KazNERD @ bd4333d0): the repository states CC BY 4.0 at its root "
          "and CC BY-NC-SA 4.0 in its data readme; treated as **CC BY-NC-SA 4.0** until clarified, so this "
          "model is for non-commercial use.",
    "ru": "NEREL v1.1 (github.com/nerel-ds/NEREL @ 8f07d3e4): no licence file; the authors ask to cite "
          "Loukachevitch et al. 2021/2023. factRuEval-2016 dev: MIT (half trains, the other half is held out). "
          "WikiANN ru (Babelscape/wikineural @ d2e28c77): no explicit licence, the repository is "
          "CC BY-NC-SA 4.0. Static vectors derive from navec_news_v1 (natasha wheel, MIT). Treat the model "
          "as **non-commercial / research use**.",
    "en": "CoNLL-2003 (Reuters RCV1 text; annotations free): research use only, the text is under the "
          "Reuters/NIST agreement. The model weights contain no text, but treat the model as research use.",
}
LABEL_NOTES = {
    "kk": "PERSON, ORGANISATION->ORG, GPE+LOCATION->LOC, POSITION, PROJECT (other KazNERD types dropped).",
    "ru": "NEREL PERSON, ORGANIZATION->ORG, CITY/COUNTRY/STATE_OR_PROVINCE/LOCATION/DISTRICT->LOC, "
          "PROFESSION->POSITION; factRuEval Person/Org/Location+LocOrg, `job`->POSITION; WikiANN PER/ORG/LOC. "
          "Nesting: lower-case LOC (adjectives) dropped, outermost spans kept, and a POSITION ending with a "
          "nested PERSON/ORG/LOC is split (\"министр иностранных дел | России\"); see scripts/ner_data.py.",
    "en": "PER->PERSON, ORG, LOC (MISC dropped); CoNLL IOB1 converted to IOB2.",
}


# Checks the runtime adapter applies to a model's output (scored with it: the dev scores below include them).
POST_PROCESSING = {
    "ru": "`ppo_nlp.extract.ner.ru` checks every prediction against pymorphy3's dictionary: trailing "
          "function words are cut, a PERSON ending in a place name with no personal name becomes LOC, "
          "PERSON spans are cut at separators and lose a leading common word, a one-word ORG that is only a "
          "place (or adjectives before a territory word from `resources/ner/place_heads.txt`) becomes LOC, "
          "a POSITION ending in a place gives it to a LOC, and capitalised words known only as place names "
          "become LOC.",
}


# How `scripts/train_ner.py` chooses a checkpoint now (what a `tune` part means for a rebuild).
SELECTION = {
    "kk": "the checkpoint is chosen on the `tune` part of KazNERD dev.",
    "ru": "the checkpoint is chosen on the `tune` part of NEREL dev; factRuEval's held-out half (both parts) is "
          "never trained on.",
    "en": "the step count is chosen on an eighth of CoNLL-2003 train (left out of that run), then the model is "
          "trained on all of train for that many steps: CoNLL valid, both parts, is wholly held out.",
}
# The shipped checkpoints predate the tune / held-out split: each was chosen on its whole first dev set, which
# leaks a little into that set's held-out part. Rebuilds that chose on the tune part only measured the leak.
SHIPPED = {
    "kk": "chosen on all of KazNERD dev. A rebuild choosing on the tune part only (same data, same steps) "
          "scored 0.900 micro-F1 on the held-out part over the five labels (PERSON 0.936, ORG 0.810, LOC 0.918, "
          "POSITION 0.921, PROJECT 0.636; shipped 0.895): no leak to see.",
    "ru": "chosen on all of NEREL dev. A rebuild choosing on the NEREL tune part only scored, on the held-out "
          "parts, NEREL 0.832 (PER/ORG/LOC; shipped 0.838, natasha 0.810) and factRuEval 0.771 (shipped 0.773, "
          "natasha 0.738): the leak is under a point.",
    "en": "never chosen on CoNLL-2003 valid, so both its parts are held out: configurations and the step count "
          "were chosen on an eighth of CoNLL-2003 train left out of those runs (best F1 on the eighth: 0.924 with "
          "Adam's parameter averages, shipped; 0.917 without them; 0.923 with dropout 0.2; 0.914 with 5,000 "
          "WikiANN en train sentences added, stopped at step 3,400), then trained on all of train for 5,000 "
          "steps (the eighth's best was at 4,800; `model-last` is shipped). The model shipped before was chosen "
          "on all of valid (0.893); a rebuild without averages that never saw valid scored 0.880.",
}
# Arguments beyond `--lang` that rebuild the shipped model.
REBUILD_ARGS = {"en": " --steps 5000 --train-on-selection"}


def model_size(path: Path) -> float:
    """Size of a model folder in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def arch_line(path: Path) -> str:
    """Tok2vec width/depth and embedding rows read from the shipped config."""
    from thinc.api import Config

    cfg = Config().from_disk(path / "config.cfg", interpolate=False)
    enc = cfg["components"]["tok2vec"]["model"]["encode"]
    emb = cfg["components"]["tok2vec"]["model"]["embed"]
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    width = meta.get("vectors", {}).get("width", 0)
    vectors = (f"static vectors {meta['vectors']['vectors']:,} x {width}" if emb.get("include_static_vectors")
               and width else "no static vectors")
    return (f"spaCy tok2vec (MultiHashEmbed {emb['attrs']} rows {emb['rows']}, MaxoutWindowEncoder "
            f"width {enc['width']} depth {enc['depth']} window {enc['window_size']}) + ner "
            f"(TransitionBasedParser); {vectors}; CPU.")


def card_text(lang: str, scores: dict, train_data: str, path: Path) -> str:
    """The Markdown text of a model card."""
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    parts = [f"# ner-{lang}: spaCy NER for {lang}", "",
             f"- Architecture: {arch_line(path)}",
             f"- spaCy {meta.get('spacy_version', '?')}; labels: {', '.join(meta.get('labels', {}).get('ner', []))}",
             f"- Training data: {train_data}", f"- Label map: {LABEL_NOTES[lang]}",
             *([f"- Post-processing: {POST_PROCESSING[lang]}"] if lang in POST_PROCESSING else []),
             f"- Licence: {LICENCES[lang]}", f"- Size on disk: {model_size(path):.1f} MB", "",
             "## Dev scores (exact span match, through `ppo_nlp.extract.ner`)", "",
             "Gold spans are built by `scripts/ner_data.py` (label map and nesting rule above); a prediction "
             "counts only with the exact start, end and label. chars/s: one process, `OMP_NUM_THREADS=1`, "
             "on a 2-core machine shared with other jobs (a lower bound); only the first table of a system reads "
             "its texts cold, the parts re-read them with the word caches warm.", "",
             "Parts: `tune` and `held-out` halves of each dev set (`scripts/ner_eval.py` `split_parts`, SHA-1 "
             "parity of the document id), cut after the first shipped checkpoints (and, for ru, the dictionary checks) had been "
             "chosen on whole dev sets; since then rules, merges and checkpoints are chosen on `tune` only. "
             f"The shipped checkpoint was {SHIPPED[lang]} A rebuild by `scripts/train_ner.py` now chooses so: "
             f"{SELECTION[lang]}", ""]
    for name, result in scores.items():
        parts += [f"### {name} — {result['chars_per_s']:,} chars/s on one core", "", format_table(result), ""]
    parts += ["## Rebuild", "", "```", f"nice -n 19 env OMP_NUM_THREADS=1 .venv/bin/python scripts/train_ner.py "
              f"--lang {lang}{REBUILD_ARGS.get(lang, '')}", "```", "", "Reads `$PPO_NLP_DATA` (default `../shared/data`); DocBins and "
              "checkpoints go to /tmp/ppo_ner. `benchmarks/ner.py` reprints these scores.", ""]
    return "\n".join(parts)


def write_card(lang: str, scores: dict, train_data: str) -> Path:
    """Write MODEL_CARD.md into the shipped model folder."""
    path = models_dir() / f"ner-{lang}"
    card = path / "MODEL_CARD.md"
    card.write_text(card_text(lang, scores, train_data, path), encoding="utf-8")
    return card
