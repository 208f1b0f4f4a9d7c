"""Place forms of ACLED-style notes found missing by the fifth batch of notes (tests/data/notes/notes_batch5.jsonl).

Each mechanism on sentences written for these tests, in at least three phrasings and two countries: a person's
name inside a division's name ('Dera Ismail Khan district'); a name the tagger calls a nationality before a
district word ('Masisi territory'), which then qualifies a town the gazetteer lacks; a bearing's reference point
('near Tarhuna, south-east of Tripoli') is the event's place only when no other place is named.
"""

from __future__ import annotations

import pytest

from coding.coder import code_text
from coding.geo.resolve import km


def _row(text: str) -> dict:
    rows = [r for r in code_text(text) if r["acled_event_type"]]
    assert rows, text
    return rows[0]


def _within(row: dict, lat: float, lon: float, limit: float = 50.0) -> bool:
    return row["latitude"] is not None and km(row["latitude"], row["longitude"], lat, lon) <= limit


@pytest.mark.parametrize("text, lat, lon", [
    # Pakistan: 'Ismail Khan' is a person in the people lexicon, 'Dera Ismail Khan' a town and district
    ("On 22 September 2023, TTP militants attacked a police checkpoint in Dera Ismail Khan district (Khyber Pakhtunkhwa).",
     31.83, 70.90),
    ("On 2 May 2024, gunmen shot dead two policemen in Dera Ismail Khan district.", 31.83, 70.90),
    ("On 5 March 2024, a bomb exploded near a police van in Dera Ismail Khan district, Khyber Pakhtunkhwa province.", 31.83, 70.90),
])
def test_a_persons_name_inside_a_division_name_is_the_place(text, lat, lon):
    assert _within(_row(text), lat, lon), _row(text)["location_name"]


@pytest.mark.parametrize("text, lat, lon", [
    # DR Congo and Ethiopia: a town the gazetteer lacks, qualified by a district the tagger called a nationality
    ("On 26 January 2023, M23 rebels seized Kitshanga (Masisi territory, North Kivu) after two days of fighting.", -1.18, 29.05),
    ("On 3 March 2024, M23 rebels shelled Kitshanga in Masisi territory, killing two civilians.", -1.18, 29.05),
    ("On 9 April 2024, ADF militants killed 6 villagers in Masisi territory (North Kivu).", -1.40, 29.00),
])
def test_a_district_word_makes_a_tagged_nationality_a_place(text, lat, lon):
    assert _within(_row(text), lat, lon), _row(text)["location_name"]


@pytest.mark.parametrize("text, lat, lon", [
    # Libya, Iraq, Ethiopia, Mali: the place named with the bearing's reference after it
    ("On 27 January 2024, militiamen seized a weapons cache at a farm near Tarhuna, south-east of Tripoli.", 32.44, 13.63),
    ("On 3 May 2023, gunmen killed 4 soldiers in Tarmiyah, 40 km north of Baghdad.", 33.67, 44.40),
    ("On 3 May 2023, soldiers clashed with Fano militiamen in Debre Markos, north-west of Addis Ababa.", 10.35, 37.73),
])
def test_a_bearings_reference_point_gives_way_to_the_named_place(text, lat, lon):
    assert _within(_row(text), lat, lon), _row(text)["location_name"]


@pytest.mark.parametrize("text, lat, lon", [
    # alone, the reference point is the place (ACLED codes 'near X'); 'in the north of X' is a part of X
    ("On 3 May 2023, jihadists killed 5 civilians 20 km south of Gao.", 16.27, -0.04),
    ("On 4 June 2023, RSF fighters looted shops north of El Obeid.", 13.18, 30.22),
])
def test_a_reference_point_alone_is_the_place(text, lat, lon):
    assert _within(_row(text), lat, lon), _row(text)["location_name"]
