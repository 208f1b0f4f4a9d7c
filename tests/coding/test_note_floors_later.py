"""Floors on the second and third batches of short event notes of our own writing (tests/data/notes).

notes_batch2.jsonl: thirty ACLED-style notes in thirteen countries, each with its place (name,
lat, lon), date, deaths and event type. Measured before any change for them (the unseen estimate):
event type 0.667, fatalities exact 0.733, date exact 0.833, location within 50 km 0.733.
notes_batch3.jsonl: twenty more, written after those changes and measured before any change for
them: 0.95 / 0.95 / 0.95 / 0.80. The mechanisms added since bring every figure of both to 1.0, so
they are tuned now; the floors sit 0.02 below the final figures so that a change that loses a
mechanism shows here.
"""

from pathlib import Path

import pytest

from coding.evaluation.notes import score_notes

NOTES = Path(__file__).resolve().parent.parent / "data" / "notes"
FLOORS = {"event_type_accuracy": 0.98, "fatalities_exact": 0.98, "date_exact": 0.98,
          "location_within_50km": 0.98}  # measured on each batch: 1.0 / 1.0 / 1.0 / 1.0


@pytest.mark.parametrize("name, size", [("notes_batch2.jsonl", 30), ("notes_batch3.jsonl", 20)])
def test_note_floors_later_batches(name, size):
    summary = score_notes(NOTES / name)["summary"]
    assert summary["notes"] >= size
    for metric, floor in FLOORS.items():
        assert summary[metric] >= floor, (metric, summary)
