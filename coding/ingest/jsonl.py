"""JSON Lines: one object per line with ``id``, ``text`` and optional ``date``, ``source``, ``title``, ``url``, ``language``.

The text is kept exactly as given, so evidence offsets index the ``text`` field.
A bad line is reported as Rejected with its line number; the other lines are read.
"""

from __future__ import annotations

import json
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dates import parse_date
from coding.ingest.encoding import decode
from coding.ingest.sources import Blob


def _opt_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return None if value is None or value == "" else str(value)


def read(blob: Blob) -> Iterator[Document | Rejected]:
    content, _ = decode(blob.data)
    if not content.strip():
        yield Rejected(blob.source, ErrorCode.E103_EMPTY, "empty file")
        return
    if content.lstrip().startswith("["):
        yield Rejected(blob.source, ErrorCode.E104_MALFORMED_JSON,
                       "a JSON array; expected JSON Lines (one object per line)")
        return
    for lineno, line in enumerate(content.splitlines(), start=1):
        where = f"{blob.source}:{lineno}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(where, ErrorCode.E104_MALFORMED_JSON, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Rejected(where, ErrorCode.E104_MALFORMED_JSON, f"expected a JSON object, got {type(obj).__name__}")
            continue
        doc_id = _opt_str(obj, "id")
        if doc_id is None:
            yield Rejected(where, ErrorCode.E109_MISSING_ID, 'object has no "id"')
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Rejected(where, ErrorCode.E105_MISSING_TEXT, 'object has no non-empty "text"', doc_id=doc_id)
            continue
        try:
            doc_date = parse_date(obj.get("date"))
        except ValueError as exc:
            yield Rejected(where, ErrorCode.E106_BAD_DATE, str(exc), doc_id=doc_id)
            continue
        yield Document(
            doc_id=doc_id,
            text=text,
            doc_date=doc_date,
            source=_opt_str(obj, "source"),
            title=_opt_str(obj, "title"),
            url=_opt_str(obj, "url"),
            language=_opt_str(obj, "language") or _opt_str(obj, "lang"),
            path=where,
        )
