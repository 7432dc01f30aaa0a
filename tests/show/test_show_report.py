"""`ppo-nlp show`: the report folder, never overwritten unless asked, error records and bad lines listed."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ppo_nlp.cli import main
from ppo_nlp.show import pages, write_report
from ppo_nlp.show.report import ReportError


def doc(i: int, published: str | None = "2022-03-01", lang: str = "ru") -> dict:
    text = f"В районе {i} действуют {10 + i} первичных организаций AMANAT."
    start = text.index(str(10 + i))
    org_at = text.index("AMANAT")
    return {"schema_version": "1.0", "id": f"doc{i}", "source": f"doc{i}.txt", "lang": lang, "lang_score": 1.0,
            "segments": [{"start": 0, "end": len(text), "lang": lang}], "title": f"Статья <{i}>",
            "published": published, "outlet": "news.kz", "author": None, "text": text,
            "entities": [{"label": "ORG", "text": "AMANAT", "start": org_at, "end": org_at + 6, "source": "t",
                          "score": 1.0}],
            "organizations": [{"id": "org:amanat", "name": "AMANAT", "type": "party",
                               "mentions": [{"text": "AMANAT", "start": org_at, "end": org_at + 6}]}],
            "people": [], "projects": [],
            "counts": [{"value": 10 + i, "qualifier": "exact", "unit": None, "subject": "первичная организация",
                        "subject_id": "ppo", "min": None, "max": None, "change": None, "as_of": None,
                        "text": str(10 + i), "start": start, "end": start + len(str(10 + i))}],
            "locations": []}


ERROR = {"schema_version": "1.0", "id": "broken.txt", "source": "broken.txt",
         "error": {"code": "E002", "message": "not text"}}


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("lines, articles, errors, bad, status", [
    ([doc(1), doc(2)], 2, 0, 0, 0),
    ([doc(1), ERROR, doc(2)], 2, 1, 0, 0),  # error records are listed, not fatal
    ([doc(1), "{not json", "[1, 2]", "", doc(2)], 2, 0, 2, 1),  # unreadable lines listed; exit 1
    ([], 0, 0, 0, 0),
])
def test_show_report_cli(tmp_path, capsys, lines, articles, errors, bad, status):
    records = write_jsonl(tmp_path / "r.jsonl", lines)
    assert main(["show", str(records), "-o", str(tmp_path / "rep")]) == status
    summary = capsys.readouterr().err
    assert f"{articles} articles, {errors} error records, {bad} unreadable lines" in summary
    assert len(list((tmp_path / "rep" / "articles").glob("*.html"))) == articles
    index = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert f"{articles} articles" in index
    listed = (tmp_path / "rep" / "errors-1.html").read_text(encoding="utf-8")
    assert listed.count("<tr><td>") == errors + bad
    assert ("E002" in index) == bool(errors) and ("BAD_LINE" in listed) == bool(bad)


@pytest.mark.parametrize("existing, overwrite, status, kept", [
    ({"notes.txt": "mine"}, False, 2, True),  # a non-empty folder is never replaced unasked
    ({"notes.txt": "mine"}, True, 0, False),
    ({}, False, 0, False),  # an empty folder is fine
])
def test_show_report_never_overwrites_unasked(tmp_path, existing, overwrite, status, kept):
    records = write_jsonl(tmp_path / "r.jsonl", [doc(1)])
    out = tmp_path / "rep"
    out.mkdir()
    for name, text in existing.items():
        (out / name).write_text(text)
    argv = ["show", str(records), "-o", str(out)] + (["--overwrite"] if overwrite else [])
    assert main(argv) == status
    assert (out / "notes.txt").exists() == kept
    assert (out / "index.html").exists() != kept
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rep.")]  # no temporary folder left


@pytest.mark.parametrize("setup, message", [
    (lambda t: [str(t / "missing.jsonl")], "no such records file"),
    (lambda t: [str(write_jsonl(t / "rep" / "r.jsonl", [doc(1)]))], "inside the output folder"),
    (lambda t: [str(write_jsonl(t / "r.jsonl", [doc(1)])), {"id": "x"}], "not a mix"),
])
def test_show_report_refuses_bad_inputs(tmp_path, setup, message):
    (tmp_path / "rep").mkdir()
    with pytest.raises(ReportError, match=message):
        write_report(setup(tmp_path), tmp_path / "rep", overwrite=True)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_show_report_output_is_a_file(tmp_path, capsys):
    records = write_jsonl(tmp_path / "r.jsonl", [doc(1)])
    (tmp_path / "rep").write_text("keep me")
    assert main(["show", str(records), "-o", str(tmp_path / "rep"), "--overwrite"]) == 2
    assert (tmp_path / "rep").read_text() == "keep me" and "not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("n, size, pages_expected", [(5, 2, 3), (4, 2, 2), (1, 200, 1)])
def test_show_report_pages_link_every_article(tmp_path, monkeypatch, n, size, pages_expected):
    monkeypatch.setattr(pages, "PAGE_SIZE", size)
    report = write_report([doc(i) for i in range(n)], tmp_path / "rep")
    assert report.articles == n
    linked = set()
    for k in range(1, pages_expected + 1):
        html = (tmp_path / "rep" / f"articles-{k}.html").read_text(encoding="utf-8")
        linked |= set(re.findall(r'href="articles/([^"]+)"', html))
    assert not (tmp_path / "rep" / f"articles-{pages_expected + 1}.html").exists()
    assert linked == {p.name for p in (tmp_path / "rep" / "articles").iterdir()}


def test_show_report_archive_counts_and_tallies(tmp_path):
    records = [doc(1, "2021-05-02"), doc(2, "2021-07-10"), doc(3, None, "kk"), ERROR]
    write_report(records, tmp_path / "rep")
    index = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert "первичная организация — (no place): 2 values" in index  # the undated one is not on the chart
    assert index.count("<svg") == 4  # language, outlet, month, one count series
    assert re.search(r"<td>AMANAT</td><td>party</td><td class=\"n\">3</td>", index)
    assert "Documents by month (1 undated)" in index and "<td>E002</td><td class=\"n\">1</td>" in index
