"""The tune / held-out split of the NER dev sets (`scripts/ner_eval.py`) and the benchmark's summary table."""
from __future__ import annotations

import hashlib
import sys

import pytest

from ppo_nlp.paths import REPO_DIR

sys.path.insert(0, str(REPO_DIR / "scripts"))
sys.path.insert(0, str(REPO_DIR / "benchmarks"))
from ner_data import Sample  # noqa: E402
from ner_eval import PARTS, part_of, split_parts  # noqa: E402
from ner import summary  # noqa: E402


def _parity_part(key: str) -> str:
    return "held-out" if hashlib.sha1(key.encode("utf-8")).digest()[-1] % 2 else "tune"


@pytest.mark.parametrize("doc_id, text", [
    ("book_100", "Первый абзац."), ("book_100", "Второй абзац того же документа."),
    ("", "A sentence without a document."), ("", "Другое предложение без документа."),
    ("nerel_0042", ""),
])
def test_part_of_is_the_sha1_parity_of_the_document_or_the_text(doc_id: str, text: str) -> None:
    assert part_of(Sample(text, [], doc_id=doc_id)) == _parity_part(doc_id or text)


def test_a_document_never_straddles_the_parts() -> None:
    samples = [Sample(f"абзац {i}", [], doc_id=f"doc{i % 7}") for i in range(70)]
    parts = split_parts(samples)
    assert set(parts) == set(PARTS) and sum(map(len, parts.values())) == 70
    for doc in {s.doc_id for s in samples}:
        assert len({part for part, some in parts.items() if any(s.doc_id == doc for s in some)}) == 1


def test_summary_lines_up_each_system_per_dev_set_and_part() -> None:
    results = {"ru/nerel-dev/ours": {"micro": {"f": 0.8}},
               "ru/nerel-dev/natasha (PER/ORG/LOC)": {"micro": {"f": 0.7}},
               "ru/nerel-dev[held-out]/ours": {"micro": {"f": 0.81}}}
    assert summary(results).splitlines() == [
        "| dev set [part] | ours | natasha (PER/ORG/LOC) |", "|---|---|---|",
        "| ru/nerel-dev | 0.800 | 0.700 |", "| ru/nerel-dev[held-out] | 0.810 | — |"]
