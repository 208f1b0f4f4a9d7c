"""Relative and explicit date forms, across month and year boundaries (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from coding.dates import event_date, resolve_expression
from coding.nlp import load_nlp

SUN_2022_09_11 = date(2022, 9, 11)
SUN_2023_01_01 = date(2023, 1, 1)  # a Sunday starting a year
WED_2022_03_02 = date(2022, 3, 2)


@pytest.mark.parametrize("text, doc_date, expected", [
    ("Saturday", SUN_2022_09_11, (date(2022, 9, 10), "day")),
    ("on Saturday", SUN_2023_01_01, (date(2022, 12, 31), "day")),  # across the year boundary
    ("Monday", WED_2022_03_02, (date(2022, 2, 28), "day")),  # across the month boundary
    ("Sunday", SUN_2022_09_11, (SUN_2022_09_11, "day")),  # the document's own weekday: that day
    ("last Sunday", SUN_2022_09_11, (date(2022, 9, 4), "day")),
    ("yesterday", SUN_2023_01_01, (date(2022, 12, 31), "day")),
    ("overnight", date(2022, 3, 1), (date(2022, 2, 28), "day")),
    ("last night", SUN_2022_09_11, (date(2022, 9, 10), "day")),
    ("today", SUN_2022_09_11, (SUN_2022_09_11, "day")),
    ("last week", SUN_2023_01_01, (date(2022, 12, 22), "week")),  # the middle (Thursday) of the previous week
    ("earlier this week", WED_2022_03_02, (date(2022, 2, 28), "week")),  # the middle of Monday-Tuesday
    ("earlier this month", SUN_2022_09_11, (date(2022, 9, 5), "month")),  # the middle of 1-10 September
    ("last month", SUN_2023_01_01, (date(2022, 12, 15), "month")),  # ACLED: a month is dated to its middle
    ("last year", WED_2022_03_02, (date(2021, 1, 1), "year")),
    ("two days ago", WED_2022_03_02, (date(2022, 2, 28), "day")),
    ("three weeks ago", SUN_2022_09_11, (date(2022, 8, 18), "week")),
    ("in July", SUN_2022_09_11, (date(2022, 7, 15), "month")),
    ("in July", WED_2022_03_02, (date(2021, 7, 15), "month")),  # the most recent July: last year's
    ("July last year", SUN_2022_09_11, (date(2021, 7, 15), "month")),
    ("in December", SUN_2023_01_01, (date(2022, 12, 15), "month")),
    ("July 2021", SUN_2022_09_11, (date(2021, 7, 15), "month")),
    ("in 2019", SUN_2022_09_11, (date(2019, 1, 1), "year")),
    ("March 3", SUN_2022_09_11, (date(2022, 3, 3), "day")),
    ("Dec. 30", SUN_2023_01_01, (date(2022, 12, 30), "day")),  # a year-less date after the document: last year's
    ("3 March 2021", SUN_2022_09_11, (date(2021, 3, 3), "day")),
    ("March 3, 2021", SUN_2022_09_11, (date(2021, 3, 3), "day")),
    ("2022-08-30", SUN_2022_09_11, (date(2022, 8, 30), "day")),
])
def test_past_forms(text: str, doc_date: date, expected: tuple[date, str]):
    assert resolve_expression(text, doc_date) == expected


@pytest.mark.parametrize("text, doc_date, expected", [
    ("Monday", SUN_2022_09_11, (date(2022, 9, 12), "day")),
    ("next week", date(2022, 12, 28), (date(2023, 1, 5), "week")),
    ("next month", date(2022, 12, 28), (date(2023, 1, 15), "month")),
    ("in January", date(2022, 12, 28), (date(2023, 1, 15), "month")),
    ("tomorrow", date(2022, 12, 31), (date(2023, 1, 1), "day")),
])
def test_future_forms_only_for_future_events(text: str, doc_date: date, expected: tuple[date, str]):
    assert resolve_expression(text, doc_date, future=True) == expected
    past = resolve_expression(text, doc_date, future=False)
    assert past is None or past[0] <= doc_date  # never after the report


def test_explicit_dates_after_the_document_are_brought_back():
    assert resolve_expression("2023-05-01", SUN_2022_09_11) == (SUN_2022_09_11, "day")


def test_not_time_expressions():
    for text in ("the town", "troops may advance", "a week after the trip", "recent days"):
        assert resolve_expression(text, SUN_2022_09_11) is None


def _trigger(text: str, word: str):
    doc = load_nlp()(text)
    return next(t for t in doc if t.text == word)


def test_event_date_reads_the_trigger_clause():
    assert event_date(_trigger("Russian forces shelled Kharkiv on Saturday.", "shelled"), SUN_2023_01_01) \
        == (date(2022, 12, 31), "day")
    assert event_date(_trigger("The town was captured after fierce battles in July.", "battles"), WED_2022_03_02) \
        == (date(2021, 7, 15), "month")
    assert event_date(_trigger("Troops shelled the city overnight.", "shelled"), date(2022, 3, 1)) == (date(2022, 2, 28), "day")
    # no time expression: the document date; no document date: unknown
    assert event_date(_trigger("Troops shelled the city.", "shelled"), SUN_2022_09_11) == (SUN_2022_09_11, "day")
    assert event_date(_trigger("Troops shelled the city on Saturday.", "shelled"), None) == (None, None)


def test_event_date_for_announced_events_looks_forward():
    trig = _trigger("The minister will visit Kyiv on Monday.", "visit")
    assert event_date(trig, SUN_2022_09_11, "future") == (date(2022, 9, 12), "day")
    assert event_date(trig, SUN_2022_09_11, "asserted") == (date(2022, 9, 5), "day")


@pytest.mark.parametrize("text, doc_date, expected", [
    ("between 3 and 5 May", date(2024, 5, 9), (date(2024, 5, 4), "week")),  # a range of days: its middle
    ("3-5 May 2021", SUN_2022_09_11, (date(2021, 5, 4), "week")),
    ("from 28 to 30 December", SUN_2023_01_01, (date(2022, 12, 29), "week")),
    ("between 1 and 20 June 2020", SUN_2022_09_11, (date(2020, 6, 10), "month")),  # longer than a week
    ("the week of 8 March 2022", SUN_2022_09_11, (date(2022, 3, 10), "week")),  # the week's middle (Thursday)
    ("around 1 May 2020", SUN_2022_09_11, (date(2020, 5, 1), "day")),
    ("late on Tuesday", date(2024, 3, 7), (date(2024, 3, 5), "day")),
])
def test_ranges_and_weeks_of(text: str, doc_date: date, expected: tuple[date, str]):
    assert resolve_expression(text, doc_date) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("On 16 February 2024, Russian forces shelled Kherson.", "shelled", (date(2024, 2, 16), "day")),
    ("Gunmen abducted five farmers in Kaduna state around 1 May 2020.", "abducted", (date(2020, 5, 1), "day")),
    ("In March 2022, troops clashed with rebels near Goma.", "clashed", (date(2022, 3, 15), "month")),
    ("Police dispersed the march with tear gas.", "dispersed", (None, None)),
])
def test_a_document_without_a_date_is_dated_by_its_own_words(text, word, expected):
    assert event_date(_trigger(text, word), None) == expected


def test_a_story_date_dates_its_later_sentences_without_clamping():
    from coding.coder import code_text

    rows = code_text("On 2 September 2021, soldiers clashed with bandits near Gusau. "
                     "During the week of 6 September 2021, the army shelled camps in the forest.")
    dates = sorted((r["event_date"], r["date_precision"]) for r in rows if r["cameo_root"] in {"19"})
    assert dates == [(date(2021, 9, 2), "day"), (date(2021, 9, 9), "week")]


@pytest.mark.parametrize("text, expected", [
    ("Between 9 and 11 February 2023, the army and VDP clashed with JNIM militants around Gorom-Gorom.", date(2023, 2, 10)),
    ("From 3 to 5 May 2022, Fulani militia raided several villages in Bandiagara.", date(2022, 5, 4)),
    ("On 12-14 March 2024 (as reported), residents of Rosario protested against insecurity.", date(2024, 3, 13)),
    ("On 16 February 2024, Russian forces shelled Kupiansk.", date(2024, 2, 16)),  # a single day stays itself
])
def test_a_notes_first_date_written_as_a_range_is_its_middle_day(text, expected):
    from coding.coder import code_text
    from coding.dates import full_date

    assert full_date(text) == expected
    rows = [r for r in code_text(text) if r["acled_event_type"]]
    assert rows and rows[0]["event_date"] == expected


@pytest.mark.parametrize("text, word, doc_date, expected", [
    # 'overnight' beside a day is that day's night (Cameroon, Niger, Pakistan)
    ("Overnight on 7 August 2023, Boko Haram fighters attacked Kolofata.", "attacked", date(2023, 8, 9), date(2023, 8, 7)),
    ("Overnight on Sunday, gunmen attacked a police post in Bannu.", "attacked", date(2024, 6, 5), date(2024, 6, 2)),
    ("Jihadists attacked an army post near Ouallam overnight on 3 May.", "attacked", date(2024, 5, 9), date(2024, 5, 3)),
    # alone it is the night before the report
    ("Gunmen attacked Kumbo overnight.", "attacked", date(2024, 6, 5), date(2024, 6, 4)),
])
def test_overnight_on_a_day_is_that_day(text, word, doc_date, expected):
    assert event_date(_trigger(text, word), doc_date) == (expected, "day")


@pytest.mark.parametrize("text, word, expected", [
    # a fronted time phrase dates the reported clause when the saying trails it (DR Congo, Cameroon, Yemen)
    ("Late on Tuesday, ADF militants hacked to death 18 villagers in Mambasa, the administrator said on Wednesday.",
     "hacked", date(2024, 6, 4)),
    ("Early on Sunday, gunmen killed five villagers in Kumbo, the mayor said on Tuesday.", "killed", date(2024, 6, 2)),
    ("On Monday, Houthi forces shelled Taiz, local officials said on Wednesday.", "shelled", date(2024, 6, 3)),
])
def test_a_fronted_time_phrase_dates_the_reported_clause(text, word, expected):
    assert event_date(_trigger(text, word), date(2024, 6, 5)) == (expected, "day")


def test_a_time_phrase_before_the_saying_dates_the_saying():
    # 'On Monday, police said gunmen had killed 3': Monday is when police spoke; the killing takes the report's date
    assert event_date(_trigger("On Monday, police said gunmen had killed 3 people in Beni.", "killed"),
                      date(2024, 6, 5)) == (date(2024, 6, 5), "day")
