"""What an output may be, who may write it, and how it is replaced without damage.

- `check_output` refuses an output that is one of the inputs, lies inside an input folder, or is already
  there when the run neither resumes nor overwrites (`OutputRefused`, exit status 2 in the CLI).
- `OutputLock` is an exclusive lock on `OUT.lock`, so that two runs never write the same output.
- `StagedFile` is a new file written under a temporary name beside its target and renamed onto it
  (`promote()`), so a run that fails before its first record never touches an earlier output.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import IO, Iterable, Optional

PART_SUFFIX = ".part"


class OutputRefused(ValueError):
    """The output cannot be written as asked: a usage error."""


def _resolved(path: str | Path) -> Path:
    return Path(os.path.abspath(path)).resolve()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a == b or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_output(output: str | Path, inputs: Iterable[str | Path], existing: Iterable[Path],
                 resume: bool, overwrite: bool) -> None:
    """Refuse an output equal to an input, inside an input folder, or already there (see the module doc)."""
    out = _resolved(output)
    if out.is_dir():
        raise OutputRefused(f"the output {output} is a folder; name a file in it")
    for given in inputs:
        if str(given) == "-":
            continue
        src = _resolved(given)
        if _same_file(out, src):
            raise OutputRefused(f"the output {output} is also an input; write it somewhere else")
        if src.is_dir() and src in out.parents:
            raise OutputRefused(f"the output {output} is inside the input folder {given}; "
                                "it would be read back as input: write it outside")
    found = [p for p in existing if p.exists()]
    if found and not (resume or overwrite):
        raise OutputRefused(f"{found[0]} already exists: add --resume to continue it or --overwrite to replace it")


class OutputLock:
    """An exclusive lock on `<output>.lock`, held for the whole run; a second run is refused at once.

    The lock is the operating system's (flock), so a run killed with `kill -9` releases it; the file is
    removed when the run ends normally.
    """

    def __init__(self, output: str | Path) -> None:
        self.path = Path(str(output) + ".lock")
        self._fh: Optional[IO[str]] = None

    def acquire(self) -> "OutputLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fh = open(self.path, "a+", encoding="utf-8")
            if not _try_lock(fh):
                fh.close()
                raise OutputRefused(f"another run is writing {self.path.name[:-5]} (it holds {self.path}); "
                                    "wait for it to end")
            if _still_linked(fh, self.path):  # not removed by a run that just ended
                break
            fh.close()
        fh.truncate(0)
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is not None:
            self.path.unlink(missing_ok=True)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _try_lock(fh: IO[str]) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: lock the first byte
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _still_linked(fh: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fh.fileno()), os.stat(path))
    except OSError:
        return False


def remove_stale_parts(target: Path) -> None:
    """Temporary files a killed run left beside `target` before its first record (call under the lock)."""
    prefix = f".{target.name}."
    for path in target.parent.glob("*" + PART_SUFFIX):
        if path.name.startswith(prefix):
            path.unlink(missing_ok=True)


class StagedFile:
    """A new text file beside `target` under a temporary name; `promote()` renames it onto `target`."""

    def __init__(self, target: Path, encoding: str = "utf-8", newline: str = "\n") -> None:
        self.target = target
        self.tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{PART_SUFFIX}")
        fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        self.fh = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        self.promoted = False

    def promote(self) -> None:
        """Make the file the target (atomically: readers see the old file or this one, never a mix)."""
        if not self.promoted:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            os.replace(self.tmp, self.target)
            self.promoted = True

    def discard(self) -> None:
        """Close; remove the file if it never became the target."""
        self.fh.close()
        if not self.promoted:
            self.tmp.unlink(missing_ok=True)
