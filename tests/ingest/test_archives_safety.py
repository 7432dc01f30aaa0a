"""Archives: members read in memory with caps, unsafe names and links refused, broken archives reported."""
from __future__ import annotations

import gzip
import io
import json
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


def test_archives_member_count_cap(tmp_path):
    path = _zip(tmp_path / "many.zip", {f"m{i}.txt": BODY.encode() for i in range(5)})
    result = _summary([path], IngestLimits(max_members=3))
    assert [r for r in result if r[1] is None] == [(f"many.zip!/m{i}.txt", None) for i in range(3)]
    assert result[-1] == ("many.zip", "E003")


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
