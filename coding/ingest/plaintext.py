"""Plain-text wire stories.

The layout: an optional ``date YYYY-MM-DD`` header, an optional headline on its own first
line, a dateline (see :mod:`coding.ingest.dateline` for the styles), paragraphs,
crossheads such as ``– 'Astonishing' advance –`` on lines of their own, and an agency
sign-off (``– AFP``).

The header, headline, dateline, crossheads and sign-off are taken out of the body and
kept as fields. They are blanked with spaces rather than cut, so that character offsets
in ``Document.text`` are offsets in the file's own (decoded) text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dateline import DASH, match_dateline, match_signoff
from coding.ingest.dates import dateline_date, parse_date
from coding.ingest.encoding import decode
from coding.ingest.sources import Blob

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_CROSSHEAD = re.compile(r"^[ \t]*" + DASH + r"[ \t]*\S.{0,80}?[ \t]*" + DASH + r"[ \t]*$", re.MULTILINE)
_HEADLINE_MAX = 200


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping newlines, so offsets do not move."""
    middle = "".join("\n" if ch == "\n" else " " for ch in text[start:end])
    return text[:start] + middle + text[end:]


def _headline_then_dateline(text: str, start: int):
    """(headline end, Dateline) when a short first line is followed by a dateline line."""
    line_end = text.find("\n", start)
    if line_end < 0:
        return None
    headline = text[start:line_end].strip()
    if not headline or len(headline) > _HEADLINE_MAX or headline.endswith((".", ",", ";")):
        return None
    rest = text[line_end:]
    nxt = line_end + len(rest) - len(rest.lstrip())
    dl = match_dateline(text, nxt)
    return (line_end, dl) if dl else None


def parse_story(raw: str) -> dict:
    """Split a story into its body (offset-preserving) and its header fields."""
    text = raw
    fields: dict = {"doc_date": None, "dateline_place": None, "source": None, "dateline_month_day": None,
                    "title": None, "dateline": None}
    pos = 0
    m = _HEADER.match(text)
    if m:
        fields["doc_date"] = parse_date(m.group(1))
        text = _blank(text, m.start(), m.end())
        pos = m.end()
    # The dateline starts the first non-blank text of the story, or the line after a headline.
    lead = len(text[pos:]) - len(text[pos:].lstrip())
    start = pos + lead
    dl = match_dateline(text, start)
    if dl is None:
        found = _headline_then_dateline(text, start)
        if found:
            line_end, dl = found
            fields["title"] = text[start:line_end].strip()
            text = _blank(text, start, line_end)
    if dl:
        fields["dateline_place"] = dl.place
        fields["dateline_month_day"] = dl.month_day
        fields["source"] = dl.agency
        fields["dateline"] = dl.printed
        text = _blank(text, dl.start, dl.end)
    for cm in list(_CROSSHEAD.finditer(text)):
        text = _blank(text, cm.start(), cm.end())
    so = match_signoff(text)
    if so:
        fields["source"] = fields["source"] or so[2]
        text = _blank(text, so[0], so[1])
    fields["text"] = text
    return fields


def read(blob: Blob) -> Iterator[Document | Rejected]:
    raw, _ = decode(blob.data)
    if not raw.strip():
        yield Rejected(blob.source, ErrorCode.E103_EMPTY, "empty file", doc_id=blob.stem)
        return
    fields = parse_story(raw)
    if not fields["text"].strip():
        yield Rejected(blob.source, ErrorCode.E103_EMPTY, "no story text after the header and dateline", doc_id=blob.stem)
        return
    yield Document(
        doc_id=blob.stem,
        text=fields["text"],
        doc_date=dateline_date(fields["dateline_month_day"], fields["doc_date"], fields["text"]),
        source=fields["source"],
        title=fields["title"],
        dateline_place=fields["dateline_place"],
        dateline=fields["dateline"],
        path=blob.source,
    )
