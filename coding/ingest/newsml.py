"""NewsML-G2 news items (IPTC), as agencies deliver them: one ``newsItem`` per file, or many in a ``newsMessage``.

Taken out: ``guid`` (the document id) and ``version``, ``itemMeta`` ``firstCreated`` (the
document date, else ``versionCreated``) and ``provider``, ``contentMeta`` ``headline``,
``dateline``, ``located`` and ``language`` (or ``xml:lang``), and the body: the paragraphs of
an ``inlineXML`` XHTML rendition, else the text of an ``inlineData`` one. Items come out
as :class:`Versioned` so that :func:`coding.ingest.read_documents` can keep only the
latest version of each guid.

A ``newsMessage`` that does not parse as a whole is read item by item
(:mod:`coding.ingest.records`): an item that does not parse is rejected as
``file#guid`` (``file#item-N`` when no guid can be read), and the other items are coded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Iterator

from coding.document import Document, Rejected
from coding.errors import ErrorCode
from coding.ingest.dateline import match_dateline
from coding.ingest.dates import parse_date
from coding.ingest.limits import InputProblem
from coding.ingest.markup import join_paragraphs
from coding.ingest.plaintext import parse_story
from coding.ingest.records import Split, split_records
from coding.ingest.sources import Blob
from coding.ingest.xmlsafe import local, parse, parse_defused

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BLOCKS = frozenset({"p", "h2", "h3", "h4", "li", "blockquote", "pre"})


@dataclass(frozen=True)
class Versioned:
    """A NewsML item's Document with what decides which version of the guid is kept."""

    document: Document
    guid: str
    version: int
    version_created: str  # ISO timestamp as written (compared as text only when versions tie)


def _first(elem: ET.Element, name: str) -> ET.Element | None:
    return next((e for e in elem.iter() if local(e.tag) == name), None)


def _text(elem: ET.Element | None) -> str | None:
    if elem is None:
        return None
    value = " ".join("".join(elem.itertext()).split())
    return value or None


def _provider(meta: ET.Element | None) -> str | None:
    prov = _first(meta, "provider") if meta is not None else None
    if prov is None:
        return None
    name = _text(_first(prov, "name"))
    if name:
        return name
    if prov.get("literal"):
        return prov.get("literal")
    qcode = prov.get("qcode") or ""
    return qcode.split(":", 1)[-1] or None


def _body(item: ET.Element) -> str:
    """Paragraphs of the first XHTML rendition, else the first plain-text rendition."""
    content_set = _first(item, "contentSet")
    if content_set is None:
        return ""
    for rendition in content_set:
        if local(rendition.tag) == "inlineXML":
            blocks = [e for e in rendition.iter() if local(e.tag) in _BLOCKS]
            paragraphs = ["".join(e.itertext()) for e in blocks] or ["".join(rendition.itertext())]
            text = join_paragraphs(paragraphs)
            if text:
                return text
    for rendition in content_set:
        if local(rendition.tag) == "inlineData":
            text = join_paragraphs("".join(rendition.itertext()).replace("\r\n", "\n").split("\n\n"))
            if text:
                return text
    return ""


def _date(value: str | None, where: str) -> object:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from exc


def item_document(item: ET.Element, source: str, index: int = 1) -> Versioned | Rejected:
    """The item's Document, or why it cannot be one; ``index`` numbers it in its message (``file#item-N``)."""
    guid = (item.get("guid") or "").strip()
    where = f"{source}#{guid}" if guid else f"{source}#item-{index}"
    if not guid:
        return Rejected(where, ErrorCode.E109_MISSING_ID, "newsItem has no guid")
    meta = _first(item, "itemMeta")
    content_meta = _first(item, "contentMeta")
    text = _body(item)
    if not text:
        return Rejected(where, ErrorCode.E105_MISSING_TEXT, "newsItem has no inlineXML or inlineData text", doc_id=guid)
    first_created = _text(_first(meta, "firstCreated")) if meta is not None else None
    version_created = _text(_first(meta, "versionCreated")) if meta is not None else None
    try:
        doc_date = _date(first_created, "firstCreated") or _date(version_created, "versionCreated")
    except ValueError as exc:
        return Rejected(where, ErrorCode.E106_BAD_DATE, str(exc), doc_id=guid)
    try:
        version = int(item.get("version") or 1)
    except ValueError:
        return Rejected(where, ErrorCode.E116_MALFORMED_XML, f"version {item.get('version')!r} is not a number", doc_id=guid)
    language_elem = _first(content_meta, "language") if content_meta is not None else None
    language = (language_elem.get("tag") if language_elem is not None else None) or item.get(XML_LANG)
    cm = content_meta if content_meta is not None else ET.Element("contentMeta")
    printed = _text(_first(cm, "dateline"))
    located_elem = _first(cm, "located")
    located = _text(_first(located_elem, "name")) if located_elem is not None else None
    dateline = match_dateline(printed, at_end=True) if printed else None
    doc = Document(
        doc_id=guid,
        text=text,
        doc_date=doc_date,
        source=_provider(meta) or (dateline.agency if dateline else None),
        title=_text(_first(cm, "headline")),
        dateline_place=located or (dateline.place if dateline else None),
        dateline=printed,
        language=language.split("-")[0].lower() if language else None,
        path=where,
    )
    # A body that repeats the dateline ("KYIV, Sept 11 (Reuters) - ...") or ends with a
    # sign-off has them blanked, as in plain-text stories.
    story = parse_story(doc.text)
    if story["text"] != doc.text:
        doc = replace(doc, text=story["text"], content_hash="",
                      dateline=doc.dateline or story["dateline"],
                      dateline_place=doc.dateline_place or story["dateline_place"],
                      source=doc.source or story["source"])
    return Versioned(doc, guid, version, version_created or "")


_ITEM = frozenset({"newsItem"})
_GUID = re.compile(rb"""\sguid\s*=\s*["']([^"'<>]{1,400})["']""")


def read(blob: Blob) -> Iterator[Versioned | Rejected]:
    try:
        root = parse(blob.data)
    except InputProblem as exc:
        split = split_records(blob.data, _ITEM) if exc.code is ErrorCode.E116_MALFORMED_XML else None
        if split is None or "newsMessage" not in split.open_elements:
            raise  # one item, or no message to split: the file is the record
        yield from _item_by_item(blob, split)
        return
    name = local(root.tag)
    if name == "newsItem":
        items = [root]
    elif name == "newsMessage":
        items = [e for e in root.iter() if local(e.tag) == "newsItem"]
    else:
        yield Rejected(blob.source, ErrorCode.E107_UNSUPPORTED,
                       f"XML root <{name}> is not a NewsML-G2 newsItem or newsMessage")
        return
    if not items:
        yield Rejected(blob.source, ErrorCode.E105_MISSING_TEXT, "newsMessage holds no newsItem")
    for index, item in enumerate(items, start=1):
        yield item_document(item, blob.source, index)


def _item_by_item(blob: Blob, split: Split) -> Iterator[Versioned | Rejected]:
    """The items of a message that does not parse as a whole, each parsed on its own."""
    for index, record in enumerate(split.records, start=1):
        found = _GUID.search(record[:2000])
        guid = found.group(1).decode("utf-8", "replace").strip() if found else ""
        try:
            root = parse_defused(split.header + record + split.footer)  # the whole file passed the screen
        except InputProblem as exc:
            where = f"{blob.source}#{guid or f'item-{index}'}"
            yield Rejected(where, exc.code, f"newsItem {index} of the message: {exc.reason}", doc_id=guid or None)
            continue
        item = next((e for e in root.iter() if local(e.tag) == "newsItem"), None)
        if item is None:
            yield Rejected(f"{blob.source}#item-{index}", ErrorCode.E116_MALFORMED_XML,
                           f"newsItem {index} of the message has no newsItem element once parsed")
            continue
        yield item_document(item, blob.source, index)


def newer(a: Versioned, b: Versioned) -> bool:
    """True when ``a`` supersedes ``b`` (higher version, else later versionCreated, else read later)."""
    if a.version != b.version:
        return a.version > b.version
    return _created(a.version_created) >= _created(b.version_created)


def _created(value: str) -> datetime:
    """versionCreated as an aware UTC datetime (naive ones read as UTC); unreadable sorts first."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
