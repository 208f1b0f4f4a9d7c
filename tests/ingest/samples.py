"""Where the ingest sample files live (written for these tests; see tests/data/ingest/)."""

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
GOOD = DATA / "good"
BAD = DATA / "bad"
