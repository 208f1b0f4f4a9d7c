"""The typed values handed from ingest to the coder."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from coding.errors import ErrorCode


@dataclass(frozen=True)
class Document:
    """One news story, with the metadata taken out of its text."""

    doc_id: str
    text: str
    doc_date: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    dateline_place: str | None = None
    path: str | None = None
    language: str | None = None  # ISO 639-1 code detected (or declared) for the text
    dateline: str | None = None  # the dateline as printed, e.g. "KYIV, Sept 11 (Reuters)"
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))


@dataclass(frozen=True)
class Rejected:
    """An input that could not be turned into a Document, and why. Never silently dropped."""

    source: str  # path, or path:line for a JSONL line
    code: ErrorCode
    reason: str
    doc_id: str | None = None


def content_hash(text: str) -> str:
    # surrogatepass: a text holding an unpaired surrogate (a JSON "\ud800", a feed's "&#xD800;") still
    # gets a hash, so that the Document can be built and then rejected by the ingest screen.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
