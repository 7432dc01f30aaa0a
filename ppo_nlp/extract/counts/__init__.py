"""The counts family: numbers with their qualifier, unit, counted subject, change and as-of date.

Public face: the stage `extract_counts`. It reads `doc.entities` (names and dates found so far: a number
inside a name is no count; dates give the as-of value) and returns `Count` facts.
"""
from ppo_nlp.extract.counts.find import extract_counts

__all__ = ["extract_counts"]
