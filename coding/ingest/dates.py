"""Parse the date forms found in inputs: ISO dates, compact YYYYMMDD, RFC 2822 and dateline month-day."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def parse_date(value: object) -> date | None:
    """An ISO date (or datetime), YYYYMMDD or an RFC 2822 date; raises ValueError on anything else non-empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    m = _ISO.match(text) or _COMPACT.match(text)
    if not m:
        rfc = _rfc2822(text)
        if rfc is not None:
            return rfc
        raise ValueError(f"not an ISO date: {text!r}")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _rfc2822(text: str) -> date | None:
    """'Sun, 11 Sep 2022 10:00:00 GMT' (RSS and e-mail dates) -> date(2022, 9, 11), else None."""
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        return None
    try:
        return parsedate_to_datetime(text.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def month_day(text: str) -> tuple[int, int] | None:
    """'Sept 11' / 'September 11' / 'Sep. 11' -> (9, 11)."""
    m = re.match(r"^\s*([A-Za-z]+)\.?\s+(\d{1,2})\s*$", text)
    if not m or m.group(1).lower() not in MONTHS:
        return None
    return MONTHS[m.group(1).lower()], int(m.group(2))


_YEAR_WRITTEN = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
NEAREST_YEAR_DAYS = 183  # a month-day more than half a year after the metadata date is of the year before


def dateline_date(md: tuple[int, int] | None, metadata: date | None, text: str = "") -> date | None:
    """The story's date from its dateline month-day ('KHARKIV, Oct 5 -'), which has no year.

    The year is the story metadata's: the occurrence of the month-day nearest the metadata date (a
    story filed on Dec 31 and published on Jan 1 keeps its December). Without metadata, the latest year
    the story writes ('since February 2022', 'the 2023 elections'), as a report is written in or after
    the years it tells of; a story that writes none stays undated. Without a month-day, the metadata date."""
    if md is None:
        return metadata
    month, day = md
    if metadata is not None:
        found = _safe(metadata.year, month, day)
        if found is None:
            return metadata
        if (found - metadata).days > NEAREST_YEAR_DAYS:
            found = _safe(metadata.year - 1, month, day) or found
        elif (metadata - found).days > NEAREST_YEAR_DAYS:
            found = _safe(metadata.year + 1, month, day) or found
        return found
    years = [int(y) for y in _YEAR_WRITTEN.findall(text)]
    return _safe(max(years), month, day) if years else None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
