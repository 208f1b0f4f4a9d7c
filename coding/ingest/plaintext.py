"""Plain-text wire stories in the seed's layout.

The layout: an optional ``date YYYY-MM-DD`` header, a dateline (``KHARKIV (Sept 11):``,
``KYIV, Sept 11 (Reuters) -``, ``BEIRUT (AP) —``), paragraphs, crossheads such as
``– 'Astonishing' advance –`` on lines of their own, and an agency sign-off (``– AFP``).

The header, dateline, crossheads and sign-off are taken out of the body and kept as
fields. They are blanked with spaces rather than cut, so that character offsets in
``Document.text`` are offsets in the file's own text.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dates import month_day, parse_date
from coding.ingest.textio import DecodeFailure, decode

DASH = "[-–—]"
_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
# PLACE [, Mon D] [(AGENCY | Mon D)] [:|-|–|—]
_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?)
        (?:,\s*(?P<md1>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?
        \s*\((?P<paren>[^)]{1,30})\)
        \s*(?::|""" + DASH + r""")\s*""",
    re.VERBOSE,
)
_CROSSHEAD = re.compile(r"^[ \t]*" + DASH + r"[ \t]*\S.{0,80}?[ \t]*" + DASH + r"[ \t]*$", re.MULTILINE)
_SIGNOFF = re.compile(r"\s" + DASH + r"[ \t]*(?P<agency>[A-Z][A-Za-z]{1,10}(?:/[A-Z][A-Za-z]{1,10})*)[ \t]*\s*$")


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping newlines, so offsets do not move."""
    middle = "".join("\n" if ch == "\n" else " " for ch in text[start:end])
    return text[:start] + middle + text[end:]


def _title_place(raw: str) -> str:
    raw = raw.strip()
    return raw.title() if raw.isupper() else raw


def parse_story(raw: str) -> dict:
    """Split a story into its body (offset-preserving) and its header fields."""
    text = raw
    fields: dict = {"doc_date": None, "dateline_place": None, "source": None, "dateline_month_day": None}
    pos = 0
    m = _HEADER.match(text)
    if m:
        fields["doc_date"] = parse_date(m.group(1))
        text = _blank(text, m.start(), m.end())
        pos = m.end()
    # The dateline starts the first non-blank text of the story.
    lead = len(text[pos:]) - len(text[pos:].lstrip())
    start = pos + lead
    m = _DATELINE.match(text, start)
    if m:
        fields["dateline_place"] = _title_place(m.group("place"))
        paren = m.group("paren").strip()
        md = month_day(paren)
        if md:
            fields["dateline_month_day"] = md
        else:
            fields["source"] = paren
            if m.group("md1"):
                fields["dateline_month_day"] = month_day(m.group("md1"))
        text = _blank(text, start, m.end())
    for cm in list(_CROSSHEAD.finditer(text)):
        text = _blank(text, cm.start(), cm.end())
    m = _SIGNOFF.search(text)
    if m:
        fields["source"] = fields["source"] or m.group("agency")
        text = _blank(text, m.start() + 1, m.end())
    fields["text"] = text
    return fields


def _dateline_date(md: tuple[int, int] | None, header: date | None) -> date | None:
    if header is not None or md is None:
        return header
    return None  # a month-day without a year cannot be dated on its own


def read(path: Path) -> Iterator[Document | Rejected]:
    try:
        raw = decode(path.read_bytes())
    except DecodeFailure as exc:
        yield Rejected(str(path), exc.code, exc.reason, doc_id=path.stem)
        return
    if not raw.strip():
        yield Rejected(str(path), ErrorCode.E103_EMPTY, "empty file", doc_id=path.stem)
        return
    fields = parse_story(raw)
    if not fields["text"].strip():
        yield Rejected(str(path), ErrorCode.E103_EMPTY, "no story text after the header and dateline", doc_id=path.stem)
        return
    yield Document(
        doc_id=path.stem,
        text=fields["text"],
        doc_date=_dateline_date(fields["dateline_month_day"], fields["doc_date"]),
        source=fields["source"],
        dateline_place=fields["dateline_place"],
        path=str(path),
    )
