"""The same extraction on a Dask cluster.

The client reads and chunks the inputs (as `ppo_nlp.batch` does) and sends chunks to the workers; each
worker process builds its pipeline once and keeps it. Results are taken in submission order with a
bounded number of chunks in flight, so records are identical to a local run and memory stays bounded.

    from dask.distributed import Client
    from ppo_nlp.distributed import extract_dask
    with Client("tcp://scheduler:8786") as client:
        for record in extract_dask(["archive.zip"], client):
            ...
"""
from __future__ import annotations

from collections import deque
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from ppo_nlp.batch import Stats, chunks, learned_documents, skipping, unique_ids
from ppo_nlp.ingest import RawDoc
from ppo_nlp.pipeline import Options, Pipeline

_pipelines: dict[tuple, Pipeline] = {}


def _options_key(options: Options) -> tuple:
    return (options.lang, options.ner, options.time_limit)


def _worker_pipeline(options: Options) -> Pipeline:
    """The pipeline of this worker process, built on its first chunk."""
    k = _options_key(options)
    if k not in _pipelines:
        _pipelines[k] = Pipeline(options).warm()
    return _pipelines[k]


def process_chunk(chunk: list[RawDoc], options: Options) -> list[dict[str, Any]]:
    """Records for one chunk, on a Dask worker."""
    pipeline = _worker_pipeline(options)
    return [pipeline.process(raw) for raw in chunk]


def extract_dask(inputs: list[str], client: Any, options: Optional[Options] = None,
                 skip: frozenset[str] = frozenset(), stats: Optional[Stats] = None,
                 in_flight: Optional[int] = None, stdin_format: str = "auto") -> Iterator[dict[str, Any]]:
    """Records for every document under `inputs` (`-`: standard input), on `client`'s cluster, in order."""
    options = options or Options()
    stats = stats if stats is not None else Stats()
    window_size = in_flight or 2 * max(1, sum(client.nthreads().values()))
    pieces = chunks(skipping(unique_ids(learned_documents(inputs, options.limits, stdin_format)), skip, stats))
    window: deque = deque()
    for piece in pieces:
        window.append(client.submit(process_chunk, piece, options, pure=False))
        if len(window) >= window_size:
            yield from _count(window.popleft().result(), stats)
    while window:
        yield from _count(window.popleft().result(), stats)


def _count(records: list[dict[str, Any]], stats: Stats) -> Iterator[dict[str, Any]]:
    for record in records:
        stats.documents += 1
        stats.failed += "error" in record
        stats.chars += len(record.get("text") or "")
        yield record


@contextmanager
def connect(scheduler: str, workers: int = 2) -> Iterator[Any]:
    """A client for `scheduler`: an address, or 'local' for a local cluster of worker processes."""
    from dask.distributed import Client, LocalCluster

    if scheduler == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(scheduler) as client:
            yield client


def run_dask(inputs: list[str], options: Options, scheduler: str, skip: frozenset[str] = frozenset(),
             stats: Optional[Stats] = None, workers: int = 2, stdin_format: str = "auto") -> Iterator[dict[str, Any]]:
    """`extract_dask` with its own connection, for the CLI (`--dask local` or `--dask tcp://host:8786`)."""
    with connect(scheduler, workers) as client:
        yield from extract_dask(inputs, client, options, skip, stats, stdin_format=stdin_format)
