"""The knowledge base built from records (`ppo-nlp kb`): typed, keyed tables; see docs/KB.md."""
from ppo_nlp.kb.run import Summary, build_kb
from ppo_nlp.kb.store import KbError

__all__ = ["KbError", "Summary", "build_kb"]
