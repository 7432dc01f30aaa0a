"""Batch runs: ingest in the main process, analysis in worker processes, records in input order.

Work goes out in chunks (a few documents or ~200k characters each); at most `2 × workers` chunks are in
flight, so memory stays bounded however large the archive. Each worker loads the pipeline once. Records
come back in input order, so output is byte-identical for any number of workers.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator, Optional

from ppo_nlp.ingest import RawDoc, iter_inputs, repetition
from ppo_nlp.pipeline import Options, Pipeline

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
    """Make repeated ids unique (`id~2`, `id~3`, ...) so that resume never confuses two documents."""
    seen: dict[str, int] = {}
    for raw in raws:
        n = seen.get(raw.id, 0) + 1
        seen[raw.id] = n
        yield raw if n == 1 else replace(raw, id=f"{raw.id}~{n}")


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


def _init_worker(options: Options) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(options).warm()


def _process_chunk(chunk: list[RawDoc]) -> list[dict[str, Any]]:
    assert _worker_pipeline is not None
    return [_worker_pipeline.process(raw) for raw in chunk]


def _ordered_parallel(pieces: Iterator[list[RawDoc]], options: Options, workers: int) -> Iterator[dict]:
    window: deque[Future] = deque()
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options,)) as pool:
        for piece in pieces:
            window.append(pool.submit(_process_chunk, piece))
            if len(window) >= 2 * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def process_raws(raws: Iterable[RawDoc], options: Options, workers: int = 1) -> Iterator[dict[str, Any]]:
    """Records for ingested documents, in input order, with `workers` processes (1: in this process)."""
    if workers <= 1:
        pipeline = Pipeline(options).warm()
        for raw in raws:
            yield pipeline.process(raw)
        return
    yield from _ordered_parallel(chunks(raws), options, workers)


def run(inputs: list[str], options: Options, workers: int = 1, skip: frozenset[str] = frozenset(),
        stats: Optional[Stats] = None) -> Iterator[dict[str, Any]]:
    """Records for every document under `inputs`, skipping ids in `skip` (resume)."""
    stats = stats if stats is not None else Stats()
    # a first pass over every input learns the lines that recur across the documents of one site or folder
    # (ppo_nlp/ingest/repetition.py); the cleaner drops them. Same result for any workers/resume.
    learned = repetition.learn_raws(iter_inputs(inputs, options.limits))
    todo = skipping(unique_ids(repetition.mark(iter_inputs(inputs, options.limits), learned)), skip, stats)
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
