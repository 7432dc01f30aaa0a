"""Build the ready-made look-up structures of `ppo_nlp/resources/built/` from the word lists.

Computing the place table with its two look-up indexes (from `resources/places/`) and the gazetteer trie
(from `resources/gazetteers/`, `orgs/bodies.tsv` and the ending tables), and parsing langdetect's 2.3 MB
of JSON profiles, took about half a second of every process's start; pickled, they load in about 90 ms.
Each file is one stamp line (the format, `ppo_nlp.resources.data_digest()`, a SHA-256 of every word list
and table under `resources/`, and for the langdetect profiles a SHA-256 of langdetect's profile files),
then the pickle of a dict of tables. A process uses a file only when its stamp matches the word lists
(and profiles) it has, so an edited word list never meets stale tables: they are computed from the word
lists (with a warning) until this script is run again. tests/resources/test_built.py checks that the
shipped files hold exactly what this script computes now (a change of code that computes them, too).

    .venv/bin/python scripts/build_lookups.py              # writes into ppo_nlp/resources/built/
    .venv/bin/python scripts/build_lookups.py --out /tmp/x   # elsewhere (the test does this)

The tables are computed from the word lists (`$PPO_NLP_BUILT=off`). Pickles of sets come out in another
order in every process (hash(None) follows the address of None), so a file is rewritten only when its
tables differ from the ones computed now (`same`): an unchanged rebuild leaves the files as they are.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def same(a: Any, b: Any) -> bool:
    """Equal tables: dicts and sets by content, lists in order, other objects by their attributes."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(same, a, b))
    if hasattr(a, "__dict__"):
        return same(vars(a), vars(b))
    return a == b


def unchanged(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    """Whether a file's tables are `new` (a table that is a dict also in the same order: places by id)."""
    return old is not None and same(old, new) and list(old) == list(new) and \
        all(list(old[k]) == list(t) for k, t in new.items() if isinstance(t, dict))


def computed() -> dict[str, tuple[dict[str, Any], tuple[Path, ...]]]:
    """Name -> (tables, folders of sources outside resources/) of every built file, computed now (run with
    `$PPO_NLP_BUILT=off`: from the word lists)."""
    sys.path.insert(0, str(ROOT))
    from ppo_nlp.extract.gazetteer import trie
    from ppo_nlp.lang import profiles
    from ppo_nlp.normalize import places

    return {"places": (places.built_tables(), ()), "gazetteer_trie": (trie.built_tables(), ()),
            profiles.BUILT_NAME: (profiles.built_tables(), (profiles.built_source(),))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write into (default: ppo_nlp/resources/built)")
    parser.add_argument("--force", action="store_true",
                        help="rewrite files whose tables are equal too (after a change in how they are stored)")
    args = parser.parse_args(argv)
    tables = computed()
    from ppo_nlp.resources import BUILT_DIR, built_path, load_built, write_built

    for name, (new, sources) in tables.items():
        path = built_path(name, args.out or BUILT_DIR)
        if not args.force and unchanged(load_built(path, sources), new):
            print(f"{path}: unchanged")
            continue
        write_built(name, new, args.out or BUILT_DIR, sources)
        print(f"{path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    if os.environ.get("PPO_NLP_BUILT") != "off":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PPO_NLP_BUILT": "off"})
    sys.exit(main())
