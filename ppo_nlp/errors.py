"""Error records: a stable code and a clear message instead of a traceback."""
from __future__ import annotations

# code -> meaning; codes are stable, messages may improve
CODES = {
    "E001": "file could not be read",
    "E002": "not text: binary content or an unknown encoding",
    "E003": "member or file larger than the size cap",
    "E004": "broken archive, or a corrupt tar header skipped (id `archive.tar@<byte>`; reading resumed after it)",
    "E005": "unsafe archive member path",
    "E006": "invalid JSON",
    "E007": "JSON object without a usable text field",
    "E008": "empty document",
    "E009": "processing took longer than the per-document time limit",
    "E010": "internal error while processing the document",
    "E011": "unsupported file type",
    "E012": "refused, never opened: a FIFO, socket or device, a symbolic link to a folder, or a symbolic link "
            "to a file outside the input folder",
}


class IngestError(Exception):
    """A document that cannot become a record; `code` is one of `CODES`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IngestError) and (self.code, self.message) == (other.code, other.message)

    def __hash__(self) -> int:
        return hash((self.code, self.message))

    def __repr__(self) -> str:
        return f"IngestError({self.code!r}, {self.message!r})"

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
