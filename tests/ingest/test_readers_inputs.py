"""iter_inputs over files and folders: ids, order, JSON and JSONL, errors instead of lost documents."""
from __future__ import annotations

import json
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
