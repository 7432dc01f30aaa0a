"""Foreign state bodies: «Правительство России», «МИД Израиля», «Ресей үкіметі», «the Government of
Uzbekistan». The gazetteer knows Kazakhstan's bodies by their bare names («Правительство», «үкіметі»,
«Министерство иностранных дел»), so a bare name that another country's name qualifies would take
Kazakhstan's id; `foreign_body` tells such a mention, and the facts leave it out (it stays in `entities`).

>>> from ppo_nlp.doc import Entity
>>> text = "Правительство России одобрило проект."
>>> foreign_body(text, Entity("ORG", "Правительство", 0, 13, "t", id="org:government", attrs={"type": "government"}), "ru")
True
"""
from __future__ import annotations

import regex

from ppo_nlp.doc import Entity
from ppo_nlp.normalize import places

HOME = "loc:kz"
# Gazetteer types of national bodies that other countries have too (a party or an akimat is Kazakhstan's own).
NATIONAL_TYPES = frozenset({"government", "state_body"})
_AFTER = regex.compile(r"\s{1,3}(?:of\s+(?:the\s+)?)?(\p{Lu}[\p{L}-]*)")
_BEFORE = regex.compile(r"(\p{Lu}[\p{L}-]*?)(?:'s|’s)?\s{1,3}$")


def foreign_body(text: str, mention: Entity, lang: str) -> bool:
    """A national body whose name the next word (any language: «России», «of Uzbekistan») or, in Kazakh
    and English, the word before («Ресей үкіметі», «Uzbekistan's government») gives to another country."""
    if mention.label != "ORG" or mention.attrs.get("type") not in NATIONAL_TYPES:
        return False
    after = _AFTER.match(text, mention.end, min(len(text), mention.end + 60))
    if after and _foreign_country(after.group(1), lang):
        return True
    if lang not in ("kk", "en"):
        return False
    before = _BEFORE.search(text, max(0, mention.start - 40), mention.start)
    return bool(before) and _foreign_country(before.group(1), lang)


def _foreign_country(word: str, lang: str) -> bool:
    """The word names a country, and not Kazakhstan (nor a place of Kazakhstan it may also name)."""
    found = places.lookup(word, lang)
    return any(p.kind == "country" for p in found) and not any(p.id == HOME or p.id.startswith("loc:kato:")
                                                               for p in found)
