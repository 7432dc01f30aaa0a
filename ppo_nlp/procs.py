"""Worker processes that never outlive their run.

- A worker asks the kernel to end it when its parent dies (`prctl(PR_SET_PDEATHSIG)` on Linux; a thread
  that watches the parent's pid elsewhere), so even `kill -9` of the parent leaves no worker behind.
- The parent turns SIGTERM and SIGHUP into a `Terminated` exception, so the run stops like after Ctrl-C:
  the pool is stopped, what was written stays, and the summary line is printed.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator, Optional

PR_SET_PDEATHSIG = 1
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(BaseException):
    """The run received SIGTERM or SIGHUP (a BaseException, like KeyboardInterrupt, so that no
    `except Exception` around one document turns it into an error record)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def die_with_parent(parent: Optional[int] = None) -> None:
    """In a worker: end this process when the process that started it ends (`parent`: the run's pid).

    Ctrl-C is ignored here (the parent stops the pool) and SIGTERM/SIGHUP get their default action back.
    """
    ppid = os.getppid()  # the run itself, or a fork server that ends with it
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in _STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    if not (sys.platform.startswith("linux") and _set_pdeathsig()):
        threading.Thread(target=_watch_parent, args=(ppid,), daemon=True, name="ppo-nlp-parent-watch").start()
    if os.getppid() != ppid or (parent is not None and not _pid_alive(parent)):  # it died before we asked
        os._exit(1)


def _pid_alive(pid: int) -> bool:
    if os.name != "posix":  # os.kill would end the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _set_pdeathsig() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def stop_pool(pool: Any) -> None:
    """Stop a ProcessPoolExecutor now: drop queued work and end its worker processes."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:  # first, so that nothing below can wait on a busy worker
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
    _close_result_writer(pool)
    pool.shutdown(wait=False, cancel_futures=True)


def _close_result_writer(pool: Any) -> None:
    """Close this process's copy of the pool's result pipe, now that no worker writes to it.

    A worker ended while it sent a result leaves half a message in the pipe; the pool's manager thread
    would wait for the rest forever (and the interpreter, which joins that thread, would never exit).
    With every writer closed it reads end-of-file instead and shuts the pool down.
    """
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise `Terminated` in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _raise_terminated) for signum in _STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
