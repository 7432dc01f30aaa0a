"""Latin aliases of every gazetteer entry, generated from its Cyrillic aliases, never typed one by one.

Each Russian or Kazakh alias gets every Latin spelling `normalize.kk_latin.latin_forms` makes of it: the
official Kazakh Latin alphabets of 2017, 2018 and 2021, their ASCII folds, the passport style and the
common English spellings (`resources/translit/kk_latin.tsv`), so «Ауыл аманаты» is also matched as
«Auyl amanaty», «Aýyl amanaty», «Auyl amanaty»; a hyphen may be written as a space («Nur Sultan»).
A Latin spelling of a capitalised name is case-sensitive (a capital first letter: a Latin spelling of a
Kazakh word may be an English word in lower case); one of a common noun (маслихат, әкімдік) is not. The
`latin` lists of `organizations.jsonl` and `projects.jsonl` keep only spellings this module does not make. English and Latin aliases also get their form without articles, and the trie
skips an article the alias lacks, so «Together with People» and «Together with the People» meet.

>>> sorted(text for _, text, _ in latin_aliases([("kk", "Нұр-Сұлтан", {})]))[:3]
['Nur Sultan', 'Nur-Sultan', 'Nūr Sūltan']
>>> [text for _, text, _ in latin_aliases([("en", "Together with the People", {})])]
['Together with People']
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

import regex

from ppo_nlp.normalize.kk_latin import latin_forms

ARTICLES = frozenset({"the", "a", "an"})  # folded English articles an alias may leave out
MIN_LETTERS = 4  # shorter Cyrillic aliases (Ақ, Ел) would make Latin forms that are common words
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_ARTICLE = regex.compile(r"\s+(?:the|a|an)(?=\s)", regex.IGNORECASE)

AliasItem = tuple[str, str, dict[str, Any]]


def _spellings(form: str) -> set[str]:
    """A Latin form as written, and with spaces for hyphens (Nur-Sultan, Nur Sultan)."""
    return {form, form.replace("-", " ")}


def _generated(text: str) -> set[str]:
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS or not _CYRILLIC.search(text):
        return set()
    return {s for form in latin_forms(text) for s in _spellings(form)}


def _without_articles(text: str) -> str:
    return " ".join(_ARTICLE.sub("", f" {text} ").split())


def _flags(lang: str, text: str, flags: dict[str, Any]) -> dict[str, Any]:
    """A Latin spelling of a capitalised Cyrillic name needs a capital too; of a common noun (маслихат),
    not."""
    return {**flags, "case_sensitive": True} if lang in ("ru", "kk") and text[:1].isupper() else dict(flags)


def latin_aliases(items: Iterable[AliasItem]) -> Iterator[AliasItem]:
    """(lang `latin`, alias, flags) for every generated spelling of the (lang, alias, flags) items that no
    item already spells."""
    items = list(items)
    seen = {text for _, text, _ in items}
    for lang, text, flags in items:
        if lang in ("ru", "kk"):
            forms = sorted(_generated(text))
        elif lang in ("en", "latin"):
            forms = [_without_articles(text)]
        else:
            continue
        for form in forms:
            if form and form not in seen:
                seen.add(form)
                yield "latin", form, _flags(lang, text, flags)
