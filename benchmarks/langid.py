"""Language-id benchmark: ours vs langdetect (seed 0) vs lingua {ru,kk,en} (low and high accuracy).

    .venv/bin/python benchmarks/langid.py [--limit N]

Held-out sentences (and 2-6 word fragments) come from scripts/langid_data.py, read from ../shared/data.
Every system gets the same texts one call at a time; throughput is characters of the sentences per
second, timed in 20 interleaved chunks (every system runs chunk k before any runs chunk k+1) so that
load from other processes hits all systems alike. Our lazy langdetect back-off (profiles load on the
first non-ru/kk/en suspect) is loaded before timing and its load time printed separately. Accuracy counts a sentence right only when the exact code matches (ru, kk, en).

A second table scores Kazakh in Latin script: the held-out Kazakh sentences transliterated with one
alphabet each (chosen by hash, `langid_data.latin_kazakh`) and their fragments, per alphabet (right = `kk`
and, for ours, script `Latn`). A third counts how often Latin text in a confusable language is called
`kk`: the example sentences spaCy ships for Turkish and Azerbaijani (read from the installed package).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from langid_data import LANGS, Item, fragment, latin_kazakh, load_items  # noqa: E402

from ppo_nlp.paths import models_dir, shared_data_dir  # noqa: E402

Detector = Callable[[str], str]


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def ours() -> tuple[Detector, int]:
    from ppo_nlp.lang import detect_language, load_model
    from ppo_nlp.lang.features import script_table

    load_model.cache_clear()  # time a cold load of the weights and the letter table
    script_table.cache_clear()
    load_model()
    script_table()
    return (lambda text: detect_language(text).lang), dir_size(models_dir() / "langid")


def backoff_load_s() -> float:
    """Seconds to load the langdetect profiles our back-off uses (in a fresh factory)."""
    from ppo_nlp.lang import foreign

    foreign._factory = None
    started = time.perf_counter()
    foreign._detector_factory()
    return time.perf_counter() - started


def langdetect_seeded() -> tuple[Detector, int]:
    import langdetect
    from langdetect import DetectorFactory, detect
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()

    def run(text: str) -> str:
        try:
            return detect(text)
        except langdetect.LangDetectException:
            return "und"
    return run, dir_size(Path(langdetect.__file__).parent / "profiles")


def lingua_mode(low: bool) -> Callable[[], tuple[Detector, int]]:
    def build() -> tuple[Detector, int]:
        import lingua
        from lingua import Language, LanguageDetectorBuilder

        codes = {Language.RUSSIAN: "ru", Language.KAZAKH: "kk", Language.ENGLISH: "en"}
        builder = LanguageDetectorBuilder.from_languages(*codes)
        builder = builder.with_low_accuracy_mode() if low else builder.with_preloaded_language_models()
        detector = builder.build()

        def run(text: str) -> str:
            lang = detector.detect_language_of(text)
            return codes.get(lang, "und") if lang else "und"
        return run, dir_size(Path(lingua.__file__).parent)
    return build


SYSTEMS = {"ours": ours, "langdetect (seed 0)": langdetect_seeded,
           "lingua low {ru,kk,en}": lingua_mode(True), "lingua high {ru,kk,en}": lingua_mode(False)}


def evaluate(run: Detector, items: list[Item]) -> list[bool]:
    """Correctness per item."""
    return [run(it.text) == it.lang for it in items]


def timed(runs: dict[str, Detector], texts: list[str], rounds: int = 20) -> dict[str, float]:
    """Seconds each system needs for all texts, measured in interleaved chunks so load changes hit all alike."""
    secs = dict.fromkeys(runs, 0.0)
    for k in range(rounds):
        chunk = texts[k::rounds]
        for name, run in runs.items():
            started = time.perf_counter()
            for text in chunk:
                run(text)
            secs[name] += time.perf_counter() - started
    return secs


def pct(flags: list[bool]) -> str:
    return f"{100 * sum(flags) / len(flags):6.2f}" if flags else "   n/a"


def row(name: str, load_s: float, size: int, sent: list[Item], ok: list[bool], secs: float,
        frag_ok: list[bool]) -> str:
    short = [o for it, o in zip(sent, ok) if len(it.text) <= 40]
    per = [pct([o for it, o in zip(sent, ok) if it.lang == lang]) for lang in LANGS]
    chars = sum(len(it.text) for it in sent)
    return (f"| {name:22s} | {pct(ok)} | {pct(short)} | " + " | ".join(per) + f" | {pct(frag_ok)} | "
            f"{chars / secs:12,.0f} | {load_s:6.2f} | {size / 2**20:7.1f} |")


def seeds_line(run: Detector) -> str:
    paths = sorted((REPO / "corpus" / "articles").glob("*.txt"))
    return " ".join(f"{p.name[:3]}:{run(p.read_text(encoding='utf-8'))}" for p in paths)


def latin_table(runs: dict[str, Detector], items: list[Item]) -> None:
    """Accuracy on held-out Kazakh sentences (and fragments) in Latin script, per alphabet."""
    from ppo_nlp.lang import detect_language

    latin = [lat for it in items for lat in latin_kazakh(it)]
    frags = [f for f in map(fragment, latin) if f is not None]
    alphabets = sorted({it.source.rsplit("latn", 1)[1] for it in latin})
    print(f"\nKazakh in Latin script: {len(latin)} held-out sentences, {len(frags)} fragments")
    print("| system | " + " | ".join(f"{a} %" for a in alphabets) + " | all % | frag % |")
    print("|---" * (len(alphabets) + 3) + "|")
    for name, run in runs.items():
        ok = evaluate(run, latin)
        per = [pct([o for it, o in zip(latin, ok) if it.source.endswith(a)]) for a in alphabets]
        print(f"| {name} | " + " | ".join(per) + f" | {pct(ok)} | {pct(evaluate(run, frags))} |")
    script = [detect_language(it.text).script == "Latn" for it in latin]
    print(f"ours with script Latn: {pct(script)} %")


def confusables_table(runs: dict[str, Detector]) -> None:
    """How many example sentences of Latin-script Turkic languages each system calls kk (lower is better)."""
    import importlib

    for lang in ("tr", "az"):
        try:
            sentences = importlib.import_module(f"spacy.lang.{lang}.examples").sentences
        except ImportError:
            print(f"{lang}: spaCy examples not installed")
            continue
        called = {name: sum(run(t) == "kk" for t in sentences) for name, run in runs.items()}
        print(f"{lang} ({len(sentences)} spaCy example sentences) called kk: " +
              ", ".join(f"{name} {n}" for name, n in called.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="use every k-th held-out item to run faster")
    args = parser.parse_args(argv)
    root = shared_data_dir()
    if root is None:
        print("../shared/data (or $PPO_NLP_DATA) is missing", file=sys.stderr)
        return 2
    items = [it for it in load_items(root) if it.split == "test"]
    frags = [f for f in map(fragment, items) if f is not None]
    if args.limit:
        items, frags = items[::args.limit], frags[::args.limit]
    n_short = sum(len(it.text) <= 40 for it in items)
    print(f"held-out sentences: {len(items)} ({n_short} of at most 40 chars), fragments: {len(frags)}; "
          f"cpus: {os.cpu_count()}")
    from ppo_nlp.lang.foreign import _detector_factory

    _detector_factory()  # our back-off's one-time load, reported below, not inside the timed pass
    print("| system                 |  all % | <=40 % |   ru % |   kk % |   en % | frag % |      chars/s |  load s | size MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    runs, loads, sizes = {}, {}, {}
    for name, build in SYSTEMS.items():
        started = time.perf_counter()
        runs[name], sizes[name] = build()
        runs[name](items[0].text)  # lazy loaders (lingua's low-accuracy mode) finish on the first call
        loads[name] = time.perf_counter() - started
    secs = timed(runs, [it.text for it in items])
    for name, run in runs.items():
        print(row(name, loads[name], sizes[name], items, evaluate(run, items), secs[name], evaluate(run, frags)),
              flush=True)
    latin_table(runs, items)
    confusables_table(runs)
    print(f"\nours: langdetect back-off profiles, loaded lazily once: {backoff_load_s():.2f} s")
    print("\nseed articles (expected 000-003 ru, 004 kk):")
    for name, run in runs.items():
        print(f"  {name:22s} {seeds_line(run)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
