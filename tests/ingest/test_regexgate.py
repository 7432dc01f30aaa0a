import itertools

import pytest
import regex

from ppo_nlp.ingest.furniture import REGEX_FLAGS, load_lists
from ppo_nlp.ingest.regexgate import leading_gate, required_gate

COPYRIGHT = r".{0,80}(?:©|\(c\)|copyright)\s*©?\s*(?:19|20)\d\d.{0,200}"


@pytest.mark.parametrize("pattern", [r"(?:©|\(c\))\s*\d+", r".{0,80}(?:a|b.)x", r".{0,80}(?:ß|x)y", r"\s+.{0,5}"])
def test_regexgate_no_gate(pattern):
    assert leading_gate(pattern, REGEX_FLAGS) is None


@pytest.mark.parametrize("line, expected", [
    ("Все права защищены", False), ("Main news of the day", False), ("© 2015 Сайт", True),
    ("COPYRIGHT 2015 Foo", True), ("Copyrİght 2015 Foo", True), ("(C) 2020 x", True), ("Сopyright", False),
])
def test_regexgate_may_match(line, expected):
    assert leading_gate(COPYRIGHT, REGEX_FLAGS).may_match(line) is expected
    assert not regex.fullmatch(COPYRIGHT, line, REGEX_FLAGS) or expected


def test_regexgate_twins_cover_every_code_point():
    """Every character the engine matches with a gated letter either lowers to it or is a twin."""
    gate = load_lists().gate
    letters = set("".join(gate.literals))
    every = "".join(map(chr, itertools.chain(range(0xD800), range(0xE000, 0x110000))))
    for x in letters:
        hidden = {c for c in regex.findall(regex.escape(x), every, REGEX_FLAGS) if c.lower() != x}
        assert hidden <= set(gate.twins), x


@pytest.mark.parametrize("pattern, literals", [
    (r"(?:пишет|сообщает)\s+.", ("пишет", "сообщает")),
    (r"деп\s+(?:жазады|айтты)", ("айтты", "жазады")),
    (r"(?:reports?|according\s+to|told)\s+X", ("according", "report", "told")),
    (r"(?:по\s+(?:данным|информации)|со\s+ссылкой\s+на)", ("данным", "информации", "ссылкой")),
    (r"(?:a\)b|c)x", ("a)b", "c")),
    (r"(?:a(?:b|c)|d)e", ("a", "d")),
    (r"ab{0,2}c", ("a",)), (r"ab+cd", ("ab",)), (r"x{0,2}yy", ("yy",)), (r"(?:x|y)?z", ("z",)),
    (r"\.kz", (".kz",)), (r"\p{Lu}abc", ("abc",)), (r"(?=abc)d", ("d",)), (r"(?-i:The)\s+x", ("the",)),
    (r"(?:[|)]x|y)z", ("x", "y")), (r"a[^()\n]+bc", ("bc",)), (r"[]a]bc", ("bc",)), (r"\[x\]y", ("[x]y",)),
    (r"a|\d", None), (r"[\p{Cc}--[\n\t]]x", None), (r"ab[cd", None), (r"\s+", None), (r"(?:ab|\d+)?c*", None), (r"(?:ß|x)y", None),
    (r"(?x)ab # cd", None),
])
def test_regexgate_required_gate(pattern, literals):
    gate = required_gate(pattern, REGEX_FLAGS)
    assert (gate and gate.literals) == literals
    assert required_gate(pattern, regex.V1) is None  # case-sensitive patterns are not gated


LINES = ["Как сообщает корреспондент Kazinform, в городе прошёл форум.", "ПИШЕТ «Новая газета»",
         "По данным «Казинформа», форум прошёл.", "Со ссылкой на Tengrinews.kz сообщили", "по ИНФОРМАЦИИ «ЕО»",
         "Бұл туралы Kazinform тілшісі хабарлайды.", "Bu turaly dep jazady", "It was Reported by Tengrinews",
         "Обычная строка без источника.", "According to Reuters, the party met.", "деп хабарлайды «Ақ жол»",
         "The Steppe Herald presents a new series", "The Steppe Herald preſents it", "ASTANA (Kazinform) - The party met"]


def test_regexgate_attribution_gates_pass_every_matching_line():
    """No line that an attribution pattern finds something in is turned away by its gate."""
    from ppo_nlp.ingest import metadata

    gates = metadata._opening_gates()
    assert sum(g is not None for g in gates) >= 4
    assert any(pattern.search(line) for (pattern, _) in metadata._attribution_patterns() for line in LINES[-3:])
    for (pattern, _), gate in zip(metadata._attribution_patterns(), gates):
        for line in LINES:
            assert gate is None or gate.may_match(line) or not pattern.search(line), (pattern.pattern, line)
