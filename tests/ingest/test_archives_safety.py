"""Archives: members read in memory with caps, unsafe names and links refused, broken archives reported."""
from __future__ import annotations

import gzip
import io
import json
import struct
import tarfile
import zipfile
from pathlib import Path

import pytest

from ppo_nlp.ingest import IngestLimits, iter_inputs

BODY = "Партия провела форум первичных партийных организаций."


def _zip(path: Path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _tar(path: Path, members: list[tarfile.TarInfo | tuple[str, bytes]], mode: str = "w") -> Path:
    with tarfile.open(path, mode) as archive:
        for member in members:
            if isinstance(member, tarfile.TarInfo):
                archive.addfile(member)
            else:
                info = tarfile.TarInfo(member[0])
                info.size = len(member[1])
                archive.addfile(info, io.BytesIO(member[1]))
    return path


def _summary(paths, limits=IngestLimits()):
    return [(d.id, d.error.code if d.error else None) for d in iter_inputs(paths, limits)]


def test_archives_zip_members_sorted_with_ids(tmp_path):
    path = _zip(tmp_path / "a.zip", {"z.txt": BODY.encode(), "dir/b.html": f"<p>{BODY}</p>".encode(),
                                     "pic.png": b"\x89PNG", "__MACOSX/._z.txt": b"\x00"})
    docs = list(iter_inputs([path]))
    assert [(d.id, d.kind, d.text is not None) for d in docs] == [
        ("a.zip!/dir/b.html", "html", True), ("a.zip!/z.txt", "text", True)]
    assert docs[1].source == f"{path}!/z.txt"


def test_archives_zip_bomb_stops_at_member_cap(tmp_path):
    path = _zip(tmp_path / "bomb.zip", {"zeros.txt": b"0" * 20_000_000, "ok.txt": BODY.encode()})
    assert path.stat().st_size < 200_000
    assert _summary([path], IngestLimits(max_member_bytes=1_000_000)) == [("bomb.zip!/ok.txt", None),
                                                                        ("bomb.zip!/zeros.txt", "E003")]


def test_archives_zip_bomb_lying_header_is_capped(tmp_path):
    path = _zip(tmp_path / "bomb.zip", {"zeros.txt": b"0" * 5_000_000})
    data = bytearray(path.read_bytes())
    size = (5_000_000).to_bytes(4, "little")
    for at in range(len(data) - 4):  # shrink the declared size in both headers
        if data[at:at + 4] == size:
            data[at:at + 4] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    result = _summary([path], IngestLimits(max_member_bytes=1_000_000))
    assert len(result) == 1 and result[0][0] == "bomb.zip!/zeros.txt"


def test_archives_total_cap_stops_archive(tmp_path):
    members = {f"m{i:02d}.txt": b"x" * 400_000 for i in range(10)}
    path = _zip(tmp_path / "many.zip", members)
    result = _summary([path], IngestLimits(max_member_bytes=500_000, max_total_bytes=1_000_000))
    assert result[:2] == [("many.zip!/m00.txt", None), ("many.zip!/m01.txt", None)]
    assert result[-1] == ("many.zip", "E003")
    assert len(result) <= 4


def _eocd(entries: int, cd_size: int = 46, zip64: bool = False) -> bytes:
    """A synthetic zip tail: an end-of-central-directory record (and its zip64 pair) declaring `entries`."""
    if not zip64:
        return struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, entries, entries, cd_size, 0, 0)
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, cd_size, 0)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, 0, 1)
    return record + locator + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                                          0xFFFFFFFF, 0)


def _lying_count(path: Path, declared: int) -> Path:
    """Rewrite the entry counts of a real zip's end record (`zipfile` trusts the directory size instead)."""
    data = bytearray(path.read_bytes())
    at = data.rfind(b"PK\x05\x06")
    data[at + 8:at + 12] = struct.pack("<2H", declared, declared)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("case, members, declared, expected", [
    ("under the cap", 3, None, ["m0.txt", "m1.txt", "m2.txt"]),
    ("over the cap", 5, None, "E003"),
    ("directory longer than its declared count", 5, 1, "E003"),
    ("60,000 entries declared", 0, 60_000, "E003"),
    ("a million entries in a zip64 record", 0, -1_000_000, "E003"),
])
def test_archives_zip_entry_count_checked_before_parsing(tmp_path, case, members, declared, expected):
    """The entry count comes from the end record (zip64 too) before zipfile builds its directory."""
    path = tmp_path / "many.zip"
    if members:
        _zip(path, {f"m{i}.txt": BODY.encode() for i in range(members)})
        if declared:
            _lying_count(path, declared)
    else:
        path.write_bytes(b"PK\x01\x02" + bytes(42) + _eocd(abs(declared), zip64=declared < 0))
    result = _summary([path], IngestLimits(max_members=3))
    if expected == "E003":
        assert result == [("many.zip", "E003")], case
    else:
        assert result == [(f"many.zip!/{name}", None) for name in expected], case


def test_archives_tar_member_cap_stops_reading(tmp_path):
    path = _tar(tmp_path / "many.tar", [(f"m{i}.txt", BODY.encode()) for i in range(5)])
    result = _summary([path], IngestLimits(max_members=3))
    assert [r for r in result if r[1] is None] == [(f"many.tar!/m{i}.txt", None) for i in range(3)]
    assert result[-1] == ("many.tar", "E003")


@pytest.mark.parametrize("name", ["../x.txt", "/abs.txt", "a/../../x.txt", "C:/win.txt", "..\\x.txt"])
def test_archives_unsafe_zip_names(tmp_path, name):
    path = _zip(tmp_path / "u.zip", {name: BODY.encode(), "ok.txt": BODY.encode()})
    result = dict(_summary([path]))
    assert result[f"u.zip!/{name}"] == "E005"
    assert result["u.zip!/ok.txt"] is None
    assert not (tmp_path / "x.txt").exists() and not Path("/abs.txt").exists()


@pytest.mark.parametrize("name", ["../x.txt", "/abs.txt"])
def test_archives_unsafe_tar_names(tmp_path, name):
    path = _tar(tmp_path / "u.tar", [(name, BODY.encode()), ("ok.txt", BODY.encode())])
    assert _summary([path]) == [(f"u.tar!/{name}", "E005"), ("u.tar!/ok.txt", None)]


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.CHRTYPE, tarfile.FIFOTYPE])
def test_archives_tar_links_and_devices_refused(tmp_path, kind):
    info = tarfile.TarInfo("link.txt")
    info.type, info.linkname = kind, "/etc/passwd"
    path = _tar(tmp_path / "l.tar", [info, ("ok.txt", BODY.encode())])
    assert _summary([path]) == [("l.tar!/link.txt", "E005"), ("l.tar!/ok.txt", None)]


@pytest.mark.parametrize("suffix, mode", [(".tar", "w"), (".tar.gz", "w:gz"), (".tgz", "w:gz"), (".tar.bz2.tar", "w:bz2")])
def test_archives_tar_flavours(tmp_path, suffix, mode):
    path = _tar(tmp_path / f"t{suffix}", [("b.txt", BODY.encode()), ("a.jsonl", json.dumps({"text": BODY}).encode())],
                mode)
    assert _summary([path]) == [(f"t{suffix}!/b.txt", None), (f"t{suffix}!/a.jsonl#1", None)]


@pytest.mark.parametrize("name, content, expected", [
    ("a.txt.gz", BODY.encode(), [("a.txt.gz", None)]),
    ("a.html.gz", f"<p>{BODY}</p>".encode(), [("a.html.gz", None)]),
    ("a.jsonl.gz", (json.dumps({"text": BODY}) + "\n" + json.dumps({"id": "x", "text": BODY})).encode(),
     [("a.jsonl.gz#1", None), ("x", None)]),
])
def test_archives_gzip_single_documents(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(gzip.compress(content))
    assert _summary([tmp_path / name]) == expected


def test_archives_gzip_bomb_capped(tmp_path):
    (tmp_path / "z.txt.gz").write_bytes(gzip.compress(b"0" * 20_000_000))
    assert _summary([tmp_path / "z.txt.gz"], IngestLimits(max_member_bytes=1_000_000)) == [("z.txt.gz", "E003")]


def test_archives_nested_one_level(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("deep.txt", BODY)
    tar_inner = tmp_path / "inner.tar.gz"
    _tar(tar_inner, [("t.txt", BODY.encode())], "w:gz")
    deeper = io.BytesIO()
    with zipfile.ZipFile(deeper, "w") as archive:
        archive.writestr("in.zip", inner.getvalue())
    path = _zip(tmp_path / "outer.zip", {"in.zip": inner.getvalue(), "in.tar.gz": tar_inner.read_bytes(),
                                         "deeper.zip": deeper.getvalue()})
    assert _summary([path]) == [("outer.zip!/deeper.zip!/in.zip", "E011"), ("outer.zip!/in.tar.gz!/t.txt", None),
                                ("outer.zip!/in.zip!/deep.txt", None)]


@pytest.mark.parametrize("name, content", [
    ("broken.zip", b"PK\x03\x04 this is not really a zip"),
    ("broken.zip", b""),
    ("broken.tar", b"not a tar at all" * 100),
    ("broken.tar.gz", b"\x1f\x8b\x08\x00 truncated"),
    ("broken.txt.gz", b"\x1f\x8b\x08\x00 truncated"),
    ("broken.gz", b"plain text, not gzip"),
])
def test_archives_broken_named(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    result = _summary([tmp_path / name])
    assert result == [(name, "E004")] or (len(result) == 1 and result[0][0] == name and result[0][1] in ("E001", "E004"))


def test_archives_zip_member_corrupted(tmp_path):
    path = _zip(tmp_path / "c.zip", {"a.txt": (BODY * 50).encode(), "b.txt": BODY.encode()})
    data = bytearray(path.read_bytes())
    data[60:80] = b"\x00" * 20  # inside the compressed data of a.txt
    path.write_bytes(bytes(data))
    result = _summary([path])
    assert result[0][0] == "c.zip!/a.txt" and result[0][1] in ("E004", "E002", "E001")
    assert result[-1] == ("c.zip!/b.txt", None)


def _zip_raw_name(path: Path, raw: bytes) -> Path:
    """A zip whose one member name is `raw` bytes without the UTF-8 flag (as old Windows tools write)."""
    placeholder = b"N" * (len(raw) - 4) + b".txt"
    _zip(path, {placeholder.decode(): BODY.encode()})
    path.write_bytes(path.read_bytes().replace(placeholder, raw))
    return path


@pytest.mark.parametrize("archive, encoding, name, expected", [
    ("tar", "cp1251", "Отчёт партии.txt", "Отчёт партии.txt"),
    ("tar", "cp866", "Отчёт партии.txt", "Отчёт партии.txt"),
    ("tar", "utf-8", "Отчёт партии.txt", "Отчёт партии.txt"),
    ("tar", "latin-1", "caf\xe9.txt", "caf\\xe9.txt"),
    ("zip", "cp866", "Отчёт партии.txt", "Отчёт партии.txt"),
    ("zip", "cp1251", "Отчёт партии.txt", "Отчёт партии.txt"),
    ("zip", "utf-8", "Отчёт партии.txt", "Отчёт партии.txt"),
])
def test_archives_member_names_in_legacy_encodings(tmp_path, archive, encoding, name, expected):
    """Member names that are not UTF-8 are decoded (or escaped), never a crash; ids encode as UTF-8."""
    if archive == "tar":
        path = tmp_path / "n.tar"
        with tarfile.open(path, "w", format=tarfile.GNU_FORMAT, encoding=encoding) as tf:
            info = tarfile.TarInfo(name)
            info.size = len(BODY.encode())
            tf.addfile(info, io.BytesIO(BODY.encode()))
    else:
        path = _zip_raw_name(tmp_path / "n.zip", name.encode(encoding))
    docs = list(iter_inputs([path]))
    assert [(d.id, d.error) for d in docs] == [(f"{path.name}!/{expected}", None)]
    assert docs[0].source.encode("utf-8") and docs[0].text.startswith("Партия")


def _corrupt_tar(path: Path, spoil: str) -> Path:
    """A tar of three members with one spot spoiled: a member's header, or garbage after the last one."""
    _tar(path, [(f"{n}.txt", f"{BODY} {n}".encode()) for n in "abc"])
    data = bytearray(path.read_bytes())
    if spoil == "garbage at the end":
        data[3 * 1024:3 * 1024 + 512] = b"\x7f" * 512
    else:
        at = {"first header": 0, "middle header": 1024}[spoil]
        data[at:at + 100] = b"\x01" * 100  # the name field: the checksum no longer matches
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("spoil, expected", [
    ("first header", [("t.tar@0", "E004"), ("t.tar!/b.txt", None), ("t.tar!/c.txt", None)]),
    ("middle header", [("t.tar!/a.txt", None), ("t.tar@1024", "E004"), ("t.tar!/c.txt", None)]),
    ("garbage at the end", [("t.tar!/a.txt", None), ("t.tar!/b.txt", None), ("t.tar!/c.txt", None),
                            ("t.tar@3072", "E004")]),
])
def test_archives_tar_corrupt_header_recovered(tmp_path, spoil, expected):
    """Like GNU tar: reading resumes at the next valid header, and the corrupt spot gets its own record."""
    path = _corrupt_tar(tmp_path / "t.tar", spoil)
    assert _summary([path]) == expected
