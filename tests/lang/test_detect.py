"""detect_language: ru/kk/en, short strings, other languages and `und`, with the shipped model."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import LangResult
from ppo_nlp.lang import detect_file, detect_language, detect_languages
from ppo_nlp.lang.detect import Scored
from ppo_nlp.lang.features import letter_counts, script_table

RU = [
    "Открыла работу форума Секретарь партии Тамара Дуйсенова.",
    "В рамках модернизации партии «Нұр Отан» в Шымкенте прошёл форум.",
    "Об этом сообщила Жангүл Оразалиева на заседании бюро.",
    "Проект «Қарызсыз қоғам» стартовал в Жамбылской области.",
    "Новости района",
    "АКТИВИЗИРОВАТЬ РАБОТУ ППО ЧЕРЕЗ МЕСТНЫХ АКИМОВ",
    "Nur Otan провел комплексный анализ работы партии",
]
KK = [
    "Бастауыш партия ұйымдарының форумы өтіп жатыр.",
    "Қонаев қаласында екі күндік форумға өңірдің 150-ден астам бастауыш ұйым төрағасы қатысуда.",
    "БҰҚАР ЖЫРАУ АУДАНЫ ӘКІМДІГІНІҢ",
    "АҚПАРАТТЫҚ ПОРТАЛЫ",
    "Партия мүшелері жиналды",
    "Елбасының еңбек жолы — ел дамуының жылнамасы.",
]
EN = [
    "The party held a forum of primary organizations in Shymkent.",
    "Nigeria police kill six robbery suspects.",
    "HORSE RACING - NUNTHORPE STAKES RESULTS.",
    "Amanat party congress",
    "It covers the stretch between Gothenburg and Karesuando via Trollhättan.",
]
OTHER = [
    ("Київ є столицею України, і це відомо всім.", "uk"),
    ("Він пішов додому після роботи ввечері.", "uk"),
    ("Президентът на България посети днес съседната държава.", "bg"),
    ("Кыргыз Республикасынын Президенти бүгүн өлкөнүн түштүгүндө жүргөн курулуштарды көрдү.", "ky"),
    ("Ўзбекистон Республикаси Президенти фармон имзолади.", "uz"),
    ("Oʻzbekiston Respublikasi Prezidenti yangi farmonni imzoladi.", "uz"),
    ("Казанда татар телендә җыелыш үтте.", "tt"),
    ("Türkiye Cumhuriyeti'nin başkenti Ankara şehridir ve çok güzeldir.", "tr"),
    ("Die Bundesregierung hat heute neue Maßnahmen für die Wirtschaft beschlossen.", "de"),
    ("Das ist ein schöner Tag in Berlin und wir gehen heute spazieren.", "de"),
    ("北京是中国的首都。", "zh"),
    ("مرحبا بكم في موقعنا الإخباري", "ar"),
]
UND = ["", "   ", "12:01 — 4577", "!!!", "100%200%", "1 " * 500, "😀😀"]


@pytest.mark.parametrize("text", RU)
def test_detect_russian(text):
    assert detect_language(text).lang == "ru"


@pytest.mark.parametrize("text", KK)
def test_detect_kazakh(text):
    assert detect_language(text).lang == "kk"


@pytest.mark.parametrize("text", EN)
def test_detect_english(text):
    assert detect_language(text).lang == "en"


@pytest.mark.parametrize("text,lang", OTHER)
def test_detect_other_languages_are_not_forced_into_ru_kk_en(text, lang):
    assert detect_language(text).lang == lang


@pytest.mark.parametrize("text", UND)
def test_detect_no_letters_is_und(text):
    assert detect_language(text) == LangResult("und", 0.0)


@pytest.mark.parametrize("text", RU + KK + EN + [t for t, _ in OTHER])
def test_detect_score_in_unit_interval(text):
    assert 0.0 < detect_language(text).score <= 1.0


def test_detect_is_deterministic():
    texts = RU + KK + EN + [t for t, _ in OTHER]
    assert detect_languages(texts) == detect_languages(texts) == [detect_language(t) for t in texts]


@pytest.mark.parametrize("text,lang", [
    ("а" * 300_000, "ru"), ("1 " * 60_000, "und"), ("Қ" * 100_000, "kk"), ("the party " * 30_000, "en")])
def test_detect_hostile_input(text, lang):
    assert detect_language(text).lang == lang


def test_detect_long_document_uses_a_sample():
    text = ("Бастауыш партия ұйымдарының форумы өтіп жатыр. " * 2000
            + "Форум первичных организаций прошёл в Шымкенте. " * 200)
    assert detect_language(text).lang == "kk"


def test_detect_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Партия мүшелері жиналды. Бастауыш ұйымдар жұмыс істеп отыр.", encoding="utf-8")
    assert detect_file(path).lang == "kk"


def test_detect_seed_articles(seed_paths):
    langs = {p.name[:3]: detect_language(p.read_text(encoding="utf-8")).lang for p in seed_paths}
    assert langs == {"000": "ru", "001": "ru", "002": "ru", "003": "ru", "004": "kk"}


@pytest.mark.parametrize("lang", ["ru", "kk", "en", ""])
@pytest.mark.parametrize("batch", [True, False])
def test_scored_leaves_out_only_what_decide_calls_so(lang, batch):
    texts = RU + KK + EN + [t for t, _ in OTHER] + ["Подъезд объявили закрытым на ремонт до осени.", "Σ и ς"]
    for group in (texts, texts[:1]):
        full = detect_languages(group, batch=batch)
        scored = Scored(group, batch=batch)
        besides = scored.results(list(range(len(group))), lang)
        assert [r for r in besides if r is not None] == [f for f, r in zip(full, besides) if r is not None]
        assert all(f.lang == lang for f, r in zip(full, besides) if r is None)
        assert lang in ("ru", "kk") or None not in besides
        assert scored.letters() == letter_counts(group)


@pytest.mark.parametrize("texts", [["Ünïcode İstanbul ΣΑΣ", "ǅemal ﬁnal", "a" * 6000], ["𝐀𝐁 abc"], []])
def test_scored_letters_are_letter_counts(texts):
    assert Scored(texts, batch=True).letters() == letter_counts(texts)


def test_scored_letters_lower_casing_keeps_letters():
    """`Scored.letters` reads the model's counts of the lower-cased text: every BMP character has as many
    letters (by `script_table`) as its lower case."""
    table = script_table()
    for cp in range(0x10000):
        lowered = chr(cp).lower()
        assert (table[cp] != 0) == sum(int(table[ord(x)] != 0) for x in lowered), hex(cp)
