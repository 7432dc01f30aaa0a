"""The lazily built langdetect profiles answer exactly as langdetect's own `load_profile`."""
from __future__ import annotations

import pytest
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from ppo_nlp.lang.profiles import load_factory

TEXTS = [
    "Esta es una frase en español para probar la detección del idioma.",
    "Dies ist ein deutscher Satz über die Sitzung der Partei in Astana.",
    "Це українське речення про засідання партії у місті.",
    "Това е българско изречение за заседанието на партията.",
    "Бастауыш партия ұйымдарының форумы өтіп жатыр.",
    "Partiya yig'ilishi bo'lib o'tdi va unda ko'plab a'zolar qatnashdi.",
    "这是一个关于党的会议的中文句子。",
    "هذه جملة عربية عن اجتماع الحزب.",
    "The party held a forum of primary organizations in Shymkent.",
    "Он опубликовал [https://www.youtube.com/watch?v=x отрывок] на сайте",
    "a",
]


@pytest.fixture(scope="module")
def factories():
    stock = DetectorFactory()
    stock.load_profile(PROFILES_DIRECTORY)
    return stock, load_factory(PROFILES_DIRECTORY)


def test_profiles_same_languages_and_ngrams(factories):
    stock, lazy = factories
    assert lazy.langlist == stock.langlist
    assert len(lazy.word_lang_prob_map) == len(stock.word_lang_prob_map)
    assert all(word in lazy.word_lang_prob_map for word in stock.word_lang_prob_map)
    assert "not an n-gram" not in lazy.word_lang_prob_map


def test_profiles_every_row_equal(factories):
    stock, lazy = factories
    assert all(lazy.word_lang_prob_map[w] == row for w, row in stock.word_lang_prob_map.items())


def test_profiles_unknown_ngram_raises(factories):
    with pytest.raises(KeyError):
        factories[1].word_lang_prob_map["not an n-gram"]


@pytest.mark.parametrize("text", TEXTS)
def test_profiles_same_probabilities(factories, text):
    def probabilities(factory):
        detector = factory.create()
        detector.seed = 0
        detector.append(text)
        return [(p.lang, p.prob) for p in detector.get_probabilities()]

    assert probabilities(factories[1]) == probabilities(factories[0])
