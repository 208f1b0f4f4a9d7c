"""Plain-text stories in each dateline style: place, date, agency and headline become fields,
blanked (not cut) so that offsets in Document.text are offsets in the file."""

from datetime import date

import pytest

from coding.document import Document
from coding.ingest import read_documents
from coding.ingest.dateline import match_dateline
from coding.ingest.plaintext import parse_story
from tests.ingest.samples import GOOD

CASES = {
    # file: (dateline, place, agency, month-day, doc_date, title, first words of the body)
    "kyiv_reuters.txt": ("KYIV, Sept 11 (Reuters)", "Kyiv", "Reuters", (9, 11), date(2022, 9, 11),
                         "Ukraine says its troops retake villages near Kharkiv", "Ukrainian troops recaptured"),
    "beirut_ap.txt": ("BEIRUT (AP)", "Beirut", "AP", None, None, None, "Israeli jets struck"),
    "khartoum_afp.txt": ("Khartoum, March 3 (AFP)", "Khartoum", "AFP", (3, 3), None, None, "Sudanese soldiers clashed"),
    "new_delhi_ani.txt": ("NEW DELHI, May 2 (ANI)", "New Delhi", "ANI", (5, 2), None, None, "India and Japan signed"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dateline_styles_in_files(name):
    printed, place, agency, md, doc_date, title, body = CASES[name]
    raw = (GOOD / name).read_text(encoding="utf-8")
    (doc,) = read_documents([GOOD / name])
    assert isinstance(doc, Document)
    assert (doc.dateline, doc.dateline_place, doc.source, doc.doc_date, doc.title) == (printed, place, agency, doc_date, title)
    assert parse_story(raw)["dateline_month_day"] == md
    assert doc.text.lstrip().startswith(body)
    assert printed not in doc.text and (title is None or title not in doc.text)
    assert len(doc.text) == len(raw)
    start = raw.index(body)
    assert doc.text[start:start + len(body)] == body  # offsets are file offsets


def test_crosshead_and_signoff_blanked_in_afp_story():
    doc = next(iter(read_documents([GOOD / "khartoum_afp.txt"])))
    assert "Calls for calm" not in doc.text
    assert doc.text.rstrip().endswith("return to talks.")


@pytest.mark.parametrize("text, expected", [
    ("KYIV, Ukraine (AP) — Russian drones hit the capital.", ("Kyiv", "AP", None)),
    ("WASHINGTON, Sept. 11 (Reuters) -- The Senate voted.", ("Washington", "Reuters", (9, 11))),
    ("GAZA CITY — Air strikes hit the north.", ("Gaza City", None, None)),
    ("DAR ES SALAAM (Reuters) - Police fired tear gas.", ("Dar es Salaam", "Reuters", None)),
    ("KHARKIV (Sept 11): Russia said it was pulling back.", ("Kharkiv", None, (9, 11))),
])
def test_more_dateline_variants(text, expected):
    dl = match_dateline(text)
    assert (dl.place, dl.agency, dl.month_day) == expected


@pytest.mark.parametrize("text", [
    "Russia said (in a statement) - troops withdrew.",
    "US-backed forces advanced on Raqqa.",
    "Police said: protesters were detained.",
    "The army (which denied it) - said nothing.",
])
def test_sentences_are_not_datelines(text):
    assert match_dateline(text) is None
    assert parse_story(text)["text"] == text


def test_a_long_first_line_is_not_a_headline():
    raw = "Troops shelled the town on Monday, residents said, and fighting went on through the night.\nKYIV (Reuters) - More."
    fields = parse_story(raw)
    assert fields["title"] is None and fields["dateline"] is None and fields["text"] == raw


@pytest.mark.parametrize("raw, expected", [
    # the metadata's year, for the dateline's own day (the metadata is a day later: the feed's date)
    ("date 2024-10-06\nKHARKIV, Oct 5 (Reuters) - A Russian guided bomb struck Kharkiv on Saturday.", date(2024, 10, 5)),
    # filed on 31 December, published on 2 January: the year before the metadata's
    ("date 2024-01-02\nMOGADISHU, Dec 31 (AFP) - Al Shabaab fighters attacked a base near Afgoye.", date(2023, 12, 31)),
    ("date 2022-03-01\nMAIDUGURI, March 1 - Troops repelled an attack on Gwoza.", date(2022, 3, 1)),
    # no metadata: the latest year the story writes
    ("BENI, Feb 3 (AFP) - ADF militants killed 23 civilians, the deadliest attack since June 2022.", date(2022, 2, 3)),
    ("OUAGADOUGOU, May 9 - Soldiers clashed with JNIM militants; 2021 and 2023 were the worst years.", date(2023, 5, 9)),
    # no metadata and no year written: undated, as before
    ("KHARTOUM, March 3 (AFP) - Soldiers clashed with RSF fighters on Friday.", None),
])
def test_a_dateline_month_day_takes_its_year_from_the_metadata_or_the_story(tmp_path, raw, expected):
    path = tmp_path / "story.txt"
    path.write_text(raw, encoding="utf-8")
    (doc,) = read_documents([path])
    assert doc.doc_date == expected
