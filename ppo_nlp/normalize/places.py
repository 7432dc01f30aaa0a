"""Places of Kazakhstan (the KATO classifier, built by scripts/build_gazetteers.py) and their lookup.

`lookup(form, lang)` answers every place an inflected surface form can name, best kinds first (city,
oblast, district ... village); many villages share a name, so a caller keeps the candidate inside the
oblast an article is about (`prefer`). A place whose bare name is also an ordinary word in a language
(село Орда, Мектеп ауылы) has that language in `common`, and `name` when it is a person's name
(Амангельды), `org` when it is the name of a party, body or project (Аманат, Байтақ): `needs_context`
says when to require a trigger word before taking it. The table of places is `place_table`; the table and
the look-up indexes are read ready-made from `resources/built/places` (`scripts/build_lookups.py`) when
it was made from the word lists of this package, else computed from them.

>>> [p.id for p in lookup("в Алгинском районе", "ru")]
['loc:kato:153200000']
>>> [nominative(p, "kk") for p in lookup("Алматы облысының", "kk")]
['Алматы облысы']
>>> nominative(lookup("Qostanaı oblysy", "latin")[0], "ru")
'Костанайская область'
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Optional

from ppo_nlp.cache import bounded_cache, word_cache
from ppo_nlp.normalize import place_keys as pk
from ppo_nlp.normalize.place_table import Place, country_aliases, kato_id, place, places
from ppo_nlp.resources import built, load_tsv
from ppo_nlp.normalize.translit import to_latin
from ppo_nlp.text import fold

KIND_ORDER = ("country", "city_republican", "oblast", "city", "town", "district", "city_district",
              "urban_settlement", "village", "rural_okrug", "city_administration", "town_administration",
              "settlement_administration", "rural_administration", "city_district_administration",
              "railway_station", "railway_siding", "site")
_RANK = {kind: i for i, kind in enumerate(KIND_ORDER)}
MAX_ENDING = 5  # letters of case, possessive and plural endings after a short name word (Ақсу-дағы)
# Kinds of place a bare name may stand for, without a type word (Алматы, Германия, Жамбыл облысы).
BARE_KINDS = frozenset({"country", "city_republican", "city", "town", "oblast", "district", "city_district"})
MAX_WORDS = 12  # a longer form is a sentence, not a place name: lookup answers nothing
_NAME_MARKS = ("им.", "атын.", "ат.")  # "named after", kept in KATO bare names, often left out in text


def _unmarked(name: str) -> list[str]:
    """A name and, when it carries "им."/"атын.", the name without it."""
    out = [name]
    for mark in _NAME_MARKS:
        if mark in name:
            out.append(" ".join(name.replace(mark, " ").split()))
    return out


def _class_of(kind: str) -> Optional[str]:
    """The type-word class a kind is indexed under (None: its bare name alone names it)."""
    if kind in pk.CLASSES[None]:
        return None
    return next((c for c in sorted(pk.UNIT_CLASSES) if kind in pk.CLASSES[c]), "-")


@lru_cache(maxsize=1)
def _latin_table() -> dict[int, str]:
    """Lower-case Cyrillic letters to `translit.to_latin`'s Latin (one table call instead of per letter)."""
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
    return str.maketrans({ch: to_latin(ch) for ch in letters})


def _latin(name: str) -> str:
    """`to_latin` of a lower-cased name (keys are lower case anyway)."""
    return name.lower().translate(_latin_table())


def _own_names(p: Place, latin: bool) -> list[tuple[str, str]]:
    """(lang, name) of a place's own bare names, with "им." forms unmarked."""
    ru = pk.masculine(p.bare_ru) if p.kind == "oblast" else p.bare_ru
    names = [("ru", n) for n in _unmarked(ru)] + [("kk", n) for n in _unmarked(p.bare_kk)]
    return [(lang, _latin(n) if latin else n) for lang, n in names]


class _Index:
    """(class, key) -> place ids, for Cyrillic keys or Latin skeletons."""

    def __init__(self, latin: bool) -> None:
        self.latin = latin
        self.keys: dict[tuple[Optional[str], str], set[str]] = defaultdict(set)
        self.initials: dict[str, set[str]] = defaultdict(set)  # ВКО, СҚО: matched in capitals only
        self.former_only: set[tuple[Optional[str], str, str]] = set()  # (class, key, id) of a former name
        for p in places().values():
            cls = _class_of(p.kind)
            for _, name in _own_names(p, latin):
                self.keys[(cls, pk.latin_skeleton(name) if latin else fold(name))].add(p.id)
        self.kk_vocab = frozenset(w for p in places().values() for w in p.bare_kk.lower().split()) | \
            pk.kk_type_forms()
        self._set_vocab()
        for alias in self._aliases():
            self._add_alias(alias)
        self._set_vocab()

    @staticmethod
    def _aliases() -> list[dict[str, str]]:
        """The alias table plus the display names of oblasts (Абайская область for область Абай)."""
        shown = [{"kato": p.kato, "lang": lang, "alias": name, "source": "display"}
                 for p in places().values() if p.kind == "oblast"
                 for lang, name in (("ru", p.name_ru), ("kk", p.name_kk))]
        return list(load_tsv("places/aliases.tsv")) + country_aliases() + shown

    def _set_vocab(self) -> None:
        """Every word of a key: word forms outside it are never tried (keeps the key products small)."""
        self.vocab = frozenset(w for _, key in self.keys for w in key.split()) | pk.type_vocab()

    def _add_alias(self, alias: dict[str, str]) -> None:
        p, latin_alias = place(kato_id(alias["kato"])), alias["lang"] in ("en", "latin")
        if p is None or latin_alias and not self.latin:
            return
        if alias["source"] == "initials":
            if self.latin and alias["lang"] != "ru":
                return  # English text abbreviates the Russian names (VKO, SKO), not the Kazakh ones
            self.initials[pk.latin_skeleton(_latin(alias["alias"])) if self.latin else fold(alias["alias"])].add(p.id)
            return
        text = _latin(alias["alias"]) if self.latin and not latin_alias else alias["alias"]
        for cls, key in self.readings(text, ("latin",) if self.latin else ("ru", "kk"), static=True):
            if p.kind not in pk.CLASSES.get(cls, ()):
                continue
            if alias["source"] != "former":
                self.former_only.discard((cls, key, p.id))
            elif p.id not in self.keys[(cls, key)]:
                self.former_only.add((cls, key, p.id))
            self.keys[(cls, key)].add(p.id)

    def word_keys(self, word: str, lang: str, static: bool) -> frozenset[str]:
        """The keys of one word (cached at look-up time: the words of a long form come back in its
        shorter forms; never while the index is built, when the vocabulary still grows)."""
        if static:
            return frozenset(self.compute_word_keys(word, lang, static))
        return _word_keys(self.latin, word, lang)

    def compute_word_keys(self, word: str, lang: str, static: bool) -> set[str]:
        if lang == "latin":
            return {pk.latin_skeleton(word)} if static else pk.latin_word_keys(word, self.vocab)
        if static:
            return {fold(word), pk.masculine(word)} | pk.kk_word_keys(word, self.vocab, self.kk_vocab)
        if lang == "kk":
            return pk.kk_word_keys(word, self.vocab, self.kk_vocab)
        return pk.ru_word_keys(word, self.vocab)

    def readings(self, form: str, langs: Iterable[str], static: bool = False) -> list[tuple[Optional[str], str]]:
        """Every (class, key) a surface form can be read as."""
        words = pk.words_of(form)
        out: list[tuple[Optional[str], str]] = []
        for lang in langs if words else ():
            keys = [self.word_keys(w, lang, static) for w in words]
            for cls, name_keys in pk.split_type(keys, lang):
                if cls in pk.UNIT_CLASSES and lang == "ru" and not static:
                    name_keys = [pk.noun_bases(k, self.vocab) for k in name_keys]
                out.extend((cls, key) for key in pk.combine(name_keys) if name_keys)
        return list(dict.fromkeys(out))

    def find(self, form: str, langs: Iterable[str]) -> list[str]:
        """Ids of the places a surface form names."""
        return sorted(self.find_marked(form, langs))

    def find_marked(self, form: str, langs: Iterable[str]) -> dict[str, bool]:
        """Id -> whether it was reached by a former name only (Жамбыл as Taraz's name of 1938-1997)."""
        caps = form.strip()
        key = (pk.latin_skeleton(caps) if self.latin else fold(caps)) if caps.isupper() and len(caps) <= 5 else ""
        found = {i: False for i in self.initials.get(key, ())}
        for cls, key in self.readings(form, langs):
            bucket = cls if cls in pk.UNIT_CLASSES else None
            for i in self.keys.get((bucket, key), ()):
                if bucket is None and places()[i].kind not in pk.CLASSES[cls]:
                    continue
                found[i] = found.get(i, True) and (bucket, key, i) in self.former_only
        return found


@bounded_cache(8 << 20)
def _word_keys(latin: bool, word: str, lang: str) -> frozenset[str]:
    return frozenset(_index(latin).compute_word_keys(word, lang, False))


def _inside(p: Place, outer: set[str]) -> bool:
    """Whether one of `p`'s ancestors is in `outer`."""
    up = p.parent
    while up is not None:
        if up in outer:
            return True
        up = places()[up].parent
    return False


def _nested(index: _Index, words: list[str], langs: tuple[str, ...], depth: int = 2) -> list[str]:
    """Ids for «Жамбылский район Алматинской области» / «Алматы облысы Жамбыл ауданы Есік қаласы»: a place
    of one part that lies inside a place of the rest (itself read the same way, up to `depth` cuts; at most
    MAX_WORDS words, so about MAX_WORDS**2 look-ups)."""
    for cut in range(1, len(words)):
        first = index.find(" ".join(words[:cut]), langs)
        rest = words[cut:]
        second = (index.find(" ".join(rest), langs) or
                  (_nested(index, rest, langs, depth - 1) if depth > 1 else [])) if first else []
        inner = [i for i in first if _inside(places()[i], set(second))] + \
            [i for i in second if _inside(places()[i], set(first))]
        if inner:
            return sorted(set(inner))
    return []


@lru_cache(maxsize=2)
def _index(latin: bool) -> _Index:
    return built("places", f"index_latin={latin}", lambda: _Index(latin))


def load_indexes() -> None:
    """Load the Cyrillic and the Latin look-up index, their type words and the English names now
    (`Pipeline.warm`), not inside the first document that needs one."""
    _index(False), _index(True), _name_prefixes(), _bare_prefixes(), _english()
    for lang in ("ru", "kk", "latin"):
        pk.type_table(lang), pk.type_index(lang)


def built_tables() -> dict[str, object]:
    """What `resources/built/places` holds (`scripts/build_lookups.py`): the table and the indexes."""
    load_indexes()
    return {"places": places(), "index_latin=False": _index(False), "index_latin=True": _index(True),
            "name_prefixes": _name_prefixes(), "bare_prefixes": _bare_prefixes()}


def _is_latin(form: str) -> bool:
    return not any("а" <= c <= "я" or c in "ёәғқңөұүһі" for c in form.lower())


@bounded_cache(8 << 20)
def _lookup(form: str, lang: str) -> tuple[Place, ...]:
    latin = lang in ("en", "latin") or _is_latin(form)
    langs = ("latin",) if latin else ((lang,) if lang in ("ru", "kk") else ("ru", "kk"))
    found = _index(latin).find_marked(form, langs) or \
        dict.fromkeys(_nested(_index(latin), pk.words_of(form), langs), False)
    order = sorted(found, key=lambda i: (found[i], _RANK.get(places()[i].kind, 99), places()[i].kato))
    return tuple(places()[i] for i in order)


def lookup(form: str, lang: Optional[str] = None) -> list[Place]:
    """Every place `form` can name (any case form, ru/kk/Latin): places by their current names first,
    most prominent kinds first, then places that had the name before (Жамбыл: villages, then Taraz).

    >>> [p.kind for p in lookup("Қонаевта", "kk")]
    ['city']
    """
    if not isinstance(form, str) or not form.strip() or len(form.split()) > MAX_WORDS:
        return []
    return list(_lookup(form.strip(), lang or "auto"))


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    """Every word of a Cyrillic key: whole when it has at most 5 letters, else its first 5."""
    return built("places", "name_prefixes",
                 lambda: frozenset(w[:5] for _, key in _index(False).keys for w in key.split()))


@lru_cache(maxsize=1)
def _bare_prefixes() -> frozenset[str]:
    """`_name_prefixes` of the keys that name a place a bare name may stand for: of a kind in BARE_KINDS and
    not named like a person or an organization (those need a type word in every language)."""
    index, table = _index(False), places()
    return built("places", "bare_prefixes", lambda: frozenset(
        w[:5] for (_, key), ids in index.keys.items() if any(_bare_able(table[i]) for i in ids) for w in key.split()))


def _bare_able(p: Place) -> bool:
    return p.kind in BARE_KINDS and "name" not in p.common and "org" not in p.common


def is_initials(word: str) -> bool:
    """Whether a word in capitals is the initials of a place (ВКО, СҚО, ЮКО), Cyrillic."""
    return word.isupper() and len(word) <= 5 and fold(word) in _index(False).initials


@word_cache(4 << 20)
def may_name_bare(word: str) -> bool:
    """`may_name` for the places a bare name may stand for (cities, countries, oblasts, districts)."""
    return _starts_name(fold(word), _bare_prefixes())


@word_cache(4 << 20)
def may_name(word: str) -> bool:
    """A cheap gate before `lookup` (Cyrillic): whether a word begins with a whole short word of some
    place name or the first 5 letters of a long one (endings do not touch them: Ойылда, Караганде)."""
    return _starts_name(fold(word), _name_prefixes())


def _starts_name(low: str, prefixes: frozenset[str]) -> bool:
    """`low` begins with the first 5 letters of a name word, or is a shorter name word with at most
    MAX_ENDING letters of endings after it (Ойыл-да, Уил-ского, Ақсу-дағы)."""
    return low[:5] in prefixes or any(low[:k] in prefixes for k in (4, 3, 2) if len(low) - k <= MAX_ENDING)


def prefer(candidates: Iterable[Place], oblast_id: Optional[str]) -> list[Place]:
    """Candidates inside (or equal to) the oblast an article is about first; order otherwise kept."""
    items = list(candidates)
    return sorted(items, key=lambda p: not oblast_id or not (p.oblast == oblast_id or p.id == oblast_id))


def needs_context(p: Place, lang: str) -> bool:
    """Whether the bare name is also an ordinary word in `lang` (`latin`: Kazakh in Latin letters), a
    person's name (Амангельды) or an organization's (Аманат): take it only with a trigger word (ауылы,
    село, village) or another sign of a place."""
    flag = "kk" if lang == "latin" else lang
    return flag in p.common or "name" in p.common or "org" in p.common


@lru_cache(maxsize=1)
def _english() -> dict[str, str]:
    names = {kato_id(a["kato"]): a["alias"] for a in load_tsv("places/aliases.tsv") if a["source"] == "name"}
    return names | {kato_id(r["iso"]): r["name_en"] for r in load_tsv("places/countries.tsv")}


# The `type` of a location record (records.py, resources/gazetteers/locations.jsonl) for each KATO kind.
RECORD_TYPES = {"country": "country", "oblast": "region", "city_republican": "city", "city": "city",
                "town": "city", "district": "district", "city_district": "district"}


def record_type(p: Place) -> str:
    """The location-record type of a place: country, region, city, district or village."""
    return RECORD_TYPES.get(p.kind, "village" if p.kind in pk.CLASSES[None] else "district")


def nominative(p: Place, lang: str = "ru") -> str:
    """The canonical display name: `ru`, `kk`, or `en` (an English name where one is known, else Latin)."""
    if lang == "kk":
        return p.name_kk
    if lang in ("en", "latin"):
        return _english().get(p.id) or to_latin(p.name_kk)
    return p.name_ru
