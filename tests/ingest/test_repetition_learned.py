"""Furniture learned from repetition: recurring lines per site or folder, deterministic, body kept."""
from __future__ import annotations

import random

import pytest

from ppo_nlp.ingest import RawDoc, clean
from ppo_nlp.ingest.repetition import (META_KEY, Learned, RepetitionOptions, fingerprint, group_of, learn,
                                       learn_raws, mark)

HEADER = ["Аудандық газеттің ресми сайты", "Жаңалықтар мұрағаты"]
FOOTER = ["Редакцияның мекенжайы: Орталық көшесі, 5", "Барлық материалдар тек сілтемемен"]
BODIES = [
    ["Аудандық филиалда бастауыш партия ұйымдарының жиыны өтті.", "Жиынға 40-тан астам төраға қатысты."],
    ["Ауылдық округте партия мүшелерімен кездесу болды.", "Кездесуде жастардың мәселелері талқыланды."],
    ["Партияның қоғамдық қабылдауына 12 өтініш түсті.", "Өтініштердің бәрі қаралып, жауап берілді."],
    ["Мәслихат депутаттары тұрғындармен кездесті.", "Кездесу аудан орталығында өтті."],
    ["Партия жобасы аясында мектепке кітаптар берілді.", "Акцияға еріктілер де қатысты."],
]


def _site_docs(folder: str = "site") -> list[tuple[str, str]]:
    return [(f"{folder}/{i}.txt", "\n".join(HEADER + body + FOOTER)) for i, body in enumerate(BODIES)]


@pytest.mark.parametrize("line", HEADER + FOOTER)
def test_repetition_recurring_lines_learned(line):
    assert fingerprint(line) in learn(_site_docs())["site"]


@pytest.mark.parametrize("line", [line for body in BODIES for line in body])
def test_repetition_body_lines_not_learned(line):
    assert fingerprint(line) not in learn(_site_docs())["site"]


@pytest.mark.parametrize("docs, learned_groups", [
    (_site_docs()[:3], set()),  # a group smaller than min_group learns nothing
    (_site_docs("a") + _site_docs("b"), {"a", "b"}),
    (_site_docs("a")[:2] + _site_docs("b")[:2], set()),  # two folders of two: nothing recurs within a group
])
def test_repetition_groups_learn_alone(docs, learned_groups):
    assert {group for group, fps in learn(docs).items() if fps} == learned_groups


@pytest.mark.parametrize("share, min_docs, learned", [(0.25, 3, True), (0.9, 3, False), (0.25, 6, False)])
def test_repetition_thresholds(share, min_docs, learned):
    docs = _site_docs()
    docs[0] = (docs[0][0], "\n".join(BODIES[0]))  # the header recurs in 4 of 5 documents
    found = learn(docs, RepetitionOptions(min_docs=min_docs, min_share=share))["site"]
    assert (fingerprint(HEADER[0]) in found) is learned


def test_repetition_order_free():
    docs = _site_docs("a") + _site_docs("b")
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    assert learn(docs) == learn(shuffled)


@pytest.mark.parametrize("doc_id, meta, group", [
    ("news/2021/a.txt", None, "news/2021"),
    ("a.txt", None, ""),
    ("dump.zip!/site/x.html", None, "dump.zip!/site"),
    ("a.json#3", {"url": "https://www.Example.kz/news/1"}, "site:example.kz"),
    ("a.json#3", {"url": "not a url"}, ""),
])
def test_repetition_group_of(doc_id, meta, group):
    assert group_of(doc_id, meta) == group


@pytest.mark.parametrize("a, b, same", [
    ("Барлық материалдар тек сілтемемен", "  БАРЛЫҚ материалдар  тек сілтемемен. ", True),
    ("Барлық материалдар тек сілтемемен", "Барлық материалдар сілтемемен", False),
])
def test_repetition_fingerprint_folds(a, b, same):
    assert (fingerprint(a) == fingerprint(b)) is same


def test_repetition_cleaner_drops_learned_lines_keeps_body():
    learned = learn(_site_docs())["site"]
    for _, text in _site_docs():
        result = clean(text, "text", {}, repeated=learned)
        assert not any(line in result.text for line in HEADER + FOOTER)
        assert all(line in result.text.split("\n") for body in BODIES for line in body if line in text)


def test_repetition_duplicated_article_keeps_its_body():
    """Five copies of one article in a folder: its sentences recur, but the body stays."""
    docs = [(f"dup/{i}.txt", "\n".join(HEADER + BODIES[0] + FOOTER)) for i in range(5)]
    learned = learn(docs)["dup"]
    result = clean(docs[0][1], "text", {}, repeated=learned)
    assert result.text.split("\n")[-2:] == BODIES[0] and HEADER[1] not in result.text


def test_repetition_marks_raw_docs_for_the_cleaner():
    raws = [RawDoc(doc_id, doc_id, text) for doc_id, text in _site_docs()]
    raws.append(RawDoc("site/bad.txt", "site/bad.txt", None, error=None))
    learned = learn_raws(raws)
    marked = list(mark(raws, learned))
    assert [r.id for r in marked] == [r.id for r in raws]
    assert all(META_KEY in r.meta for r in marked[:5]) and META_KEY not in raws[0].meta
    assert HEADER[0] not in clean(marked[0].text, "text", marked[0].meta).text


def test_repetition_nothing_learned_changes_nothing():
    raws = [RawDoc("x.txt", "x.txt", "\n".join(BODIES[0]))]
    assert list(mark(raws, Learned())) == raws


def test_repetition_batch_run_drops_site_furniture(tmp_path):
    from ppo_nlp.batch import run
    from ppo_nlp.pipeline import Options

    for doc_id, text in _site_docs("news"):
        (tmp_path / doc_id).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / doc_id).write_text(text, encoding="utf-8")
    records = list(run([str(tmp_path)], Options(ner=False)))
    assert len(records) == len(BODIES)
    for record in records:
        assert not any(line in record["text"] for line in HEADER + FOOTER)
        assert any(body[0] in record["text"] for body in BODIES)
