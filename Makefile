# make install: .venv with the package (editable) and its dependencies; make demo: the main job on corpus/;
# make test: the whole suite. All three work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test models bench natasha screenshots lookups clean

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: install
	rm -rf out && mkdir -p out
	$(BIN)/ppo-nlp extract corpus/articles -o out/records.jsonl
	$(BIN)/ppo-nlp extract corpus/articles -o out/records.csv --format csv
	$(BIN)/ppo-nlp extract corpus/articles -o out/records.parquet --format parquet
	$(BIN)/ppo-nlp extract corpus/articles -o out/records.sqlite --format sqlite
	$(BIN)/ppo-nlp evaluate out/records.jsonl --gold corpus/gold
	$(BIN)/ppo-nlp show out/records.jsonl -o out/report

test: install
	$(BIN)/python -m pytest

# natasha's wheel carries navec vectors (the ru NER model's static vectors) and slovnet NER (the benchmark
# comparison); installed without its dependencies, so pymorphy2 (broken on Python 3.11) never comes in.
natasha: install
	$(BIN)/python -m pip install -q --no-deps natasha==1.6.0 slovnet==0.6.0 navec==0.10.0 razdel==0.5.0

# Rebuild every shipped model (ppo_nlp/models/) from ../shared/data (or $$PPO_NLP_DATA) on this machine's
# CPUs (< 2 hours). Training needs the `train` extra (scikit-learn, scipy), which the default install leaves out.
models: natasha
	$(BIN)/python -m pip install -q -e '.[train]'
	$(BIN)/python scripts/train_langid.py
	nice -n 19 env OMP_NUM_THREADS=1 $(BIN)/python scripts/train_ner.py --lang all

# The ready-made look-up tables of ppo_nlp/resources/built/ (place indexes, gazetteer trie), after a word list
# under ppo_nlp/resources/ or the code that reads it changes (tests/resources/test_built.py says when).
lookups: install
	$(BIN)/python scripts/build_lookups.py

# Benchmarks print numbers; they never run as tests.
bench: natasha
	$(BIN)/python benchmarks/langid.py
	$(BIN)/python benchmarks/ner.py
	$(BIN)/python benchmarks/factrueval_occupation.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/memory.py

# docs/article.png and docs/archive.png for the README (needs chromium; pngquant, when present, shrinks them).
screenshots: install
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf out build *.egg-info .pytest_cache
