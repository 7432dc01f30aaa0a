"""A per-document time limit that turns a stuck document into an error record.

It uses SIGALRM, so it acts only in a process's main thread on POSIX (the CLI and its worker processes);
elsewhere (a thread of a Dask worker, Windows) it does nothing and the regex timeouts inside the
extractors are the guard.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional


class DocumentTimeout(Exception):
    """Raised inside a document's processing when its time is up."""


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_timeout(signum: int, frame: object) -> None:
    raise DocumentTimeout()


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise `DocumentTimeout` in the block after `seconds` (no limit when None or not possible)."""
    if not seconds or not _can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
