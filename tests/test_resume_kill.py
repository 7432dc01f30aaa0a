"""`--resume` after `kill -9` in the middle of a run: every document exactly once, no truncated line."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

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
