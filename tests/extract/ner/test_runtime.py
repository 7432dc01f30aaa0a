"""The numpy NER runtime finds spaCy's entities on the shipped models, without importing spaCy or thinc."""
from __future__ import annotations

import json
import logging
import subprocess
import sys

import numpy as np
import pytest

from ppo_nlp.extract.ner import model as ner
from ppo_nlp.extract.ner import runtime
from ppo_nlp.extract.ner.decode import Moves
from ppo_nlp.extract.ner.lexemes import norm
from ppo_nlp.extract.ner.model import load_ner, spacy_model
from ppo_nlp.paths import models_dir

SENTENCES = {
    "ru": ["Председатель партии «AMANAT» Ерлан Кошанов встретился с акимом Алматы.",
           "В т.ч. депутаты Мажилиса (вед. науч. сотр. института) обсудили проект «Мектеп» — 12,5 млрд тенге.",
           "Касым-Жомарт Токаев прилетел в Москву.\n\nСергей Лавров провел переговоры в МИД России.",
           "  \n\t", "Астана", "Посетите https://amanat.kz/ru или напишите на info@amanat.kz!"],
    "kk": ["Қасым-Жомарт Тоқаев Мәжіліс депутаттарымен кездесті.",
           "«AMANAT» партиясының Ақмола облыстық филиалы 2023 ж. 12 мамырда жиын өткізді.",
           "Нұр-Сұлтан қ. әкімі т.б. басшылар қатысты.\n\nБПҰ төрағасы сөз сөйледі."],
    "en": ["President Kassym-Jomart Tokayev met Vladimir Putin in Moscow on Monday.",
           "Mr. O'Neill's U.S.-based co-op didn't pay $5.2bn to the Ministry of Finance.",
           "The AMANAT party held a congress in Astana.\n\nIt's the party's 20th year."],
}


def _shipped(lang: str) -> None:
    if not (models_dir() / f"ner-{lang}" / "config.cfg").is_file():
        pytest.skip(f"models/ner-{lang} is not shipped")


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("batch", [1, 4])
def test_runtime_entities_equal_spacys(lang: str, batch: int) -> None:
    _shipped(lang)
    model = load_ner(lang)
    assert isinstance(model.nlp, runtime.NumpyNer)
    texts = SENTENCES[lang] + ["\n\n".join(SENTENCES[lang]) * 3]
    expected = spacy_model(lang).predict_many(texts, batch)
    assert model.predict_many(texts, batch) == expected and sum(map(len, expected)) > 5


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_runtime_embed_rows_equal_thincs(lang: str) -> None:
    from ppo_nlp.extract.ner.wordrows import split_tok2vec

    _shipped(lang)
    nlp, ours = spacy_model(lang).nlp, load_ner(lang).nlp
    embed = split_tok2vec(nlp.get_pipe("tok2vec").model)[0]
    text = " ".join(SENTENCES[lang])
    doc = nlp.make_doc(text)
    words = [(t.text, t.norm_) for t in doc]
    assert [w for w, _ in words] == ours.tokenizer(text).orths
    assert np.array_equal(ours.embed.compute(words), embed.predict([doc])[0])


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("count", [1, 3, 100, 0])
def test_runtime_joined_tables_give_the_rows_of_the_tables_one_by_one(lang: str, count: int) -> None:
    _shipped(lang)
    embed = load_ner(lang).nlp.embed
    doc = load_ner(lang).nlp.tokenizer(" ".join(SENTENCES[lang]) + " Ӓ ǅ 12,5 ‹x›")
    words = list(dict.fromkeys(zip(doc.orths, doc.norms)))[:count or None]
    separate = runtime.WordEmbed(embed.lexemes, embed.tables, embed.static, embed.mixer)
    separate.joined = None  # each table read on its own, the parts side by side (`np.hstack`)
    assert embed.joined is not None and embed.compute(words).tobytes() == separate.compute(words).tobytes()


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_runtime_static_vector_rows_are_key2rows(lang: str) -> None:
    _shipped(lang)
    static = load_ner(lang).nlp.embed.static
    if static is None:
        pytest.skip(f"ner-{lang} has no static vectors")
    key2row = runtime.unpack((models_dir() / f"ner-{lang}" / "vocab" / "key2row").read_bytes())
    edges = [0, 1, 2**64 - 1, min(key2row) - 1, max(key2row) + 1, 12345678901234567]
    ids = list(key2row)[::7] + [i for i in edges if 0 <= i < 2**64]
    got = static.rows_of(np.array(ids, dtype=np.uint64))
    assert got.dtype == np.intc and got.tolist() == [key2row.get(i, -1) for i in ids]


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_runtime_moves_are_spacys(lang: str) -> None:
    _shipped(lang)
    moves = spacy_model(lang).nlp.get_pipe("ner").moves
    saved = runtime.unpack((models_dir() / f"ner-{lang}" / "ner" / "moves").read_bytes())
    expected = tuple(moves.get_class_name(i) for i in range(moves.n_moves))
    assert Moves.from_labels(json.loads(saved["moves"])).names == expected


@pytest.mark.parametrize("labels, expected", [
    ({"1": {"A": 2, "B": 5}, "5": {"": 1}}, ("B-B", "B-A", "O")),
    ({"4": {"X": 1, "Y": 1, "": 1}, "0": {}}, ("U-Y", "U-X", "U-")),
    ({"1": {"A": 3, "N": -1}, "3": {"A": 3}}, ("B-A", "L-A", "B-N")),
])
def test_runtime_moves_order(labels: dict, expected: tuple) -> None:
    assert Moves.from_labels(labels).names == expected


@pytest.mark.parametrize("texts", [["Astana", "Moscow London", "Astana Paris", "Berlin Rome Oslo", "Astana"],
                                   ["a b c d e f", "a", "b c"], ["", "Astana", ""]])
def test_runtime_word_rows_stay_bounded(texts: list[str]) -> None:
    _shipped("en")
    ours = load_ner("en").nlp
    small = runtime.WordEmbed(ours.embed.lexemes, ours.embed.tables, ours.embed.static, ours.embed.mixer, limit=4)
    for text in texts * 2:
        doc = ours.tokenizer(text)
        rows = small.rows([doc])[0]
        assert len(small.index) <= 4 and (small.table is None or small.table.shape[0] <= 4)
        words = [(o, norm(o, ours.embed.lexemes.base)) for o in doc.orths]
        # the same rows up to BLAS rounding: a product's last bits depend on how many rows it is given
        assert rows.shape == (len(words), small.width)
        assert not words or np.allclose(rows, ours.embed.compute(words), rtol=1e-5, atol=1e-6)


def test_runtime_other_architectures_load_with_spacy(monkeypatch, caplog) -> None:
    _shipped("en")
    monkeypatch.setitem(runtime.ARCHITECTURES, "components.tok2vec.model", "spacy.Tok2Vec.v9")
    load_ner.cache_clear()
    try:
        with caplog.at_level(logging.INFO, logger=runtime.__name__):
            model = load_ner("en")
        assert not isinstance(model.nlp, runtime.NumpyNer) and "runs on spaCy" in caplog.text
        assert model.predict_many(SENTENCES["en"]) == spacy_model("en").predict_many(SENTENCES["en"])
    finally:
        load_ner.cache_clear()


@pytest.mark.parametrize("section, key, value", [
    ("nlp", "pipeline", '["tok2vec", "ner", "parser"]'), ("components.ner.model", "use_upper", "false"),
    ("components.tok2vec.model.encode", "window_size", "2"), ("nlp.tokenizer", "@tokenizers", '"custom.v1"'),
])
def test_runtime_unsupported_configs(section: str, key: str, value: str) -> None:
    _shipped("en")
    config = runtime.read_config(models_dir() / "ner-en")
    assert runtime.unsupported(config) is None
    config[section][key] = value
    assert runtime.unsupported(config)


def test_runtime_load_and_extraction_import_neither_spacy_thinc_nor_torch() -> None:
    _shipped("ru")
    code = ("import sys, ppo_nlp\n"
            "nlp = ppo_nlp.load().warm()\n"
            f"for rows in {json.dumps(SENTENCES, ensure_ascii=True)}.values():\n"
            "    [nlp(t) for t in rows]\n"
            "found = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'torch'))\n"
            "assert not found, found\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_runtime_backend_env_selects_spacy(monkeypatch) -> None:
    _shipped("en")
    monkeypatch.setenv(ner.BACKEND_ENV, "spacy")
    load_ner.cache_clear()
    try:
        assert not isinstance(load_ner("en").nlp, runtime.NumpyNer)
    finally:
        load_ner.cache_clear()
