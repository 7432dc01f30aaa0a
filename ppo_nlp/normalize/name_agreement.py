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
    combos: list[tuple] = [([], None, None, (0, 0, 0))]
    for opts in options:
        marked = [(o, marks(o, names)) for o in opts]
        combos = [(c + [o], o.gender if g is None else g, o.case if k is None else k,
                   (m[0] + om[0], m[1] + om[1], m[2] + om[2]))
                  for c, g, k, m in combos for o, om in marked
                  if compatible(o.gender, g) and compatible(o.case, k)][:256]
    scored = [(score(g or None, k or None, gender_hint, case_hint, m), c) for c, g, k, m in combos]
    return max(scored, key=lambda sc: sc[0])[1] if scored else None
