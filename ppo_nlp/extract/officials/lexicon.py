"""Word lists for the officials extractor, loaded once from `resources/positions/` and `resources/names/`.

Russian position heads and modifiers are expanded to every inflected form with pymorphy3, so that the
extractor finds them with one dictionary look-up per token.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

from ppo_nlp.cache import word_cache
from ppo_nlp.normalize.kk_stem import after_possessive, name_endings
from ppo_nlp.normalize.morph import analyzer
from ppo_nlp.normalize.names import is_surname_shape
from ppo_nlp.resources import load_lines, read_rows
from ppo_nlp.text import fold

GENITIVE_KK = ("ның", "нің", "дың", "дің", "тың", "тің")


class HeadForm(NamedTuple):
    """One surface form of a position head: its lemma, id, case and number."""

    lemma: str
    id: str
    case: Optional[str]
    plural: bool
    possessive: bool = False  # Kazakh: хатшы-сы


_KK_BACK_VOWELS = frozenset("аоұыяу")
_KK_VOWELS = frozenset("аәеиоөұүыіэюяу")
_KK_AFTER_D = frozenset("жзлрйу")  # voiced consonants that take -дың/-дің


def kk_genitive(noun: str) -> str:
    """The plain genitive of a Kazakh noun by vowel harmony and its last sound (төраға -> төрағаның,
    орынбасар -> орынбасардың, мектеп -> мектептің).

    >>> kk_genitive("төраға"), kk_genitive("хатшы"), kk_genitive("орынбасар"), kk_genitive("әкім")
    ('төрағаның', 'хатшының', 'орынбасардың', 'әкімнің')
    """
    vowels = [ch for ch in noun.lower() if ch in _KK_VOWELS]
    back = bool(vowels) and vowels[-1] in _KK_BACK_VOWELS
    last = noun[-1:].lower()
    cons = "н" if last in _KK_VOWELS or last in "мнң" else "д" if last in _KK_AFTER_D else "т"
    return noun + cons + ("ың" if back else "ің")


def ru_key(word: str) -> str:
    return word.lower().replace("ё", "е")


_RU_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=None)
def ru_heads() -> dict[str, tuple[HeadForm, ...]]:
    """Every inflected form of the Russian heads -> its readings."""
    out: dict[str, list[HeadForm]] = {}
    for row in read_rows("positions/heads_ru.tsv"):
        lemma, pid = row[0], row[1]
        forms = _lexeme(lemma)
        if forms[0].normal_form != lemma:  # a word pymorphy3 does not know («елбасы»): indeclinable, any case
            out[ru_key(lemma)] = [HeadForm(lemma, pid, case, False) for case in _RU_CASES]
            continue
        for form in forms:
            head = HeadForm(lemma, pid, str(form.tag.case), "plur" in form.tag)
            out.setdefault(ru_key(form.word), []).append(head)
    skip = word_set("head_exceptions_ru.txt")
    return {k: tuple(v) for k, v in out.items() if k not in skip}


def _lexeme(lemma: str) -> list:
    """The forms of a noun or adjective lemma (falls back to the lemma itself)."""
    for p in analyzer().parse(lemma):
        if p.normal_form == lemma and p.tag.POS in ("NOUN", "ADJF"):
            return list(p.lexeme)
    return [analyzer().parse(lemma)[0]]


@lru_cache(maxsize=None)
def ru_head_prefixes() -> tuple[str, ...]:
    """Prefixes that keep a Russian head a title («экс-», «экс»), longest first."""
    return tuple(sorted((ru_key(r[0]) for r in read_rows("positions/head_prefixes_ru.txt")), key=len, reverse=True))


@lru_cache(maxsize=None)
def ru_modifiers() -> frozenset[str]:
    """Every form of the Russian title modifiers (первый, исполнительный, ...)."""
    out = set()
    for row in read_rows("positions/modifiers_ru.txt"):
        out.update(ru_key(f.word) for f in _lexeme(row[0]))
    return frozenset(out)


@lru_cache(maxsize=None)
def kk_heads() -> dict[str, HeadForm]:
    """Folded Kazakh head forms (base, possessive, + case endings) -> reading."""
    endings = list(after_possessive())
    plain = [suffix for suffix, _ in name_endings()]
    out: dict[str, HeadForm] = {}
    for base, poss, pid in read_rows("positions/heads_kk.tsv"):
        for ending in [""] + plain:
            out.setdefault(fold(base + ending), HeadForm(base, pid, _kk_case(ending), False, False))
        for ending in [""] + endings:
            out[fold(poss + ending)] = HeadForm(base, pid, _kk_case(ending), False, True)
    return out


def _kk_case(ending: str) -> str:
    """Genitive or not: the only Kazakh case the extractor needs (X-ның орынбасары)."""
    return "gent" if ending.endswith(GENITIVE_KK) else "other"


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """First column of a one-word-per-line list in `resources/positions/`, folded."""
    return frozenset(fold(r[0]) for r in read_rows(f"positions/{name}"))


def en_key(word: str) -> str:
    """An English title word without the prefix «ex-» ("ex-First Deputy Chairman", "Ex-chairman"): looked up
    bare, written as is."""
    low = word.lower()
    return low[3:] if low.startswith("ex-") and len(low) > 4 else low


@lru_cache(maxsize=None)
def en_heads() -> dict[str, str]:
    return {r[0]: r[1] for r in read_rows("positions/heads_en.tsv")}


@lru_cache(maxsize=None)
def en_predicates() -> dict[str, str]:
    """English verb forms tying a name to a title after them (`predicates_en.tsv`) -> `passive` or `active`."""
    return {r[0]: r[1] for r in read_rows("positions/predicates_en.tsv")}


@lru_cache(maxsize=None)
def en_predicate_fillers() -> dict[str, str]:
    """Words allowed around an English predicate (`predicate_fillers_en.txt`) -> `be` for forms of "be", else ''."""
    return {r[0]: (r[1] if len(r) > 1 else "") for r in read_rows("positions/predicate_fillers_en.txt")}


@lru_cache(maxsize=None)
def en_participles() -> dict[str, str]:
    """English participles before "by" and a name -> the title they give («chaired by» -> chairman)."""
    return {r[0]: r[1] for r in read_rows("positions/participles_en.tsv")}


@lru_cache(maxsize=None)
def en_not_name_words() -> frozenset[str]:
    """English words that end a place's or an institution's name (Avenue, Prize) and adjectives of religion or
    nationality (Catholic, Dutch): never a word of a person's name."""
    return load_lines("names/en_not_name_words.txt") | load_lines("names/en_not_name_adjectives.txt")


@lru_cache(maxsize=None)
def honorifics() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in read_rows("names/honorifics.txt"))


@lru_cache(maxsize=None)
def party_words() -> frozenset[str]:
    """Folded forms of the generic word for "party" that point to the party of the document."""
    return word_set("party_words.txt")


@lru_cache(maxsize=None)
def generic_org_words() -> dict[str, str]:
    """Folded generic words ("party", "branch") -> the ORG type they point to in the document."""
    return {**{w: "party_branch" for w in word_set("branch_words.txt")}, **{w: "party" for w in party_words()}}


@lru_cache(maxsize=1)
def _short_body_parts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = read_rows("names/short_bodies_ru.tsv")
    return tuple(fold(r[1]) for r in rows if r[0] == "prefix"), tuple(fold(r[1]) for r in rows if r[0] == "root")


@word_cache(1 << 20)
def is_short_body(word: str) -> bool:
    """A Russian compound short name of a state body («Совфеда», «Росгвардии», «Минцифры»): a listed prefix
    and a dictionary noun of five letters or more, or a listed root with a case ending; never a name."""
    key = fold(word)
    prefixes, roots = _short_body_parts()
    if not key.startswith(prefixes) or not word[:1].isupper() or len(key) < 6:  # the cheap gate first
        return False
    if is_surname_shape(word, True):  # «Обломов»: Обл|омов
        return False
    for rest in (key[len(p):] for p in prefixes if key.startswith(p)):
        if any(rest.startswith(r) and len(rest) - len(r) <= 2 for r in roots) or _dictionary_noun(rest):
            return True
    return False


def _dictionary_noun(word: str) -> bool:
    """A common noun of five letters or more that pymorphy3 knows (not guesses), not a name or a place."""
    return len(word) >= 5 and any(
        p.tag.POS == "NOUN" and len(p.methods_stack) == 1 and not {"Name", "Surn", "Patr", "Geox"} & p.tag.grammemes
        and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" for p in analyzer().parse(word))
