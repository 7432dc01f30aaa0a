"""Peak memory of reading odd inputs (no NLP): a huge .json object, a huge .json array, a zip of many entries.

Each case runs `iter_inputs` in a fresh process and prints its peak RSS (Linux: VmHWM), the records it gave and their
error codes. The inputs are synthetic and written to a temporary folder that is removed afterwards.

    .venv/bin/python benchmarks/ingest_memory.py [--mb 60] [--entries 1000000]
"""
from __future__ import annotations

import argparse
import json
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

CHILD = """
import collections, sys, time
from ppo_nlp.ingest import iter_inputs
def hwm():  # peak RSS of this process in MB (ru_maxrss may carry the parent's peak across exec)
    line = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))
    return int(line.split()[1]) / 1024
base = hwm()
start = time.perf_counter()
codes = collections.Counter(d.error.code if d.error else "ok" for d in iter_inputs(sys.argv[1:]))
peak = hwm()
print(f"{peak:.0f} MB peak RSS ({base:.0f} MB after import), {time.perf_counter() - start:.1f} s, {dict(codes)}")
"""
WORD = "партия "


def big_object(path: Path, mb: int) -> None:
    path.write_text(json.dumps({"id": "big", "text": WORD * (mb * 1_000_000 // 13)}, ensure_ascii=False),
                    encoding="utf-8")


def big_array(path: Path, mb: int) -> None:
    article = {"text": WORD * 1500}  # about 20 KB
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        for n in range(mb * 50):
            fh.write(("," if n else "") + json.dumps(article, ensure_ascii=False))
        fh.write("]")


def many_entries(path: Path, entries: int) -> None:
    """A zip of `entries` empty stored members, written directly (zipfile would hold them all in memory)."""
    crc = zlib.crc32(b"")
    with path.open("wb") as fh:
        central = bytearray()
        for n in range(entries):
            name, offset = f"m{n:07d}.txt".encode(), fh.tell()
            fh.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, 0, 0, len(name), 0) + name)
            central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, crc, 0, 0, len(name),
                                   0, 0, 0, 0, 0, offset) + name
        start = fh.tell()
        fh.write(central)
        end = fh.tell()
        fh.write(struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, end - start, start))
        fh.write(struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1))
        fh.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=60, help="size of the .json inputs in MB")
    parser.add_argument("--entries", type=int, default=1_000_000, help="entries of the zip")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("one JSON object", "object.json", lambda p: big_object(p, args.mb)),
                 ("a JSON array of articles", "array.json", lambda p: big_array(p, args.mb)),
                 (f"a zip of {args.entries} entries", "many.zip", lambda p: many_entries(p, args.entries))]
        for label, name, build in cases:
            path = Path(tmp) / name
            build(path)
            result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True)
            size = path.stat().st_size / 1e6
            print(f"{label:32} {size:7.1f} MB file: {(result.stdout or result.stderr).strip()[-300:]}")
            path.unlink()


if __name__ == "__main__":
    main()
