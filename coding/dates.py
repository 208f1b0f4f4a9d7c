"""Resolve an event's date from the time words near its trigger and the document date.

Forms understood (``resolve_expression``): explicit dates ("3 March 2022", "March 3",
"Sept. 3", ISO), ranges of days ("between 3 and 5 May", "3-5 May 2024", "from 3 to 5
May"), "the week of 8 March", month and year ("in July", "last July", "July last year",
"July 2021", "in 2021"), weekdays ("on Saturday": the most recent Saturday on or before
the document date), "yesterday", "today", "overnight" / "last night", "N days/weeks/months
ago", "last/this/next week|month|year", "earlier this week|month|year".

Precision follows ACLED's time precision: a known day is ``day``; a week or a range of up to
seven days is ``week``, dated to its middle day; a month or a longer range is ``month``,
dated to the 15th; a year alone is ``year`` (1 January). Without a time expression the
event takes the document date; a document without a date takes the story's first full date
("On 16 February 2024, ..." in an event note; a range, "Between 9 and 11 February 2023", its middle
day), and without either only a time expression
with its year dates the event.

Dates never lie after the document date: forms without a year take the most recent past
occurrence, and anything later is brought back to the document date; only events whose
modality is ``future`` resolve forwards ("will meet on Monday", "next month").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

from coding.vocabulary import REPORTING_VERBS

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "several": 3, "few": 3, "couple": 2}
TIME_PREPS = {"on", "in", "during", "at", "over", "by", "last", "earlier", "this"}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
    ("dmy", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b")),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?:,?\s+" + _YEAR + r")?")),
    ("my", re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b")),
]
_AGO = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBERS) + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_PERIOD = re.compile(r"\b(?P<which>last|past|previous|this|earlier this|later this|next|coming)\s+(?P<unit>week|month|year)\b")
_WEEKDAY = re.compile(r"\b(?P<which>last|this|next|past)?\s*(?P<wd>" + "|".join(WEEKDAYS) + r")\b")
_MONTH_ALONE = re.compile(r"\b(?P<which>last|this|next|early|mid|late|in|since)?[\s-]*" + _MONTH
                          + r"(?P<last_year>\s+(?:of\s+)?last\s+year)?\b")
_BARE_YEAR = re.compile(r"^(?:in\s+|during\s+|since\s+)?" + _YEAR + r"$")


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _mid_week(d: date) -> date:
    """The middle day (Thursday) of the Monday-to-Sunday week holding ``d``: ACLED dates a week to its middle."""
    return _monday(d) + timedelta(days=3)


MID_MONTH = 15  # ACLED dates a month to its middle


def _span(first: date, last: date) -> tuple[date, str]:
    """A range of days dated to its middle: up to a week is ``week`` precision, longer ``month``."""
    if last < first:
        first, last = last, first
    middle = first + timedelta(days=(last - first).days // 2)
    return middle, ("day" if first == last else "week" if (last - first).days < 7 else "month")


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_DAY_RANGE = re.compile(r"\b(?:between\s+|from\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*" + _DAY + r"\s+(?:of\s+)?"
                        + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b")
_WEEK_OF = re.compile(r"\bweek\s+(?:of|starting|beginning)\b")


def _year_for(month: int, day: int, year: str | None, doc_date: date, future: bool) -> date | None:
    """The date of a day and month, in the stated year, else the occurrence nearest the document date
    on the right side of it (past for reports, future for plans)."""
    if year:
        return _safe_date(int(year), month, day)
    found = _safe_date(doc_date.year, month, day)
    if found is None:
        return None
    if not future and found > doc_date:
        found = _safe_date(doc_date.year - 1, month, day) or found
    elif future and found < doc_date:
        found = _safe_date(doc_date.year + 1, month, day) or found
    return found


def _day_range(text: str, doc_date: date, future: bool) -> tuple[date, str] | None:
    """'between 3 and 5 May', '3-5 May 2024', 'from 3 to 5 May': the range's middle day."""
    m = _DAY_RANGE.search(text)
    if not m:
        return None
    month = MONTHS[m.group("month")]
    last = _year_for(month, int(m.group("day")), m.group("year"), doc_date, future)
    if last is None:
        return None
    first = _safe_date(last.year, month, int(m.group("d1")))
    return _span(first, last) if first else None


def _explicit(text: str, doc_date: date, future: bool) -> tuple[date, str] | None:
    ranged = _day_range(text, doc_date, future)
    if ranged:
        return ranged
    for name, pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        month = int(m.group("m")) if name == "iso" else MONTHS[m.group("month")]
        year = m.group("year")
        if name == "my":
            return date(int(year), month, MID_MONTH), "month"
        found = _year_for(month, int(m.group("day")), year, doc_date, future)
        if found is None:
            return None
        if _WEEK_OF.search(text[:m.start()]):
            return _mid_week(found), "week"  # "the week of 8 March"
        return found, "day"
    return None


def full_date(text: str) -> date | None:
    """The first date written with its day, month and year ("On 16 February 2024", "2024-02-16"): a
    story's own date when its document has none."""
    low = text.lower()
    for name, pattern in _PATTERNS[:3]:
        for m in pattern.finditer(low):
            if m.group("year"):
                month = int(m.group("m")) if name == "iso" else MONTHS[m.group("month")]
                found = _safe_date(int(m.group("year")), month, int(m.group("day")))
                if found:
                    return _range_ending_at(low, m.end()) or found
    return None


def _range_ending_at(low: str, end: int) -> date | None:
    """The middle day of a range of days that ends with the full date ending at ``end`` ("Between 9 and
    11 February 2023": 10 February, as ACLED dates a span of days)."""
    for m in _DAY_RANGE.finditer(low):
        if m.end() == end and m.group("year"):
            ranged = _day_range(m.group(0), date.max, future=False)
            return ranged[0] if ranged else None
    return None


def _relative(text: str, doc_date: date, future: bool) -> tuple[date, str] | None:
    words = set(text.split())
    if "day before yesterday" in text:
        return doc_date - timedelta(days=2), "day"
    if "yesterday" in words:
        return doc_date - timedelta(days=1), "day"
    if "overnight" in words or "last night" in text:
        return doc_date - timedelta(days=1), "day"
    if words & {"today", "tonight"} or re.search(r"\bthis (morning|afternoon|evening)\b", text):
        return doc_date, "day"
    if "tomorrow" in words:
        return doc_date + timedelta(days=1), "day"
    m = _AGO.search(text)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else NUMBERS[m.group("n")]
        unit = m.group("unit")
        if unit == "day":
            return doc_date - timedelta(days=n), "day"
        if unit == "week":
            return _mid_week(doc_date - timedelta(weeks=n)), "week"
        if unit == "month":
            return _add_months(doc_date, -n).replace(day=MID_MONTH), "month"
        return date(doc_date.year - n, 1, 1), "year"
    m = _PERIOD.search(text)
    if m:
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group("which"), 0)
        unit = m.group("unit")
        if step == 0 and not future and unit in {"week", "month"}:
            # "earlier this week", "this month": the part of the period up to the report, dated to its middle
            start = _monday(doc_date) if unit == "week" else doc_date.replace(day=1)
            end = doc_date - timedelta(days=1) if m.group("which") == "earlier this" and doc_date > start else doc_date
            return start + timedelta(days=(end - start).days // 2), unit
        if unit == "week":
            return _mid_week(doc_date) + timedelta(weeks=step), "week"
        if unit == "month":
            return _add_months(doc_date, step).replace(day=MID_MONTH), "month"
        return date(doc_date.year + step, 1, 1), "year"
    return None


def _weekday(text: str, doc_date: date, future: bool) -> tuple[date, str] | None:
    m = _WEEKDAY.search(text)
    if not m:
        return None
    target = WEEKDAYS[m.group("wd")]
    if future or m.group("which") == "next":
        return doc_date + timedelta(days=(target - doc_date.weekday()) % 7), "day"
    delta = (doc_date.weekday() - target) % 7
    if delta == 0 and m.group("which") in {"last", "past"}:
        delta = 7
    return doc_date - timedelta(days=delta), "day"


def _month(text: str, doc_date: date, future: bool, original: str) -> tuple[date, str] | None:
    for m in _MONTH_ALONE.finditer(text):
        name = m.group("month")
        if name == "may" and not re.search(r"\bMay\b", original):
            continue  # the modal verb
        month = MONTHS[name]
        if m.group("last_year"):
            return date(doc_date.year - 1, month, MID_MONTH), "month"
        if future or m.group("which") == "next":
            year = doc_date.year if month >= doc_date.month else doc_date.year + 1
        else:
            year = doc_date.year if month <= doc_date.month else doc_date.year - 1
            if m.group("which") == "last" and month == doc_date.month:
                year -= 1
        return date(year, month, MID_MONTH), "month"
    return None


def resolve_expression(text: str, doc_date: date, future: bool = False, clamp: bool = True) -> tuple[date, str] | None:
    """The date and precision a time expression denotes, relative to ``doc_date``; None when it is not one.
    ``clamp``: ``doc_date`` is the report's date, which a reported event cannot postdate (not so for a
    story's own first date, which is only a reference)."""
    low = " ".join(re.sub(r"[,;()]", " ", text.lower()).split())
    m = _BARE_YEAR.match(low)
    found = ((date(int(m.group("year")), 1, 1), "year") if m else None) \
        or _explicit(low, doc_date, future) or (_month(low, doc_date, future, text) if "last year" in low else None) \
        or _relative(low, doc_date, future) \
        or _weekday(low, doc_date, future) or _month(low, doc_date, future, text)
    if found is None:
        return None
    when, precision = found
    if clamp and not future and when > doc_date:
        # a reported event cannot postdate its report; "this week" on a Tuesday keeps its week precision
        return doc_date, ("day" if precision == "day" else precision)
    return when, precision


def _phrase(tok: Token) -> str:
    """The words of a time word's phrase: its named-entity span when it has one, else its subtree."""
    doc = tok.doc
    if tok.ent_type_ in {"DATE", "TIME"}:
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        span = doc[start:end]
        if tok.left_edge.i < start or tok.right_edge.i >= end:
            span = doc[min(start, tok.left_edge.i):max(end, tok.right_edge.i + 1)]
        return span.text
    return doc[tok.left_edge.i:tok.right_edge.i + 1].text


def _time_phrases(tok: Token) -> list[str]:
    """Time phrases attached to ``tok``: 'on Saturday', 'Saturday', 'in July', 'last week', 'overnight'."""
    out = []
    bare = []  # 'overnight' beside a day ('Overnight on 7 August', 'overnight on Sunday') is that day's night
    for child in tok.children:
        if child.dep_ == "prep":
            if child.lower_ in TIME_PREPS:
                out.extend(_phrase(p) for p in child.children if p.dep_ == "pobj")
        elif child.dep_ == "advmod" and child.lower_ in {"overnight", "yesterday", "today", "tonight"}:
            if any(c.dep_ == "prep" for c in child.children):
                out.append(_phrase(child))  # 'Overnight on 1 June 2024' parsed as one phrase: the day it names
            else:
                bare.append(child.text)
        elif child.dep_ in {"npadvmod", "tmod"} or child.ent_type_ in {"DATE", "TIME"}:
            out.append(_phrase(child))
    return out + bare


def _fronted_phrases(speech: Token, clause: Token) -> list[str]:
    """Time phrases the parser hung on a reporting verb that stand before the clause it reports ('Late on
    Tuesday, militants killed 18 villagers, the administrator said on Wednesday'): a fronted adverbial
    dates the reported clause, not the saying. Only when the saying trails the clause: in 'On Monday, police
    said gunmen had killed 3', the phrase dates the saying."""
    start = clause.left_edge.i
    if clause.i > speech.i:
        return []
    return [_phrase(p) for c in speech.children if c.dep_ == "prep" and c.lower_ in TIME_PREPS and c.right_edge.i < start
            for p in c.children if p.dep_ == "pobj"]


def event_date(trigger: Token, doc_date: date | None, modality: str | None = None,
               story_date: date | None = None) -> tuple[date | None, str | None]:
    """The event's date and precision: from a time phrase on the trigger's clause, else the document
    date (or, for a document without one, ``story_date``: the story's first full date)."""
    reference = doc_date or story_date
    if reference is None:
        return _dated_phrase(trigger)
    clamp = doc_date is not None
    chain = [trigger]
    head = trigger.head
    # The trigger's own clause, and for a nominal trigger the verb that governs it (not a reporting verb).
    speech = None
    for _ in range(2):
        if head.i == chain[-1].i:
            break
        if head.lemma_ in REPORTING_VERBS:
            speech = head
            break
        chain.append(head)
        head = head.head
    future = modality == "future"
    phrases = [p for tok in chain for p in _time_phrases(tok)]
    if speech is not None:
        phrases += _fronted_phrases(speech, chain[-1])
    for phrase in phrases:
        resolved = resolve_expression(phrase, reference, future, clamp)
        if resolved:
            return resolved
    return reference, "day"


def _dated_phrase(trigger: Token) -> tuple[date | None, str | None]:
    """With no reference date at all, only a phrase with its own year dates the event ("in March 2022")."""
    for tok in (trigger, trigger.head):
        for phrase in _time_phrases(tok):
            if re.search(_YEAR, phrase):
                resolved = resolve_expression(phrase, date.max, clamp=False)
                if resolved:
                    return resolved
    return None, None
