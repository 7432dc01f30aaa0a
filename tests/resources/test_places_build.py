"""scripts/build_gazetteers.py: rebuilding from ../shared/data gives the shipped files byte for byte; it never
replaces a different file unless asked; the organization tables keep the old gazetteer's ids."""
from __future__ import annotations

import sys

import pytest

from ppo_nlp.paths import REPO_DIR, RESOURCES_DIR

sys.path.insert(0, str(REPO_DIR / "scripts"))
import build_gazetteers as bg  # noqa: E402


@pytest.fixture(scope="module")
def rebuilt(shared_data, tmp_path_factory):
    if not (shared_data / "gazetteers" / "kato_nk_rk_11_2025.tsv").exists():
        pytest.skip("../shared/data/gazetteers is not present")
    out = tmp_path_factory.mktemp("gazetteers")
    bg.write_all(bg.build(shared_data), out, force=False)
    return out


@pytest.mark.parametrize("name", sorted(bg.OUTPUTS))
def test_places_build_is_reproducible(rebuilt, name):
    shipped = (RESOURCES_DIR / name).read_bytes()
    assert (rebuilt / name).read_bytes() == shipped, f"{name} differs: rerun scripts/build_gazetteers.py"


@pytest.mark.parametrize("force", [False, True])
def test_places_build_never_overwrites_unasked(tmp_path, force):
    tables = {name: [] for name in bg.OUTPUTS}
    target = tmp_path / "places" / "places.tsv"
    target.parent.mkdir()
    target.write_text("hand edits\n", encoding="utf-8")
    if force:
        bg.write_all(tables, tmp_path, force=True)
        assert target.read_text(encoding="utf-8") == bg.render("places/places.tsv", [])
    else:
        with pytest.raises(SystemExit, match="--force"):
            bg.write_all(tables, tmp_path, force=False)
        assert target.read_text(encoding="utf-8") == "hand edits\n"
        assert not (tmp_path / "orgs").exists()


def test_places_build_refuses_a_missing_data_folder(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        bg.main(["--data", str(tmp_path), "--out", str(tmp_path / "out")])
    assert exc.value.code == 2 and "kato_nk_rk_11_2025.tsv" in capsys.readouterr().err


@pytest.mark.parametrize("text,expected", [
    ("Нур Отан / «Нұр Отан» / Nur Otan (renamed 2022); Отан", ["Нур Отан", "«Нұр Отан»", "Nur Otan", "Отан"]),
    ("Коммунистическая народная партия Казахстана (КНПК)", ["Коммунистическая народная партия Казахстана", "КНПК"]),
    ("Конституционный Совет (until 2023)", ["Конституционный Совет"]),
    ("", []),
])
def test_places_build_split_former(text, expected):
    assert bg.split_former(text) == expected


def _rows(name):
    lines = (RESOURCES_DIR / name).read_text(encoding="utf-8").splitlines()
    header = lines[1].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[2:]]


@pytest.mark.parametrize("org_id,type_,former", [
    ("org:amanat", "party", "Nur Otan"),
    ("org:presidential_administration", "state_body", ""),
    ("org:pnk", "party", "КНПК"),
    ("org:minjust", "state_body", ""),
    ("org:jastar_ruhy", "youth_wing", "Jas Otan"),
])
def test_places_build_org_ids_and_types(org_id, type_, former):
    rows = {r["id"]: r for r in _rows("orgs/bodies.tsv")}
    assert len(rows) == len(_rows("orgs/bodies.tsv"))
    assert rows[org_id]["type"] == type_ and former in rows[org_id]["former"].split("|") + [""]
