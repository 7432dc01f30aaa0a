"""Pipeline.warm: everything loaded, kept out of the collector's reach, and the collector run less often."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CODE = """
import gc, json, sys
gc.set_threshold(*json.loads(sys.argv[1]))
import ppo_nlp
nlp = ppo_nlp.load(ner=False, time_limit=None).warm()
doc = nlp("Председатель партии «AMANAT» Ерлан Кошанов провёл встречу.")
print(json.dumps({"threshold": gc.get_threshold(), "frozen": gc.get_freeze_count(), "people": len(doc.people)}))
"""


@pytest.mark.parametrize("before, after", [
    ((700, 10, 10), (20_000, 20, 20)),          # Python's defaults: raised
    ((50_000, 5, 100), (50_000, 20, 100)),      # a higher setting of the user's is kept
])
def test_warm_raises_the_collector_thresholds(before, after) -> None:
    out = subprocess.run([sys.executable, "-c", CODE, json.dumps(before)], capture_output=True, text=True,
                         timeout=300, env={**os.environ})
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert tuple(got["threshold"]) == after
    assert got["frozen"] > 10_000 and got["people"] == 1
