"""Score records against gold facts (`corpus/gold/*.json`, format in its README).

Matching is on meaning, not spelling: case, quotes, ё/е and Kazakh/Russian letter variants are folded
(`ppo_nlp.text.fold`), and two words match when one is an inflection of the other (a shared stem of all
but the last two letters, at least four letters long). Each field gets precision and recall, micro-averaged
over documents; `optional` gold facts may be found or missed without penalty.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import regex

from ppo_nlp.text import fold

_NON_WORD = regex.compile(r"[^\w%]+")


def key(text: str) -> str:
    """Folded words separated by single spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def _word_match(a: str, b: str) -> bool:
    if a == b:
        return True
    shortest = min(len(a), len(b))
    prefix = len(os.path.commonprefix([a, b]))
    return shortest >= 4 and prefix >= max(4, shortest - 2)


def similar(a: str, b: str) -> bool:
    """Same words up to inflection, or one phrase inside the other (both folded)."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ":
        return True
    wa, wb = ka.split(), kb.split()
    return len(wa) == len(wb) and all(_word_match(x, y) for x, y in zip(wa, wb))


def _any_similar(names: Iterable[str], gold_names: Iterable[str]) -> bool:
    gold_list = [g for g in gold_names if g]
    return any(similar(n, g) for n in names if n for g in gold_list)


@dataclass
class Score:
    """True positives against predictions and against gold items."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, other: "Score") -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    def as_dict(self) -> dict[str, Any]:
        p = self.tp_pred / self.pred if self.pred else 1.0
        r = self.tp_gold / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp_pred": self.tp_pred,
                "pred": self.pred, "tp_gold": self.tp_gold, "gold": self.gold}


def _score(preds: list[Any], golds: list[dict], match: Callable[[Any, dict], bool]) -> Score:
    required = [g for g in golds if not g.get("optional")]
    tp_pred = sum(any(match(p, g) for g in golds) for p in preds)
    tp_gold = sum(any(match(p, g) for p in preds) for g in required)
    return Score(tp_pred, len(preds), tp_gold, len(required))


def _org_names(org: dict) -> list[str]:
    return [org["name"]] + [m["text"] for m in org["mentions"]]


def _org_match(org: dict, gold: dict) -> bool:
    return _any_similar(_org_names(org), [gold["canonical"], *gold.get("match", [])])


def _name_match(name: str, gold_name: str) -> bool:
    """Full names match on every word; an initial matches a first name that starts with it."""
    a, b = key(name).split(), key(gold_name).split()
    if not a or not b or not _word_match(a[-1], b[-1]) or len(a) != len(b):
        return similar(name, gold_name)
    return all(x[0] == y[0] if min(len(x), len(y)) == 1 else _word_match(x, y) for x, y in zip(a[:-1], b[:-1]))


def _person_match(person: dict, gold: dict) -> bool:
    return _name_match(person["name"], gold["name"])


def _official_match(pair: tuple[dict, dict], gold: dict) -> bool:
    person, position = pair
    if not _person_match(person, gold) or not gold.get("position"):
        return False
    wanted = [gold["position"], *gold.get("also_positions", [])]
    return _any_similar([position["title"]], wanted)


def _project_names(project: dict) -> list[str]:
    return [project["name"], *(v for v in project["names"].values() if v), *(m["text"] for m in project["mentions"])]


def _project_match(project: dict, gold: dict) -> bool:
    return _any_similar(_project_names(project), gold["names"])


def _same_number(a: Any, b: Any) -> bool:
    """`a` (ours) equals the gold `b`, to the precision the gold is written in (a third written 0.3333)."""
    if a is None or b is None:
        return False
    written = repr(float(b)).split(".")[1] if "e" not in repr(float(b)) else ""
    rounding = 0.5 * 10 ** -len(written) if written.strip("0") else 0.0
    return abs(float(a) - float(b)) <= max(1e-6 * max(1.0, abs(float(b))), rounding)


def _count_match(count: dict, gold: dict) -> bool:
    if "min" in gold and "value" not in gold:
        return _same_number(count["min"], gold["min"]) and _same_number(count["max"], gold["max"])
    return _same_number(count["value"], gold["value"]) and count["qualifier"] == gold.get("qualifier", "exact")


def _location_match(location: dict, gold: str) -> bool:
    return _any_similar([location["name"]] + [m["text"] for m in location["mentions"]], [gold])


def _furniture(record: dict, gold: dict) -> Score:
    lines = {key(line) for line in record["text"].splitlines()}
    furniture = gold.get("boilerplate", [])
    removed = sum(key(line) not in lines for line in furniture)
    return Score(removed, len(furniture), removed, len(furniture))


def _not_counts(record: dict, gold: dict) -> int:
    """Counts reported inside a gold `not_counts` phrase (should be 0)."""
    texts = [key(c["text"]) for c in record["counts"]]
    return sum(any(t and t in key(nc) for t in texts) for nc in gold.get("not_counts", []))


def _metadata(record: dict, gold: dict, field_name: str) -> Score:
    pred, want = record.get(field_name), gold.get(field_name)
    if field_name == "published":
        ok = bool(pred and want and str(pred).startswith(want))
    else:
        ok = bool(pred and want and key(pred) == key(want))
    return Score(int(ok), int(pred is not None), int(ok), int(want is not None))


@dataclass
class Report:
    fields: dict[str, Score] = field(default_factory=dict)
    not_counts: int = 0
    documents: int = 0
    missing: list[str] = field(default_factory=list)

    def add(self, name: str, score: Score) -> None:
        self.fields.setdefault(name, Score()).add(score)


FIELDS = ("lang", "title", "published", "outlet", "author", "furniture_removed", "organizations", "people",
          "officials", "projects", "counts", "locations")


def _officials(record: dict) -> list[tuple[dict, dict]]:
    return [(p, pos) for p in record["people"] for pos in p["positions"]]


def score_document(record: dict, gold: dict, report: Report) -> None:
    """Add one document's scores to `report`."""
    same_lang = int(record["lang"] == gold["lang"])
    report.add("lang", Score(same_lang, 1, same_lang, 1))
    for name in ("title", "published", "outlet", "author"):
        report.add(name, _metadata(record, gold, name))
    report.add("furniture_removed", _furniture(record, gold))
    report.add("organizations", _score(record["organizations"], gold["organizations"], _org_match))
    report.add("people", _score(record["people"], gold["people"], _person_match))
    officials = [g for g in gold["people"] if g.get("position")]
    report.add("officials", _score(_officials(record), officials, _official_match))
    report.add("projects", _score(record["projects"], gold["projects"], _project_match))
    golds = gold["counts"] + gold.get("ranges", [])
    report.add("counts", _score(record["counts"], golds, _count_match))
    report.add("locations", _score(record["locations"], [{"name": n} for n in gold["locations"]],
                                   lambda loc, g: _location_match(loc, g["name"])))
    report.not_counts += _not_counts(record, gold)


def _doc_key(record_id: str) -> str:
    return Path(record_id.split("!/")[-1]).stem


def evaluate(records: Iterable[dict], golds: dict[str, dict]) -> dict[str, Any]:
    """Scores of `records` against `golds` (keyed by document file stem)."""
    report = Report()
    by_key = {_doc_key(r["id"]): r for r in records if "error" not in r}
    for name, gold in sorted(golds.items()):
        record = by_key.get(name)
        if record is None:
            report.missing.append(name)
            continue
        report.documents += 1
        score_document(record, gold, report)
    out: dict[str, Any] = {name: report.fields[name].as_dict() for name in FIELDS if name in report.fields}
    out["not_counts_reported"] = report.not_counts
    out["documents"] = report.documents
    out["missing"] = report.missing
    return out


def load_gold(folder: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def evaluate_files(records_path: Path, gold_dir: Path) -> dict[str, Any]:
    with records_path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return evaluate(records, load_gold(gold_dir))


def format_table(scores: dict[str, Any]) -> str:
    """A plain-text table: field, precision, recall, F1 and the counts behind them."""
    lines = [f"{'field':<18} {'P':>6} {'R':>6} {'F1':>6}   tp/pred   tp/gold"]
    for name in FIELDS:
        if name in scores:
            s = scores[name]
            lines.append(f"{name:<18} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}   "
                         f"{s['tp_pred']:>3}/{s['pred']:<4}  {s['tp_gold']:>3}/{s['gold']:<4}")
    lines.append(f"not_counts reported: {scores['not_counts_reported']}; documents: {scores['documents']}"
                 + (f"; missing: {', '.join(scores['missing'])}" if scores["missing"] else ""))
    return "\n".join(lines)
