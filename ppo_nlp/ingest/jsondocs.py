"""JSON and JSONL inputs: objects with an `id` and a `text` (or `body`, `content`, `html`) field."""
from __future__ import annotations

import itertools
import json
from typing import Any, BinaryIO, Iterable, Iterator

from ppo_nlp.errors import IngestError
from ppo_nlp.ingest.encoding import decode_bytes
from ppo_nlp.ingest.model import RawDoc
from ppo_nlp.ingest.jsonsplit import JsonArrayError, split_array
from ppo_nlp.ingest.streams import CHUNK, iter_lines_capped, read_upto

TEXT_FIELDS = ("text", "body", "content")
META_FIELDS = {  # meta key -> the JSON keys that may carry it, in order of preference
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "datePublished", "pubdate"),
    "outlet": ("outlet", "site_name", "publisher", "site"),
    "author": ("author", "byline"),
    "lang": ("lang", "language"),
}


def read_json(stream: BinaryIO, doc_id: str, source: str, cap: int) -> Iterator[RawDoc]:
    """A `.json` file: one object, or a list of objects (ids `file.json#<n>` when they carry none).

    `cap` is per document: a file up to `cap` bytes is parsed at once; a bigger one must be an array, whose
    elements are then cut out and parsed one by one (an element over `cap` gives an E003 record)."""
    head = read_upto(stream, cap + 1)
    if len(head) <= cap:
        yield from _small_json(head, doc_id, source)
        return
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first != b"[":
        code, what = ("E003", f"JSON object larger than the size cap of {cap} bytes") if first == b"{" else \
            ("E006", "invalid JSON: a large file that is not an array")
        yield RawDoc(doc_id, source, None, error=IngestError(code, what))
        return
    yield from _large_array(itertools.chain([head.lstrip(b"\xef\xbb\xbf")], iter(lambda: stream.read(CHUNK), b"")),
                            doc_id, source, cap)


def _small_json(data: bytes, doc_id: str, source: str) -> Iterator[RawDoc]:
    """A whole `.json` file within the cap, parsed at once."""
    try:
        value = json.loads(decode_bytes(data))
    except IngestError as err:
        yield RawDoc(doc_id, source, None, error=err)
        return
    except (ValueError, RecursionError) as err:
        yield RawDoc(doc_id, source, None, error=IngestError("E006", f"invalid JSON: {err}"))
        return
    if isinstance(value, list):
        for n, item in enumerate(value, 1):
            yield object_to_doc(item, f"{doc_id}#{n}", source)
    else:
        yield object_to_doc(value, doc_id, source)


def _large_array(chunks: Iterable[bytes], doc_id: str, source: str, cap: int) -> Iterator[RawDoc]:
    """The elements of a JSON array bigger than the cap, parsed one at a time."""
    n = 0
    try:
        for n, element in enumerate(split_array(chunks, cap), 1):
            if element is None:
                yield RawDoc(f"{doc_id}#{n}", source, None,
                             error=IngestError("E003", f"JSON element larger than the size cap of {cap} bytes"))
            else:
                yield _line_to_doc(element, f"{doc_id}#{n}", source)
    except JsonArrayError as err:
        yield RawDoc(f"{doc_id}#{n + 1}", source, None, error=IngestError("E006", f"invalid JSON: {err}"))


def read_jsonl(stream: BinaryIO, doc_id: str, source: str, cap: int) -> Iterator[RawDoc]:
    """A `.jsonl` file: one object per line; a broken line gives an error for that line only."""
    for lineno, line in enumerate(iter_lines_capped(stream, cap), 1):
        line_id = f"{doc_id}#{lineno}"
        if line is None:
            yield RawDoc(line_id, source, None, error=IngestError("E003", f"line longer than {cap} bytes"))
        elif line.strip():
            yield _line_to_doc(line, line_id, source)


def _line_to_doc(line: bytes, line_id: str, source: str) -> RawDoc:
    """One JSONL line as a document or an error record."""
    try:
        value = json.loads(decode_bytes(line))
    except IngestError as err:
        return RawDoc(line_id, source, None, error=err)
    except (ValueError, RecursionError) as err:
        return RawDoc(line_id, source, None, error=IngestError("E006", f"invalid JSON: {err}"))
    return object_to_doc(value, line_id, source)


def object_to_doc(value: Any, fallback_id: str, source: str) -> RawDoc:
    """A JSON object as a RawDoc: its `id` (else `fallback_id`), text or html, and metadata."""
    if not isinstance(value, dict):
        return RawDoc(fallback_id, source, None, error=IngestError("E007", "JSON value is not an object"))
    doc_id = _object_id(value) or fallback_id
    meta = {key: val for key, names in META_FIELDS.items() if (val := _first_string(value, names))}
    text, kind, problem = _object_text(value)
    if problem:
        return RawDoc(doc_id, source, None, kind, meta, IngestError("E007", problem))
    if not text.strip():
        return RawDoc(doc_id, source, None, kind, meta, IngestError("E008", "empty text"))
    return RawDoc(doc_id, source, text, kind, meta)


def _object_id(value: dict) -> str | None:
    """The object's own id, stringified, when it is a string or a number."""
    raw = value.get("id")
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        return None
    return str(raw).strip() or None


def _object_text(value: dict) -> tuple[str, str, str | None]:
    """(text, kind, problem): the first text field present, else `html`; a problem when unusable."""
    for name in TEXT_FIELDS + ("html",):
        if name in value and value[name] is not None:
            if not isinstance(value[name], str):
                return "", "text", f"field {name!r} is not a string"
            return value[name], ("html" if name == "html" else "text"), None
    return "", "text", "no text field (text, body, content or html)"


def _first_string(value: dict, names: tuple[str, ...]) -> str | None:
    """The first of `names` holding a non-empty string (an author object gives its `name`)."""
    for name in names:
        raw = value.get(name)
        if isinstance(raw, dict):
            raw = raw.get("name")
        if isinstance(raw, str) and raw.strip():
            return raw.strip()
    return None
