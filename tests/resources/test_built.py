"""resources/built/: the shipped look-up tables are what scripts/build_lookups.py computes from the word lists
now, under any string hash seed; a file made from other word lists, or `$PPO_NLP_BUILT=off`, is not used."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ppo_nlp.lang.profiles import BUILT_NAME, built_source
from ppo_nlp.paths import REPO_DIR
from ppo_nlp.resources import (BUILT_DIR, BUILT_ENV, built, built_path, folder_digest, load_built, read_built,
                               write_built)

sys.path.insert(0, str(REPO_DIR / "scripts"))
import build_lookups as bl  # noqa: E402

NAMES = ("places", "gazetteer_trie", BUILT_NAME)
MAX_FILE_BYTES = 5 << 20


def sources(name: str) -> tuple:
    """Folders outside resources/ a built file is made from: langdetect's profiles."""
    return (built_source(),) if name == BUILT_NAME else ()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """The tables computed now from the word lists, in another process with another hash seed (1: the seed
    that once grew the gazetteer trie in another shape)."""
    out = tmp_path_factory.mktemp("built")
    env = {**os.environ, "PYTHONHASHSEED": "1"}
    subprocess.run([sys.executable, str(REPO_DIR / "scripts" / "build_lookups.py"), "--out", str(out)],
                   check=True, env=env, capture_output=True)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_built_files_hold_what_the_word_lists_give_now(rebuilt, name):
    shipped = load_built(built_path(name), sources(name))
    assert shipped is not None, f"{built_path(name)} is missing or stale: run scripts/build_lookups.py"
    assert bl.unchanged(shipped, load_built(built_path(name, rebuilt), sources(name))), \
        f"{name} differs from what the word lists and code give now: run scripts/build_lookups.py"


@pytest.mark.parametrize("name", NAMES)
def test_built_files_are_small(name):
    assert built_path(name).stat().st_size <= MAX_FILE_BYTES


def test_built_file_round_trips(tmp_path):
    tables = {"words": frozenset({"ауыл", "село"}), "ids": {"a": ("loc:kz", None)}}
    assert load_built(write_built("t", tables, tmp_path)) == tables


def test_built_file_of_other_word_lists_is_not_used(tmp_path):
    path = write_built("t", {"x": 1}, tmp_path)
    stamp, _, body = path.read_bytes().partition(b"\n")
    other = b"1" if stamp.endswith(b"0") else b"0"  # another digest of the word lists, whatever this one ends in
    path.write_bytes(stamp[:-1] + other + b"\n" + body)
    assert load_built(path) is None
    assert load_built(tmp_path / "absent.pickle") is None


def test_built_file_of_other_sources_is_not_used(tmp_path):
    source = tmp_path / "profiles"
    source.mkdir()
    (source / "xx").write_text('{"name": "xx"}', encoding="utf-8")
    path = write_built("t", {"x": 1}, tmp_path / "built", (source,))
    assert load_built(path, (source,)) == {"x": 1} and load_built(path) is None
    (source / "xx").write_text('{"name": "yy"}', encoding="utf-8")
    folder_digest.cache_clear()
    assert load_built(path, (source,)) is None


def test_built_off_computes_from_the_word_lists(monkeypatch):
    monkeypatch.setenv(BUILT_ENV, "off")
    assert read_built.__wrapped__("places") == {}
    monkeypatch.delenv(BUILT_ENV)
    assert set(read_built.__wrapped__("places")) >= {"places", "index_latin=False"}


@pytest.mark.parametrize("key, expected", [("missing", "computed"), ("places", "built")])
def test_built_computes_what_the_file_lacks(key, expected):
    value = built("places", key, lambda: "computed")
    assert (value == "computed") == (expected == "computed")


def test_built_dir_is_inside_the_package():
    assert BUILT_DIR.parent.name == "resources" and all(built_path(n).is_file() for n in NAMES)
