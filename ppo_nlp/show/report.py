"""Write the static report: one page per article, the archive page, paged lists; from JSONL records.

The report is written into a fresh temporary folder beside the output and renamed into place at the end,
so an interrupted run leaves nothing half-written, and an existing non-empty folder is replaced only when
the caller asks for it (`overwrite=True`). Records are read one at a time; only small summaries stay in
memory, so archives of many thousands of articles are fine.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from ppo_nlp.show.archive import Archive
from ppo_nlp.show.article import fragment
from ppo_nlp.show.markup import page
from ppo_nlp.show.pages import index_page, list_pages

BAD_LINE = "BAD_LINE"  # a line of the input that is not a JSON object
RENDER = "RENDER"  # a record that could not be shown (an internal error, listed, never fatal)
Records = Union[Iterable[Union[str, Path]], Iterable[dict[str, Any]]]


class ReportError(ValueError):
    """A usage problem found before anything is written (missing input, output folder in the way)."""


@dataclass
class Report:
    """What was written: the folder, how many article pages, error records, unreadable lines and failures."""

    out: Path
    articles: int = 0
    errors: int = 0
    bad_lines: int = 0
    failed: int = 0


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def read_jsonl(path: Path) -> Iterator[tuple[Optional[dict[str, Any]], str]]:
    """`(record, where)` per non-blank line; `(None, "path:line: why")` for a line that is not an object."""
    with _open(path) as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError as exc:
                yield None, f"{path}:{n}: invalid JSON ({exc.msg})"
                continue
            yield (value, f"{path}:{n}") if isinstance(value, dict) else (None, f"{path}:{n}: not a JSON object")


def count_lines(paths: list[Path]) -> int:
    """Lines in the inputs (the progress bar's total)."""
    total = 0
    for path in paths:
        with _open(path) as handle:
            total += sum(1 for line in handle if line.strip())
    return total


def check_output(out: Path, overwrite: bool, inputs: list[Path]) -> None:
    """Refuse an output that is a file, a non-empty folder (unless `overwrite`), or holds an input."""
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise ReportError(f"{out} exists and is not empty; pass --overwrite to replace it")
    for path in inputs:
        if out.resolve() in path.resolve().parents:
            raise ReportError(f"the input {path} lies inside the output folder {out}; it would be deleted")


def _inputs(records: Records) -> tuple[list[Path], Optional[list[dict[str, Any]]]]:
    records = [records] if isinstance(records, (str, Path)) else list(records)
    if all(isinstance(r, dict) for r in records):
        return [], records  # type: ignore[return-value]
    if not all(isinstance(r, (str, Path)) for r in records):
        raise ReportError("records: give paths of JSONL files or record dicts, not a mix")
    paths = [Path(r) for r in records]  # type: ignore[arg-type]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise ReportError(f"no such records file: {', '.join(missing)}")
    return paths, None


def _stream(paths: list[Path], dicts: Optional[list[dict[str, Any]]]) -> Iterator[tuple[Optional[dict], str]]:
    if dicts is not None:
        yield from ((r, f"record {i}") for i, r in enumerate(dicts, 1))
    for path in paths:
        yield from read_jsonl(path)


def _progress(items: Iterable, total: int, show: bool) -> Iterable:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, unit="rec", desc="ppo-nlp show", disable=None, dynamic_ncols=True)


def write_report(records: Records, out: Union[str, Path], overwrite: bool = False,
                 progress: bool = False) -> Report:
    """Write the report for JSONL files (or record dicts) into the folder `out`; see the module doc."""
    out = Path(out)
    paths, dicts = _inputs(records)
    check_output(out, overwrite, paths)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        tmp.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the report is an ordinary folder
        total = len(dicts) if dicts is not None else count_lines(paths)
        report = _write_all(_progress(_stream(paths, dicts), total, progress), tmp)
        check_output(out, overwrite, paths)
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report.out = out
    return report


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_all(stream: Iterable[tuple[Optional[dict], str]], folder: Path) -> Report:
    (folder / "articles").mkdir()
    archive, report = Archive(), Report(folder)
    for n, (record, where) in enumerate(stream, 1):
        if record is None:
            report.bad_lines += 1
            archive.add_error({"id": where.split(": ")[0]}, BAD_LINE, where)
        elif "error" in record:
            report.errors += 1
            err = record["error"] if isinstance(record["error"], dict) else {}
            archive.add_error(record, str(err.get("code") or "E?"), str(err.get("message") or ""))
        else:
            _write_article(record, n, folder, archive, report)
    _write(folder / "index.html", index_page(archive))
    for name, html in list_pages(archive):
        _write(folder / name, html)
    return report


def _write_article(record: dict[str, Any], n: int, folder: Path, archive: Archive, report: Report) -> None:
    name = f"{n:06d}.html"
    try:
        html = page(record.get("title") or record.get("id") or name, fragment(record), up="../index.html")
    except Exception as exc:  # one bad record is listed, never the end of the report
        report.failed += 1
        archive.add_error(record, RENDER, f"{type(exc).__name__}: {exc}")
        return
    _write(folder / "articles" / name, html)
    archive.add(record, name)
    report.articles += 1


def _write(path: Path, html: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(html)


def _swap(tmp: Path, out: Path) -> None:
    """Put the finished folder in place of `out` (an empty or absent folder, or one we may replace)."""
    old = None
    if out.is_dir():
        if any(out.iterdir()):
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
            out.rename(old / "report")
        else:
            out.rmdir()
    tmp.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
