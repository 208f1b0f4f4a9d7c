"""Checks every Document passes before it reaches the coder, whatever format it came from."""

from __future__ import annotations

import re
from dataclasses import replace

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.ids import clean_id
from coding.ingest.language import detect_language
from coding.ingest.limits import Limits

ACCEPTED_LANGUAGES = frozenset({"en"})
# An unpaired surrogate is no character: JSON escapes ("\ud800") and feed character references
# ("&#xD800;") can produce one, and nothing downstream can encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = ("source", "title", "url", "dateline_place", "dateline", "language", "path")  # path: a file name's undecodable bytes


def screen_document(doc: Document, limits: Limits) -> Document | Rejected:
    """The document with a safe id and its language, or the reason it is set aside."""
    where = doc.path or doc.doc_id
    doc_id = clean_id(doc.doc_id)
    if doc_id is None:
        return Rejected(where, ErrorCode.E113_BAD_ID, f"id {doc.doc_id[:80]!r} is empty once control characters "
                                                      "and path segments are removed")
    if len(doc.text) > limits.max_document_chars:
        return Rejected(where, ErrorCode.E110_TOO_LARGE, f"document text of {len(doc.text):,} characters is longer "
                                                         f"than the limit of {limits.max_document_chars:,}", doc_id=doc_id)
    if not doc.text.strip():
        return Rejected(where, ErrorCode.E103_EMPTY, "document has no text", doc_id=doc_id)
    bad = _SURROGATE.search(doc.text)
    if bad is not None:
        return Rejected(where, ErrorCode.E102_ENCODING, f"text holds an unpaired surrogate U+{ord(bad.group()):04X} "
                                                        f"at character {bad.start()}: not a character", doc_id=doc_id)
    fixed = {name: _SURROGATE.sub("\ufffd", value) for name in _FIELDS
             if isinstance(value := getattr(doc, name), str) and _SURROGATE.search(value)}
    if fixed:
        doc = replace(doc, **fixed)
    declared = (doc.language or "").split("-")[0].lower() or None
    detected = detect_language(doc.text)
    language = detected or declared
    if language is not None and language not in ACCEPTED_LANGUAGES:
        return Rejected(where, ErrorCode.E112_LANGUAGE, f"language={language}", doc_id=doc_id)
    if doc_id != doc.doc_id or language != doc.language:
        doc = replace(doc, doc_id=doc_id, language=language)
    return doc
