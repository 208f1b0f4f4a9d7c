"""Resolve an event's date from time words near its trigger and the document date.

A first version: weekdays (the most recent such day on or before the document date),
"yesterday", "today", "last week", month names ("in July": the most recent July),
and explicit ISO dates. Without a time expression the event takes the document date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], start=1)}


def resolve_word(word: str, doc_date: date) -> tuple[date, str] | None:
    low = word.lower()
    if low in WEEKDAYS:
        delta = (doc_date.weekday() - WEEKDAYS[low]) % 7
        return doc_date - timedelta(days=delta), "day"
    if low == "yesterday":
        return doc_date - timedelta(days=1), "day"
    if low in {"today", "tonight"}:
        return doc_date, "day"
    if low in MONTHS and low != "may":
        month = MONTHS[low]
        year = doc_date.year if month <= doc_date.month else doc_date.year - 1
        return date(year, month, 1), "month"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", word)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
    return None


def _time_words(tok: Token) -> list[Token]:
    """Time words attached to ``tok``: 'on Saturday', 'Saturday', 'in July', 'last week'."""
    out = []
    for child in tok.children:
        if child.dep_ in {"npadvmod", "tmod"} or (child.ent_type_ == "DATE" and child.dep_ not in {"prep"}):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"on", "in", "since", "during", "last"}:
            out.extend(p for p in child.children if p.dep_ == "pobj")
    return out


def event_date(trigger: Token, doc_date: date | None) -> tuple[date | None, str | None]:
    if doc_date is None:
        return None, None
    chain = [trigger]
    head = trigger.head
    # The trigger's own clause, and for a nominal trigger the verb that governs it.
    for _ in range(2):
        if head is chain[-1] or head.lemma_ in {"say", "tell", "add", "announce", "report"}:
            break
        chain.append(head)
        head = head.head
    for tok in chain:
        for word in _time_words(tok):
            if word.lower_ in {"week"} and any(c.lower_ == "last" for c in word.children):
                return doc_date - timedelta(days=7 + doc_date.weekday()), "week"
            resolved = resolve_word(word.text, doc_date)
            if resolved:
                return resolved
    return doc_date, "day"
