"""Finding mentions and facts in a document's text: one package per extractor family.

`gazetteer/` (known names), `rules/` (patterns for the rest), `ner/` (statistical models), `counts/`
(numbers) and `officials/` (people and positions), with `dates.py` and `merge.py` beside them. The order
they run in, and what each reads from and writes to the `Document`, is declared in `row.py`; see
docs/ARCHITECTURE.md.
"""
