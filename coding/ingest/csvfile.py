"""CSV (or TSV) files with a header row: one document per row.

Header names are matched case-insensitively, ignoring spaces, dashes and underscores,
against the aliases in :data:`HEADER_MAP`; other columns are ignored. A text column is
required. Without an id column a row's id is ``<file stem>-<row number>``. The delimiter
is ``,``, ``;``, tab or ``|``, whichever the header line uses most (tab for ``.tsv``).

Every row is a record on its own: a row that does not parse, has the wrong number of
cells, holds a byte that is not text or lacks its id or text is reported with its line
(``file:line``) and the other rows are read. A row too long for one document is refused by
the document size limit like any other (the csv module's own cell limit is lifted to the
file's size). Only a file without a usable header is rejected whole.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dates import parse_date
from coding.ingest.encoding import decode_records, record_problem
from coding.ingest.limits import InputProblem
from coding.ingest.sources import Blob

# Document field -> accepted header names (normalised: lower case, no spaces, dashes or underscores).
HEADER_MAP: dict[str, tuple[str, ...]] = {
    "doc_id": ("id", "docid", "documentid", "storyid", "articleid", "guid", "itemid"),
    "text": ("text", "body", "content", "story", "article", "fulltext", "bodytext"),
    "doc_date": ("date", "docdate", "published", "publishdate", "pubdate", "publicationdate", "datetime", "firstcreated"),
    "source": ("source", "agency", "provider", "publisher"),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "language": ("language", "lang"),
    "dateline_place": ("dateline", "place", "location", "located"),
}
_ALIASES = {alias: field for field, aliases in HEADER_MAP.items() for alias in aliases}
_DELIMITERS = (",", ";", "\t", "|")


def _normal(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


def _delimiter(header: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    return max(_DELIMITERS, key=header.count)


def column_map(header: list[str]) -> dict[str, int]:
    """Document field -> column index, from the header row (the first matching column wins)."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        field = _ALIASES.get(_normal(name))
        if field and field not in found:
            found[field] = index
    return found


def read(blob: Blob) -> Iterator[Document | Rejected]:
    content, codec = decode_records(blob.data)
    if not content.strip():
        yield Rejected(blob.source, ErrorCode.E103_EMPTY, "empty file")
        return
    first_line = content.lstrip().split("\n", 1)[0]
    reader = csv.reader(io.StringIO(content.lstrip(), newline=""), delimiter=_delimiter(first_line, blob.suffix))
    # Long stories exceed the csv module's default cell limit (128 KiB): no cell of this file
    # can pass the limit, and the per-document size limit is applied to every Document
    # afterwards. Only ever raised, never lowered.
    csv.field_size_limit(max(csv.field_size_limit(), len(content) + 1))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputProblem(ErrorCode.E117_MALFORMED_CSV, f"the CSV header does not parse: {exc}") from exc
    yield from _rows(blob, reader, header, codec)


def _parsed_rows(reader) -> Iterator[list[str] | csv.Error]:
    """The reader's rows, with a row that does not parse given as its error (the next row is read after it)."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield exc


def _rows(blob: Blob, reader, header: list[str], codec: str) -> Iterator[Document | Rejected]:
    columns = column_map(header)
    if "text" not in columns:
        yield Rejected(blob.source, ErrorCode.E117_MALFORMED_CSV,
                       f"no text column in the header {header[:10]!r}; accepted names: {', '.join(HEADER_MAP['text'])}")
        return
    for row in _parsed_rows(reader):
        where = f"{blob.source}:{reader.line_num}"
        if isinstance(row, csv.Error):
            yield Rejected(where, ErrorCode.E117_MALFORMED_CSV, f"row does not parse: {row}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        problem = record_problem("\x1f".join(row), codec)
        if problem is not None:
            yield Rejected(where, problem.code, problem.reason)
            continue
        if len(row) != len(header):
            yield Rejected(where, ErrorCode.E117_MALFORMED_CSV, f"row has {len(row)} cells, the header has {len(header)}")
            continue
        values = {field: (row[i].strip() or None) for field, i in columns.items()}
        doc_id = values.get("doc_id") if "doc_id" in columns else f"{blob.stem}-{reader.line_num}"
        if doc_id is None:
            yield Rejected(where, ErrorCode.E109_MISSING_ID, "row has an empty id")
            continue
        text = row[columns["text"]]
        if not text.strip():
            yield Rejected(where, ErrorCode.E105_MISSING_TEXT, "row has an empty text", doc_id=doc_id)
            continue
        try:
            doc_date = parse_date(values.get("doc_date"))
        except ValueError as exc:
            yield Rejected(where, ErrorCode.E106_BAD_DATE, str(exc), doc_id=doc_id)
            continue
        yield Document(doc_id=doc_id, text=text, doc_date=doc_date, source=values.get("source"),
                       title=values.get("title"), url=values.get("url"), language=values.get("language"),
                       dateline_place=values.get("dateline_place"), path=where)
