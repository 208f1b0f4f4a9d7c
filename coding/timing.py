"""An optional, cheap stage timer for the benchmark: where does the time go?

Off by default; the hot path pays one module-attribute check per document. Turn it on with
``EVENTCODER_TIMING=1`` (read at import, so worker processes inherit it) or ``enable()``.
Stages nest and times are exclusive: a ``date`` stage inside ``code`` is counted under
``date`` only, so the totals add up to the wall time spent inside stages. Each thread has its
own stack of open stages (the parse-ahead thread times its parse while the coder times its
stages); the totals are shared.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

ENABLED: bool = os.environ.get("EVENTCODER_TIMING", "") == "1"
_totals: defaultdict[str, float] = defaultdict(float)
_lock = threading.Lock()
_local = threading.local()  # .stack: [start, time spent in nested stages] per open stage of this thread


def _stack() -> list[list[float]]:
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


def enable(flag: bool = True) -> None:
    """Switch timing on or off in this process (and, via the environment, in workers started later)."""
    global ENABLED
    ENABLED = flag
    os.environ["EVENTCODER_TIMING"] = "1" if flag else "0"


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block under ``name`` (exclusive of nested stages); a no-op when disabled."""
    if not ENABLED:
        yield
        return
    stack = _stack()
    frame = [time.perf_counter(), 0.0]
    stack.append(frame)
    try:
        yield
    finally:
        stack.pop()
        elapsed = time.perf_counter() - frame[0]
        with _lock:
            _totals[name] += elapsed - frame[1]
        if stack:
            stack[-1][1] += elapsed


def timed_iter(items: Iterable[T], name: str) -> Iterator[T]:
    """Yield from ``items``, timing each ``next()`` under ``name`` (e.g. the batched parse)."""
    it = iter(items)
    while True:
        with stage(name):
            try:
                item = next(it)
            except StopIteration:
                return
        yield item


def add(name: str, seconds: float) -> None:
    """Add externally measured seconds (e.g. a whole flow step) to ``name``."""
    with _lock:
        _totals[name] += seconds


def snapshot() -> dict[str, float]:
    """Seconds per stage accumulated in this process so far."""
    with _lock:
        return dict(_totals)


def reset() -> None:
    with _lock:
        _totals.clear()


def merge(into: dict[str, float], other: dict[str, float]) -> dict[str, float]:
    """Sum two stage dicts (e.g. from worker processes) into ``into``."""
    for key, value in other.items():
        into[key] = into.get(key, 0.0) + value
    return into
