"""Write docs/article.png and docs/archive.png: corpus/ through the pipeline, `ppo-nlp show`, headless Chromium.

    .venv/bin/python scripts/screenshots.py [--article 5] [--out docs]

Needs `chromium` (apt-get install chromium). When `pngquant` is on the PATH the PNGs are shrunk with it
(256 colours; text stays sharp), so that each stays well under 150 KB.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ppo_nlp.cli import main as cli
from ppo_nlp.paths import REPO_DIR
from ppo_nlp.show import browser

SHOTS = (("article.png", "articles/{article:06d}.html", 1100, 820), ("archive.png", "index.html", 1100, 1000))


def shrink(png: Path) -> None:
    """Quantise to 256 colours with pngquant when it is installed (in place)."""
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--output", str(png), "256", str(png)],
                       check=False)


def run(article: int, out: Path) -> None:
    if browser.find_chromium() is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ppo-shots-") as tmp:
        records, report = Path(tmp) / "records.jsonl", Path(tmp) / "report"
        os.chdir(REPO_DIR)  # relative sources in the records: no local path in the pictures
        cli(["extract", "corpus/articles", "-o", str(records)])
        cli(["show", str(records), "-o", str(report)])
        for name, page, width, height in SHOTS:
            loaded = browser.load(report / page.format(article=article), width, height, png=out / name)
            shrink(out / name)
            print(f"{out / name}: {(out / name).stat().st_size / 1024:.0f} KB, console errors: {len(loaded.errors())}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=int, default=5, help="which article page (1-based, default 5)")
    parser.add_argument("--out", type=Path, default=REPO_DIR / "docs", help="folder for the PNGs (default docs/)")
    args = parser.parse_args()
    run(args.article, args.out)
