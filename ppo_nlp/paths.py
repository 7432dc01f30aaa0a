"""Where the package finds its resources, models and (for training) the public corpora."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
MODELS_DIR = PACKAGE_DIR / "models"  # shipped inside the package (package data of the wheel)
REPO_DIR = PACKAGE_DIR.parent  # a source checkout only: corpus/, scripts/; absent from an installed wheel


def models_dir() -> Path:
    """`$PPO_NLP_MODELS`, else the models shipped inside the package (`ppo_nlp/models/`)."""
    env = os.environ.get("PPO_NLP_MODELS")
    return Path(env) if env else MODELS_DIR


def shared_data_dir() -> Optional[Path]:
    """`$PPO_NLP_DATA`, else `../shared/data` beside the repository; None when absent."""
    env = os.environ.get("PPO_NLP_DATA")
    path = Path(env) if env else REPO_DIR.parent / "shared" / "data"
    return path if path.is_dir() else None


def shared_real_dir() -> Optional[Path]:
    """The real development articles with gold: `$PPO_NLP_REAL`, else `real/` beside the shared data, else
    `../shared/real`; None when absent (tests that need them skip)."""
    env = os.environ.get("PPO_NLP_REAL")
    data = shared_data_dir()
    for path in (Path(env) if env else None, data.parent / "real" if data else None, REPO_DIR.parent / "shared" / "real"):
        if path is not None and (path / "articles").is_dir() and (path / "gold").is_dir():
            return path
    return None
