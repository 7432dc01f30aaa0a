"""The package as a user gets it: a wheel built from the sources, installed into a fresh virtualenv, run from
another folder. Its records for a seed article equal the checkout's (NER included, so the models travel
inside the wheel), and the install pulls in no training-only package.

Needs pip to reach its index (or its cache) for the dependencies; about a minute when the cache is warm.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ppo_nlp.paths import PACKAGE_DIR, REPO_DIR

pytestmark = pytest.mark.slow

# What a wheel is built from: the package and the build files, nothing else of the checkout.
SOURCES = ("ppo_nlp", "setup.cfg", "pyproject.toml", "README.md", "MANIFEST.in")
TRAINING_ONLY = ("sklearn", "scipy")


def _run(cmd: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PPO_NLP_MODELS", "VIRTUAL_ENV")}
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd[:4]} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done


def _copy_sources(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        src = REPO_DIR / name
        (shutil.copytree(src, dest / name, ignore=ignore) if src.is_dir() else shutil.copy2(src, dest / name))
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the fresh virtualenv's bin folder, the wheel) after `pip install` of a wheel built from a copy."""
    root = tmp_path_factory.mktemp("install")
    src = _copy_sources(root / "src")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root / "dist"), str(src)], root)
    wheel = next((root / "dist").glob("ppo_nlp-*.whl"))
    _run([sys.executable, "-m", "venv", str(root / "venv")], root)
    bin_dir = root / "venv" / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-compile", str(wheel)], root)
    return bin_dir, wheel


def _model_files() -> set[str]:
    models = PACKAGE_DIR / "models"
    return {f"ppo_nlp/models/{p.relative_to(models).as_posix()}" for p in models.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_install_wheel_carries_every_model_file_and_no_cache_files(installed: tuple[Path, Path]) -> None:
    names = set(zipfile.ZipFile(installed[1]).namelist())
    assert _model_files() and _model_files() <= names
    assert {"config.json", "weights.npz"} <= {Path(n).name for n in names if "/models/langid/" in n}
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".pyo"))]


@pytest.mark.parametrize("module", TRAINING_ONLY)
def test_install_pulls_no_training_only_package(installed: tuple[Path, Path], module: str) -> None:
    code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is not None)"
    _run([str(installed[0] / "python"), "-c", code], installed[0])


def test_install_extracts_the_checkouts_records_from_another_folder(installed: tuple[Path, Path],
                                                                    seed_paths: list[Path], tmp_path: Path) -> None:
    article = seed_paths[0].resolve()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run([str(installed[0] / "python"), "-c", "import ppo_nlp; print(ppo_nlp.__file__)"], elsewhere)
    assert "site-packages" in where.stdout and not where.stdout.startswith(str(REPO_DIR))
    _run([str(installed[0] / "ppo-nlp"), "extract", str(article), "-o", str(elsewhere / "wheel.jsonl")], elsewhere)
    _run([sys.executable, "-m", "ppo_nlp.cli", "extract", str(article), "-o", str(tmp_path / "checkout.jsonl")],
         REPO_DIR)
    ours = [json.loads(line) for line in (elsewhere / "wheel.jsonl").read_text(encoding="utf-8").splitlines()]
    theirs = [json.loads(line) for line in (tmp_path / "checkout.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ours == theirs
    assert any(e["source"].startswith("ner:") for e in ours[0]["entities"])
