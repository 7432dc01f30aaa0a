"""The NER family: statistical name finders per language (models trained with spaCy, run by a numpy runtime
that reads their files without spaCy; slovnet for Russian where chosen), their greedy decoder and the
Russian dictionary check.

Public face: the stage `extract_ner` and `load_ner` (to warm or inspect a language's model).
"""
from ppo_nlp.extract.ner.model import extract_ner, load_ner

__all__ = ["extract_ner", "load_ner"]
