"""The counts family: numbers with their qualifier, unit, counted subject, change and as-of date.

Public face: the stage `extract_counts`. It reads `doc.entities` (names and dates found so far: a number
inside a name is no count; dates give the as-of value) and returns `Count` facts; the stage `link_counts`
runs after the facts and sets what each count is about (organization, place) and its as-of date.
"""
from ppo_nlp.extract.counts.find import extract_counts
from ppo_nlp.extract.counts.links import link_counts

__all__ = ["extract_counts", "link_counts"]
