"""Split a markup file of many records (feed items and entries, NewsML items) into one small file per record.

Used only when a file does not parse as a whole, or its parser lost records: each record
is then parsed on its own, wrapped in the file's own header (everything before the first
record) and the end tags that header leaves open, so a broken record costs only itself.
The scan works on bytes, so it serves the encodings whose markup is ASCII (UTF-8, Latin-1,
Windows-1252...); in UTF-16 or UTF-32 it finds no record and the file is read as a whole.
Comments, CDATA sections, processing instructions and the document type are skipped, so a
record's tag quoted inside them is not a record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCAN = re.compile(
    rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>"
    # a tag: its attributes hold no "<" (XML allows none there), quoted values may hold ">", so a start
    # tag cut short ("<content <entry>") is not taken for one that swallows the next record's
    rb"""|<(/?)([A-Za-z_][\w.:-]*)(?:\s(?:[^<>"']|"[^"<]*"|'[^'<]*')*?)?(/?)>""",
    re.DOTALL | re.IGNORECASE,
)


@dataclass(frozen=True)
class Split:
    """A file cut into its records: ``header + record + footer`` is a small file of one record."""

    header: bytes
    records: list[bytes]
    footer: bytes
    open_elements: tuple[str, ...]  # local names the header leaves open, outermost first


def local_name(tag: bytes) -> str:
    return tag.rsplit(b":", 1)[-1].decode("ascii", "replace")


def split_records(data: bytes, names: frozenset[str]) -> Split | None:
    """The records (elements whose local name is in ``names``) of ``data``; None when it has none."""
    starts: list[int] = []
    stack: list[bytes] = []
    for m in _SCAN.finditer(data):
        tag = m.group(2)
        if tag is None:
            continue  # comment, CDATA, processing instruction, document type
        closing, empty = m.group(1), m.group(3)
        if not closing and local_name(tag) in names:
            starts.append(m.start())
        elif not starts:  # still in the header: follow which elements are open
            if closing:
                if tag in stack:
                    del stack[len(stack) - 1 - stack[::-1].index(tag):]
            elif not empty:
                stack.append(tag)
    if not starts:
        return None
    ends = re.compile(rb"</(?:[\w.-]+:)?(?:" + b"|".join(re.escape(n.encode()) for n in sorted(names)) + rb")\s*>")
    records = []
    for i, start in enumerate(starts):
        chunk = data[start:starts[i + 1] if i + 1 < len(starts) else len(data)]
        last = None
        for last in ends.finditer(chunk):
            pass
        records.append(chunk[:last.end()] if last is not None else chunk)
    footer = b"".join(b"</" + tag + b">" for tag in reversed(stack))
    return Split(data[:starts[0]], records, footer, tuple(local_name(t) for t in stack))
