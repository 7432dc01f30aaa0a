"""Batch runs: ingest in the main process, analysis in worker processes, records in input order.

Work goes out in chunks (a few documents or ~200k characters each); at most `2 × workers` chunks are in
flight, so memory stays bounded however large the archive. Each worker loads the pipeline once. Records
come back in input order, so output is byte-identical for any number of workers.
"""
from __future__ import annotations

import os
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Optional

from ppo_nlp.ingest import RawDoc, iter_inputs, repetition
from ppo_nlp.ingest.model import IngestLimits
from ppo_nlp.ingest.archives import read_stream
from ppo_nlp.ingest.kinds import ARCHIVE_KINDS, input_kind, is_skipped
from ppo_nlp.pipeline import Options, Pipeline

STDIN = "-"
STDIN_FORMATS = ("auto", "text", "jsonl")
CHUNK_DOCS = 16
CHUNK_CHARS = 200_000

_worker_pipeline: Optional[Pipeline] = None


@dataclass
class Stats:
    documents: int = 0
    failed: int = 0
    chars: int = 0
    skipped: int = 0


def unique_ids(raws: Iterable[RawDoc]) -> Iterator[RawDoc]:
    """Make repeated ids unique (`id~2`, `id~3`, ...) so that resume never confuses two documents.

    A new id never takes one already given, even one that arrives as such: `a a a~2` -> `a a~2 a~2~2`.
    """
    taken: set[str] = set()
    repeats: dict[str, int] = {}
    for raw in raws:
        doc_id = raw.id
        while doc_id in taken:
            n = repeats.get(raw.id, 1) + 1
            repeats[raw.id] = n
            doc_id = f"{raw.id}~{n}"
        taken.add(doc_id)
        yield raw if doc_id == raw.id else replace(raw, id=doc_id)


def iter_documents(inputs: list[str], limits: IngestLimits = IngestLimits(), stdin_format: str = "auto",
                   stdin: Optional[BinaryIO] = None) -> Iterator[RawDoc]:
    """`iter_inputs` over the paths, with `-` read from standard input (one document, or JSONL)."""
    paths: list[str] = []
    for given in inputs:
        if str(given) != STDIN:
            paths.append(given)
            continue
        yield from iter_inputs(paths, limits)
        paths = []
        yield from _read_stdin(stdin or sys.stdin.buffer, limits, stdin_format)
    yield from iter_inputs(paths, limits)


def _read_stdin(stream: BinaryIO, limits: IngestLimits, stdin_format: str) -> Iterator[RawDoc]:
    """Standard input as one document (id `stdin`), or as JSONL (ids `stdin#1`, ... unless given)."""
    fmt = stdin_format if stdin_format != "auto" else _sniff(stream)
    name = "stdin.jsonl" if fmt == "jsonl" else "stdin.txt"
    yield from read_stream(stream, name, "stdin", STDIN, limits, None, 0)


def _sniff(stream: BinaryIO) -> str:
    """`jsonl` when the first character that is not blank is `{`, else `text` (reads nothing away)."""
    peek = getattr(stream, "peek", None)
    head = peek(4096)[:4096] if peek else b""
    return "jsonl" if head.lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"{") else "text"


def count_inputs(inputs: list[str]) -> tuple[int, bool]:
    """(files, exact): the files a run would read, from names only; `exact` when each is one document."""
    files, exact = 0, True
    for given in inputs:
        if str(given) == STDIN:
            files, exact = files + 1, False
            continue
        for name in _candidate_files(Path(given)):
            files += 1
            kind = input_kind(name)
            exact = exact and kind not in ARCHIVE_KINDS and kind not in ("json", "jsonl")
    return files, exact


def _candidate_files(path: Path) -> Iterator[str]:
    """Names of the files under `path` that ingest reads (or reports), as its folder walk finds them."""
    if not path.is_dir():
        yield path.name
        return
    for folder, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        yield from (n for n in names if not n.startswith(".") and not is_skipped(n))


def chunks(raws: Iterable[RawDoc]) -> Iterator[list[RawDoc]]:
    """Groups of documents, cut at CHUNK_DOCS documents or CHUNK_CHARS characters."""
    chunk: list[RawDoc] = []
    size = 0
    for raw in raws:
        chunk.append(raw)
        size += len(raw.text or "")
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _init_worker(options: Options, parent: int) -> None:
    global _worker_pipeline
    from ppo_nlp.procs import die_with_parent

    die_with_parent(parent)
    _worker_pipeline = Pipeline(options).warm()


def _process_chunk(chunk: list[RawDoc]) -> list[dict[str, Any]]:
    assert _worker_pipeline is not None
    return [_worker_pipeline.process(raw) for raw in chunk]


def _ordered_parallel(pieces: Iterator[list[RawDoc]], options: Options, workers: int) -> Iterator[dict]:
    """Chunks out to a pool, records back in order; the pool and its workers end with this generator."""
    from ppo_nlp.procs import stop_pool

    window: deque[Future] = deque()
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options, os.getpid()))
    try:
        for piece in pieces:
            window.append(pool.submit(_process_chunk, piece))
            if len(window) >= 2 * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown()


def process_raws(raws: Iterable[RawDoc], options: Options, workers: int = 1) -> Iterator[dict[str, Any]]:
    """Records for ingested documents, in input order, with `workers` processes (1: in this process)."""
    if workers <= 1:
        pipeline = Pipeline(options).warm()
        for raw in raws:
            yield pipeline.process(raw)
        return
    yield from _ordered_parallel(chunks(raws), options, workers)


def learned_documents(inputs: list[str], limits: IngestLimits = IngestLimits(),
                      stdin_format: str = "auto") -> Iterator[RawDoc]:
    """The run's documents, each with the furniture its site or folder repeats: a first pass over the
    inputs learns the recurring lines (ppo_nlp/ingest/repetition.py), the same for any number of workers.
    Standard input is read once, so it is left out of the first pass."""
    paths = [path for path in inputs if path != STDIN]
    learned = repetition.learn_raws(iter_documents(paths, limits)) if paths else repetition.Learned()
    return repetition.mark(iter_documents(inputs, limits, stdin_format), learned)


def run(inputs: list[str], options: Options, workers: int = 1, skip: frozenset[str] = frozenset(),
        stats: Optional[Stats] = None, stdin_format: str = "auto") -> Iterator[dict[str, Any]]:
    """Records for every document under `inputs` (`-`: standard input), skipping ids in `skip` (resume)."""
    stats = stats if stats is not None else Stats()
    todo = skipping(unique_ids(learned_documents(inputs, options.limits, stdin_format)), skip, stats)
    for record in process_raws(todo, options, workers):
        stats.documents += 1
        stats.failed += "error" in record
        stats.chars += len(record.get("text") or "")
        yield record


def skipping(raws: Iterable[RawDoc], skip: frozenset[str], stats: Stats) -> Iterator[RawDoc]:
    for raw in raws:
        if raw.id in skip:
            stats.skipped += 1
            continue
        yield raw
