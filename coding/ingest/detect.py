"""Tell an input's format from its content, using the file name only when content is ambiguous.

Markup and JSON announce themselves in their first bytes (the root element, a ``{``);
plain text and CSV do not, so for those the suffix decides (``.jsonl`` stays JSON Lines
even when its first line is broken, so that the broken line is reported as such).
"""

from __future__ import annotations

import codecs
import re

# Formats a reader exists for (see coding.ingest.READERS).
TEXT, JSONL, CSV, NEWSML, FEED, HTML = "text", "jsonl", "csv", "newsml", "feed", "html"

_MAGIC = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an MS Office document"), (b"BZh", "a bzip2 stream"),
    (b"\xfd7zXZ", "an xz stream"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"\x7fELF", "an executable"),
)
_SUFFIXES = {
    ".jsonl": JSONL, ".ndjson": JSONL, ".csv": CSV, ".tsv": CSV,
    ".xml": NEWSML, ".nml": NEWSML, ".newsml": NEWSML, ".rss": FEED, ".atom": FEED,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
}
_ROOTS = {
    "newsitem": NEWSML, "newsmessage": NEWSML, "rss": FEED, "rdf": FEED, "feed": FEED, "channel": FEED,
    "html": HTML, "head": HTML, "body": HTML, "article": HTML, "div": HTML, "p": HTML,
}
_FIRST_TAG = re.compile(r"<([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)")
_SKIP = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL | re.IGNORECASE)
# A first line made of known column names (see coding.ingest.csvfile) with a separator.
_CSV_TEXT_COLUMNS = ("text", "body", "content", "story", "article", "full_text")


class Unsupported(Exception):
    """Content no reader handles; the message says what it looks like."""


def head_text(data: bytes, size: int = 8192) -> str:
    """The first bytes as text, good enough to sniff (UTF-16 with BOM handled, errors replaced)."""
    head = data[:size]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def root_element(text: str) -> str | None:
    """The local name of the first element after any prolog, comments and doctype, lowercased."""
    pos = 0
    while True:
        m = _SKIP.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    rest = text[pos:].lstrip()
    if not rest.startswith("<"):
        return None
    m = _FIRST_TAG.match(rest)
    return m.group(2).lower() if m else None


def _looks_like_csv_header(line: str) -> bool:
    for sep in (",", "\t", ";", "|"):
        cells = [c.strip().strip('"').lower() for c in line.split(sep)]
        if len(cells) >= 2 and any(c in _CSV_TEXT_COLUMNS for c in cells):
            return True
    return False


def detect(data: bytes, suffix: str) -> str:
    """The format of ``data``; raises Unsupported with a reason for content no reader handles."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Unsupported(f"content is {what}")
    text = head_text(data)
    stripped = text.lstrip()
    if stripped.startswith("<"):
        if re.match(r"<!doctype\s+html", stripped, re.IGNORECASE):
            return HTML
        root = root_element(stripped)
        if root in _ROOTS:
            return _ROOTS[root]
        if "<!entity" in stripped.lower():
            return NEWSML  # entity declarations: the XML reader rejects them as unsafe, whatever the root
        raise Unsupported(f"XML or markup with root element <{root}>: not a NewsML-G2 item, RSS/Atom feed or HTML page")
    if stripped.startswith("{"):
        return JSONL
    if stripped.startswith("["):
        return JSONL  # the JSONL reader explains that an array is not JSON Lines
    hinted = _SUFFIXES.get(suffix)
    if hinted is not None:
        return hinted
    first_line = stripped.split("\n", 1)[0]
    if _looks_like_csv_header(first_line):
        return CSV
    return TEXT
