"""Person names to the nominative with gender, in Russian, Kazakh and English text.

Russian: the first name is read with pymorphy3 (Name tags) and the name lists in `resources/names/`; the
surname with the paradigm table `ru_surname_forms.tsv`; the reading where first name, surname and (when
given) the case of the position in front agree wins. Kazakh: the case ending on the last word is stripped
by the rule table `kk/endings.tsv`. ALL CAPS words become title case.

>>> to_nominative(["Тамары", "Дуйсеновой"], "ru")
('Тамара Дуйсенова', 'f')
>>> to_nominative(["Ерлан", "Жакуповқа"], "kk")
('Ерлан Жакупов', 'm')
>>> title_case_name("СЕЙДУАЛИЕВ")
'Сейдуалиев'
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

from ppo_nlp.cache import bounded_cache, word_cache
from ppo_nlp.normalize.kk_cyrillic import to_cyrillic
from ppo_nlp.normalize.kk_stem import name_endings
from ppo_nlp.normalize.endings import by_last_letter
from ppo_nlp.normalize.name_agreement import agreeing
from ppo_nlp.normalize.morph import a_stem_genitive, analyzer, from_dictionary, inflected_word, parses as analyses
from ppo_nlp.paths import RESOURCES_DIR
from ppo_nlp.resources import read_rows
from ppo_nlp.text import fold

NAMES_DIR = RESOURCES_DIR / "names"
MAX_NAME_LEN = 40
_GENDERS = {"masc": "m", "femn": "f"}
_SURN_SING = frozenset({"Surn", "sing"})  # pymorphy3 grammemes; checks read `p.tag.grammemes`, a frozenset
_SURN_ADJF = frozenset({"Surn", "ADJF"})


class Reading(NamedTuple):
    """One reading of a name word: its nominative, gender and case (None = any)."""

    nominative: str
    gender: Optional[str]
    case: Optional[str]
    known: bool = False  # read from a list or a dictionary, not guessed


@lru_cache(maxsize=None)
def first_names() -> dict[str, Optional[str]]:
    """Folded first name -> gender ('m', 'f' or None) from every `first_names_*.tsv`."""
    out: dict[str, Optional[str]] = {}
    for path in sorted(NAMES_DIR.glob("first_names_*.tsv")):
        for row in read_rows(f"names/{path.name}"):
            gender = row[1] if len(row) > 1 and row[1] in ("m", "f") else None
            out.setdefault(fold(row[0]), gender)
    return out


@lru_cache(maxsize=None)
def _suffix_table(name: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """(suffix, value) rows of a two-column file, longest suffix first, by the last letter of the suffix: a
    word is only tried against the suffixes it may end with."""
    rows = [(fold(r[0]), r[1] if len(r) > 1 else "") for r in read_rows(f"names/{name}")]
    return by_last_letter(sorted(rows, key=lambda r: -len(r[0])), f"names/{name}")


@lru_cache(maxsize=1)
def _strong_surname_suffixes() -> tuple[str, ...]:
    """Folded surname endings marked `strong` in `surname_suffixes.tsv`."""
    return tuple(fold(r[0]) for r in read_rows("names/surname_suffixes.tsv") if r[2:3] == ("strong",))


@lru_cache(maxsize=1)
def _kk_name_endings() -> dict[str, tuple[tuple[str, str], ...]]:
    """Kazakh case endings of name words (folded), longest first, by their last letter."""
    return by_last_letter(sorted(((fold(s), v) for s, v in name_endings()), key=lambda r: -len(r[0])), "kk/endings.tsv")


@bounded_cache(4 << 20)
def _match_suffix(word: str, table: str) -> Optional[str]:
    key = fold(word)
    for suffix, value in _suffix_table(table).get(key[-1:], ()):
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return value
    return None


def surname_gender(word: str) -> Optional[str]:
    """Gender told by a surname ending (Дуйсенова -> 'f', Оралов -> 'm'), else None."""
    return _match_suffix(word, "surname_suffixes.tsv")


def is_surname_shape(word: str, strong: bool = False) -> bool:
    """True when the word ends like a surname (`strong`: an ending that rarely ends other words)."""
    return _strong_surname_shape(word) if strong else surname_gender(word) is not None


@word_cache(4 << 20)  # one argument: a call costs one C look-up, not a tuple of arguments and flags
def _strong_surname_shape(word: str) -> bool:
    key, suffixes = fold(word), _strong_surname_suffixes()
    return key.endswith(suffixes) and any(key.endswith(s) and len(key) > len(s) + 2 for s in suffixes)


def first_name_gender(word: str) -> Optional[str]:
    """Gender of a known first name, else the gender told by a Kazakh name element (-гүл, -бек)."""
    known = first_names().get(fold(word))
    return known if known else _match_suffix(word, "first_name_suffixes.tsv")


def is_first_name(word: str) -> bool:
    return fold(word) in first_names()


@word_cache(2 << 20)
def is_latin_first_name(word: str) -> bool:
    """A listed first name written in Latin letters (Yerlan, Bauyrzhan), read back with the passport table."""
    return word.isascii() and word.isalpha() and is_first_name(to_cyrillic(word, "passport")[0])


@word_cache(2 << 20)
def is_first_name_form(word: str) -> bool:
    """A listed first name in a Russian case form (Жандоса, Айгуль -> no ending, Ләйләны is Kazakh: no)."""
    return is_first_name(word) or any(r.known for r in _stripped_readings(word, is_first_name))


def title_case_name(word: str) -> str:
    """ALL CAPS or all lower-case name words to title case, each hyphenated part on its own."""
    if not word or (not word.isupper() and not word.islower()):
        return word
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def parses(word: str) -> tuple:
    """pymorphy3 parses of one word (overlong words get none), from the one parse cache of
    `normalize.morph` (pymorphy3 reads a word of two letters or more the same in any case; a lone capital
    is an initial and is parsed as written)."""
    if len(word) > MAX_NAME_LEN:
        return ()
    return _initial_parses(word) if len(word) == 1 else analyses(word.lower())


@bounded_cache(1 << 20)
def _initial_parses(letter: str) -> tuple:
    return tuple(analyzer().parse(letter))


def _pm_reading(p, nominative: Optional[str] = None) -> Reading:
    """A pymorphy3 parse as a Reading with plain-string gender and case."""
    gender, case = p.tag.gender, p.tag.case  # each a set intersection in pymorphy3: read once
    return Reading(title_case_name(nominative or p.normal_form), _GENDERS.get(str(gender)) if gender else None,
                   str(case) if case else None, from_dictionary(p))


def _pm_adjective_surname(word: str) -> list[Reading]:
    """Adjective-like surnames (Долгорукому -> Долгорукий) read with pymorphy3."""
    out = []
    for p in parses(word):  # an unknown word has many parses: each tag's grammemes and gender read once
        grammemes = p.tag.grammemes
        if grammemes.isdisjoint(_SURN_ADJF) or "sing" not in grammemes:
            continue
        gender = p.tag.gender
        if gender in ("masc", "femn"):
            out.append(_pm_reading(p, inflected_word(p, frozenset(("nomn", "sing", str(gender))))))
    return out


@bounded_cache(2 << 20)  # kept: a first name comes back in name after name, with other surnames and hints
def _ru_first_readings(word: str) -> tuple[Reading, ...]:
    """Readings of a Russian-text first name: name lists, pymorphy3 Name parses, stripped case endings."""
    out = []
    if is_first_name(word):
        out.append(Reading(word, first_names()[fold(word)], "nomn", True))
    for p in parses(word):
        if "Name" in p.tag.grammemes and "sing" in p.tag.grammemes:
            out.append(_pm_reading(p))
    out += _stripped_readings(word, is_first_name)
    if not out:
        out.append(Reading(word, first_name_gender(word), None))
        out += [r for r in _stripped_readings(word, lambda base: True) if r.gender == "m" and len(r.nominative) > 3]
    elif not any(r.nominative == word for r in out):  # «Кадиша» is also «Кадиш» in the genitive: keep it as
        out.append(Reading(word, first_name_gender(word), None))  # written for a patronymic to agree with
    return tuple(out)


def _stripped_readings(word: str, accept) -> list[Reading]:
    """Readings got by taking a Russian noun case ending off a name word."""
    out, low = [], word.lower()
    for ending, case in _suffix_table("ru_masc_noun_endings.tsv").get(low[-1:], ()):
        base = word[: -len(ending)] if low.endswith(ending) else ""
        if len(base) > 2 and base[-1].lower() not in "аеиоуыэюяё" and accept(base):
            out.append(Reading(base, "m", case, accept is is_first_name))
    for ending, nom_ending, case in _fem_noun_endings().get(low[-1:], ()):
        if low.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)] + nom_ending
            if accept(base):
                out.append(Reading(base, "f", case, accept is is_first_name))
    return out


_YOT_ENDINGS = (("я", "gent"), ("я", "accs"), ("ю", "datv"), ("ем", "ablt"), ("е", "loct"))


def _yot_stem_readings(word: str) -> list[Reading]:
    """Masculine names on -ай/-ей/-ой in a case form (Базартая -> Базартай, Кошербаем -> Кошербай)."""
    low = word.lower()
    return [Reading(word[: -len(end)] + _same_case("й", word), "m", case)
            for end, case in _YOT_ENDINGS if low.endswith(end) and len(low) > len(end) + 2
            and low[-len(end) - 1] in "аеоуэ"]


@lru_cache(maxsize=None)
def _fem_noun_endings() -> dict[str, tuple[tuple[str, ...], ...]]:
    """(ending, nominative ending, case) rows of `ru_fem_noun_endings.tsv` by the last letter of the ending."""
    path = "names/ru_fem_noun_endings.tsv"
    return by_last_letter([tuple(row) for row in read_rows(path)], path)


@lru_cache(maxsize=None)
def _ru_surname_table() -> tuple[tuple[str, str, str, str], ...]:
    rows = [tuple(r) for r in read_rows("names/ru_surname_forms.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def _ru_surname_table_by_last() -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    """`_ru_surname_table()` rows by the last letter of their ending, each bucket in the table's order."""
    return by_last_letter(_ru_surname_table(), "names/ru_surname_forms.tsv")


def ru_surname_readings(word: str, after_first: bool = True) -> list[Reading]:
    """Readings of a Russian-text surname by the paradigm table; an unknown shape reads as itself.

    Case endings of other shapes (Оралом -> Орал) are only read `after_first` name that agrees with them."""
    return list(_ru_surname_readings(word, after_first))


def ru_surname_base(word: str) -> str:
    """The nominative of the first reading of `ru_surname_readings(word)` (Оралову -> Оралов; the word itself
    when no ending of the paradigm table fits), without reading the word with pymorphy3."""
    low = word.lower()
    for ending, nom_ending, _, _ in _ru_surname_table_by_last().get(low[-1:], ()):
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return word[: -len(ending)] + _same_case(nom_ending, word)
    return word


@bounded_cache(4 << 20)
def _ru_surname_readings(word: str, after_first: bool) -> tuple[Reading, ...]:
    low = word.lower()
    out = []
    best = 0
    for ending, nom_ending, gender, case in _ru_surname_table_by_last().get(low[-1:], ()):
        if low.endswith(ending) and len(low) > len(ending) + 1 and len(ending) >= best:
            best = len(ending)
            out.append(Reading(word[: -len(ending)] + _same_case(nom_ending, word), gender, case, True))
    if not out:
        out.append(Reading(word, None, None))
        out += [_pm_reading(p) for p in parses(word) if _SURN_SING <= p.tag.grammemes and len(p.methods_stack) == 1]
        out += _pm_adjective_surname(word)
        if after_first:
            out += _stripped_readings(word, lambda base: not is_first_name(word))
            out += _yot_stem_readings(word)
        out += [Reading(b, None, "gent") for b in a_stem_genitive(word) if not is_surname_shape(word)]  # Маехары
    return tuple(out)


def _same_case(ending: str, word: str) -> str:
    return ending.upper() if word.isupper() else ending


def _unsexed_first(words: list[str]) -> Optional[int]:
    """The index of a first name our lists give no gender (pymorphy's guess may be wrong), else None."""
    full = [i for i, w in enumerate(words) if not _is_initial(w)]
    if len(full) < 2 or first_names().get(fold(words[full[0]])) is not None:
        return None
    return full[0]


def _best_combo(options: list[list[Reading]], gender_hint, case_hint, first: Optional[int] = None) -> list[Reading]:
    """The best agreeing combination; when none agrees, the first name's gender and case give way (many
    Kazakh first names are both, and a woman's stays undeclined: «Бахыт Серикова» is a woman, not «Бахыт
    Сериков» in the genitive)."""
    best = agreeing(options, gender_hint, case_hint, first_names())
    if best is None and first is not None:
        relaxed = [[Reading(r.nominative, None, None, r.known) for r in opts] if i == first else opts for i, opts in enumerate(options)]
        best = agreeing(relaxed, gender_hint, case_hint, first_names())
    return best or [opts[0] for opts in options]


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def _ru_patronymic_readings(word: str) -> list[Reading]:
    out = []
    for p in parses(word):
        if "Patr" in p.tag.grammemes:  # the lemma of «Александровна» is «александрович»: inflect in its own gender
            gender = p.tag.gender
            out.append(_pm_reading(p, inflected_word(p, frozenset(("nomn", str(gender)))) if gender else None))
    low = word.lower()
    if not out and low.endswith(("овна", "евна", "ична")):  # an unknown patronymic (Базарбаевна) in the nominative
        return [Reading(word, "f", "nomn")]
    if not out and low.endswith(("ович", "евич")):
        return [Reading(word, "m", "nomn")]
    return out or [Reading(word, None, None)]


def _ru_options(words: list[str]) -> list[list[Reading]]:
    """Readings for each word: initials as written, then first name, patronymic, surname (last)."""
    full = [i for i, w in enumerate(words) if not _is_initial(w)]
    options = []
    for i, w in enumerate(words):
        if _is_initial(w):
            options.append([Reading(w, None, None)])
        elif i == full[-1] and len(full) > 1 or len(full) == 1:
            options.append(ru_surname_readings(w, after_first=len(full) > 1))
        elif i == full[0]:
            options.append(list(_ru_first_readings(w)))
        else:
            options.append(_ru_patronymic_readings(w))
    return options


@word_cache(4 << 20, value_bytes=400)
def strip_kk_case(word: str) -> str:
    """A Kazakh case ending off a name word, when what remains still looks like a name."""
    key = fold(word)
    for ending, strength in _kk_name_endings().get(key[-1:], ()):
        if not key.endswith(ending) or len(key) - len(ending) < 3:
            continue
        base = word[: -len(ending)]
        if is_first_name(word) and not is_surname_shape(word):
            return word
        if strength == "strong" or is_surname_shape(base) or is_first_name(base):
            return base
    return word


def _name_gender(words: list[str]) -> Optional[str]:
    full = [w for w in words if not _is_initial(w)]
    if not full:
        return None
    return surname_gender(full[-1]) or (first_name_gender(full[0]) if len(full) > 1 else None)


def _format(words: list[str]) -> str:
    """Initials as «Т.», words joined by single spaces."""
    return " ".join(w.rstrip(".") + "." if _is_initial(w) else w for w in words)


def to_nominative(tokens: list[str], lang: str, gender_hint: Optional[str] = None,
                  case_hint: Optional[str] = None) -> tuple[str, Optional[str]]:
    """A name (its words as written) in the nominative and title case, and its gender.

    `gender_hint`/`case_hint` come from context (a verb or a position that agrees with the name).
    """
    words = [title_case_name(t) for t in tokens if t and t != "."]
    if not words:
        return "", None
    if lang == "ru" and any(not _is_initial(w) for w in words):
        best = _best_combo(_ru_options(words), gender_hint, case_hint, _unsexed_first(words))
        words = [r.nominative for r in best]
        gender = next((r.gender for r in best if r.gender), None)
        return _format(words), gender or _name_gender(words) or gender_hint
    if lang == "kk":
        words = words[:-1] + [strip_kk_case(words[-1])]
    return _format(words), _name_gender(words) or gender_hint


@bounded_cache(4 << 20)  # kept: the links ask about each capitalised word of every document
def surname_keys(word: str, lang: str) -> frozenset[str]:
    """Folded nominatives a surname-only mention may stand for (Оралова -> {оралов, оралова})."""
    word = title_case_name(word)
    keys = {fold(word), fold(strip_kk_case(word))}
    if lang == "ru" or not lang:
        keys |= {fold(r.nominative) for r in ru_surname_readings(word)}
    return frozenset(keys)
