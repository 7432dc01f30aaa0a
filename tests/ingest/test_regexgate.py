import itertools

import pytest
import regex

from ppo_nlp.ingest.furniture import REGEX_FLAGS, load_lists
from ppo_nlp.ingest.regexgate import leading_gate

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
