"""RSS 2.0 / RSS 1.0 / Atom feed files, one document per entry (its content, else its summary).

The bytes are screened for entity declarations first (:func:`coding.ingest.xmlsafe.screen`),
because feedparser runs its own XML parser; feedparser is given a stream, never a
string, so it can never fetch a URL.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dates import parse_date
from coding.ingest.markup import html_to_text
from coding.ingest.plaintext import parse_story
from coding.ingest.sources import Blob
from coding.ingest.xmlsafe import screen


def _plain(detail: dict | None, value: str | None) -> str:
    """Text of a feed field, converting HTML when the feed marks it as HTML (or it looks like it)."""
    value = value or ""
    kind = (detail or {}).get("type", "")
    if "html" in kind or "<" in value or "&" in value:
        return html_to_text(value)
    return html_to_text(value) if "\n\n" in value else " ".join(value.split())


def _entry_text(entry) -> str:
    contents = [_plain(c, c.get("value")) for c in entry.get("content", []) or []]
    best = max(contents, key=len, default="")
    return best or _plain(entry.get("summary_detail"), entry.get("summary"))


def _entry_date(entry) -> date | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            try:
                return parse_date(raw)
            except ValueError:
                parsed = entry.get(f"{key}_parsed")
                if parsed:
                    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _web_link(link: str | None) -> str | None:
    """The entry's web address (feedparser falls back to an Atom ``tag:`` id, which is not one)."""
    return link if link and link.lower().startswith(("http://", "https://")) else None


def _language(tag: str | None) -> str | None:
    return tag.split("-")[0].split("_")[0].lower() if tag else None


def read(blob: Blob) -> Iterator[Document | Rejected]:
    import feedparser  # imported on use: only feeds need it

    screen(blob.data)
    parsed = feedparser.parse(io.BytesIO(blob.data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        if problem is not None:
            yield Rejected(blob.source, ErrorCode.E116_MALFORMED_XML, f"feed does not parse: {problem}")
        else:
            yield Rejected(blob.source, ErrorCode.E105_MISSING_TEXT, "feed has no entries")
        return
    feed = parsed.feed
    feed_title = " ".join((feed.get("title") or "").split()) or None
    feed_language = _language(feed.get("language"))
    for index, entry in enumerate(parsed.entries, start=1):
        doc_id = entry.get("id") or entry.get("link") or f"{blob.stem}-{index}"
        where = f"{blob.source}#{index}"
        text = _entry_text(entry)
        if not text.strip():
            yield Rejected(where, ErrorCode.E105_MISSING_TEXT, "entry has no content or summary", doc_id=doc_id)
            continue
        story = parse_story(text)
        source_detail = entry.get("source") or {}
        doc = Document(
            doc_id=doc_id,
            text=story["text"],
            doc_date=_entry_date(entry),
            source=story["source"] or source_detail.get("title") or feed_title,
            title=_plain(entry.get("title_detail"), entry.get("title")) or None,
            url=_web_link(entry.get("link")),
            dateline_place=story["dateline_place"],
            dateline=story["dateline"],
            language=_language((entry.get("content") or [{}])[0].get("language")) or feed_language,
            path=where,
        )
        yield doc
