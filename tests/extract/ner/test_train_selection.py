"""en checkpoint selection in `scripts/train_ner.py`: the selection eighth holds CoNLL sentences only, and
WikiANN en sentences (`--en-wikiann`) join training, never selection, with their licence on the card."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ppo_nlp.paths import REPO_DIR

sys.path.insert(0, str(REPO_DIR / "scripts"))
import train_ner  # noqa: E402


def _fake_data(root: Path, conll: int, wikiann: int) -> Path:
    """A corpus folder with made-up CoNLL-2003 (IOB1) and WikiANN en (IOB2) sentences."""
    (root / "conll2003").mkdir(parents=True)
    (root / "wikiann" / "en").mkdir(parents=True)
    rows = [f"Mayor{i} NNP B-NP I-PER\nvisited VBD B-VP O\nTown{i} NNP B-NP I-LOC\n. . O O\n" for i in range(conll)]
    (root / "conll2003" / "train.txt").write_text("-DOCSTART- -X- -X- O\n\n" + "\n".join(rows), encoding="utf-8")
    wiki = [f"0\tRiver{i}\tB-LOC\n1\tAuthority\tI-ORG\n" for i in range(wikiann)]
    (root / "wikiann" / "en" / "train.conllu").write_text("\n".join(wiki), encoding="utf-8")
    return root


@pytest.mark.parametrize("wikiann, on_selection", [(0, False), (5, False), (5, True), (0, True)])
def test_the_selection_eighth_is_conll_only(tmp_path: Path, monkeypatch, wikiann: int, on_selection: bool) -> None:
    monkeypatch.setattr(train_ner, "EN_WIKIANN", wikiann)
    monkeypatch.setattr(train_ner, "TRAIN_ON_SELECTION", on_selection)
    train, select = train_ner.selection_split("en", _fake_data(tmp_path, 64, 9))
    chosen = {s.text for s in select}
    assert chosen and all(s.text.startswith("Mayor") for s in select)
    assert sum(s.text.startswith("River") for s in train) == wikiann
    assert len(train) == (64 if on_selection else 64 - len(chosen)) + wikiann
    assert bool(chosen & {s.text for s in train}) is on_selection


@pytest.mark.parametrize("wikiann, named", [(0, False), (3000, True)])
def test_the_card_names_wikiann_and_its_licence_when_used(monkeypatch, wikiann: int, named: bool) -> None:
    monkeypatch.setattr(train_ner, "EN_WIKIANN", wikiann)
    line = train_ner.train_data_line("en")
    assert line.startswith("CoNLL-2003 train")
    assert ("3,000 WikiANN en" in line and "CC BY-NC-SA 4.0" in line) is named


def test_en_trains_with_parameter_averages() -> None:
    assert train_ner.OVERRIDES["en"]["training.optimizer.use_averages"] is True
