"""The worst archive we can think of: nothing lost, nothing crashes, nothing written outside the output.

One folder holds every hostile case at once; `ppo-nlp extract` runs over it in a subprocess with two
workers. Every input must come out as a record or an error record (inputs = records + errors).
"""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import resource
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CORPUS

SEEDS = sorted((CORPUS / "articles").glob("*.txt"))
RU = SEEDS[0].read_text(encoding="utf-8")
KK = SEEDS[4].read_text(encoding="utf-8")
GiB = 1 << 30


def _zip_bomb(path: Path, size: int) -> None:
    """A zip whose one member inflates to `size` bytes of zeros."""
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("zeros.txt", "w", force_zip64=True) as fh:
        for _ in range(size // len(chunk)):
            fh.write(chunk)


def _evil_tar(path: Path) -> None:
    with tarfile.open(path, "w") as tf:
        for name in ("../escaped.txt", "/tmp/ppo_nlp_absolute.txt", "fine.txt"):
            data = RU.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))


def _long_article() -> str:
    paragraphs = [line for p in SEEDS for line in p.read_text(encoding="utf-8").splitlines() if len(line) > 200]
    text, out = "", []
    while len(text) < 4_000_000:
        out.extend(paragraphs)
        text = "\n".join(out)
    return text


def _odd_inputs(folder: Path) -> dict[str, str]:
    """Names that are not UTF-8, a corrupt tar, special files and links; returns {expected id: outcome}."""
    (folder / os.fsdecode(b"bad\xffname.txt")).write_text(RU, encoding="utf-8")
    with tarfile.open(folder / "names.tar", "w", format=tarfile.GNU_FORMAT, encoding="cp1251") as tf:
        for name in ("Отчёт.txt", "Форум.txt", "ok.txt"):
            info = tarfile.TarInfo(name)
            info.size = len(RU.encode("utf-8"))
            tf.addfile(info, io.BytesIO(RU.encode("utf-8")))
    data = bytearray((folder / "names.tar").read_bytes())
    second = 512 + -(-len(RU.encode("utf-8")) // 512) * 512
    data[second:second + 100] = b"\x01" * 100  # the header of Форум.txt no longer checks out
    (folder / "names.tar").write_bytes(bytes(data))
    os.mkfifo(folder / "pipe.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "linked").symlink_to(folder.parent, target_is_directory=True)
    (folder / "surrogates.jsonl").write_text(json.dumps({"id": "sur\udfffrogate", "title": "\udfff",
                                                         "text": RU + "\udfff"}) + "\n", encoding="utf-8")
    (folder / "huge.json").write_text(json.dumps({"id": "huge", "text": "а " * 4_500_000}), encoding="utf-8")
    return {"bad\\xffname.txt": "record", "names.tar!/Отчёт.txt": "record", f"names.tar@{second}": "error",
            "names.tar!/ok.txt": "record", "pipe.txt": "error", "passwd.txt": "error", "linked": "error",
            "sur\ufffdrogate": "record", "huge.json": "error"}


def build_hostile(folder: Path) -> dict[str, str]:
    """Write every case; return {expected id: 'record' | 'error' | 'any'}."""
    folder.mkdir()
    (folder / "invalid_utf8.txt").write_bytes(RU.encode("utf-8").replace("партии".encode(), b"\xff\xfe", 3))
    (folder / "cp1251.txt").write_bytes(RU.encode("cp1251", errors="replace"))
    (folder / "koi8r.txt").write_bytes(RU.encode("koi8-r", errors="replace"))
    (folder / "utf16.txt").write_bytes(KK.encode("utf-16"))
    (folder / "random.txt").write_bytes(random.Random(7).randbytes(50_000))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "long.txt").write_text(_long_article(), encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>Форум ППО</title><style>body{color:red} .x:before{content:'Нұр Отан'}</style>"
        "<script>var party = 'Нұр Отан'; for(;;){}</script></head><body><nav>Главная | Новости</nav>"
        f"<article><p>{RU.splitlines()[1]}</p><script>alert(1)</script></article></body></html>", encoding="utf-8")
    (folder / "member.txt.gz").write_bytes(gzip.compress(KK.encode("utf-8")))
    _zip_bomb(folder / "bomb.zip", GiB)
    _evil_tar(folder / "evil.tar")
    (folder / "lines.jsonl").write_text("\n".join([
        json.dumps({"id": "good", "text": RU}, ensure_ascii=False), '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "no-text", "title": "x"}), json.dumps({"id": "number-text", "text": 42})]) + "\n",
        encoding="utf-8")
    (folder / "ones.txt").write_text("1 " * 60_000, encoding="utf-8")
    (folder / "quotes.txt").write_text('"' * 20_000, encoding="utf-8")
    (folder / "letters.txt").write_text("а" * 300_000, encoding="utf-8")
    return {"invalid_utf8.txt": "record", "cp1251.txt": "record", "koi8r.txt": "record", "utf16.txt": "record",
            "random.txt": "error", "empty.txt": "error", "long.txt": "any", "page.html": "record",
            "member.txt.gz": "record", "bomb.zip!/zeros.txt": "error", "evil.tar!/../escaped.txt": "error",
            "evil.tar!//tmp/ppo_nlp_absolute.txt": "error", "evil.tar!/fine.txt": "record", "good": "record",
            "lines.jsonl#2": "error", "no-text": "error", "number-text": "error", "ones.txt": "record",
            "quotes.txt": "record", "letters.txt": "record", **_odd_inputs(folder)}


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    expected = build_hostile(root / "in")
    (root / "work").mkdir()
    before = _files(root)
    out = root / "out" / "records.jsonl"
    proc = subprocess.run([sys.executable, "-m", "ppo_nlp.cli", "extract", str(root / "in"), "-o", str(out),
                           "--workers", "2"], cwd=root / "work", capture_output=True, text=True, timeout=1800)
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return proc, expected, records, _files(root) - before, rss_kb


def test_hostile_exit_status_and_no_traceback(hostile_run):
    proc, *_ = hostile_run
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr


def test_hostile_every_input_is_a_record_or_an_error(hostile_run):
    _, expected, records, _, _ = hostile_run
    assert sorted(r["id"] for r in records) == sorted(expected)
    for record in records:
        want = expected[record["id"]]
        if want != "any":
            assert ("error" in record) == (want == "error"), record.get("error") or record["id"]


def test_hostile_decodes_legacy_encodings(hostile_run):
    records = {r["id"]: r for r in hostile_run[2]}
    for name in ("cp1251.txt", "koi8r.txt", "invalid_utf8.txt"):
        assert records[name]["lang"] == "ru" and "Шымкент" in records[name]["text"]
    assert records["utf16.txt"]["lang"] == "kk"


def test_hostile_html_scripts_and_styles_are_gone(hostile_run):
    page = {r["id"]: r for r in hostile_run[2]}["page.html"]
    assert "alert" not in page["text"] and "color:red" not in page["text"] and "var party" not in page["text"]
    assert page["title"] == "Форум ППО"


def test_hostile_error_codes(hostile_run):
    codes = {r["id"]: r["error"]["code"] for r in hostile_run[2] if "error" in r}
    assert codes["random.txt"] == "E002" and codes["empty.txt"] == "E008"
    assert codes["bomb.zip!/zeros.txt"] == "E003"
    assert codes["evil.tar!/../escaped.txt"] == codes["evil.tar!//tmp/ppo_nlp_absolute.txt"] == "E005"
    assert codes["lines.jsonl#2"] == "E006" and codes["no-text"] == codes["number-text"] == "E007"
    assert codes["pipe.txt"] == codes["passwd.txt"] == codes["linked"] == "E012"
    assert codes["huge.json"] == "E003" and [c for i, c in codes.items() if i.startswith("names.tar@")] == ["E004"]


def test_hostile_nothing_read_through_links(hostile_run):
    assert all("root:" not in r.get("text", "") for r in hostile_run[2])


def test_hostile_nothing_written_outside_the_output(hostile_run):
    new_files = hostile_run[3]
    assert {p.name for p in new_files} == {"records.jsonl"}
    assert not Path("/tmp/ppo_nlp_absolute.txt").exists()


def test_hostile_memory_stays_bounded(hostile_run):
    rss_kb = hostile_run[4]
    assert rss_kb < 1_500_000, f"peak RSS of a child process: {rss_kb / 1024:.0f} MB (a 1 GiB zip bomb was inside)"
