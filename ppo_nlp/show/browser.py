"""Open report pages in headless Chromium: the DOM after loading, console messages, screenshots.

Used by the browser tests and by `scripts/screenshots.py`; needs Debian's `chromium` (or `$CHROMIUM`).
Each call is one short browser run with a throw-away profile; nothing reaches the network.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
CONSOLE = re.compile(r':(INFO|WARNING|ERROR|FATAL):CONSOLE[^\]]*\] "(.*)", source: (.*)$')
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--hide-scrollbars", "--mute-audio", "--disable-background-networking", "--disable-sync",
         "--enable-logging=stderr", "--v=0")


@dataclass
class Loaded:
    """A page as the browser saw it: the serialised DOM and the console messages (level, text, source)."""

    dom: str
    console: list[tuple[str, str, str]]

    def errors(self) -> list[str]:
        """Every console message: the report pages run no script, so any message at all (an exception, a
        blocked request, a Content-Security-Policy violation) is an error. Chromium's stderr log gives
        every console level as INFO, so the level cannot tell them apart."""
        return [f"{text} ({source})" for _, text, source in self.console]


def find_chromium() -> Optional[str]:
    """The browser to run: `$CHROMIUM`, else the first of `NAMES` on the PATH."""
    env = os.environ.get("CHROMIUM")
    if env:
        return env if shutil.which(env) else None
    return next((found for found in map(shutil.which, NAMES) if found), None)


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="ppo-chromium-") as profile:
        cmd = [browser, *FLAGS, f"--user-data-dir={profile}", *args]
        done = subprocess.run(cmd, capture_output=True, timeout=timeout)
    # decoded by hand: text mode would turn a CR of the article text into a newline
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def console_messages(stderr: str) -> list[tuple[str, str, str]]:
    """`(level, message, source)` for each console line Chromium logged to stderr."""
    out = []
    for line in stderr.splitlines():
        match = CONSOLE.search(line)
        if match:
            out.append((match.group(1), match.group(2), match.group(3)))
    return out


def load(path: Path, width: int = 1280, height: int = 900, png: Optional[Path] = None,
         timeout: float = 60.0) -> Loaded:
    """Open a local page: its DOM after loading, what it wrote to the console, and a screenshot of its first
    `width` x `height` pixels into `png` when given (all in one browser run)."""
    url = Path(path).resolve().as_uri()
    shot = [f"--screenshot={Path(png).resolve()}"] if png is not None else []
    done = _run([f"--window-size={width},{height}", *shot, "--dump-dom", url], timeout)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"chromium failed on {url} (exit {done.returncode}): {done.stderr[-2000:]}")
    if png is not None and not Path(png).is_file():
        raise RuntimeError(f"chromium made no screenshot of {url}: {done.stderr[-2000:]}")
    return Loaded(done.stdout, console_messages(done.stderr))
