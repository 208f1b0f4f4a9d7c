"""Cumulative time frames: a count over a period is a running total, not one event.

"300 soldiers had been killed in the region this week", "more than 1,000 civilians have been
killed since January", "40 people were killed in the past two weeks", "so far 25 protesters
have died": these sum many events that the report does not tell apart. ACLED never gives such
a total to one event as its fatalities, and a bare total (no one named as the killer) is no
event of its own. A total with a named side ("the army has killed 200 militants since
January") still says who fights whom and stays an event, as CAMEO coders code it, without
the total as its toll. "Last week, soldiers killed three militants" and "since Sunday" are one
event's time, not a total: only the frames below make a total.
"""

from __future__ import annotations

from spacy.tokens import Token

PERIOD_UNITS = {"week", "month", "year", "decade"}  # "since Sunday", "in the past 24 hours" are still one event's span
START_WORDS = {"start", "beginning", "outbreak", "onset", "launch"}  # "since the start of the offensive"
SPAN_MODIFIERS = {"past", "last", "previous", "recent", "preceding"}  # "in the past two weeks", "over the last month"
SPAN_PREPOSITIONS = {"in", "over", "during", "within", "throughout"}
RUNNING_ADVERBS = {("so", "far"), ("thus", "far"), ("to", "date")}


def _perfect(verb: Token) -> bool:
    """'has killed', and a conjoined verb sharing it ('has displaced millions and killed 10,000')."""
    heads = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() == "have" for h in heads for c in h.children)


def _span_of_period(noun: Token) -> bool:
    """'the past two weeks', 'recent months', 'the last month': a stretch of time up to the report."""
    if noun.lemma_.lower() not in PERIOD_UNITS:
        return False
    return any(c.dep_ in {"amod", "det"} and c.lower_ in SPAN_MODIFIERS for c in noun.children)


def long_ago(tok: Token) -> bool:
    """A word dating the start of a long count: a month, a year, a long unit or the start of something."""
    low = tok.lemma_.lower()
    if low in PERIOD_UNITS or low in START_WORDS:
        return True
    if tok.ent_type_ == "DATE" and tok.pos_ == "PROPN" and low not in WEEKDAYS:
        return True  # "January"
    return tok.like_num and len(tok.text) == 4 and tok.text.isdigit()


# A whole conflict as the subject of a perfect killing verb: its toll is a running total
CONFLICT_NOUNS = {"insurgency", "war", "conflict", "violence", "unrest", "crisis", "uprising", "rebellion", "insurrection",
                  "civil war", "fighting"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _running_adverb(verb: Token) -> bool:
    words = [t.lower_ for t in verb.doc[verb.sent.start:verb.sent.end]]
    return any(pair == tuple(words[i:i + 2]) for i in range(len(words) - 1) for pair in RUNNING_ADVERBS)


def summarised_since(verb: Token) -> bool:
    """'has since ordered', 'have since fled': 'since' as an adverb sums up what followed an earlier event."""
    return any(c.dep_ == "advmod" and c.lower_ == "since" for c in verb.children)


def is_period_total(verb: Token) -> bool:
    """True when ``verb``'s clause counts what happened over a stretch of time ("since January",
    "in the past two weeks", "so far", or "this week/month/year" with a perfect verb)."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "since" and any(long_ago(t) for t in child.subtree):
            return True  # "since January", "since 2021", "since the start of the offensive"
        if child.dep_ == "prep" and child.lower_ in SPAN_PREPOSITIONS:
            if any(_span_of_period(p) for p in child.children if p.dep_ == "pobj"):
                return True
        if child.dep_ in {"npadvmod", "tmod"} and child.lemma_.lower() in PERIOD_UNITS:
            if _perfect(verb) and any(c.lower_ == "this" for c in child.children):
                return True  # "had been killed this week"; not "killed three militants last week"
    if _perfect(verb) and summarised_since(verb):
        return True  # "the conflict began in 2023 and has since killed thousands": a total since then
    subjects = [c for h in ([verb] + ([verb.head] if verb.dep_ == "conj" else [])) for c in h.children]
    if _perfect(verb) and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in CONFLICT_NOUNS for c in subjects):
        return True  # "the insurgency has killed more than 6,000 people": the conflict's toll, not one event's
    return _perfect(verb) and _running_adverb(verb)
