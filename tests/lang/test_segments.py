"""segment_languages: contiguous passages, Kazakh passages inside Russian text, names that do not split."""
from __future__ import annotations

import pytest

from ppo_nlp.lang import segment_languages
from ppo_nlp.lang.features import letter_counts

RU_PARA = ("В Шымкенте состоялся первый региональный форум первичных партийных организаций. "
           "В нем приняли участие более 250 человек.")
KK_PARA = ("Қонаев қаласында екі күндік форумға өңірдің 150-ден астам бастауыш ұйым төрағасы қатысуда. "
           "Бастауыш ұйымдар – партияның берік тірегі.")


def langs(text, doc_lang=None):
    return [(text[s.start:s.end].strip()[:12], s.lang) for s in segment_languages(text, doc_lang)]


def assert_contiguous(text, segments):
    assert segments[0].start == 0 and segments[-1].end == len(text)
    for a, b in zip(segments, segments[1:]):
        assert a.end == b.start and a.lang != b.lang
    assert all(s.start < s.end for s in segments)


@pytest.mark.parametrize("text", [
    RU_PARA, KK_PARA, RU_PARA + "\n\n" + KK_PARA + "\n\n" + RU_PARA, "\n\n  x \n", "12 34\n56", "а" * 300_000,
    "1 " * 60_000, "Первое. Второе! Третье?\n\nQuatre. Five six seven eight nine ten eleven twelve.",
])
def test_segments_cover_text_without_gaps(text):
    assert_contiguous(text, segment_languages(text))


def test_segments_empty_text():
    assert segment_languages("") == []


def test_segments_kazakh_paragraph_inside_russian_article():
    text = RU_PARA + "\n\n" + KK_PARA + "\n\n" + RU_PARA
    segs = segment_languages(text, "ru")
    assert [s.lang for s in segs] == ["ru", "kk", "ru"]
    assert text[segs[1].start:segs[1].end].strip() == KK_PARA


@pytest.mark.parametrize("sentence", [
    "Партия «Нұр Отан» провела отчетно-выборные собрания в районе.",
    "В области стартовал проект «Қарызсыз қоғам» для жителей села.",
    "С приветственным словом выступила Жангүл Оразалиева, депутат маслихата.",
    "Об этом сообщил аким Бұқар жырау ауданы на встрече с жителями.",
])
def test_segments_kazakh_names_do_not_split_russian_sentence(sentence):
    text = RU_PARA + " " + sentence + " " + RU_PARA
    assert [s.lang for s in segment_languages(text, "ru")] == ["ru"]
    assert [s.lang for s in segment_languages(sentence)] == ["ru"]


def test_segments_russian_name_does_not_split_kazakh_sentence():
    text = KK_PARA + " Форумда «Общество без долгов» жобасы талқыланды. " + KK_PARA
    assert [s.lang for s in segment_languages(text, "kk")] == ["kk"]


def test_segments_kazakh_header_on_russian_page(seed_paths):
    path = next(p for p in seed_paths if p.name.startswith("002"))
    text = path.read_text(encoding="utf-8")
    segs = segment_languages(text, "ru")
    header = text.index("БҰҚАР ЖЫРАУ")
    assert next(s for s in segs if s.start <= header < s.end).lang == "kk"
    assert segs[-1].lang == "ru" and sum(s.end - s.start for s in segs if s.lang == "ru") > 0.9 * len(text)


def test_segments_short_lines_inherit_document_language():
    text = "Новости района\n\nПн Вт Ср Чт Пт Сб Вс\n\n" + RU_PARA + "\n12:01\nOK\n" + RU_PARA
    assert [s.lang for s in segment_languages(text, "ru")] == ["ru"]


@pytest.mark.parametrize("name,lang", [("000", "ru"), ("001", "ru"), ("003", "ru"), ("004", "kk")])
def test_segments_seed_articles_are_mostly_their_language(seed_paths, name, lang):
    text = next(p for p in seed_paths if p.name.startswith(name)).read_text(encoding="utf-8")
    segs = segment_languages(text)
    assert_contiguous(text, segs)
    assert sum(s.end - s.start for s in segs if s.lang == lang) > 0.95 * len(text)


def test_segments_use_given_document_language_for_undecided_text():
    assert [s.lang for s in segment_languages("12:01 — 4577", "kk")] == ["kk"]
    assert [s.lang for s in segment_languages("12:01 — 4577")] == ["und"]


@pytest.mark.parametrize("texts", [
    [], [""], ["abc", "", "Ꙁ12"], ["𝐀𝐁c1", "\ud800x", "ǅ ǈ", "кó́", "٣ ⅷ ①"], ["Қонаев", "Nur Otan", "2023"],
    [chr(cp) for cp in range(0x2F0, 0x3A0)],
])
def test_segments_letter_counts_equal_isalpha(texts):
    assert letter_counts(texts) == [sum(ch.isalpha() for ch in t) for t in texts]


def test_segments_letter_counts_whole_code_space():
    chunk = 4099
    text = "".join(map(chr, range(0x110000)))
    chunks = [text[i:i + chunk] for i in range(0, len(text), chunk)]
    assert letter_counts(chunks) == [sum(ch.isalpha() for ch in t) for t in chunks]
