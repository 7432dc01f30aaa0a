"""The report in a real browser (headless Chromium): highlights at the record's offsets, charts drawn,
hostile text kept as text, no console errors, screenshots saved (in each test's tmp_path, for a person to
look at). One browser run per page type."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ppo_nlp.cli import main
from ppo_nlp.paths import REPO_DIR
from ppo_nlp.show import browser
from ppo_nlp.show.dom import highlights, joined

pytestmark = pytest.mark.skipif(browser.find_chromium() is None,
                                reason="chromium is not installed (apt-get install chromium; .ci/run installs it)")
HOSTILE_TITLE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"


def _hostile(record: dict) -> dict:
    return {**record, "id": "hostile", "title": HOSTILE_TITLE, "outlet": "</title><script>x()</script>"}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, list[dict]]:
    """corpus/ through the real pipeline, one hostile copy and one error record appended, then `ppo-nlp show`."""
    tmp = tmp_path_factory.mktemp("show")
    records_path = tmp / "records.jsonl"
    assert main(["extract", str(REPO_DIR / "corpus" / "articles"), "-o", str(records_path)]) == 0
    records = [json.loads(line) for line in records_path.read_text(encoding="utf-8").splitlines()]
    extra = [_hostile(records[0]), {"schema_version": "1.0", "id": "e", "source": "e",
                                    "error": {"code": "E008", "message": "empty document"}}]
    with records_path.open("a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in extra)
    assert main(["show", str(records_path), "-o", str(tmp / "report")]) == 0
    return tmp / "report", records + extra[:1]


def _page(report: tuple[Path, list[dict]], n: int) -> tuple[Path, dict]:
    return report[0] / "articles" / f"{n:06d}.html", report[1][n - 1]


def _png_size(png: Path) -> tuple[int, int]:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000  # a blank page compresses to far less
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_browser_article_highlights_every_entity(report, tmp_path):
    # the article with the most entities nested in others
    n = 1 + max(range(len(report[1]) - 1), key=lambda i: _nested(report[1][i]["entities"]))
    path, record = _page(report, n)
    loaded = browser.load(path, 1200, 900, png=tmp_path / "article.png")
    assert _png_size(tmp_path / "article.png") == (1200, 900)
    assert loaded.errors() == []
    text, found = highlights(loaded.dom)
    assert text == record["text"]
    pieces = joined(found)
    assert len(record["entities"]) > 10 and _nested(record["entities"]) > 0
    for ent in record["entities"]:
        assert pieces[(ent["label"], ent["start"], ent["end"])] == (ent["start"], ent["end"], ent["text"])


def _nested(ents: list[dict]) -> int:
    return sum(1 for a in ents for b in ents if a is not b and a["start"] <= b["start"] and b["end"] <= a["end"])


def test_browser_hostile_text_stays_text(report, tmp_path):
    path, record = _page(report, len(report[1]))
    loaded = browser.load(path, 390, 844, png=tmp_path / "article-phone.png")  # a phone's screen
    assert _png_size(tmp_path / "article-phone.png") == (390, 844)
    assert loaded.errors() == []  # a script that slipped through would be blocked and logged by the CSP
    assert "<script" not in loaded.dom.lower() and "<img" not in loaded.dom.lower()
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in loaded.dom
    text, found = highlights(loaded.dom)
    assert text == record["text"] and len(joined(found)) == len({(e["label"], e["start"], e["end"])
                                                                 for e in record["entities"]})


def test_browser_archive_charts_render(report, tmp_path):
    loaded = browser.load(report[0] / "index.html", 1200, 1100, png=tmp_path / "archive.png")
    assert _png_size(tmp_path / "archive.png") == (1200, 1100)
    assert loaded.errors() == []
    svgs = loaded.dom.split("<svg")[1:]
    assert len(svgs) >= 4  # language, outlet, month, at least one count series (003 is dated)
    assert all(("<rect" in s.split("</svg>")[0]) or ("<circle" in s.split("</svg>")[0]) for s in svgs)
    assert loaded.dom.count('href="articles/') >= len(report[1])  # every article linked somewhere
    assert "E008" in loaded.dom


def test_browser_console_errors_are_seen(tmp_path):
    """The check above can fail: a page that throws and logs is caught."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>console.error('seen-1'); missing_fn();</script>")
    errors = browser.load(page).errors()
    assert any("seen-1" in e for e in errors) and any("missing_fn" in e for e in errors)
