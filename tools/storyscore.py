"""Code the hand-written wire stories (tests/data/stories) and score them against their gold.

    python tools/storyscore.py [--stories tests/data/stories] [--verbose]

The stories are our own writing (several countries, actors and phrasings) with the events a
careful coder finds in them and the statements that must not become asserted events. They are
scored with the seed scorer (coding/evaluation/seed.py), one story at a time, and summed:
required recall, precision, negatives asserted, and per-field accuracy on the found events.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coding.evaluation.stories import score_stories  # noqa: E402

STORIES = ROOT / "tests" / "data" / "stories"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, default=STORIES)
    parser.add_argument("--verbose", action="store_true", help="each story's missed events, wrong rows and negatives")
    args = parser.parse_args(argv)
    result = score_stories(args.stories)
    print(json.dumps(result["summary"], indent=1))
    if args.verbose:
        for name, report in result["stories"].items():
            print(f"\n== {name}: missed {report['missed_required']}")
            for row in report["unmatched_rows"]:
                print("   extra:", row)
            for neg in report["negatives"]:
                if neg["asserted_rows"]:
                    print("   negative asserted:", neg)
            for ev in report["events"]:
                if ev["found"]:
                    wrong = [f for f, ok in (ev["fields"] or {}).items() if ok is False]
                    if wrong:
                        print(f"   {ev['id']} wrong fields: {wrong} {ev['best_row']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
