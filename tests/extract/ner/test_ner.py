"""The NER adapter: chunking, graceful absence of models, shipped models on hand-written sentences."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document, Segment
from ppo_nlp.extract.ner import model as ner
from ppo_nlp.extract.ner.model import chunks, extract_ner, load_ner, spacy_model
from ppo_nlp.extract.ner.spacy_ner import load_pipeline
from ppo_nlp.paths import models_dir

SENTENCES = {
    "kk": [
        ("Қасым-Жомарт Тоқаев Мәжіліс депутаттарымен кездесті.",
         [("PERSON", "Қасым-Жомарт Тоқаев"), ("ORG", "Мәжіліс")]),
        ("Мемлекет басшысы Қасым-Жомарт Тоқаев Астанада сөз сөйледі.",
         [("PERSON", "Қасым-Жомарт Тоқаев"), ("LOC", "Астанада")]),
    ],
    "ru": [
        ("Президент Казахстана Касым-Жомарт Токаев прилетел в Москву.",
         [("PERSON", "Касым-Жомарт Токаев"), ("LOC", "Москву")]),
        ("Министр иностранных дел России Сергей Лавров провел переговоры.",
         [("PERSON", "Сергей Лавров")]),
    ],
    "en": [
        ("President Kassym-Jomart Tokayev met Vladimir Putin in Moscow on Monday.",
         [("PERSON", "Vladimir Putin"), ("LOC", "Moscow")]),
        ("Shares of Microsoft rose in New York.", [("ORG", "Microsoft"), ("LOC", "New York")]),
    ],
}


def shipped(lang: str):
    """The shipped model of `lang`, or skip."""
    if not (models_dir() / f"ner-{lang}" / "config.cfg").is_file():
        pytest.skip(f"models/ner-{lang} is not shipped")
    return load_ner(lang)


@pytest.mark.parametrize("text, limit", [
    ("a" * 25, 10), ("para one.\npara two.\npara three.", 12), ("word " * 50, 17), ("", 5), ("short", 100),
])
def test_ner_chunks_cover_text(text: str, limit: int) -> None:
    pieces = list(chunks(text, limit))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit and text[off:off + len(p)] == p for off, p in pieces)


def test_ner_chunks_cut_at_paragraphs() -> None:
    pieces = [p for _, p in chunks("first para\nsecond para\nthird", 24)]
    assert pieces[0] == "first para\nsecond para\n"


def test_ner_load_missing_model_returns_none(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PPO_NLP_MODELS", str(tmp_path))
    load_ner.cache_clear()
    try:
        assert load_ner("kk") is None
        assert extract_ner(Document("d", "s", text="Қасым-Жомарт Тоқаев", lang="kk")) == []
    finally:
        load_ner.cache_clear()


def test_ner_regions_follow_long_segments() -> None:
    text = "а" * 300 + "b" * 300 + "в" * 50
    doc = Document("d", "s", text=text, lang="ru",
                   segments=[Segment(0, 300, "ru"), Segment(300, 600, "en"), Segment(600, 650, "kk")])
    assert ner._regions(doc) == [(0, 300, "ru"), (300, 600, "en"), (600, 650, "ru")]


@pytest.mark.parametrize("lang, text, expected", [(lang, t, e) for lang, rows in SENTENCES.items() for t, e in rows])
def test_ner_predicts_hand_written(lang: str, text: str, expected: list) -> None:
    found = {(e.label, e.text) for e in shipped(lang).predict(text)}
    assert set(expected) <= found


@pytest.mark.parametrize("lang", list(SENTENCES))
def test_ner_offsets_slice_text(lang: str) -> None:
    model = shipped(lang)
    text = "\n\n".join(t for t, _ in SENTENCES[lang]) * 3
    ents = model.predict(text)
    assert ents and all(text[e.start:e.end] == e.text and e.source == f"ner:{lang}" for e in ents)
    assert all(e.label in {"PERSON", "ORG", "LOC", "POSITION", "PROJECT"} for e in ents)


def test_ner_long_text_is_chunked_with_exact_offsets() -> None:
    model = shipped("ru")
    text = ("Касым-Жомарт Токаев прилетел в Москву. " * 40 + "\n") * 30
    ents = model.predict(text)
    assert len(text) > 3 * ner.MAX_CHUNK
    assert all(text[e.start:e.end] == e.text for e in ents)
    assert any(e.start > 2 * ner.MAX_CHUNK for e in ents)


def test_ner_extract_shifts_segment_offsets() -> None:
    shipped("ru"), shipped("en")
    ru = "Президент Казахстана Касым-Жомарт Токаев прилетел в Москву. " * 4
    en = "President Kassym-Jomart Tokayev met Vladimir Putin in Moscow on Monday. " * 4
    doc = Document("d", "s", text=ru + en, lang="ru",
                   segments=[Segment(0, len(ru), "ru"), Segment(len(ru), len(ru) + len(en), "en")])
    ents = extract_ner(doc)
    assert {e.source for e in ents} == {"ner:ru", "ner:en"}
    assert all(doc.text[e.start:e.end] == e.text for e in ents)


def test_ner_ru_hybrid_uses_slovnet(monkeypatch) -> None:
    shipped("ru")
    if ner.natasha_data() is None:
        pytest.skip("natasha/slovnet/navec are not installed")
    monkeypatch.setenv(ner.RU_BACKEND_ENV, "hybrid")
    load_ner.cache_clear()
    try:
        text = "Президент Казахстана Касым-Жомарт Токаев прилетел в Москву на переговоры с Газпромом."
        ents = load_ner("ru").predict(text)
        assert {e.source for e in ents if e.label == "PERSON"} == {"ner:ru-natasha"}
        assert all(text[e.start:e.end] == e.text for e in ents)
    finally:
        load_ner.cache_clear()


TOKENIZER_SAMPLES = [
    "Секретарь ППО «Нұр Отан» т.е. Тамара Дуйсенова (г. Астана) — 56 тыс. членов, 12.05.2023 в 10:00!",
    "Партияның 2023 ж. 12 мамырдағы БПҰ төрағасы А.Б. Сейітқали-ұлы, т.б. «AMANAT» e-mail@kz.kz.",
    "Mr. O'Neill's U.S.-based co-op didn't pay $5.2bn (i.e. 4,500 items) on Jan. 3rd, 2022...",
]


@pytest.mark.parametrize("lang", ner.LANGS)
@pytest.mark.parametrize("text", TOKENIZER_SAMPLES)
def test_saved_tokenizer_is_the_default_one(lang, text):
    """`load_ner` rebuilds the tokenizer from the language defaults instead of reading it back."""
    import spacy

    shipped(lang)
    path = models_dir() / f"ner-{lang}"
    rebuilt = spacy_model(lang).nlp.tokenizer  # first: it registers a language spaCy lacks (kk)
    saved = spacy.load(path, exclude=["ner", "tok2vec"]).tokenizer
    assert [t.text for t in saved(text)] == [t.text for t in rebuilt(text)]


@pytest.mark.parametrize("lang", ner.LANGS)
def test_trimmed_lexeme_attrs_keep_what_the_model_reads(lang):
    """`load_ner` computes fewer lexical attributes per new word; those the model reads stay the same."""
    import spacy
    from spacy.attrs import IS_SPACE, NORM, ORTH, PREFIX, SHAPE, SUFFIX

    shipped(lang)
    trimmed = spacy_model(lang).nlp  # first: it registers a language spaCy lacks (kk)
    full = spacy.load(models_dir() / f"ner-{lang}", exclude=["ner", "tok2vec"])
    assert len(trimmed.vocab.lex_attr_getters) < len(full.vocab.lex_attr_getters)
    attrs = [ORTH, NORM, PREFIX, SUFFIX, SHAPE, IS_SPACE]
    for text in TOKENIZER_SAMPLES + ["  \n\n UPPER lower Title 12,5 %  ", "Ӛ ӛ Ә ә ЁЛКА ёлка"]:
        assert (trimmed.make_doc(text).to_array(attrs) == full.make_doc(text).to_array(attrs)).all()


def test_vocabulary_is_bounded_by_reloading(monkeypatch):
    """Past VOCAB_LIMIT words the model reloads its saved vocabulary; predictions do not change."""
    shipped("en")
    model = ner.NerModel("en", load_pipeline(models_dir() / "ner-en", ner.VOCAB_LIMIT))
    texts = [text for text, _ in SENTENCES["en"]]
    expected = model.predict_many(texts)
    monkeypatch.setattr(ner, "VOCAB_LIMIT", 5)
    before = model.nlp
    assert model.predict_many(texts) == expected
    assert model.nlp is not before and len(model.nlp.vocab) == 0


def test_blas_runs_one_thread_after_loading():
    """The NER's small matrix products must not spread over BLAS threads (they only wait on each other)."""
    from threadpoolctl import threadpool_info

    shipped("en")
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


@pytest.mark.parametrize("text", ["Партия «Аманат»  провела съезд.\n\nЁлка  ", "A  b\tc. Дж. Смит,  ", "x"])
def test_char_spans_are_the_spans_offsets(text):
    import spacy

    from ppo_nlp.extract.ner.model import char_spans

    doc = spacy.blank("ru").make_doc(text)
    found = [(s, e, "ORG") for s in range(len(doc)) for e in range(s + 1, len(doc) + 1)]
    assert char_spans(doc, found) == [(doc[s:e].start_char, doc[s:e].end_char, "ORG") for s, e, _ in found]
    assert char_spans(doc, []) == []
