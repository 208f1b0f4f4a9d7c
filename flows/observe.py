"""What a running flow shows: a progress artifact that moves, a table of events by type, and
progress callbacks for the command line's progress bar.

Artifacts are published with Prefect's artifact API from inside the flow run, so they
appear on the run's page in the UI and through the API (``read_artifacts``).
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from typing import Callable, Iterator

import pyarrow as pa
from prefect.artifacts import create_progress_artifact, create_table_artifact, update_progress_artifact

PROGRESS_KEY = "eventcoder-progress"
EVENTS_TABLE_KEY = "eventcoder-events-by-type"

# (documents done, documents total, rows so far); the CLI registers one to draw its bar.
Listener = Callable[[int, int, int], None]
_listeners: list[Listener] = []


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Call ``listener`` as batches complete while the block runs (flows run in-process)."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


class RunProgress:
    """Documents coded so far, as a Prefect progress artifact (0-100) and to listeners."""

    def __init__(self, total_docs: int) -> None:
        self.total = total_docs
        self.done = 0
        self.rows = 0
        self.artifact_id = create_progress_artifact(progress=0.0, key=PROGRESS_KEY,
                                                    description=f"documents coded of {total_docs}")
        self._notify()

    def advance(self, docs: int, rows: int) -> None:
        self.done += docs
        self.rows += rows
        percent = 100.0 * self.done / self.total if self.total else 100.0
        update_progress_artifact(self.artifact_id, progress=round(percent, 1),
                                 description=f"{self.done} of {self.total} documents coded, {self.rows} event rows")
        self._notify()

    def _notify(self) -> None:
        for listener in list(_listeners):
            listener(self.done, self.total, self.rows)


def events_by_type(table: pa.Table) -> list[dict[str, object]]:
    """Rows per (CAMEO root, ACLED event type), most frequent first; '-' where ACLED has no type."""
    if table.num_rows == 0:
        return []
    roots = table.column("cameo_root").to_pylist()
    acled = table.column("acled_event_type").to_pylist()
    counts = Counter(zip(roots, (a or "-" for a in acled)))
    return [{"cameo_root": root, "acled_event_type": kind, "events": n}
            for (root, kind), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def publish_events_table(table: pa.Table) -> list[dict[str, object]]:
    """Publish the events-by-type table artifact and return its rows."""
    rows = events_by_type(table)
    create_table_artifact(table=rows or [{"cameo_root": "-", "acled_event_type": "-", "events": 0}],
                          key=EVENTS_TABLE_KEY, description="events written, by CAMEO root and ACLED event type")
    return rows
