"""The gazetteer family: aliases of known organizations, projects and places, matched in any inflection.

Public face (what other families may import): the stage `extract_gazetteer`, the helpers the rules reuse
to read aliases and context words, and the inflection-aware `Lexicon`/`Trie` they build their own lists with.
"""
from ppo_nlp.extract.gazetteer.akimat import dominant_place
from ppo_nlp.extract.gazetteer.context import context_lexicons, has_context
from ppo_nlp.extract.gazetteer.inflect import Lexicon, lang_of
from ppo_nlp.extract.gazetteer.match import display_name, extract_gazetteer, load_gazetteers, match_alias
from ppo_nlp.extract.gazetteer.places import checked_ner_place, extract_places, ner_place_checker
from ppo_nlp.extract.gazetteer.placewords import inside_quoted_name, place_adjective
from ppo_nlp.extract.gazetteer.trie import AliasRef, Trie

__all__ = ["AliasRef", "Lexicon", "Trie", "checked_ner_place", "ner_place_checker", "context_lexicons", "display_name", "dominant_place",
           "extract_gazetteer", "extract_places", "has_context", "inside_quoted_name", "lang_of", "load_gazetteers",
           "match_alias", "place_adjective"]
