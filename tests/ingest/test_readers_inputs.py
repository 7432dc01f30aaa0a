"""iter_inputs over files and folders: ids, order, JSON and JSONL, errors instead of lost documents."""
from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from ppo_nlp.ingest import IngestLimits, iter_inputs

BODY = "Партия провела форум первичных партийных организаций."


def _write(root: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def _summary(paths, limits=IngestLimits()):
    return [(d.id, d.kind, d.error.code if d.error else None) for d in iter_inputs(paths, limits)]


def test_readers_folder_sorted_recursive_ids(tmp_path):
    _write(tmp_path, {"b.txt": BODY, "a/z.html": f"<p>{BODY}</p>", "a/b.htm": f"<p>{BODY}</p>",
                      ".hidden.txt": BODY, ".git/x.txt": BODY, "img/photo.jpg": b"\xff\xd8", "c.TXT": BODY})
    assert _summary([tmp_path]) == [("a/b.htm", "html", None), ("a/z.html", "html", None),
                                     ("b.txt", "text", None), ("c.TXT", "text", None)]


def test_readers_seed_folder_ids(seed_paths):
    docs = list(iter_inputs([seed_paths[0].parent]))
    assert [d.id for d in docs] == [p.name for p in seed_paths]
    assert all(d.text and d.error is None for d in docs)


@pytest.mark.parametrize("name, code", [
    ("notes.md", "E011"), ("scan.pdf", "E011"), ("noext", "E011"), ("photo.png", "E011"),
])
def test_readers_explicit_unsupported_file(tmp_path, name, code):
    _write(tmp_path, {name: "x"})
    assert _summary([tmp_path / name]) == [(name, "text", code)]


def test_readers_folder_unsupported_reported_unless_clearly_not_article(tmp_path):
    _write(tmp_path, {"a.docx": b"PK", "b.png": b"\x89PNG", "c.css": "x", "d.txt": BODY})
    assert _summary([tmp_path]) == [("a.docx", "text", "E011"), ("d.txt", "text", None)]


def test_readers_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    assert _summary([missing]) == [(str(missing), "text", "E001")]


@pytest.mark.parametrize("content, code", [
    (b"", "E008"), (b"  \n\n ", "E008"), (b"\x00\x01\x02\xff" * 300, "E002"), (BODY.encode("cp1251"), None),
])
def test_readers_text_file_outcomes(tmp_path, content, code):
    _write(tmp_path, {"a.txt": content})
    assert _summary([tmp_path / "a.txt"]) == [("a.txt", "text", code)]


def test_readers_file_over_cap(tmp_path):
    _write(tmp_path, {"big.txt": "слово " * 1000})
    assert _summary([tmp_path / "big.txt"], IngestLimits(max_member_bytes=1000)) == [("big.txt", "text", "E003")]


def test_readers_jsonl_lines(tmp_path):
    lines = [
        json.dumps({"id": 17, "text": BODY, "title": "Форум", "url": "https://x.kz/1", "lang": "ru"}),
        "{broken",
        "",
        json.dumps({"text": BODY}),
        json.dumps({"id": "n", "title": "no text"}),
        json.dumps({"id": "s", "text": ["not", "a", "string"]}),
        json.dumps({"id": "h", "html": f"<p>{BODY}</p>"}),
        json.dumps({"id": "b", "body": BODY}),
        json.dumps(["not an object"]),
        json.dumps({"id": "e", "text": "  "}),
    ]
    _write(tmp_path, {"c.jsonl": "\n".join(lines)})
    docs = list(iter_inputs([tmp_path]))
    assert [(d.id, d.kind, d.error.code if d.error else None) for d in docs] == [
        ("17", "text", None), ("c.jsonl#2", "text", "E006"), ("c.jsonl#4", "text", None),
        ("n", "text", "E007"), ("s", "text", "E007"), ("h", "html", None), ("b", "text", None),
        ("c.jsonl#9", "text", "E007"), ("e", "text", "E008")]
    assert docs[0].meta == {"title": "Форум", "url": "https://x.kz/1", "lang": "ru"}
    assert docs[0].source == str(tmp_path / "c.jsonl")


def test_readers_jsonl_long_line_alone_refused(tmp_path):
    long = json.dumps({"id": "long", "text": "a" * 5000})
    _write(tmp_path, {"c.jsonl": "\n".join([long, json.dumps({"id": "ok", "text": BODY})])})
    assert _summary([tmp_path / "c.jsonl"], IngestLimits(max_member_bytes=1000)) == [
        ("c.jsonl#1", "text", "E003"), ("ok", "text", None)]


@pytest.mark.parametrize("value, expected", [
    ({"id": "one", "text": BODY}, [("one", "text", None)]),
    ({"text": BODY}, [("a.json", "text", None)]),
    ([{"text": BODY}, {"id": 5, "content": BODY}, 3], [("a.json#1", "text", None), ("5", "text", None),
                                                        ("a.json#3", "text", "E007")]),
    ("just a string", [("a.json", "text", "E007")]),
])
def test_readers_json_file(tmp_path, value, expected):
    _write(tmp_path, {"a.json": json.dumps(value)})
    assert _summary([tmp_path / "a.json"]) == expected


def test_readers_json_broken(tmp_path):
    _write(tmp_path, {"a.json": '{"id": 1, "text": '})
    assert _summary([tmp_path / "a.json"]) == [("a.json", "text", "E006")]


def _special(root: Path, case: str) -> None:
    """One odd folder entry next to a good `ok.txt`."""
    _write(root, {"ok.txt": BODY, "other/target.txt": BODY})
    if case == "fifo":
        os.mkfifo(root / "entry.txt")
    elif case == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(root / "entry.txt"))
        sock.close()
    elif case == "link outside":
        (root / "entry.txt").symlink_to("/etc/passwd")
    elif case == "link inside":
        (root / "entry.txt").symlink_to(root / "other" / "target.txt")
    elif case == "dangling link":
        (root / "entry.txt").symlink_to(root / "missing.txt")
    elif case == "link to a folder":
        (root / "entry.txt").symlink_to(root / "other", target_is_directory=True)


@pytest.mark.parametrize("case, code", [
    ("fifo", "E012"), ("socket", "E012"), ("link outside", "E012"), ("link to a folder", "E012"),
    ("dangling link", "E001"), ("link inside", None),
])
def test_readers_folder_odd_entries(tmp_path, case, code):
    """Special files are never opened (no hang), links leaving the folder are refused: a record each."""
    root = tmp_path / "in"
    if case == "socket" and len(str(root / "entry.txt")) > 100:
        pytest.skip("tmp path too long for a Unix socket")
    _special(root, case)
    assert _summary([root]) == [("entry.txt", "text", code), ("ok.txt", "text", None),
                                ("other/target.txt", "text", None)]
    docs = {d.id: d for d in iter_inputs([root])}
    assert "root:" not in (docs["entry.txt"].text or "")


@pytest.mark.parametrize("case, code", [("link outside", None), ("fifo", "E012")])
def test_readers_explicit_odd_paths(tmp_path, case, code):
    """A path named explicitly is read even when it is a link; a FIFO named explicitly is still refused."""
    _special(tmp_path, case)
    assert _summary([tmp_path / "entry.txt"]) == [("entry.txt", "text", code)]


@pytest.mark.parametrize("how", ["monkeypatched scandir", "chmod"])
def test_readers_unreadable_subfolder_reported(tmp_path, monkeypatch, how):
    _write(tmp_path, {"a.txt": BODY, "locked/b.txt": BODY, "z.txt": BODY})
    locked = tmp_path / "locked"
    if how == "chmod":
        if os.geteuid() == 0:
            pytest.skip("root reads folders whatever their mode")
        locked.chmod(0)
    else:
        real = os.scandir

        def refuse(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real(path)

        monkeypatch.setattr(os, "scandir", refuse)
    try:
        assert _summary([tmp_path]) == [("a.txt", "text", None), ("locked", "text", "E001"), ("z.txt", "text", None)]
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize("raw, expected", [
    (b"a\xff.txt", "a\\xff.txt"),
    ("Отчёт.txt".encode("cp1251"), "\\xce\\xf2\\xf7\\xb8\\xf2.txt"),
    ("Отчёт.txt".encode("utf-8"), "Отчёт.txt"),
])
def test_readers_file_names_not_utf8(tmp_path, raw, expected):
    """A file name with invalid bytes keeps them as escapes: a printable, unique id that encodes as UTF-8."""
    root = os.fsencode(tmp_path)
    with open(os.path.join(root, raw), "wb") as fh:
        fh.write(BODY.encode())
    for given in (tmp_path, os.fsdecode(os.path.join(root, raw))):
        docs = list(iter_inputs([given]))
        assert [(d.id, d.error) for d in docs] == [(expected, None)]
        assert docs[0].source.encode("utf-8") and docs[0].text == BODY


@pytest.mark.parametrize("field", ["id", "title", "text", "author"])
def test_readers_json_lone_surrogates_replaced(tmp_path, field):
    """`\\udfff` escapes in JSON give strings that encode as UTF-8 (U+FFFD in their place)."""
    value = {"id": "one", "text": BODY, field: "x\udfffy" if field != "text" else BODY + "\udfff"}
    _write(tmp_path, {"a.jsonl": json.dumps(value), "b.json": json.dumps(value)})
    for doc in iter_inputs([tmp_path]):
        assert doc.error is None
        for text in (doc.id, doc.text, *doc.meta.values()):
            assert text.encode("utf-8") and "\udfff" not in text
        assert "\ufffd" in (doc.id + doc.text + "".join(doc.meta.values()))


ELEMENT = {"text": BODY}


@pytest.mark.parametrize("case, content, expected", [
    ("big object", {"id": "big", "text": "слово " * 500}, [("a.json", "text", "E003")]),
    ("big array", [ELEMENT] * 20, [(f"a.json#{n}", "text", None) for n in range(1, 21)]),
    ("one element over the cap", [ELEMENT, {"text": "слово " * 500}, {"id": "last", "text": 'a "]}, b'}],
     [("a.json#1", "text", None), ("a.json#2", "text", "E003"), ("last", "text", None)]),
    ("broken after two", "[" + json.dumps(ELEMENT) + ", " + json.dumps(ELEMENT) + ", {" + "x" * 2000,
     [("a.json#1", "text", None), ("a.json#2", "text", None), ("a.json#3", "text", "E006")]),
    ("big, not JSON", "x" * 2000, [("a.json", "text", "E006")]),
])
def test_readers_json_cap_is_per_document(tmp_path, case, content, expected):
    """A `.json` file over the cap: one object is refused unparsed, an array is read element by element."""
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    _write(tmp_path, {"a.json": text})
    assert len(text.encode()) > 1000, case
    assert _summary([tmp_path / "a.json"], IngestLimits(max_member_bytes=1000)) == expected


@pytest.mark.parametrize("case", ["fifo", "socket"])
def test_readers_special_file_appearing_after_the_walk_never_opened(tmp_path, monkeypatch, case):
    """Even when the walk's check is passed (a file swapped after it), opening never blocks on a FIFO."""
    from ppo_nlp.ingest import readers

    root = tmp_path / "in"
    if case == "socket" and len(str(root / "entry.txt")) > 100:
        pytest.skip("tmp path too long for a Unix socket")
    _special(root, case)
    monkeypatch.setattr(readers, "_refused", lambda *args: None)
    assert _summary([root])[0] == ("entry.txt", "text", "E012" if case == "fifo" else "E001")
