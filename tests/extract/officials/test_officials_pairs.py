"""The scorer of the officials benchmarks (`benchmarks/officials_pairs.py`, `nerel_officials.py`): gold pairs
from brat files, head lemmas and the one-to-one match of (person, position) pairs."""
from __future__ import annotations

import sys

import pytest

from ppo_nlp.paths import REPO_DIR

sys.path.insert(0, str(REPO_DIR / "benchmarks"))
import nerel_officials  # noqa: E402
from officials_pairs import bare_pairs, head_lemma, match, name_words, predicted_pairs  # noqa: E402


@pytest.mark.parametrize("title, head", [
    ("мэра", "мэр"), ("Премьер-министр", "премьер-министр"), ("премьера", "премьер"), ("главою Белого дома", "глава"),
    ("экс-президента США", "президент"), ("И. о. главы администрации", "глава"), ("первый заместитель председателя", "заместитель"),
])
def test_officials_pairs_head_lemma(title: str, head: str) -> None:
    assert head_lemma(title) == head


ANN = ("T1\tPERSON 0 11\tИвана Лосев\nT2\tPROFESSION 20 27\tминистр\nT3\tPERSON 40 45\tЛосев\n"
       "T4\tPROFESSION 50 58\tдиректор\nT5\tCITY 60 65\tОмске\n"
       "R1\tWORKS_AS Arg1:T1 Arg2:T2\t\nR2\tWORKS_AS Arg1:T3 Arg2:T2\t\nR3\tWORKS_AS Arg1:T3 Arg2:T4\t\n"
       "R4\tWORKS_AS Arg1:T5 Arg2:T4\t\nR5\tLOCATED_IN Arg1:T1 Arg2:T5\t\n")


def test_nerel_gold_pairs_merge_the_mentions_of_one_pair(tmp_path) -> None:
    ann = tmp_path / "doc.ann"
    ann.write_text(ANN, encoding="utf-8")
    assert nerel_officials.gold_pairs(ann) == {
        (frozenset({"ивана", "иван", "лосев"}), "министр"), (frozenset({"лосев"}), "директор")}


@pytest.mark.parametrize("pred, gold, hits", [
    ({(frozenset({"лосев"}), "министр")}, {(frozenset({"иван", "лосев"}), "министр")}, 1),
    ({(frozenset({"лосева", "лосев"}), "министр")}, {(frozenset({"лосева"}), "министр")}, 1),
    ({(frozenset({"лосев"}), "министр")}, {(frozenset({"иван", "лосев"}), "мэр")}, 0),
    ({(frozenset({"лосев"}), "министр"), (frozenset({"лосева"}), "министр")},
     {(frozenset({"лосев", "лосева"}), "министр")}, 1),
])
def test_officials_pairs_match_is_one_to_one(pred, gold, hits: int) -> None:
    assert match(pred, gold) == hits


@pytest.mark.parametrize("words, expected", [
    (["Лизу"], {"лизу", "лиза"}), (["Лужков", "Юрий"], {"лужков", "юрий"}),
])
def test_officials_pairs_name_words_add_normal_forms(words: list[str], expected: set[str]) -> None:
    assert expected <= name_words(words)


@pytest.mark.parametrize("predict", [predicted_pairs, bare_pairs], ids=["records", "bare"])
@pytest.mark.parametrize("text, expected", [
    ("Выступил министр финансов Иван Лосев. Речь Лосева была короткой.", {"лосев", "лосева"}),
    ("Интервью министра финансов Ивана Лосева.", {"лосев", "лосева"}),
])
def test_officials_pairs_predicted_keys_hold_the_surname_as_written(predict, text: str, expected: set[str]) -> None:
    assert predict(text) == {(frozenset(expected), "министр")}


def test_nerel_gold_pairs_keep_two_people_of_one_first_name_apart(tmp_path) -> None:
    ann = tmp_path / "doc.ann"
    ann.write_text("T1\tPERSON 0 13\tВиктор Шейман\nT2\tPROFESSION 20 29\tсекретарь\nT3\tPERSON 30 41\tА.Лосеву\n"
                   "T4\tPERSON 50 68\tВиктором Лосевым\n"
                   "R1\tWORKS_AS Arg1:T1 Arg2:T2\t\nR2\tWORKS_AS Arg1:T4 Arg2:T2\t\nR3\tWORKS_AS Arg1:T3 Arg2:T2\t\n",
                   encoding="utf-8")
    pairs = nerel_officials.gold_pairs(ann)
    assert len(pairs) == 2 and (frozenset({"виктор", "шейман"}), "секретарь") in pairs
