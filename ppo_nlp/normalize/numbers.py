"""Numbers written with digits or words (ru, kk, en) to values.

>>> parse_number("54 000")
54000.0
>>> parse_number("2,5 млрд")
2500000000.0
>>> parse_number("четыре тысячи", "ru")
4000.0
>>> parse_number("төрттен бірі", "kk")
0.25
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from ppo_nlp.normalize.number_tokens import NumberToken, number_tokens, number_word
from ppo_nlp.normalize.number_words import WordNum, abbreviations, combine
from ppo_nlp.text import has_kazakh_letters, python_digits

_SPACES = " \u00a0\u202f"
_SEP_RE = regex.compile(r"[.,\u00a0\u202f ]")
_GAP_RE = regex.compile(r"[ \t\u00a0\u202f]*+")
HALF = WordNum(0.5, "half")
MAX_WORD_RUN = 12  # no number is written with more words ("девятьсот девяносто девять тысяч ...")
_CASE_KINDS = frozenset({"abl", "gen", "dat", "loc", "acc", "ins", "poss"})


@dataclass(frozen=True)
class NumberMatch:
    """A number in a text: offsets, value and how it was written."""

    start: int
    end: int
    value: float
    kind: str  # int | decimal | fraction | percent
    multiplier_text: str = ""
    words: bool = False  # spelled out, no digits
    bare: bool = False  # a multiplier word alone ("миллиона", "мыңнан")
    case: str = ""  # Kazakh case ending on the number ("abl" in "150-ден", "мыңнан")


def resolve_lang(text: str, lang: Optional[str]) -> str:
    """`lang` for the word lists; a guess from the letters when None."""
    if lang in ("ru", "kk", "en"):
        return lang
    return "kk" if has_kazakh_letters(text) else "ru"


def _follows(toks: list[NumberToken], j: int) -> bool:
    """Whether `toks[j]` comes right after `toks[j - 1]` in the full token stream (no word left out between)."""
    return toks[j].joined


def _thousands_sep(sep: str, lang: str) -> bool:
    """Whether a lone `sep` before three digits groups thousands (else it is a decimal mark)."""
    return sep in _SPACES or (sep == "," and lang == "en") or (sep == "." and lang != "en")


def _grouped(groups: list[str], seps: list[str]) -> bool:
    """Whether digit groups are well-formed thousands: one separator, groups of three."""
    if not seps:
        return True
    same = len(set(seps)) == 1 or all(s in _SPACES for s in seps)
    return same and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def digits_value(raw: str, lang: str = "ru") -> Optional[tuple[float, str]]:
    """A digit string with separators to (value, 'int'|'decimal'); None when it is not one number."""
    groups, seps = _SEP_RE.split(raw), _SEP_RE.findall(raw)
    if not python_digits(*groups):
        return None
    decimal = False
    if seps and seps[-1] in ",.":
        last, others = seps[-1], seps[:-1]
        if others and last not in others:
            decimal = True
        elif not others:
            decimal = not (len(groups[-1]) == 3 and _thousands_sep(last, lang))
    int_groups, int_seps = (groups[:-1], seps[:-1]) if decimal else (groups, seps)
    if not _grouped(int_groups, int_seps):
        return None
    whole = "".join(int_groups)
    if decimal:
        return float(f"{whole}.{groups[-1]}"), "decimal"
    return float(whole), "int"


def _num_pieces(tok: NumberToken, lang: str) -> list[tuple[int, int, float, str]]:
    """A digit run as one number, or as several numbers split at spaces; codes give nothing."""
    parsed = digits_value(tok.text, lang)
    if parsed is not None:
        return [(tok.start, tok.start + len(tok.text), parsed[0], parsed[1])]
    out, offset = [], tok.start
    for piece in regex.split(r"([ \u00a0\u202f])", tok.text):
        if piece and piece not in _SPACES:
            value = digits_value(piece, lang)
            if value is not None:
                out.append((offset, offset + len(piece), value[0], value[1]))
        offset += len(piece)
    return out


def _adjacent(text: str, left: int, right: int) -> bool:
    """Only blanks (no newline) between two offsets."""
    return _GAP_RE.fullmatch(text, left, right) is not None


def _word_num(tok: NumberToken, lang: str) -> Optional[WordNum]:
    """The number word a token is, including hyphenated "twenty-one"."""
    return number_word(tok.text, lang) if tok.kind == "word" else None


def _multiplier(tok: NumberToken, lang: str) -> Optional[WordNum]:
    """A multiplier word or abbreviation after digits ("тыс.", "млн", "мыңнан", "million")."""
    if tok.kind != "word":
        return None
    abbr = abbreviations().get(tok.text.lower())
    if abbr is not None:
        return WordNum(abbr, "multiplier")
    found = _word_num(tok, lang)
    return found if found is not None and found.kind == "multiplier" else None


def _suffix_case(suffix: str) -> Optional[str]:
    """The Kazakh case of a hyphenated ending ("ден" -> "abl"); None for ordinals and the rest."""
    from ppo_nlp.normalize.kk_stem import suffixes

    low = suffix.lower()
    for suf, kind in suffixes():
        if low == suf and kind in _CASE_KINDS:
            return kind
    return None


def _glued(text: str, start: int, end: int) -> bool:
    """Digits stuck to letters or to a letter-hyphen ("A320", "5G", "COVID-19")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before == "-" and start > 1 and text[start - 2].isalpha():
        return True
    return before.isalpha() or after.isalpha()


def _digit_match(toks: list[NumberToken], i: int, text: str, lang: str) -> tuple[list[NumberMatch], int]:
    """Numbers starting at the digit token `toks[i]`, and how many tokens they used."""
    tok = toks[i]
    case = _suffix_case(tok.suffix) if tok.suffix else ""
    digits_end = tok.start + len(tok.text)
    if case is None or _glued(text, tok.start, tok.end if not tok.suffix else digits_end):
        return [], 1
    pieces = _num_pieces(tok, lang)
    if not pieces:
        return [], 1
    out = [NumberMatch(s, e, v, k) for s, e, v, k in pieces[:-1]]
    start, end, value, kind = pieces[-1]
    last, used = NumberMatch(start, tok.end if tok.suffix else end, value, kind, case=case), 1
    nxt = toks[i + 1] if i + 1 < len(toks) and _follows(toks, i + 1) else None
    if nxt is not None and not tok.suffix and _adjacent(text, end, nxt.start):
        last, used = _extend_digits(last, nxt, lang)
    return out + [last], used


def _extend_digits(num: NumberMatch, nxt: NumberToken, lang: str) -> tuple[NumberMatch, int]:
    """Attach a following `%` or multiplier to a digit number."""
    if nxt.kind == "pct":
        return NumberMatch(num.start, nxt.end, num.value, "percent"), 2
    mult = _multiplier(nxt, lang)
    if mult is None:
        return num, 1
    end = nxt.end + (1 if nxt.dot and nxt.text.lower() in abbreviations() else 0)
    value = num.value * mult.value
    kind = "int" if value == int(value) else "decimal"
    return NumberMatch(num.start, end, value, kind, multiplier_text=nxt.text, case=mult.case), 2


def _word_run(toks: list[NumberToken], i: int, text: str, lang: str) -> list[tuple[NumberToken, WordNum]]:
    """Adjacent number words from `toks[i]` (English "and" allowed inside)."""
    run: list[tuple[NumberToken, WordNum]] = []
    j = i
    while j < len(toks) and len(run) < MAX_WORD_RUN and (not run or _follows(toks, j)):
        num = _word_num(toks[j], lang)
        if num is None and toks[j].text.lower() == "and" and run and _and_a_half(toks, j, text):
            run.append((toks[j + 1], HALF))
            j += 2
            continue
        if num is None and toks[j].text.lower() == "and" and run and j + 1 < len(toks):
            j += 1
            continue
        if num is None or (run and not _adjacent(text, toks[j - 1].end, toks[j].start)):
            break
        run.append((toks[j], num))
        j += 1
    return run


def _and_a_half(toks: list[NumberToken], j: int, text: str) -> bool:
    """"and a half" at `toks[j]` ("one and a half million"; the "a" is no number token)."""
    return (j + 1 < len(toks) and toks[j + 1].text.lower() == "half"
            and text[toks[j].end:toks[j + 1].start].split() == ["a"])  # so one token, the "a", between them


def _words_match(toks: list[NumberToken], i: int, text: str, lang: str) -> tuple[list[NumberMatch], int]:
    """A spelled-out number starting at `toks[i]`, and how many tokens it used."""
    run = _word_run(toks, i, text, lang)
    if not run:
        return [], 1
    if len(run) >= 2 and run[0][1].case == "abl" and run[1][1].case == "poss" and run[0][1].value:
        frac = run[1][1].value / run[0][1].value
        return [NumberMatch(run[0][0].start, run[1][0].end, frac, "fraction", words=True)], 2
    value, used = combine([num for _, num in run])
    if used == 0:
        return [], 1
    last_tok, last_num = run[used - 1]
    kinds = {num.kind for _, num in run[:used]}
    kind = "fraction" if "fraction" in kinds else ("int" if value == int(value) else "decimal")
    bare = used == 1 and last_num.kind == "multiplier"
    match = NumberMatch(run[0][0].start, last_tok.end, value, kind, words=True, bare=bare, case=last_num.case)
    return [match], _tokens_spanned(toks, i, last_tok)


def _tokens_spanned(toks: list[NumberToken], i: int, last: NumberToken) -> int:
    """How many tokens from `i` up to and including `last`."""
    j = i
    while toks[j] is not last:
        j += 1
    return j - i + 1


def find_numbers(text: str, lang: Optional[str] = None) -> list[NumberMatch]:
    """Every number in `text`, written with digits or words, in order.

    >>> [(m.value, m.kind) for m in find_numbers("51,3% и 56 мыңнан", "kk")]
    [(51.3, 'percent'), (56000.0, 'int')]
    """
    lang = resolve_lang(text, lang)
    toks = number_tokens(text, lang)
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        step = _digit_match if toks[i].kind == "num" else _words_match
        found, used = step(toks, i, text, lang) if toks[i].kind != "pct" else ([], 1)
        out.extend(found)
        i += used
    return _join_magnitudes(out, text, lang)


def _factor(m: NumberMatch, lang: str) -> Optional[float]:
    """The multiplier a whole digit number was written with ("428 млн" -> 1e6); None without one."""
    if not m.multiplier_text or m.words or m.kind != "int":
        return None
    abbr = abbreviations().get(m.multiplier_text.lower())
    found = WordNum(abbr, "multiplier") if abbr is not None else number_word(m.multiplier_text, lang)
    if found is None or found.kind != "multiplier" or m.value % found.value:
        return None
    return found.value


def _continues(prev: NumberMatch, m: NumberMatch, text: str, lang: str) -> bool:
    """Whether `m` goes on the number `prev` with a smaller magnitude: «428 млн 322 мың», «2 тыс. 500»."""
    big = _factor(prev, lang)
    if big is None or prev.case or m.words or m.kind != "int" or m.value >= big \
            or not _adjacent(text, prev.end, m.start):
        return False
    small = _factor(m, lang)
    return small < big if small is not None else big == 1000 and not m.multiplier_text


def _join_magnitudes(nums: list[NumberMatch], text: str, lang: str) -> list[NumberMatch]:
    """A digit number with a multiplier and a smaller one right after it are one number: «428 млн. 322 мың
    теңге» is 428 322 000, «1 млрд 200 млн» 1.2 billion, «2 мың 500 адам» 2 500."""
    out: list[NumberMatch] = []
    for m in nums:
        if out and _continues(out[-1], m, text, lang):
            prev = out[-1]
            out[-1] = NumberMatch(prev.start, m.end, prev.value + m.value, "int",
                                  multiplier_text=m.multiplier_text or prev.multiplier_text, case=m.case)
        else:
            out.append(m)
    return out


def parse_number(text: str, lang: Optional[str] = None) -> Optional[float]:
    """The value of a text that is one number (digits or words), else None.

    >>> parse_number("1.000.000")
    1000000.0
    >>> parse_number("1-ші", "kk") is None
    True
    """
    if not isinstance(text, str):
        return None
    found = find_numbers(text, lang)
    if len(found) != 1:
        return None
    rest = text[: found[0].start] + text[found[0].end:]
    if any(ch.isalnum() for ch in rest):
        return None
    return found[0].value
