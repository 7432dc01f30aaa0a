"""Throughput of the whole ppo_nlp pipeline, side by side with natasha and a spaCy tokenizer, in one run.

Prints: chars/s and docs/s per core on a mixed ru/kk/en corpus (built from ../shared/data and corpus/),
ppo_nlp on Russian against natasha's segmentation + NER (one process each; then on the whole machine: our
batch runner's workers against natasha's BLAS threads), load time, peak RSS of one worker, scaling with 1
and 2 worker processes, and the cost per character of a 10 KB and a 1 MB article.
Run: `.venv/bin/python benchmarks/throughput.py [--chars N]`.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

REPO = Path(__file__).resolve().parents[1]
OTHER_CHARS = 300_000  # other Russian text the batch runner reads before the ru documents (`machine_ratio`)
sys.path.insert(0, str(REPO))

from ppo_nlp.paths import shared_data_dir  # noqa: E402


def _iob_docs(path: Path, per_doc: int = 3000) -> list[str]:
    """Sentences of an IOB/CoNLL file joined into documents of about `per_doc` characters."""
    docs, sentence, current = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not line.startswith("-DOCSTART-"):
            sentence.append(parts[0])
        elif sentence:
            current.append(" ".join(sentence))
            sentence = []
            if sum(map(len, current)) >= per_doc:
                docs.append("\n".join(current))
                current = []
    return docs


def mixed_corpus(limit_chars: int) -> dict[str, list[str]]:
    """Documents per language: NEREL dev (ru), KazNERD dev (kk), CoNLL valid (en), and corpus/articles."""
    data = shared_data_dir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "articles").glob("*.txt"))]
    corpus = {"ru": seeds[:4], "kk": seeds[4:], "en": []}
    if data:
        corpus["ru"] += [p.read_text(encoding="utf-8") for p in sorted((data / "nerel" / "dev").glob("*.txt"))]
        corpus["kk"] += _iob_docs(data / "kaznerd" / "dev.iob2")
        corpus["en"] += _iob_docs(data / "conll2003" / "valid.txt")
    return {lang: _cap(docs, limit_chars // 3) for lang, docs in corpus.items()}


def _cap(docs: list[str], limit: int) -> list[str]:
    out, total = [], 0
    for doc in docs:
        if total >= limit:
            break
        out.append(doc)
        total += len(doc)
    return out


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def rate(name: str, texts: list[str], fn: Callable[[str], object]) -> dict:
    """Wall time of `fn` over `texts`, and the CPU time of this process meanwhile (every thread's: natasha's
    numpy may run two BLAS threads; ppo_nlp runs one per worker)."""
    cpu = time.process_time()
    seconds = timed(lambda: [fn(t) for t in texts])
    return {**_row(name, texts, seconds), "cpu_s": round(time.process_time() - cpu, 2)}


def _row(name: str, texts: list[str], seconds: float) -> dict:
    chars = sum(map(len, texts))
    return {"system": name, "docs": len(texts), "chars": chars, "seconds": round(seconds, 2),
            "chars_per_s": round(chars / seconds), "docs_per_s": round(len(texts) / seconds, 1)}


def ppo_row(chars: int, langs: list[str], ner: bool) -> dict:
    """One ppo_nlp row: the pipeline loaded and warmed as batch workers start, then one document at a time
    (what each worker of the CLI does)."""
    import ppo_nlp

    corpus = mixed_corpus(chars)
    texts = [t for lang in langs for t in corpus[lang]]
    nlp = ppo_nlp.load(ner=ner, time_limit=None).warm()
    name = "ppo_nlp (rules + NER)" if ner else "ppo_nlp (rules only)"
    return rate(name + (f" on {langs[0]}" if len(langs) == 1 else ""), texts, nlp)


def ppo_rows(chars: int, langs: list[str], ners: Iterable[bool]) -> list[dict]:
    """ppo_nlp rows, each in a fresh process: no row reads caches that an earlier row filled."""
    code = ("import json,sys;sys.path.insert(0,'benchmarks');import throughput as b;"
            "print(json.dumps(b.ppo_row({chars},{langs!r},{ner})))")
    return [_child(code.format(chars=chars, langs=list(langs), ner=ner)) for ner in ners]


def _natasha_models() -> tuple[object, object]:
    """slovnet NER + navec embeddings from the natasha wheel, without importing natasha (pymorphy2)."""
    import importlib.util

    from navec import Navec
    from slovnet import NER

    data = Path(importlib.util.find_spec("natasha").submodule_search_locations[0]) / "data"
    navec = Navec.load(str(next((data / "emb").glob("navec_news*.tar"))))
    ner = NER.load(str(next((data / "model").glob("slovnet_ner_news*.tar"))))
    ner.navec(navec)
    return ner, navec


def natasha_row(texts: list[str], threads: Optional[int] = None) -> dict:
    """natasha's segmentation + NER over `texts`; `threads`: its numpy's BLAS threads (None: numpy's own
    choice, two on a 2-core machine; ppo_nlp runs one per worker process)."""
    from threadpoolctl import threadpool_limits

    try:
        from razdel import sentenize, tokenize

        ner, _ = _natasha_models()
    except Exception as exc:  # not installed
        return {"system": f"natasha segment+NER (unavailable: {type(exc).__name__}: {exc})"}

    def run(text: str) -> None:
        sentences = [s.text for s in sentenize(text)]
        tokens = [list(tokenize(s)) for s in sentences]  # natasha's Doc.segment
        list(ner.map(sentences))
        return tokens

    name = "natasha segment+NER (slovnet, ru only)" + ("" if threads is None else f", {threads} BLAS thread")
    with threadpool_limits(limits=threads, user_api="blas"):
        return rate(name, texts, run)


def ratios(rows: list[dict]) -> dict:
    """ppo_nlp on ru against each natasha row: the ratio of chars/s (wall) and of CPU seconds."""
    ours = next((r for r in rows if r.get("system") == "ppo_nlp (rules + NER) on ru" and "chars" in r), None)
    out = {}
    for r in rows:
        if ours is not None and r.get("system", "").startswith("natasha") and "chars" in r:
            out[r["system"]] = {"wall": round(ours["chars_per_s"] / r["chars_per_s"], 2),
                                "cpu": round(r["cpu_s"] / ours["cpu_s"], 2)}
    return out


def machine_ratio(ru: list[str], rows: list[dict], after: int = OTHER_CHARS) -> dict:
    """Russian on the whole machine, by wall time: the batch runner with one worker per core (2 here) over
    `after` characters of other Russian text and then the ru documents, less its time over the other text
    alone (worker start-up and the other text cancel out), against natasha in one process on its default BLAS
    threads, which also use the whole machine."""
    natasha = next((r for r in rows if r.get("system", "").startswith("natasha") and "BLAS" not in r["system"]
                    and "chars" in r), None)
    other = other_ru(after)
    if not other:
        return {"skipped": "needs other Russian text (../shared/data)"}
    times = pool_seconds([other, other + ru] * 3, workers=2)
    alone, both = min(times[0::2]), min(times[1::2])  # the quickest of three runs each
    out = {"ppo_nlp_2_workers_s": round(both - alone, 2)}
    if natasha is not None and both > alone:
        out.update({"natasha_default_threads_s": natasha["seconds"],
                    "wall": round(natasha["seconds"] / (both - alone), 2)})
    return out


def pool_seconds(batches: list[list[str]], workers: int) -> list[float]:
    """Wall seconds of the batch runner's process pool (`workers` processes, each started cold) over each
    list of texts, one after the other, run from a fresh small process."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(batches, f, ensure_ascii=False)
    code = ("import json,time;from ppo_nlp.batch import _ordered_parallel,chunks;"
            "from ppo_nlp.ingest import RawDoc;from ppo_nlp.pipeline import Options\n"
            "def run(texts):\n s=time.perf_counter()\n"
            " raws=[RawDoc(f'd{i}',f'd{i}',t,'text',{},None) for i,t in enumerate(texts)]\n"
            f" list(_ordered_parallel(chunks(raws),Options(time_limit=None),{workers}));return time.perf_counter()-s\n"
            f"print(json.dumps([run(b) for b in json.load(open({f.name!r},encoding='utf-8'))]))")
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        Path(f.name).unlink()


def other_ru(chars: int) -> list[str]:
    """About `chars` characters of Russian news that no row is timed on (NEREL train; none without the
    corpora)."""
    data = shared_data_dir()
    if not chars or not data:
        return []
    return _cap([p.read_text(encoding="utf-8") for p in sorted((data / "nerel" / "train").glob("*.txt"))], chars)


def spacy_row(texts: list[str]) -> dict:
    import spacy

    nlp = spacy.blank("ru")
    return rate("spaCy tokenizer (blank ru)", texts, nlp.make_doc)


def _child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load_and_memory(sample: str) -> dict:
    """Load time (import, pipeline, and `warm()`: the NER models of all three languages) and peak RSS of a
    fresh process that loads the pipeline and runs it on the sample. Peak RSS is the process's VmHWM:
    `ru_maxrss` of a child started from a big parent can report the parent's size."""
    code = ("import json,time,resource,sys;t=time.perf_counter();import ppo_nlp;nlp=ppo_nlp.load().warm();"
            "load=time.perf_counter()-t;nlp(" + json.dumps(sample) + ");"
            "hwm=[l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1];"
            "print(json.dumps({'load_s':round(load,3),'peak_rss_mb':round(int(hwm)/1024),"
            "'torch':'torch' in sys.modules}))")
    return _child(code)


def scaling(texts: list[str]) -> dict:
    """Wall time of the batch runner's process pool with 1 and 2 workers. Each worker starts cold and loads
    its models, so the corpus is also run three times over: the extra time per pass is the steady rate,
    start-up excluded. Run from a fresh small process so that the workers' peak RSS (`RUSAGE_CHILDREN`)
    is theirs, not an inherited copy of this benchmark's."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(texts, f, ensure_ascii=False)
    code = ("import json,time,resource,sys;from ppo_nlp.batch import _ordered_parallel,chunks;"
            "from ppo_nlp.ingest import RawDoc;from ppo_nlp.pipeline import Options;"
            f"texts=json.load(open({f.name!r},encoding='utf-8'));"
            "raws=lambda n:[RawDoc(f'd{i}',f'd{i}',t,'text',{},None) for i,t in enumerate(texts*n)]\n"
            "def run(w,n):\n s=time.perf_counter();list(_ordered_parallel(chunks(raws(n)),Options(time_limit=None),w))\n"
            " return time.perf_counter()-s\n"
            "t={w:(run(w,1),run(w,3)) for w in (1,2)};steady={w:(b-a)/2 for w,(a,b) in t.items()}\n"
            "print(json.dumps({'1_worker_s':round(t[1][0],2),'2_workers_s':round(t[2][0],2),"
            "'speedup_with_startup':round(t[1][0]/t[2][0],2),'speedup_steady':round(steady[1]/steady[2],2),"
            "'worker_peak_rss_mb':round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024)}))")
    try:
        return _child(code)
    finally:
        Path(f.name).unlink()


def size_cost(texts: list[str]) -> dict:
    """Per-character cost of one 1 MB article (distinct paragraphs, then the same text as one paragraph)
    against 10 KB articles cut from it."""
    import ppo_nlp

    nlp = ppo_nlp.load(time_limit=None).warm()  # loading is not a cost per character
    large = "\n".join(texts)[:1_000_000]
    smalls = [large[i:i + 10_000] for i in range(0, len(large), 10_000)][:30]
    per_small = timed(lambda: [nlp(s) for s in smalls]) / sum(map(len, smalls))
    per_large = timed(lambda: nlp(large)) / len(large)
    paragraph = " ".join(large.split())  # the same text as one paragraph: no line break bounds a search
    per_paragraph = timed(lambda: nlp(paragraph)) / len(paragraph)
    return {"large_chars": len(large), "us_per_char_10KB": round(per_small * 1e6, 3),
            "us_per_char_1MB": round(per_large * 1e6, 3), "ratio_1MB_to_10KB": round(per_large / per_small, 2),
            "ratio_1MB_one_paragraph_to_10KB": round(per_paragraph / per_small, 2)}


def long_texts() -> list[str]:
    """Distinct Russian documents (NEREL train) for the 1 MB article, else the seeds."""
    data = shared_data_dir()
    if data:
        return [p.read_text(encoding="utf-8") for p in sorted((data / "nerel" / "train").glob("*.txt"))]
    return [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "articles").glob("*.txt"))]


def print_table(rows: Iterable[dict]) -> None:
    print(f"{'system':<42} {'docs':>6} {'chars':>10} {'s':>7} {'chars/s':>10} {'docs/s':>8} {'cpu s':>6}")
    for r in rows:
        if "chars" not in r:
            print(r["system"])
            continue
        print(f"{r['system']:<42} {r['docs']:>6} {r['chars']:>10} {r['seconds']:>7} {r['chars_per_s']:>10,} "
              f"{r['docs_per_s']:>8} {r.get('cpu_s', ''):>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_500_000, help="size of the mixed corpus")
    args = parser.parse_args()
    corpus = mixed_corpus(args.chars)
    mixed = [t for lang in ("ru", "kk", "en") for t in corpus[lang]]
    print("corpus:", {lang: (len(d), sum(map(len, d))) for lang, d in corpus.items()})
    langs = ["ru", "kk", "en"]
    rows = ppo_rows(args.chars, langs, [True, False]) + [natasha_row(corpus["ru"]), natasha_row(corpus["ru"], 1)]
    rows += [spacy_row(mixed)] + ppo_rows(args.chars, ["ru"], [True])
    print_table(r for r in rows if r)
    print("ppo_nlp on ru vs natasha (speed ratio, wall and CPU):", ratios(rows))
    print("ru on the whole machine (wall):", machine_ratio(corpus["ru"], rows))
    print("scaling:", scaling(mixed))
    print("load and memory (one worker):", load_and_memory(corpus["ru"][0][:5000]))
    print("cost per character:", size_cost(long_texts()))
    print("this process peak RSS MB:", round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


if __name__ == "__main__":
    main()
