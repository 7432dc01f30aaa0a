"""Word-level tests of the name finder that skip pymorphy3 give what reading the parses gives."""
import pytest

from ppo_nlp.extract.officials.name_words import latin_word
from ppo_nlp.normalize.names import parses


@pytest.mark.parametrize("word, latin", [
    ("Karin", True), ("new", True), ("XIV", True), ("Z", True), ("ii", True),
    ("Ерлан", False), ("Nur-Otan", False), ("G20", False), ("O'Neil", False), ("Қазақ", False),
])
def test_latin_word_has_no_name_or_dictionary_reading(word, latin):
    assert latin_word(word) is latin
    if latin:
        readings = parses(word)
        assert readings and not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in readings)
        assert not any(type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" for p in readings)
