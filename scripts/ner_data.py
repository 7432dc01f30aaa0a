"""Read the public NER corpora into one shape: `Sample(text, spans)` with our labels and char offsets.

Label maps (others are dropped):
- KazNERD (kk, IOB2): PERSON, ORGANISATION->ORG, GPE/LOCATION->LOC, POSITION, PROJECT.
- NEREL (ru, brat, nested): PERSON, ORGANIZATION->ORG, CITY/COUNTRY/STATE_OR_PROVINCE/LOCATION/DISTRICT->LOC,
  PROFESSION->POSITION. Nesting rule (`resolve`): (1) LOC spans starting with a lower-case letter are
  dropped (adjectives "российских"; "столицы Киргизии" gives way to the nested "Киргизии"); (2) keep the
  outermost spans (longest first, then leftmost), dropping any span that overlaps one already kept;
  (3) a kept POSITION ending with a nested PERSON/ORG/LOC is split in two: "министр иностранных дел
  России" -> POSITION "министр иностранных дел" + LOC "России", so positions and their organizations
  stay separate facts.
- factRuEval-2016 dev (ru): an object's extent runs from its first span's start to its last span's end;
  Person->PERSON, Org->ORG, Location/LocOrg->LOC; `job` spans->POSITION only for training; the same
  outermost rule. Split by document: sorted documents with an even index train, odd ones are held out.
- CoNLL-2003 (en, IOB1): PER->PERSON, ORG, LOC; MISC dropped. WikiANN: PER/ORG/LOC, IOB2.
Token corpora become text by joining tokens with single spaces; the gold tokens are kept for training.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

Span = tuple[int, int, str]

KAZNERD_MAP = {"PERSON": "PERSON", "ORGANISATION": "ORG", "GPE": "LOC", "LOCATION": "LOC",
               "POSITION": "POSITION", "PROJECT": "PROJECT"}
NEREL_MAP = {"PERSON": "PERSON", "ORGANIZATION": "ORG", "CITY": "LOC", "COUNTRY": "LOC",
             "STATE_OR_PROVINCE": "LOC", "LOCATION": "LOC", "DISTRICT": "LOC", "PROFESSION": "POSITION"}
FACTRU_MAP = {"Person": "PERSON", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
CONLL_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}


@dataclass
class Sample:
    """One training or dev unit: text, gold spans, and the gold tokens when the corpus has them."""

    text: str
    spans: list[Span]
    words: Optional[list[str]] = None
    doc_id: str = ""
    meta: dict = field(default_factory=dict)


def outermost(spans: Iterable[Span]) -> list[Span]:
    """Longest spans first; drop any span overlapping one already kept; return sorted by start."""
    kept: list[Span] = []
    for s in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0], s[2])):
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    return sorted(kept)


def _split_position(text: str, pos: Span, spans: list[Span]) -> list[Span]:
    """A POSITION ending with a nested PERSON/ORG/LOC -> the title before it + that span."""
    inner = [s for s in spans if s[1] == pos[1] and s[0] > pos[0] and s[2] in ("PERSON", "ORG", "LOC")]
    if not inner:
        return [pos]
    tail = min(inner, key=lambda s: s[0])
    title_end = pos[0] + len(text[pos[0]:tail[0]].rstrip(" ,-—«\"("))
    return ([(pos[0], title_end, "POSITION")] if title_end > pos[0] else []) + [tail]


def resolve(text: str, spans: list[Span]) -> list[Span]:
    """Nested spans of our labels -> one flat, non-overlapping list (the rule in the module docstring)."""
    spans = [s for s in spans if not (s[2] == "LOC" and text[s[0]:s[0] + 1].islower())]
    flat: list[Span] = []
    for s in outermost(spans):
        flat.extend(_split_position(text, s, spans) if s[2] == "POSITION" else [s])
    return sorted(flat)


# ---------------------------------------------------------------- token (IOB) corpora

def iob1_to_iob2(tags: list[str]) -> list[str]:
    """CoNLL-2003 IOB1: an I- tag that opens an entity becomes B-."""
    out = []
    for i, tag in enumerate(tags):
        prev = out[i - 1] if i else "O"
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def tags_to_spans(words: list[str], tags: list[str], label_map: dict[str, str]) -> Sample:
    """Join tokens with spaces and turn IOB2 tags into mapped char spans."""
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    spans: list[Span] = []
    cur: Optional[list] = None
    for i, tag in enumerate(tags + ["O"]):
        if cur and not (tag.startswith("I-") and tag[2:] == cur[2]):
            spans.append((starts[cur[0]], starts[cur[1]] + len(words[cur[1]]), cur[2]))
            cur = None
        if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
            cur = [i, i, tag[2:]]
        elif cur and tag.startswith("I-"):
            cur[1] = i
    mapped = [(s, e, label_map[lab]) for s, e, lab in spans if lab in label_map]
    return Sample(" ".join(words), mapped, words=list(words))


def read_columns(path: Path, word_col: int, tag_col: int, sep: Optional[str] = None) -> Iterator[tuple[list, list]]:
    """Sentences of a column file (blank line between sentences, DOCSTART lines skipped)."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        cols = line.split(sep) if line.strip() else []
        if cols and "DOCSTART" in cols[0]:
            continue
        if len(cols) > max(word_col, tag_col):
            words.append(cols[word_col])
            tags.append(cols[tag_col].strip())
        elif words:
            yield words, tags
            words, tags = [], []


def read_kaznerd(path: Path) -> list[Sample]:
    """KazNERD `token TAG` lines, IOB2."""
    return [tags_to_spans(w, t, KAZNERD_MAP) for w, t in read_columns(path, 0, 1, " ")]


def read_conll2003(path: Path) -> list[Sample]:
    """CoNLL-2003 `token POS chunk TAG` lines, IOB1."""
    return [tags_to_spans(w, iob1_to_iob2(t), CONLL_MAP) for w, t in read_columns(path, 0, 3, " ")]


def read_conllu_iob(path: Path) -> list[Sample]:
    """WikiANN / BSNLP `idx<TAB>token<TAB>tag`, IOB2, PER/ORG/LOC."""
    return [tags_to_spans(w, t, CONLL_MAP) for w, t in read_columns(path, 1, 2, "\t")]


# ---------------------------------------------------------------- NEREL (brat standoff)

_BRAT_T = re.compile(r"^T\d+\t(\S+) (\d+(?: \d+)*(?:;\d+ \d+)*)\t")


def read_brat_spans(ann: Path, label_map: dict[str, str]) -> list[Span]:
    """Mapped spans of a brat .ann file (discontinuous spans use their full extent)."""
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        m = _BRAT_T.match(line)
        if m and m.group(1) in label_map:
            offsets = [int(x) for x in re.split(r"[ ;]", m.group(2))]
            spans.append((min(offsets), max(offsets), label_map[m.group(1)]))
    return spans


def split_paragraphs(text: str, spans: list[Span], doc_id: str) -> list[Sample]:
    """Cut a document on newlines into paragraphs; spans crossing a cut are dropped."""
    out, pos = [], 0
    for para in text.split("\n"):
        end = pos + len(para)
        if para.strip():
            inside = [(s - pos, e - pos, lab) for s, e, lab in spans if s >= pos and e <= end]
            out.append(Sample(para, inside, doc_id=doc_id))
        pos = end + 1
    return out


def read_nerel(folder: Path) -> list[Sample]:
    """NEREL documents of one split, cut into paragraphs, outermost spans of our labels."""
    out: list[Sample] = []
    for txt in sorted(folder.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        spans = resolve(text, read_brat_spans(txt.with_suffix(".ann"), NEREL_MAP))
        out.extend(split_paragraphs(text, spans, txt.stem))
    return out


# ---------------------------------------------------------------- factRuEval-2016

def _factru_span_offsets(path: Path) -> dict[str, tuple[int, int]]:
    """span id -> (start, end) from a .spans file."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if len(cols) >= 4:
            out[cols[0]] = (int(cols[2]), int(cols[2]) + int(cols[3]))
    return out


def _factru_jobs(path: Path) -> list[Span]:
    """`job` spans of a .spans file as POSITION."""
    rows = (ln.split() for ln in path.read_text(encoding="utf-8").splitlines())
    return [(int(c[2]), int(c[2]) + int(c[3]), "POSITION") for c in rows if len(c) >= 4 and c[1] == "job"]


def read_factru_doc(base: Path, jobs: bool = False) -> Sample:
    """One factRuEval document with object extents (and `job` spans when asked) as spans."""
    text = base.with_suffix(".txt").read_text(encoding="utf-8")
    offsets = _factru_span_offsets(base.with_suffix(".spans"))
    spans = _factru_jobs(base.with_suffix(".spans")) if jobs else []
    for line in base.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        cols = line.split("#")[0].split()
        if len(cols) >= 3 and cols[1] in FACTRU_MAP:
            parts = [offsets[s] for s in cols[2:] if s in offsets]
            if parts:
                spans.append((min(p[0] for p in parts), max(p[1] for p in parts), FACTRU_MAP[cols[1]]))
    return Sample(text, resolve(text, spans) if jobs else outermost(spans), doc_id=base.name)


def read_factru(folder: Path, part: str = "heldout") -> list[Sample]:
    """factRuEval dev documents of one half: `train` (even index, with jobs) or `heldout` (odd index)."""
    bases = [p.with_suffix("") for p in sorted(folder.glob("*.objects"))]
    keep = bases[0::2] if part == "train" else bases[1::2]
    return [read_factru_doc(b, jobs=part == "train") for b in keep]
