"""Saved HTML article pages: the main text via trafilatura, navigation and boilerplate dropped.

Title, date, site name and canonical URL come from the page's metadata (trafilatura),
the language from ``<html lang>``. The extracted text is then read like a plain-text
story, so a leading headline, dateline and agency sign-off become fields.
"""

from __future__ import annotations

import re
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dates import dateline_date, parse_date
from coding.ingest.encoding import declared_charset, decode
from coding.ingest.plaintext import parse_story
from coding.ingest.sources import Blob
from coding.ingest.xmlsafe import screen

_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


def read(blob: Blob) -> Iterator[Document | Rejected]:
    import trafilatura  # imported on use: it is slow to import and only pages need it

    screen(blob.data)
    page, _ = decode(blob.data, declared=declared_charset(blob.data))
    if not page.strip():
        yield Rejected(blob.source, ErrorCode.E103_EMPTY, "empty file")
        return
    result = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not body:
        yield Rejected(blob.source, ErrorCode.E105_MISSING_TEXT, "no main text found in the HTML page")
        return
    # trafilatura gives one paragraph per line; a blank line between them reads like a story.
    story = parse_story("\n\n".join(line.strip() for line in body.splitlines() if line.strip()))
    if not story["text"].strip():
        yield Rejected(blob.source, ErrorCode.E105_MISSING_TEXT, "no story text after the headline and dateline")
        return
    try:
        doc_date = parse_date(result.date)
    except ValueError:
        doc_date = None
    lang = _LANG.search(page[:4096])
    yield Document(
        doc_id=blob.stem,
        text=story["text"],
        doc_date=dateline_date(story["dateline_month_day"], doc_date, story["text"]),
        source=story["source"] or result.sitename or None,
        title=result.title or story["title"],
        url=result.url or None,
        dateline_place=story["dateline_place"],
        dateline=story["dateline"],
        language=lang.group(1).lower() if lang else None,
        path=blob.source,
    )
