"""The counted thing: the noun phrase after a number as a lemma, and its canonical class."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

import regex

from ppo_nlp.extract.counts.context import Word
from ppo_nlp.normalize import morph
from ppo_nlp.resources import function_words, load_lines, load_tsv, read_rows
from ppo_nlp.normalize.kk_stem import is_adverb, singular, strip_case, strip_kk, strip_one
from ppo_nlp.text import fold

MAX_MODIFIERS = 3
_QUOTES = frozenset("«»\"“”„")
_EN_STOP = frozenset("of in at the and or were was are is have has had from to for with by on who which that this "
                     "these those will would be been it its their as than per each across into over under about "
                     "after before since during while more less also than out up".split())
_RU_STOP_POS = frozenset({"CONJ", "PREP", "PRCL", "INTJ", "NPRO", "ADVB", "VERB", "INFN", "PRED", "GRND", "COMP"})
_KK_COPULA = "бол"  # the verb "to become/be" ("болды", "болып") after a predicate noun
_CASES = ("gent", "datv", "loct", "ablt", "nomn", "accs")


@dataclass(frozen=True)
class Subject:
    """A counted noun phrase: its lemma, the lemma of its head word and its evidence end."""

    lemma: str
    head: str
    end: int


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[str, str], dict[str, str]]:
    """(folded full form -> class, folded single-word form -> class)."""
    full, heads = {}, {}
    for row in load_tsv("counts/subject_classes.tsv"):
        key = fold(row["form"])
        full[key] = row["class"]
        if " " not in key:
            heads[key] = row["class"]
    return full, heads


def subject_class(subject: Optional[Subject]) -> Optional[str]:
    """The canonical class of a subject (`ppo`, `party_member`, `person`, ...) when known."""
    if subject is None:
        return None
    full, heads = _classes()
    words = fold(subject.lemma).split()
    bare = strip_one(words[-1], ("poss",)) if len(words) > 1 else None
    for phrase in (words, words[:-1] + [bare[0]]) if bare else (words,):  # "бастауыш ұйымы" (of "ұйымдары")
        for i in range(len(phrase)):  # "жаңа бастауыш ұйым" is of the class of "бастауыш ұйым"
            found = full.get(" ".join(phrase[i:]))
            if found:
                return found
    return heads.get(words[0]) if len(words) == 1 else None


@lru_cache(maxsize=1)
def _skip_table() -> dict[str, tuple[frozenset[str], float]]:
    """Folded skipped head -> (the surface forms that still count, the largest value skipped)."""
    return {fold(r["form"]): (frozenset(fold(f) for f in r["except"].split(",") if f),
                              float(r["max"]) if r["max"] else float("inf"))
            for r in load_tsv("counts/skip_subjects.tsv")}


def _skip_forms() -> frozenset[str]:
    return frozenset(_skip_table())


def is_skip_subject(subject: Optional[Subject], surface: str = "", value: Optional[float] = None) -> bool:
    """A duration, rank, age or ratio word ("года", "күн", "раза", "18 жас"); `surface` is the head as
    written, `value` the number."""
    if subject is None:
        return False
    row = _skip_table().get(fold(subject.head))
    if row is None:
        return False
    kept, largest = row
    return fold(surface) not in kept and (value is None or value <= largest)


def skip_has_exceptions(subject: Optional[Subject]) -> bool:
    """Whether `is_skip_subject` needs the head as written to decide ("место" vs "мест")."""
    return subject is not None and bool(_skip_table().get(fold(subject.head), ((),))[0])


@lru_cache(maxsize=1)
def _unit_nouns() -> frozenset[str]:
    places = (r["form"] for r in load_tsv("places/type_words.tsv") if r["lang"] in ("ru", "kk"))
    return frozenset(fold(f) for f in places) | frozenset(fold(r["form"]) for r in load_tsv("counts/unit_nouns.tsv"))


def names_units(subject: Optional[Subject]) -> bool:
    """Whether a subject counts bodies, facilities, places or a known class ("в трех районах", "үш ауданда",
    "шесть политических партий"): a small number spelled out counts these, not mere wording ("два вопроса")."""
    if subject is None:
        return False
    return subject_class(subject) is not None or fold(subject.head) in _unit_nouns() \
        or fold(subject.lemma) in _unit_nouns()


def _skip_quote(words: list[Word]) -> list[Word]:
    return words[1:] if words and words[0].text in _QUOTES else words


# --- Russian -----------------------------------------------------------------------------------

def _ru_pos(word: Word) -> set[str]:
    return {str(p.tag.POS) for p in morph.parses(word.low)}


def _is_abbr(word: Word) -> bool:
    return 2 <= len(word.text) <= 6 and word.text.isupper() and word.text.isalpha()


def _guessed(parse: Any) -> bool:
    """Parses guessed from an unknown word prefix sort after the others."""
    return any(type(step[0]).__name__ == "UnknownPrefixAnalyzer" for step in parse.methods_stack)


def _ru_noun_parse(word: Word, prefer: tuple[str, ...] = ()) -> Optional[Any]:
    """The NOUN parse of a word (one with a preferred grammeme first)."""
    nouns = sorted((p for p in morph.parses(word.low) if p.tag.POS == "NOUN"), key=_guessed)
    for p in nouns:
        if all(g in p.tag for g in prefer):
            return p
    return nouns[0] if nouns else None


def _ru_adj_nominative(word: Word, head: Any) -> str:
    """An adjective agreed with the head noun in the nominative ("первичных" -> "первичная")."""
    adjs = [p for p in morph.parses(word.low) if p.tag.POS in ("ADJF", "PRTF")]
    if not adjs:
        return word.low
    plural_only = "Pltm" in head.tag
    wanted = {"nomn", "plur"} if plural_only else {"nomn", "sing", head.tag.gender or "masc"}
    inflected = adjs[0].inflect(wanted)
    return inflected.word if inflected else adjs[0].normal_form


def _ru_complement(words: list[Word]) -> list[Word]:
    """A genitive complement after a relational head ("партии", "ППО", "первичных организаций")."""
    out: list[Word] = []
    for word in words[:MAX_MODIFIERS + 1]:
        if _is_abbr(word):
            return out + [word]
        parses = morph.parses(word.low)
        if any(p.tag.POS == "NOUN" and "gent" in p.tag for p in parses):
            return out + [word]
        if not any(p.tag.POS in ("ADJF", "PRTF") and "gent" in p.tag for p in parses):
            return []
        out.append(word)
    return []


def ru_subject(words: list[Word]) -> Optional[Subject]:
    """The Russian noun phrase at the start of `words`, lemmatized."""
    words = _skip_quote(words)
    mods: list[Word] = []
    for i, word in enumerate(words[:MAX_MODIFIERS + 1]):
        if not word.text[0].isalpha():
            return None
        if _is_abbr(word):
            return Subject(word.text, word.text, word.end)
        pos = _ru_pos(word)
        first_pos = morph.parses(word.low)[0].tag.POS if pos else None
        if first_pos in _RU_STOP_POS:
            return None
        head = _ru_noun_parse(word) if "NOUN" in pos else None
        adj_first = first_pos in ("ADJF", "PRTF")
        if head is not None and not (adj_first or ({"ADJF", "PRTF"} & pos and _next_is_noun(words, i))):
            return _ru_phrase(mods, word, head, words[i + 1:])
        if not {"ADJF", "PRTF"} & pos:
            return None
        mods.append(word)
    return None


def _next_is_noun(words: list[Word], i: int) -> bool:
    return i + 1 < len(words) and "NOUN" in _ru_pos(words[i + 1])


def _ru_phrase(mods: list[Word], word: Word, head: Any, rest: list[Word]) -> Subject:
    lemma = head.normal_form
    parts = [_ru_adj_nominative(m, head) for m in mods] + [lemma]
    end = word.end
    if lemma in load_lines("counts/relational_nouns.txt"):
        comp = _ru_complement(rest)
        if comp:
            parts += [w.text if _is_abbr(w) else w.low for w in comp]
            end = comp[-1].end
    return Subject(" ".join(parts), lemma, end)


def ru_genitive_plural_noun(word: Word) -> Optional[str]:
    """The lemma of a word read as a genitive plural noun ("Первичек" -> "первичка")."""
    parse = _ru_noun_parse(word, ("gent", "plur"))
    return parse.normal_form if parse is not None and "gent" in parse.tag and "plur" in parse.tag else None


# --- Kazakh ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def kk_heads() -> frozenset[str]:
    extra = {fold_kk(r["form"]) for r in load_tsv("counts/subject_classes.tsv") if r["lang"] == "kk" and " " not in r["form"]}
    skipped = {fold_kk(r["form"]) for r in load_tsv("counts/skip_subjects.tsv") if r["lang"] == "kk"}
    return load_lines("counts/kk_heads.txt") | frozenset(extra) | frozenset(skipped)  # "жасында" -> "жас"


def fold_kk(text: str) -> str:
    return text.lower()


def _kk_is_adj(low: str) -> bool:
    """An adjective or a manner adverb ("партиялық", "қаржылай"): it modifies the head, it is none."""
    modifier = low.endswith(tuple(function_words("kk_adj_endings"))) or is_adverb(low)
    return modifier and strip_kk(low, kk_heads())[0] not in kk_heads()


_KK_HAVING = ("лы", "лі", "ды", "ді", "ты", "ті")


@lru_cache(maxsize=1)
def _kk_head_tails() -> tuple[str, ...]:
    return tuple(h for h in kk_heads() if len(h) >= 3)


def _kk_having(low: str) -> bool:
    """A known noun with the adjective ending "having" ("көп-бала-лы ана": a mother of many children)."""
    return low.endswith(_KK_HAVING) and low[:-2].endswith(_kk_head_tails())


def _kk_is_verb(low: str) -> bool:
    return low.endswith(tuple(function_words("kk_verb_endings"))) and strip_kk(low, kk_heads())[0] not in kk_heads()


def _kk_izafet(word: Optional[Word]) -> bool:
    """A known head with a possessive ending ("төрағасы", "ұйымының") extends the compound."""
    if word is None or not word.text.isalpha():
        return False
    stem, kinds = strip_kk(word.low, kk_heads())
    return stem in kk_heads() and "poss" in kinds


@lru_cache(maxsize=1)
def _kk_phrase_ends() -> frozenset[str]:
    """Kazakh stop words marked `count_end`: postpositions and conjunctions that end a counted phrase."""
    return frozenset(row[0] for row in read_rows("kk/stop_words.txt") if "count_end" in row[1:])


def _kk_known(word: Word) -> bool:
    return word.text.isupper() or strip_kk(word.low, kk_heads())[0] in kk_heads()


def _kk_head_index(words: list[Word]) -> Optional[int]:
    """Index of the head: the first known head noun, else the first word that is not an adjective."""
    fallback = None
    having = None  # "көпбалалы": a modifier, the head only when no noun follows ("көпбалалы және ...")
    for i, word in enumerate(words[:MAX_MODIFIERS]):
        if not word.text[0].isalpha() or word.low in _kk_phrase_ends() or (i == 0 and _kk_is_verb(word.low)):
            break
        if _kk_known(word) or fold(strip_kk(word.low)[0]) in _skip_forms():
            return i
        if having is None and fallback is None and _kk_having(word.low):
            having = i
        elif fallback is None and not _kk_is_adj(word.low):
            fallback = i
    if fallback and _kk_is_verb(words[fallback].low):
        return fallback - 1  # "ақшалай сыйлық берілді": the verb after the modifiers is no head
    return fallback if fallback is not None else having


def kk_subject(words: list[Word]) -> Optional[Subject]:
    """The Kazakh noun phrase at the start of `words`: modifiers up to the head, then izafet."""
    words = _skip_quote(words)
    head = _kk_head_index(words)
    if head is None:
        return None
    end = head + 1
    while end < len(words) and end <= MAX_MODIFIERS and _kk_izafet(words[end]):
        end += 1
    if end < len(words) and words[end].low.startswith(_KK_COPULA) and end >= 2 and _kk_known(words[end - 2]):
        end -= 1  # "64 мың азамат мүше болды": "мүше" is what they became, the count is of "азамат"
    return _kk_phrase(words[:end])


def _kk_phrase(taken: list[Word]) -> Subject:
    """Lemma of a Kazakh phrase: case endings off; a lone word, or a known head after an adjective (no
    compound: the possessive points elsewhere, "қызметтегі депутаты"), also loses possessive and plural."""
    last = taken[-1]
    if last.text.isupper():
        return Subject(" ".join(w.text for w in taken), last.text, last.end)
    stem = strip_kk(last.low, kk_heads())[0]
    if len(taken) == 1:
        having = _kk_having(last.low) and stem not in kk_heads()
        word = last.low if having else stem  # "көпбалалы" has no possessive to lose
        return Subject(word, word, last.end)
    bare = _kk_is_adj(taken[-2].low) and stem in kk_heads()
    head_word = stem if bare else singular(strip_case(last.low, kk_heads()), kk_heads())
    lemma = " ".join([w.low if not w.text.isupper() else w.text for w in taken[:-1]] + [head_word])
    return Subject(lemma, stem, last.end)


# --- English -----------------------------------------------------------------------------------

def en_subject(words: list[Word]) -> Optional[Subject]:
    """Up to three words after an English number, ending before a function word; plural -s dropped."""
    taken: list[Word] = []
    words = _skip_quote(words)[:3]
    for k, word in enumerate(words):
        if not word.text[0].isalpha() or word.low in _EN_STOP or (_en_verb_form(word) and not _en_modifier(words, k)):
            break
        taken.append(word)
        if _en_plural(word.low):
            break  # a plural noun ends the phrase: "parties took part"
    if not taken:
        return None
    head = _en_singular(taken[-1].low)
    lemma = " ".join([w.low for w in taken[:-1]] + [head])
    return Subject(lemma, head, taken[-1].end)


def _en_verb_form(word: Word) -> bool:
    return word.low.endswith(("ed", "ing"))


def _en_modifier(words: list[Word], k: int) -> bool:
    """An -ing or -ed word before a plural noun modifies it ("9,840 polling stations", "12 elected
    deputies"); before anything else it is a verb ("were involved", "600 attending")."""
    nxt = words[k + 1] if k + 1 < len(words) else None
    return nxt is not None and nxt.text.isalpha() and nxt.low not in _EN_STOP and not _en_verb_form(nxt) \
        and _en_plural(nxt.low)


_EN_PLURALS = frozenset({"people", "children", "women", "men", "persons"})


def _en_plural(word: str) -> bool:
    return word in _EN_PLURALS or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)


def _en_singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")) and len(word) > 5:
        return word[:-2]  # branches, addresses, taxes
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def measured_after(words: list[Word], lang: str) -> Optional[Subject]:
    """What a measure counts ("5 тонн зерна", "93 мың гектар жер"): in Russian a genitive only, so a word
    of the next phrase is none ("3 млн тенге сроком на 5 лет")."""
    first = _skip_quote(words)[:1]
    if lang == "ru" and first and not any("gent" in p.tag for p in morph.parses(first[0].low)):
        return None
    return subject_after(words, lang)


def subject_after(words: list[Word], lang: str) -> Optional[Subject]:
    """The counted phrase at the start of `words` in `lang` (a counter word "рет" skipped); None for a
    lower-case head of fewer than three letters (a word cut off, "бө")."""
    if lang != "en":
        words = [w._replace(text=cyrillic(w.text)) if _LATIN.search(w.text) else w for w in words[:LOOKED_AT]]
    if words and words[0].low in function_words("counter_words"):
        words = words[1:]
        if not words or not words[0].text.isalpha():
            return None
    found = kk_subject(words) if lang == "kk" else en_subject(words) if lang == "en" else ru_subject(words)
    if found is None or (len(found.head) < 3 and not found.head.isupper()):
        return None
    return found


LOOKED_AT = 8  # words after a number a counted phrase may span
_LATIN_LOOKALIKES = str.maketrans("iaeopcxyIAEOPCXHKMT", "іаеорсхуІАЕОРСХНКМТ")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_LATIN = regex.compile(r"[a-zA-Z]")


def cyrillic(word: str) -> str:
    """A Cyrillic word with Latin look-alike letters typed into it ("мүшесi") in Cyrillic."""
    if word.isascii() or not _CYRILLIC.search(word):
        return word
    return word.translate(_LATIN_LOOKALIKES)
