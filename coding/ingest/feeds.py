"""RSS 2.0 / RSS 1.0 / Atom feed files, one document per entry (its content, else its summary).

The bytes are screened for entity declarations first (:func:`coding.ingest.xmlsafe.screen`),
because feedparser runs its own XML parser; feedparser is given a stream, never a
string, so it can never fetch a URL.

Each item is a record of its own (``file#N``, N counting the feed's items and entries). A
feed that does not parse cleanly (feedparser's "bozo" flag) or whose parse does not hold one
entry per item tag is read again item by item (:mod:`coding.ingest.records`), each item with
the feed's header: a broken item, or one with bytes that are not UTF-8 in a UTF-8 feed, is
then rejected alone, never merged into its neighbours or re-decoded with them.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dates import dateline_date, parse_date
from coding.ingest.encoding import broken_utf8, declared_charset
from coding.ingest.markup import html_to_text
from coding.ingest.plaintext import parse_story
from coding.ingest.records import Split, split_records
from coding.ingest.sources import Blob
from coding.ingest.xmlsafe import screen

_ENTRY = frozenset({"item", "entry"})


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


class _Failed(dict):
    """What :func:`_parse` gives when feedparser itself raises (it does on some hostile input, e.g. ``&#xD800;``)."""

    entries: list = []
    feed: dict = {}


def _parse(data: bytes):
    import feedparser  # imported on use: only feeds need it

    try:
        return feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except Exception as exc:  # noqa: BLE001 - a parser bug on one input is that input's problem
        return _Failed(bozo=True, bozo_exception=f"feedparser failed: {type(exc).__name__}: {exc}")


def read(blob: Blob) -> Iterator[Document | Rejected]:
    screen(blob.data)
    parsed = _parse(blob.data)
    split = split_records(blob.data, _ENTRY)
    if split is not None and (parsed.get("bozo") or len(parsed.entries) != len(split.records)):
        yield from _item_by_item(blob, split)
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        if problem is not None:
            yield Rejected(blob.source, ErrorCode.E116_MALFORMED_XML, f"feed does not parse: {problem}")
        else:
            yield Rejected(blob.source, ErrorCode.E105_MISSING_TEXT, "feed has no entries")
        return
    for index, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, parsed.feed, blob, index)


def _item_by_item(blob: Blob, split: Split) -> Iterator[Document | Rejected]:
    """The items of a feed that did not parse cleanly as a whole, each parsed with the feed's header."""
    check_bytes = broken_utf8(blob.data, declared_charset(blob.data))  # then the items holding them are rejected
    for index, record in enumerate(split.records, start=1):
        where = f"{blob.source}#{index}"
        if check_bytes:
            try:
                record.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Rejected(where, ErrorCode.E102_ENCODING, f"invalid UTF-8: {exc.reason} at byte {exc.start} "
                                                               f"of item {index} in a feed that is otherwise UTF-8")
                continue
        one = _parse(split.header + record + split.footer)
        if len(one.entries) != 1:
            problem = one.get("bozo_exception")
            yield Rejected(where, ErrorCode.E116_MALFORMED_XML,
                           f"item {index} does not parse" + (f": {problem}" if problem is not None else ""))
            continue
        yield _entry_document(one.entries[0], one.feed, blob, index)


def _entry_document(entry, feed, blob: Blob, index: int) -> Document | Rejected:
    """The Document of the ``index``-th entry of a feed (``file#index``), or why it has none."""
    doc_id = entry.get("id") or entry.get("link") or f"{blob.stem}-{index}"
    where = f"{blob.source}#{index}"
    text = _entry_text(entry)
    if not text.strip():
        return Rejected(where, ErrorCode.E105_MISSING_TEXT, "entry has no content or summary", doc_id=doc_id)
    story = parse_story(text)
    source_detail = entry.get("source") or {}
    return Document(
        doc_id=doc_id,
        text=story["text"],
        doc_date=dateline_date(story["dateline_month_day"], _entry_date(entry), story["text"]),
        source=story["source"] or source_detail.get("title") or " ".join((feed.get("title") or "").split()) or None,
        title=_plain(entry.get("title_detail"), entry.get("title")) or None,
        url=_web_link(entry.get("link")),
        dateline_place=story["dateline_place"],
        dateline=story["dateline"],
        language=_language((entry.get("content") or [{}])[0].get("language")) or _language(feed.get("language")),
        path=where,
    )
