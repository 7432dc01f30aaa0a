"""Stopped runs: `--resume` after `kill -9` gives every document once; no worker outlives its run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS

SEEDS = sorted((CORPUS / "articles").glob("*.txt"))


def _jsonl(path, n: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"doc-{i:04d}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


def _extract(src, out, *extra) -> subprocess.Popen:
    argv = [sys.executable, "-m", "ppo_nlp.cli", "extract", str(src), "-o", str(out), "--workers", "2", "--no-ner"]
    return subprocess.Popen(argv + list(extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _lines(path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_resume_after_kill_9(tmp_path):
    src, cut, full = tmp_path / "in.jsonl", tmp_path / "cut.jsonl", tmp_path / "full.jsonl"
    _jsonl(src, 160)
    proc = _extract(src, cut)
    while _lines(cut) < 30 and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < _lines(cut) < 160, "the kill came too late to test anything"
    assert _extract(src, cut, "--resume").wait(timeout=900) == 0
    assert _extract(src, full).wait(timeout=900) == 0
    ids = [json.loads(line)["id"] for line in cut.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 160
    assert cut.read_bytes() == full.read_bytes()


def _workers(pid: int) -> list[int]:
    """Worker processes of `pid`: its children running the same command line (Linux /proc)."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes() if Path(f"/proc/{pid}/cmdline").exists() else None
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z" and (stat.parent / "cmdline").read_bytes() == own:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def _started(src, out, n_lines: int) -> tuple[subprocess.Popen, list[int]]:
    """A run with two workers, once both work and the output holds `n_lines` records."""
    proc = _extract(src, out)
    workers: list[int] = []
    while proc.poll() is None and (len(workers) < 2 or _lines(out) < n_lines):
        workers = _workers(proc.pid) if len(workers) < 2 else workers
        time.sleep(0.05)
    assert proc.poll() is None and len(workers) == 2, "the run ended before the test could stop it"
    return proc, workers


def _until_gone(pids: list[int], patience: float = 60.0) -> list[int]:
    deadline = time.monotonic() + patience  # a bound on waiting, not a speed assertion
    while _alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _alive(pids)


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads worker pids from /proc")


@linux_only
@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGKILL, -9)])
def test_resume_kill_parent_leaves_no_worker(tmp_path, signum, status):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _jsonl(src, 120)
    proc, workers = _started(src, out, 8)
    os.kill(proc.pid, signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == status
    assert _until_gone(workers) == []
    if signum != signal.SIGKILL:
        assert "--resume" in err.decode() and "documents," in err.decode()  # the summary line


@linux_only
def test_resume_kill_one_worker_ends_the_run_resumably(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _jsonl(src, 120)
    proc, workers = _started(src, out, 8)
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 3, err.decode()
    assert "worker process died" in err.decode() and "documents," in err.decode()
    assert "Traceback" not in err.decode()
    assert _until_gone(workers) == []
    kept = _lines(out)
    assert _extract(src, out, "--resume").wait(timeout=900) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert kept > 0 and len(ids) == len(set(ids)) == 120


@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_resume_kill_signal_stops_a_one_process_run(tmp_path, signum, status):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _jsonl(src, 120)
    proc = _extract(src, out, "--workers", "1")
    while _lines(out) < 5 and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before the test could stop it"
    os.kill(proc.pid, signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == status, err.decode()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all("error" not in r for r in records)  # the signal never became an error record
    assert _extract(src, out, "--resume").wait(timeout=900) == 0
    assert len({json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()}) == 120
