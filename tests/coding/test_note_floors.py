"""Floors on short event notes of our own writing (tests/data/notes: one event each, ACLED style).

Event type, deaths and date as ACLED records them: 'On 3 May 2021, ISWAP militants attacked a
military base in Mainok (Kaga, Borno). 5 soldiers were killed.' Floors a little below the
measured figures (python tools/notescore.py).
"""

from pathlib import Path

from coding.evaluation.notes import score_notes

NOTES = Path(__file__).resolve().parent.parent / "data" / "notes" / "notes.jsonl"
FLOORS = {"event_type_accuracy": 0.88, "fatalities_exact": 0.93, "date_exact": 0.95}  # measured: 1.0 / 1.0 / 1.0


def test_note_floors():
    summary = score_notes(NOTES)["summary"]
    assert summary["notes"] >= 30
    for metric, floor in FLOORS.items():
        assert summary[metric] >= floor, (metric, summary)
