"""Code short event notes (one event each, ACLED style) and score event type, fatalities and date.

    python tools/notescore.py [--notes tests/data/notes/notes.jsonl] [--verbose]
    python tools/notescore.py --notes tests/data/notes/notes_batch2.jsonl   # the later batches (2, 3) give places too

Each line: {"id", "text", "type" (ACLED event type), "fatalities" (0 when none), "date" (ISO)}, and
optionally "doc_date" (the story metadata's date) and "location" ({"name", "lat", "lon"}: scored within 50 km).
The note's event is its most severe coded row (violence before protest before the rest); its
fatalities are the largest count on any row (0 when none), as a note reports one event.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coding.evaluation.notes import score_notes  # noqa: E402

NOTES = ROOT / "tests" / "data" / "notes" / "notes.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=NOTES)
    parser.add_argument("--verbose", action="store_true", help="each note that misses a field")
    args = parser.parse_args(argv)
    result = score_notes(args.notes)
    print(json.dumps(result["summary"], indent=1))
    if args.verbose:
        for note in result["notes"]:
            if not all(note["right"].values()):
                print(note["id"], {k: v for k, v in note["right"].items() if not v}, note["got"], "|", note["text"][:100])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
