"""A Russian title in the instrumental before a verb of electing or appointing whose object is a name a few
words on, over the verb's subject and a prepositional phrase: «Первым заместителем председателя комиссии
депутаты избрали Марата Ахметова», «Руководителем фракции в городском маслихате избрана Айгуль Серикова»,
«Председателем совета предложено избрать Ивана Петрова»."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ppo_nlp.extract.officials.lexicon import word_set
from ppo_nlp.extract.officials.persons import Ctx
from ppo_nlp.extract.officials.positions import PositionSpan
from ppo_nlp.normalize.names import parses

FAR_WINDOW = 6  # words between the title and the name: subject, phrase, verb
VERB_POS = frozenset({"VERB", "PRTS", "INFN"})
PHRASE_POS = frozenset({"PREP", "ADJF", "ADJS", "NOUN", "NPRO", "ADVB", "PRTF"})  # «депутаты», «в маслихате», «её»


def far_object(ctx: Ctx, pos: PositionSpan, by_start: dict, titled: dict[int, int]) -> Optional[int]:
    """Start of the name that gets the instrumental title `pos` through a verb further on, or None. The name
    may come with its own title («… избран её лидер Иван Петров»)."""
    if "ablt" not in pos.cases or ctx.langs[pos.head] != "ru":
        return None
    k, verb = max(pos.end, pos.head + 1), False
    for n in range(k, min(k + FAR_WINDOW + 1, len(ctx.tokens))):
        if verb and n in by_start:
            return n
        if verb and n in titled:
            return titled[n]
        word = ctx.tokens[n].text
        if not word.isalpha() or not word.islower():
            return None
        kinds = {p.tag.POS for p in parses(word)}
        if kinds & VERB_POS:
            if not _electing(word):
                return None
            verb = True
        elif not kinds & PHRASE_POS:
            return None
    return None


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return word_set("appointing_ru.txt") | word_set("predicates_ru.txt")


def _electing(word: str) -> bool:
    """A form of a verb of electing, appointing or becoming (избрали, назначена, стал, избрать)."""
    return any(p.tag.POS in VERB_POS and p.normal_form in _verbs() for p in parses(word))
