"""Which readings of a name's words go together: one reading per word, all agreeing in gender and case, the
best by the hints of the context (`names.to_nominative`)."""
from __future__ import annotations

from typing import Any, Optional

from ppo_nlp.text import fold

CASE_ORDER = ("nomn", "gent", "accs", "datv", "ablt", "loct")


def compatible(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a == b


def score(gender: Optional[str], case: Optional[str], gender_hint: Optional[str], case_hint: Optional[str],
          sums: tuple[int, int, int]) -> tuple:
    """Higher is better: agreement with the hints (a case hint may be several: «gent|accs»), then the rest.
    `gender`, `case`: the ones the (agreeing) readings name, None where they name none; `sums`: the readings'
    sums of `marks`."""
    specific, listed, known = sums
    agree = 2 if case and case in (case_hint or "").split("|") else 0 if case and case_hint else 1  # 1: no clash
    return (agree, gender is not None and gender == gender_hint, listed, known, specific,
            -CASE_ORDER.index(case) if case in CASE_ORDER else -len(CASE_ORDER))


def marks(r: Any, names: dict) -> tuple[int, int, int]:
    """What a reading adds to a combination's score: named case and gender, a listed first name («Нурлану»:
    Нурлан, not Нурлана), a known reading."""
    return (1 if r.case else 0) + (1 if r.gender else 0), int(fold(r.nominative) in names), int(r.known)


def agreeing(options: list[list[Any]], gender_hint: Optional[str], case_hint: Optional[str],
             names: dict) -> Optional[list[Any]]:
    """The agreeing combination of one reading per word with the best score, or None; `names`: the folded
    first names of the lists. Each combination carries the gender and case its readings agree on (None: any;
    it agrees with a reading iff each does) and the sums of their `marks`, added as it grows."""
    combos: list[tuple] = [((), None, None, 0, 0, 0)]
    for opts in options:  # `compatible` written out: this runs for every reading of every new name
        marked = [(o, o.gender, o.case, *marks(o, names)) for o in opts]
        combos = [(c + (o,), og if g is None else g, oc if k is None else k, s + os_, li + ol, kn + ok)
                  for c, g, k, s, li, kn in combos for o, og, oc, os_, ol, ok in marked
                  if (og is None or g is None or og == g) and (oc is None or k is None or oc == k)][:256]
    if not combos:
        return None
    if len(combos) == 1:  # nothing to choose between
        return list(combos[0][0])
    scored = [(score(g or None, k or None, gender_hint, case_hint, (s, li, kn)), c) for c, g, k, s, li, kn in combos]
    return list(max(scored, key=lambda sc: sc[0])[1])
