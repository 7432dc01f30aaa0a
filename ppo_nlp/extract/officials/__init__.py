"""The officials family: people named in the text, their positions and the organizations they hold them in.

Public face: the stage `extract_officials`. It reads `doc.entities` (organizations for the positions, names
that block) and `doc.found["ner_new"]` (NER people as name candidates), and returns PERSON/POSITION
entities and `Person` facts.
"""
from ppo_nlp.extract.officials.people import extract_officials

__all__ = ["extract_officials"]
