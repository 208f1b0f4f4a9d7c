"""JSON Lines: one object per line with ``id``, ``text`` and optional ``date``, ``source``, ``title``, ``url``, ``language``.

The text is kept exactly as given, so evidence offsets index the ``text`` field.
Every line is a record on its own: a line that does not parse, is nested too deeply, holds
a byte that is not text or lacks a field is reported as Rejected with its line number
(``file:line``), and the other lines are read. Only a file that is one JSON array as a
whole is rejected whole. Lines end at ``\n`` only: a U+2028 inside a JSON string is text.
"""

from __future__ import annotations

import json
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dates import parse_date
from coding.ingest.encoding import decode_records, record_problem
from coding.ingest.sources import Blob


def _opt_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return None if value is None or value == "" else str(value)


def _load(content: str) -> object:
    """The JSON value of a whole file, or None when it is not one JSON value."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def read(blob: Blob) -> Iterator[Document | Rejected]:
    content, codec = decode_records(blob.data)
    if not content.strip():
        yield Rejected(blob.source, ErrorCode.E103_EMPTY, "empty file")
        return
    if content.lstrip().startswith("[") and isinstance(_load(content), list):
        yield Rejected(blob.source, ErrorCode.E104_MALFORMED_JSON,
                       "the whole file is one JSON array; expected JSON Lines (one object per line)")
        return
    for lineno, line in enumerate(content.split("\n"), start=1):
        where = f"{blob.source}:{lineno}"
        if not line.strip():
            continue
        problem = record_problem(line, codec)
        if problem is not None:
            yield Rejected(where, problem.code, problem.reason)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(where, ErrorCode.E104_MALFORMED_JSON, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield Rejected(where, ErrorCode.E104_MALFORMED_JSON, "JSON nested too deeply")
            continue
        except ValueError as exc:  # a number too long to convert (sys.get_int_max_str_digits)
            yield Rejected(where, ErrorCode.E104_MALFORMED_JSON, f"JSON does not load: {exc}")
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
