"""Social networks and messengers named as the medium a message went out on, not as an organization.

News say where a statement was posted: «написал пост в Фейсбуке», «posted on her official Facebook page»,
«Facebook желісіндегі парақшасында хабарлады», in the Cyrillic view of a Latin-script Kazakh text too.
There the platform (`resources/orgs/platforms.tsv`) is a channel, like a newspaper's page, and no
organization fact; the subject of a story («Facebook купил …», «компания Facebook») stays one. The words
around the name that make it a medium are `resources/orgs/platform_cues.tsv`. The flat `entities` layer
keeps a platform as an organization (the NER corpora mark it so) but never as a person: a model's person
that ends in one («Бауыржан Байбек Facebook») is cut before it (`split_person`).

>>> platform_id("Фейсбуке"), platform_id("Facebook-та"), platform_id("Facebooker")
('platform:facebook', 'platform:facebook', None)
>>> medium_use("Он написал в своём Фейсбуке.", 19, 27), medium_use("Фейсбук купил стартап.", 0, 7)
(True, False)
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Optional

import regex

from ppo_nlp.doc import Entity
from ppo_nlp.normalize.kk_cyrillic import to_cyrillic
from ppo_nlp.resources import load_table, load_tsv
from ppo_nlp.text import fold

MAX_MODIFIERS = 3  # words between the preposition and the name («в своём официальном Instagram»)
_LOOK_BACK = 80  # characters read before a name for its preposition and modifiers
_WORD = regex.compile(r"[^\W\d_][\w'’-]*")
_LATIN = regex.compile(r"\p{Latin}")
_OPENING = "«\"“„'("


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    """Cue words by kind (`platform_cues.tsv`), folded."""
    out: dict[str, set[str]] = {}
    for row in load_tsv("orgs/platform_cues.tsv"):
        out.setdefault(row["kind"], set()).update(fold(w) for w in row["words"].split())
    return {kind: frozenset(words) for kind, words in out.items()}


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _platform_word() -> tuple[regex.Pattern, dict[str, str]]:
    """A platform's stem with a case ending or none (Russian, Kazakh in both scripts, English «'s»), and the
    id of each stem. A stem of two letters («vk») matches alone only."""
    ids = {}
    for row in load_tsv("orgs/platforms.tsv"):
        for stem in row["stems"].split():
            ids.update({fold(s): row["id"] for s in (stem, *_cyrillic_view(stem))})
    slots: dict[str, set[str]] = {"ru": set(), "plural": set(), "possessive": set(), "case": set()}
    for lang, slot, endings in load_table("suffixes"):
        if (lang, slot) in (("ru", "case"), ("kk", "plural"), ("kk", "possessive"), ("kk", "case")):
            slots["ru" if lang == "ru" else slot].update(endings.split())
    latin = _cues().get("ending", frozenset()) | _cues().get("medium_ending", frozenset())
    kk = f"(?:{_alternation(slots['plural'])})?(?:{_alternation(slots['possessive'])})?" \
         f"(?:{_alternation(slots['case'] | latin)})?"
    long_stems = [s for s in ids if len(s) > 2]
    ending = f"(?:-?(?:{_alternation(slots['ru'])}|{kk})|['’]s)"
    pattern = f"(?P<stem>{_alternation(long_stems)}){ending}|(?P<stem>{_alternation(set(ids) - set(long_stems))})"
    return regex.compile(pattern), ids


def _cyrillic_view(stem: str) -> tuple[str, ...]:
    """A Latin stem as the Cyrillic view of a Latin-script Kazakh text spells it (`latin_view`: «Facebook»
    reads «Фаcебоок» there), lower case and capitalised; none for a Cyrillic stem."""
    if not _LATIN.search(stem):
        return ()
    return tuple({to_cyrillic(form)[0] for form in (stem, stem.capitalize())})


def platform_id(word: str) -> Optional[str]:
    """The platform a word names, in any case form («Фейсбуке», «Facebook-та», «Facebook's»), or None."""
    pattern, ids = _platform_word()
    found = pattern.fullmatch(fold(word))
    return ids[found["stem"]] if found else None


def platform_mention(text: str) -> Optional[str]:
    """The platform a mention is, when it is one word naming one (quotes around it allowed), or None."""
    words = _WORD.findall(text)
    return platform_id(words[0]) if len(words) == 1 else None


def _matches(word: str, kind: str) -> bool:
    """Whether a folded word is a cue of `kind`: a whole word, or for a stem kind a word it starts."""
    cues = _cues().get(kind, frozenset())
    if kind in ("modifier", "after"):
        return any(word.startswith(stem) for stem in cues)
    return word in cues


def _words_before(text: str, start: int) -> list[str]:
    """The folded words right before `start`, nearest first, up to the first punctuation between them."""
    words = []
    for token in reversed(text[max(0, start - _LOOK_BACK):start].split()):
        word = token.lstrip(_OPENING)
        if not word or _WORD.fullmatch(word) is None or len(words) > MAX_MODIFIERS:
            break
        words.append(fold(word))
        if word != token:
            break
    return words


def _after_preposition(text: str, start: int) -> bool:
    """A preposition right before the name, or before up to three modifiers before it («в своём …»)."""
    for k, word in enumerate(_words_before(text, start)):
        if _matches(word, "preposition") or (k and _matches(word, "preposition_modified")):
            return True
        if not (_matches(word, "modifier") or _matches(word, "modifier_word")):
            return False
    return False


_NEXT = regex.compile(r"[»\"”“']?(?:\s*-\s*|\s+)([^\W\d_][\w'’-]*)")


def _before_cue_word(text: str, end: int) -> bool:
    """A page, account or channel word right after the name («странице», «-канал», «page»,
    «парақшасында»)."""
    found = _NEXT.match(text, end)
    if found is None:
        return False
    word = fold(found[1])
    return _matches(word, "after") or _matches(word, "after_word")


def _medium_ending(word: str) -> bool:
    """A Kazakh locative or ablative on the name itself («Фейсбукта», «Facebook-tagy»): «in» or «from» it."""
    folded = fold(word).rstrip("'’")
    return any(folded.endswith(e) and platform_id(word[: len(word) - len(e)].rstrip("-")) is not None
               for e in _cues().get("medium_ending", ()))


def medium_use(text: str, start: int, end: int) -> bool:
    """Whether the platform named at text[start:end] is the medium of a message there, not an actor."""
    words = _WORD.findall(text[start:end])
    if words and _medium_ending(words[-1]):
        return True
    return _after_preposition(text, start) or _before_cue_word(text, end)


def split_person(entity: Entity) -> list[Entity]:
    """A model's person as the entities show it: one that is a platform is the platform's organization;
    one that ends in a platform («… Baıbek Facebook») is the person before it and the platform."""
    if entity.label != "PERSON":
        return [entity]
    words = list(_WORD.finditer(entity.text))
    if not words or platform_id(words[-1].group()) is None:
        return [entity]
    last = words[-1]
    platform = replace(entity, label="ORG", text=last.group(), start=entity.start + last.start(),
                       end=entity.start + last.end(), attrs=dict(entity.attrs))
    if len(words) == 1:
        return [platform]
    cut = entity.text[:last.start()].rstrip()
    return [replace(entity, text=cut, end=entity.start + len(cut), attrs=dict(entity.attrs)), platform]
