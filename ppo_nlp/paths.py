"""Where the package finds its resources, models and (for training) the public corpora."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
REPO_DIR = PACKAGE_DIR.parent


def models_dir() -> Path:
    """`$PPO_NLP_MODELS`, else `models/` beside the package (a source checkout)."""
    env = os.environ.get("PPO_NLP_MODELS")
    return Path(env) if env else REPO_DIR / "models"


def shared_data_dir() -> Optional[Path]:
    """`$PPO_NLP_DATA`, else `../shared/data` beside the repository; None when absent."""
    env = os.environ.get("PPO_NLP_DATA")
    path = Path(env) if env else REPO_DIR.parent / "shared" / "data"
    return path if path.is_dir() else None
