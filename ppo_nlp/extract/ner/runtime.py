"""The shipped NER models run from their saved files with numpy alone: no spaCy, no thinc.

A model saved by spaCy (`models/ner-<lang>/`) is a `tok2vec` (`Tok2Vec.v2`: `MultiHashEmbed.v2` then
`MaxoutWindowEncoder.v2`) and an `ner` (`TransitionBasedParser.v2`, greedy). Its files are msgpack (the
layers' weights as numpy arrays, node by node), numpy (the static vectors) and a tokenizer file. Here:

- `tokenizer.Tokenizer`: spaCy's tokens from the saved patterns and special cases;
- `WordEmbed`: the embed half, one row per (word, NORM): the ids of the word's attributes (`lexemes`),
  thinc's hash embeddings (`hashing.hash_keys`, four rows summed in order), the static vector of the word
  (zero when it has none) through its linear layer, side by side, then maxout and layer norm; rows are
  kept per word (at most `WORD_ROWS`), as `wordrows.WordRows` keeps spaCy's;
- `encoder.WindowEncoder`, the listener's linear layer and `decode.GreedyNer`, as on the spaCy path.

Each step runs the same numpy calls on the same arrays as thinc's `NumpyOps` (through `PredictOps`), so
the entities are spaCy's (scripts/check_ner_runtime.py and tests/extract/ner/test_runtime.py compare).
`load_runtime` returns None for any other architecture; the caller then loads the model with spaCy.
"""
from __future__ import annotations

import configparser
import json
import logging
from itertools import chain, filterfalse
from pathlib import Path
from typing import NamedTuple, Optional

import msgpack
import numpy as np

from ppo_nlp.extract.ner.decode import GreedyNer, Moves
from ppo_nlp.extract.ner.encoder import Block, WindowEncoder, maxout_norm
from ppo_nlp.extract.ner.hashing import hash_keys
from ppo_nlp.extract.ner.lexemes import Lexemes
from ppo_nlp.extract.ner.tokenizer import Tokenizer, Tokens

log = logging.getLogger(__name__)

WORD_ROWS = 8_192  # words whose embed row is kept: 3 MB of float32 rows of width 96
ARCHITECTURES = {  # config section -> the architecture this runtime reads
    "components.tok2vec.model": "spacy.Tok2Vec.v2",
    "components.tok2vec.model.embed": "spacy.MultiHashEmbed.v2",
    "components.tok2vec.model.encode": "spacy.MaxoutWindowEncoder.v2",
    "components.ner.model": "spacy.TransitionBasedParser.v2",
    "components.ner.model.tok2vec": "spacy.Tok2VecListener.v1",
}
REGISTRIES = {"nlp.tokenizer": ("@tokenizers", "spacy.Tokenizer.v1")}  # the tokenizer file is spaCy's own
BLOCK = "residual(expand_window>>maxout>>layernorm>>dropout)"
LISTENER = "tok2vec-listener>>list2array>>linear"


class HashTable(NamedTuple):
    table: np.ndarray  # (rows, width)
    seed: int
    column: int


class JoinedTables(NamedTuple):
    """The hash tables of an embed stacked into one array, to read all of a word's rows in one gather."""

    rows: np.ndarray  # (sum of the tables' rows, width)
    columns: list[int]  # the feature column of each table
    seeds: np.ndarray  # (tables,) uint64
    sizes: np.ndarray  # (1, tables, 1) uint32: each table's rows
    offsets: np.ndarray  # (1, tables, 1) uint32: where each table starts in `rows`
    width: int  # width of the tables' part of a mixed row (tables x table width)


def join_tables(tables: list[HashTable], static: Optional[StaticVectors]) -> Optional[JoinedTables]:
    """The tables joined, or None when they differ in width or dtype (from each other or the vectors)."""
    dtypes = {t.table.dtype for t in tables} | ({static.vectors.dtype, static.weights.dtype} if static else set())
    if not tables or len({t.table.shape[1] for t in tables}) != 1 or len(dtypes) != 1:
        return None
    sizes = [t.table.shape[0] for t in tables]
    return JoinedTables(np.concatenate([t.table for t in tables]), [t.column for t in tables],
                        np.array([t.seed for t in tables], dtype=np.uint64),
                        np.array(sizes, dtype=np.uint32).reshape(1, -1, 1),
                        np.cumsum([0] + sizes[:-1]).astype(np.uint32).reshape(1, -1, 1),
                        len(tables) * tables[0].table.shape[1])


class StaticVectors(NamedTuple):
    vectors: np.ndarray  # (rows, dims)
    keys: np.ndarray  # uint64, sorted: the ORTH ids that have a vector (spaCy's key2row, as two arrays)
    rows: np.ndarray  # intc: the vector row of each of `keys`
    weights: np.ndarray  # (width, dims)

    def rows_of(self, ids: np.ndarray) -> np.ndarray:
        """The vector row of each ORTH id (uint64), -1 for an id without one (`key2row.get(id, -1)`)."""
        if not len(self.keys):
            return np.full(len(ids), -1, dtype=np.intc)
        at = np.minimum(np.searchsorted(self.keys, ids), len(self.keys) - 1)
        return np.where(self.keys[at] == ids, self.rows[at], np.intc(-1))


def unpack(data: bytes):
    """msgpack as spaCy writes it (srsly): numpy arrays are maps of their dtype, shape and bytes."""
    return msgpack.unpackb(data, raw=False, strict_map_key=False, object_hook=_array)


def _array(obj: dict):
    if obj.get(b"nd") is True:
        return np.frombuffer(obj[b"data"], dtype=np.dtype(obj[b"type"])).reshape(obj[b"shape"]).copy()
    return obj


class WordEmbed:
    """`rows(docs)`: the embed half's (tokens x width) rows of every doc, computed once per word."""

    def __init__(self, lexemes: Lexemes, tables: list[HashTable], static: Optional[StaticVectors], mixer: Block,
                 limit: int = WORD_ROWS) -> None:
        self.lexemes, self.tables, self.static, self.mixer, self.limit = lexemes, tables, static, mixer, limit
        self.width = mixer.gain.shape[0]
        self.joined = join_tables(tables, static)
        self.static_width = 0 if static is None else static.weights.shape[0]
        self.index: dict[tuple[str, str], int] = {}
        self.table: Optional[np.ndarray] = None

    def compute(self, words: list[tuple[str, str]]) -> np.ndarray:
        """The rows of (word, NORM) pairs: hash embeddings and static vector side by side, maxout, layer norm."""
        ids = self.lexemes.features(words)
        if self.joined is None:
            parts = [self._hash_embed(ids[:, t.column], t) for t in self.tables]
            if self.static is not None:
                parts.append(self._static_vectors(words))
            return maxout_norm(np.hstack(parts), self.mixer)
        width = self.joined.width
        mixed = np.empty((len(words), width + self.static_width), dtype=self.joined.rows.dtype)
        mixed[:, :width] = self._hash_embeds(ids).reshape(len(words), width)
        if self.static is not None:
            mixed[:, width:] = self._static_vectors(words)
        return maxout_norm(mixed, self.mixer)

    def _hash_embeds(self, ids: np.ndarray) -> np.ndarray:
        """`_hash_embed` of every table at once (the same integer hashes, the same float sums in the same
        order): (words, tables, table width)."""
        joined = self.joined
        keys = hash_keys(ids[:, joined.columns], joined.seeds) % joined.sizes  # (words, tables, 4)
        keys += joined.offsets
        out = np.zeros((len(ids), len(self.tables), joined.rows.shape[1]), dtype=joined.rows.dtype)
        for k in range(keys.shape[2]):
            out += joined.rows.take(keys[:, :, k], axis=0)  # (words, tables, width)
        return out

    @staticmethod
    def _hash_embed(ids: np.ndarray, table: HashTable) -> np.ndarray:
        """thinc's HashEmbed: the rows of the four hashes of each id, added one after the other."""
        keys = hash_keys(ids, table.seed) % table.table.shape[0]
        out = np.zeros((len(ids), table.table.shape[1]), dtype=table.table.dtype)
        for k in range(keys.shape[1]):
            out += table.table[keys[:, k]]
        return out

    def _static_vectors(self, words: list[tuple[str, str]]) -> np.ndarray:
        """spaCy's StaticVectors: each word's vector (by its ORTH id) times the weights; zero without one."""
        static, lookup = self.static, self.lexemes.ids.__getitem__
        rows = static.rows_of(np.fromiter(map(lookup, [text for text, _ in words]), dtype=np.uint64, count=len(words)))
        out = np.dot(static.vectors.take(rows, axis=0), static.weights.T)
        out[rows < 0] = 0
        return out

    def rows(self, docs: list[Tokens]) -> list[np.ndarray]:
        keys = list(chain.from_iterable(zip(d.orths, d.norms) for d in docs))  # (word, NORM): the tokenizer's
        cuts = np.cumsum([len(d.orths) for d in docs])[:-1]
        if not keys:
            return [np.zeros((0, self.width), dtype=np.float32) for _ in docs]
        missing = list(filterfalse(self.index.__contains__, dict.fromkeys(keys)))  # new words, in text order
        if len(missing) > self.limit:  # more new words than the table holds: no table for this batch
            return np.split(self.compute(keys), cuts)
        if len(self.index) + len(missing) > self.limit:  # full: start again with this batch's words only
            self.index = {}
            missing = list(dict.fromkeys(keys))
            if len(missing) > self.limit:
                return np.split(self.compute(keys), cuts)
        if missing:
            self._add(missing)
        at = np.fromiter(map(self.index.__getitem__, keys), dtype=np.intp, count=len(keys))
        return np.split(self.table.take(at, axis=0), cuts)

    def _add(self, keys: list[tuple[str, str]]) -> None:
        new = self.compute(keys)
        first = len(self.index)
        if self.table is None or self.table.shape[0] < first + len(keys):
            size = min(self.limit, max(first + len(keys), 2 * (0 if self.table is None else self.table.shape[0]), 1024))
            table = np.empty((size, new.shape[1]), dtype=new.dtype)
            if self.table is not None and first:
                table[:first] = self.table[:first]
            self.table = table
        self.table[first:first + len(keys)] = new
        self.index.update(zip(keys, range(first, first + len(keys))))


class NumpyNer:
    """`spans(texts)`: (start char, end char, model label) entities of each text."""

    def __init__(self, tokenizer: Tokenizer, embed: WordEmbed, encoder: WindowEncoder,
                 project: dict[str, np.ndarray], greedy: GreedyNer, path: Path) -> None:
        self.tokenizer, self.embed, self.encoder = tokenizer, embed, encoder
        self.project, self.greedy, self.path = project, greedy, path

    def spans(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        docs = [self.tokenizer(text) for text in texts]
        sizes = [len(d.orths) for d in docs]
        if not sum(sizes):
            return [[] for _ in docs]
        hidden = np.concatenate(self.encoder.predict(self.embed.rows(docs)))
        vectors = np.dot(hidden, self.project["W"].T)  # the listener's linear layer, as thinc's Linear
        vectors += self.project["b"]
        space = np.fromiter(chain.from_iterable(map(str.isspace, d.orths) for d in docs), dtype=bool, count=sum(sizes))
        return [_char_spans(d, found) for d, found in zip(docs, self.greedy(vectors, space, sizes))]


def _char_spans(doc: Tokens, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    if not found:
        return []
    starts = doc.offsets()
    return [(starts[s], starts[e - 1] + len(doc.orths[e - 1]), label) for s, e, label in found]


def read_config(path: Path) -> configparser.ConfigParser:
    config = configparser.ConfigParser(interpolation=None)
    config.read(path / "config.cfg", encoding="utf-8")
    return config


def unsupported(config: configparser.ConfigParser) -> Optional[str]:
    """Why the numpy runtime cannot run the model of this config (None when it can)."""
    if json.loads(config.get("nlp", "pipeline", fallback="[]")) != ["tok2vec", "ner"]:
        return "a pipeline other than tok2vec + ner"
    for section, name in ARCHITECTURES.items():
        if json.loads(config.get(section, "@architectures", fallback='""')) != name:
            return f"{section} is not {name}"
    for section, (key, name) in REGISTRIES.items():
        if json.loads(config.get(section, key, fallback='""')) != name:
            return f"{section} is not {name}"
    ner = config["components.ner.model"]
    if ner.get("state_type") != '"ner"' or ner.get("extra_state_tokens") != "false" or ner.get("use_upper") != "true":
        return "an NER parser other than the default (ner states, no extra tokens, an upper layer)"
    if config.get("components.tok2vec.model.encode", "window_size", fallback="") != "1":
        return "an encoder window other than 1"
    return None


def load_runtime(path: Path, cache_size: int) -> Optional[NumpyNer]:
    """The numpy runtime of the model saved at `path`; None (logged) when its architecture is another."""
    config = read_config(path)
    why = unsupported(config)
    if why is None:
        try:
            return _build(path, config, cache_size)
        except (ValueError, KeyError, IndexError, OSError) as exc:
            why = f"{type(exc).__name__}: {exc}"
    log.info("NER %s runs on spaCy, not on the numpy runtime: %s", path.name, why)
    return None


def _nodes(path: Path) -> list[tuple[dict, dict, dict]]:
    """(node, attrs, params) of every layer of a saved thinc model, its attrs unpacked."""
    data = unpack(path.read_bytes())
    return [(node, {k: msgpack.unpackb(v, raw=False) for k, v in attrs.items()}, params)
            for node, attrs, params in zip(data["nodes"], data["attrs"], data["params"])]


def tok2vec_name(n_tables: int, static: bool, depth: int) -> str:
    """The name thinc gives the layers of a `Tok2Vec.v2` with these settings (and only to those)."""
    tables = "|".join(["ints-getitem>>hashembed"] * n_tables)
    embed = f"extract_features>>list2ragged>>with_array({tables})" + ("|static_vectors" if static else "")
    return f"{embed}>>with_array(maxout>>layernorm>>dropout)>>ragged2list>>with_array({'>>'.join([BLOCK] * depth)})"


def _block(maxout: dict, norm: dict) -> Block:
    n_out, n_pieces, n_in = maxout["W"].shape
    return Block(maxout["W"].reshape(n_out * n_pieces, n_in), maxout["b"].reshape(-1), n_pieces, norm["G"], norm["b"])


def _build(path: Path, config: configparser.ConfigParser, cache_size: int) -> NumpyNer:
    nodes = _nodes(path / "tok2vec" / "model")
    static = config.get("components.tok2vec.model.embed", "include_static_vectors") == "true"
    depth = int(config.get("components.tok2vec.model.encode", "depth"))
    columns = next(a["columns"] for n, a, _ in nodes if n["name"] == "extract_features")
    if nodes[0][0]["name"] != tok2vec_name(len(columns), static, depth):
        raise ValueError(f"tok2vec layers {nodes[0][0]['name']!r}")
    if any(a.get("window_size") != 1 for n, a, _ in nodes if n["name"] == "expand_window"):
        raise ValueError("an encoder window other than 1")
    tables = sorted((HashTable(p["E"], a["seed"], a["column"]) for n, a, p in nodes if n["name"] == "hashembed"),
                    key=lambda t: t.column)
    maxouts = [p for n, _, p in nodes if n["name"] == "maxout"]
    norms = [p for n, _, p in nodes if n["name"] == "layernorm"]
    pad = next(a["pad"] for n, a, _ in nodes if n["name"] == f"with_array({'>>'.join([BLOCK] * depth)})")
    vectors = _static_vectors(path, nodes) if static else None
    lexemes = Lexemes(list(columns))
    embed = WordEmbed(lexemes, tables, vectors, _block(maxouts[0], norms[0]))
    encoder = WindowEncoder(int(pad), [_block(m, n) for m, n in zip(maxouts[1:], norms[1:])])
    project, greedy = _parser(path)
    tokenizer = Tokenizer.from_file(path / "tokenizer", cache_size, lexemes.norm)
    return NumpyNer(tokenizer, embed, encoder, project, greedy, path)


def _static_vectors(path: Path, nodes: list[tuple[dict, dict, dict]]) -> StaticVectors:
    """The vectors table (by ORTH id) and the weights of the `static_vectors` layer."""
    node_attrs, params = next((a, p) for n, a, p in nodes if n["name"] == "static_vectors")
    mode = json.loads((path / "vocab" / "vectors.cfg").read_text(encoding="utf-8")).get("mode", "default")
    if node_attrs.get("key_attr", "ORTH") != "ORTH" or mode != "default":
        raise ValueError(f"static vectors by {node_attrs.get('key_attr')} in {mode} mode")
    vectors = np.load(path / "vocab" / "vectors", allow_pickle=False)
    key2row = unpack((path / "vocab" / "key2row").read_bytes()) or {}
    keys = np.fromiter(key2row, dtype=np.uint64, count=len(key2row))
    order = np.argsort(keys, kind="stable")
    rows = np.fromiter(key2row.values(), dtype=np.intc, count=len(key2row))[order]
    return StaticVectors(vectors, keys[order], rows, np.ascontiguousarray(params["W"]))


def _parser(path: Path) -> tuple[dict[str, np.ndarray], GreedyNer]:
    """The listener's linear layer and the greedy decoder of the saved `ner` component."""
    cfg = json.loads((path / "ner" / "cfg").read_text(encoding="utf-8"))
    if cfg.get("beam_width", 1) != 1:
        raise ValueError("a beam parser")
    nodes = _nodes(path / "ner" / "model")
    root, root_attrs, _ = nodes[0]
    refs = root["refs"]
    if root["name"] != "parser_model" or not root_attrs.get("has_upper") or nodes[refs["tok2vec"]][0]["name"] != LISTENER:
        raise ValueError(f"an NER model of layers {[n['name'] for n, _, _ in nodes]}")
    project = next(p for i, (n, _, p) in enumerate(nodes) if n["name"] == "linear" and i != refs["upper"])
    moves = unpack((path / "ner" / "moves").read_bytes())
    greedy = GreedyNer(nodes[refs["lower"]][2], nodes[refs["upper"]][2], Moves.from_labels(json.loads(moves["moves"])))
    return project, greedy
