"""Datelines and agency sign-offs of wire stories, found at the start (or end) of a text.

Styles: ``KHARKIV (Sept 11):`` (the seed's), ``KYIV, Sept 11 (Reuters) -``, ``BEIRUT (AP) —``,
``Khartoum, March 3 (AFP) -``, ``NEW DELHI, May 2 (ANI):``, ``KYIV, Ukraine (AP) —`` and an
upper-case place alone before a dash (``GAZA CITY —``). The parenthesis holds an agency or a
month-day. A match is only looked for where a dateline can be: the start of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coding.ingest.dates import month_day

DASH = "[-–—]"
_END = r"\s*(?::|" + DASH + r"{1,2})[ \t]*"
# A place name: capitalised words, with the lower-case particles of names such as Dar es Salaam.
_NAME = r"[A-Z][A-Za-z.'’\-]*(?:[ ](?:[A-Z][A-Za-z.'’\-]*|al|el|es|de|del|da|do|du|la|le|of|an|am|sur|upon)){0,4}"
_PLACE = _NAME
_REGION = r"(?:,\s*(?P<region>" + _NAME + r"))?"
_MD = r"(?:,\s*(?P<md>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
_WITH_PAREN = re.compile(r"(?P<place>" + _PLACE + r")" + _REGION + _MD + r"\s*\((?P<paren>[^()\n]{1,30})\)")
_CAPS = r"(?P<place>[A-Z][A-Z.'’\- ]{1,40}?)" + _REGION + _MD
_CAPS_ONLY = re.compile(_CAPS + r"(?=[ \t]*" + DASH + r"{1,2}[ \t]+)")
_WHOLE = re.compile(r"(?P<place>" + _NAME + r")" + _REGION + _MD + r"\s*$")
_END_RE = re.compile(_END)
_CAPS_DASH = re.compile(r"[ \t]*" + DASH + r"{1,2}[ \t]+")
_SIGNOFF = re.compile(r"\s" + DASH + r"[ \t]*(?P<agency>[A-Z][A-Za-z]{1,10}(?:/[A-Z][A-Za-z]{1,10})*)[ \t]*\s*$")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # after the separator and the spaces that follow it
    printed: str  # the dateline as printed, without its separator
    place: str
    agency: str | None
    month_day: tuple[int, int] | None


_PARTICLES = frozenset({"al", "el", "es", "de", "del", "da", "do", "du", "la", "le", "of", "au", "aux", "en", "sur", "upon"})


def title_place(raw: str) -> str:
    """'NEW DELHI' -> 'New Delhi', 'PORT-AU-PRINCE' -> 'Port-au-Prince'; mixed-case names are kept as written."""
    raw = " ".join(raw.split())
    if not raw.isupper():
        return raw
    words = re.split(r"([ \-])", raw.lower())
    return "".join(w if i and w in _PARTICLES else w.capitalize() for i, w in enumerate(words))


def _build(m: re.Match, end: int, paren: str | None) -> Dateline:
    md = month_day(m.group("md")) if m.group("md") else None
    agency = None
    if paren is not None:
        paren_md = month_day(paren)
        if paren_md:
            md = md or paren_md
        else:
            agency = paren.strip()
    printed = m.string[m.start():m.end()].strip()
    return Dateline(m.start(), end, printed, title_place(m.group("place")), agency, md)


def match_dateline(text: str, pos: int = 0, at_end: bool = False) -> Dateline | None:
    """The dateline starting exactly at ``pos``, or None.

    ``at_end`` also accepts a dateline with no separator that fills the rest of ``text``
    (the NewsML ``<dateline>`` element).
    """
    m = _WITH_PAREN.match(text, pos)
    if m:
        sep = _END_RE.match(text, m.end())
        if sep:
            return _build(m, sep.end(), m.group("paren"))
        if at_end and not text[m.end():].strip():
            return _build(m, len(text), m.group("paren"))
    # Without an agency in parentheses only an upper-case place before a dash counts:
    # a capitalised word before a colon is as likely a heading.
    m = _CAPS_ONLY.match(text, pos)
    if m:
        return _build(m, _CAPS_DASH.match(text, m.end()).end(), None)
    m = _WHOLE.match(text, pos) if at_end else None
    if m:
        return _build(m, len(text), None)
    return None


def match_signoff(text: str) -> tuple[int, int, str] | None:
    """An agency sign-off (`` – AFP``) ending the text: (start, end, agency)."""
    m = _SIGNOFF.search(text)
    return (m.start() + 1, m.end(), m.group("agency")) if m else None
