"""A rich progress bar on stderr for ``eventcoder code`` and ``eventcoder run`` on large inputs.

Shown on a terminal (or when forced with ``--progress``); a no-op otherwise, so logs and
pipes stay clean. The total may be unknown (``code`` streams its inputs): the bar then
pulses and shows the counts and the rate.
"""

from __future__ import annotations

from types import TracebackType


class ProgressBar:
    """Documents coded and event rows found, updated at most a few times a second."""

    def __init__(self, enabled: bool, description: str = "coding", total: int | None = None) -> None:
        self.enabled = enabled
        self._progress = None
        self._task = None
        self._description = description
        self._total = total

    def __enter__(self) -> "ProgressBar":
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self._progress = Progress(
                SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("docs · {task.fields[rows]} events · {task.fields[rate]}"),
                TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), refresh_per_second=4, transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task(self._description, total=self._total, rows=0, rate="")
        return self

    def update(self, docs: int, rows: int, total: int | None = None) -> None:
        """Set the counts (absolute, not increments)."""
        if self._progress is None:
            return
        task = self._progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{docs / elapsed:.1f} docs/s" if elapsed > 0 else ""
        kwargs = {"total": total} if total is not None else {}
        self._progress.update(self._task, completed=docs, rows=rows, rate=rate, **kwargs)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
