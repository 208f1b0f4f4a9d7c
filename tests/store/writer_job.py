"""A dataset writer run in a child process by the kill tests: ``python -m tests.store.writer_job OUT``.

The batches are deterministic so the test can compute what the old and the new dataset hold.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pyarrow as pa

from coding.store import write_dataset
from schemas.events import to_table
from tests.schemas.rows import good_row

DOCS, ROWS_PER_DOC = 400, 50  # 20,000 rows over 12 monthly partitions


def old_batch() -> pa.Table:
    return to_table([good_row(f"doc-{d}", s, event_date=date(2022, 1 + d % 12, 1 + s % 28))
                     for d in range(DOCS) for s in range(ROWS_PER_DOC)])


def new_batch() -> pa.Table:
    """Every fourth document re-coded (its events move to 2023), plus 50 new documents."""
    recoded = [good_row(f"doc-{d}", s, event_date=date(2023, 1 + d % 12, 1 + s % 28), trigger="attacked")
               for d in range(0, DOCS, 4) for s in range(ROWS_PER_DOC // 2)]
    fresh = [good_row(f"new-{d}", s, event_date=date(2022, 1 + d % 12, 2)) for d in range(50) for s in range(10)]
    return to_table(recoded + fresh)


def other_batch() -> pa.Table:
    """30 documents no other batch touches (the second of two concurrent writers)."""
    return to_table([good_row(f"other-{d}", s, event_date=date(2022, 6, 3)) for d in range(30) for s in range(5)])


if __name__ == "__main__":
    batch = other_batch() if sys.argv[2:] == ["other"] else new_batch()
    write_dataset(batch, Path(sys.argv[1]), run_id=sys.argv[2] if sys.argv[2:] else "new")
    print("DONE", flush=True)
