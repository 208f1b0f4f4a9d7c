"""Parse ahead: spaCy parses the next documents on another core while the coder works.

With a spare core the parse runs ahead of the coder, so coding a stream takes about as long
as parsing it. Two ways: a child process (``coding.parser_process``, the default), which
has a core of its own, or a background thread, which shares the GIL with the coder (much of
spaCy's parse releases it, not all: measured, the parse in the thread took 14.7 s where it
takes 12 s alone, 2,000 documents). Documents come out in input order, each parsed exactly
as ``nlp.pipe`` parses it: the rows do not change.

On by default when the process may use two or more CPUs and the machine is not busy with
other work (load average below the CPU count less a half, checked when a stream starts; when
it is not, the CPUs' use by other processes over a fifth of a second, since the load average
also counts this process's own work of the last minute).
``EVENTCODER_PARSE_AHEAD``: ``0`` turns it off, ``1`` forces it on (a process, or the thread
where no child process can start: a daemonic Dask worker), ``thread`` or ``process`` forces
that way. A flow with as many workers as cores turns it off in its workers, so that each
keeps to one core.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from typing import Any, Iterable, Iterator

from spacy.language import Language

from coding import timing
from coding.nlp import load_nlp
from coding.parser_process import pipe_process

ENV_VAR = "EVENTCODER_PARSE_AHEAD"
OFF, THREAD, PROCESS = "off", "thread", "process"
_DONE = object()


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # macOS, Windows
        return os.cpu_count() or 1


def load_average() -> float:
    """The one-minute load average (0 where the platform has none)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


SAMPLE_SECONDS = 0.2  # how long busy_elsewhere watches the CPUs
RECHECK_SECONDS = 10.0  # how long its answer is kept (a stream of one-document calls samples once)
_busy_cache: tuple[float, float | None] | None = None  # (time.monotonic(), busy_elsewhere())


def _cpu_jiffies() -> tuple[int, int] | None:
    """(busy, total) clock ticks of all CPUs since boot, from /proc/stat (None where there is none)."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = fh.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu" or len(fields) < 9:
        return None
    user, nice, system, idle, iowait, irq, softirq, steal = (int(v) for v in fields[1:9])
    total = user + nice + system + idle + iowait + irq + softirq + steal
    return total - idle - iowait, total


def busy_elsewhere(seconds: float = SAMPLE_SECONDS) -> float | None:
    """CPUs other processes keep busy now: all CPUs' busy time over ``seconds``, less this process's.

    The load average looks back a minute, and counts this process's own work: right after it
    has parsed a stream on every core the machine looks busy though nothing else runs.
    """
    before, own_before, t0 = _cpu_jiffies(), _own_cpu(), time.perf_counter()
    if before is None:
        return None
    time.sleep(seconds)
    after, own_after, elapsed = _cpu_jiffies(), _own_cpu(), time.perf_counter() - t0
    if after is None or after[1] <= before[1] or elapsed <= 0:
        return None
    cpus = os.cpu_count() or 1
    busy = (after[0] - before[0]) / (after[1] - before[1]) * cpus
    return max(0.0, busy - (own_after - own_before) / elapsed)


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def _busy_now() -> float | None:
    """:func:`busy_elsewhere`, sampled at most every RECHECK_SECONDS."""
    global _busy_cache
    now = time.monotonic()
    if _busy_cache is None or now - _busy_cache[0] > RECHECK_SECONDS:
        _busy_cache = (now, busy_elsewhere())
    return _busy_cache[1]


def spare_core(cpus: int, load: float) -> bool:
    """A core the parser thread can have: two or more CPUs and less than ``cpus - 0.5`` busy.

    On a machine shared with other work the parser thread finds no free core and only adds
    switching between the two threads (measured: about 10% slower at a load of 6 on 2 CPUs).
    """
    return cpus >= 2 and load < cpus - 0.5


def parse_ahead_mode(ahead: bool | str | None = None) -> str:
    """How to parse: OFF, THREAD or PROCESS, from ``ahead`` (a mode, or True/False), else the environment.

    ``EVENTCODER_PARSE_AHEAD`` 0, 1, ``thread`` or ``process``; unset (or another value): a
    process when there is a :func:`spare_core`. ``ahead=True`` keeps a ``thread`` set there.
    """
    if isinstance(ahead, str):
        return ahead if ahead in {OFF, THREAD, PROCESS} else OFF
    flag = os.environ.get(ENV_VAR, "").strip().lower()
    if ahead is False:
        return OFF
    if ahead is True:
        return THREAD if flag == THREAD else PROCESS
    if flag == "0":
        return OFF
    if flag in {THREAD, PROCESS}:
        return flag
    cpus = usable_cpus()
    if flag == "1" or spare_core(cpus, load_average()):
        return PROCESS
    # The load average may still count this process's own earlier work: a second look, now.
    busy = _busy_now() if cpus >= 2 else None
    return PROCESS if busy is not None and spare_core(cpus, busy) else OFF


def parse_ahead_enabled() -> bool:
    """Whether the parse runs ahead (``EVENTCODER_PARSE_AHEAD``, else a :func:`spare_core`)."""
    return parse_ahead_mode() != OFF


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def pipe_ahead(nlp: Language, pairs: Iterable[tuple[str, Any]], batch_size: int,
               depth: int | None = None) -> Iterator[tuple[Any, Any]]:
    """``nlp.pipe(pairs, as_tuples=True)`` run by a background thread, ``depth`` documents ahead.

    An error in the parser thread (or in the ``pairs`` iterable it reads) is raised here; when
    the caller stops early, the thread stops after its current batch.
    """
    ahead: queue.Queue = queue.Queue(maxsize=depth or 2 * batch_size)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                ahead.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            parsed = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
            if timing.ENABLED:  # the parser's own time; the coder's wait for it is its "parse" stage
                parsed = timing.timed_iter(parsed, "parse (ahead)")
            for item in parsed:
                if not put(item):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which raises it
            put(_Failure(exc))
            return
        put(_DONE)

    thread = threading.Thread(target=produce, name="eventcoder-parse-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item = ahead.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.exc
            yield item
    finally:
        stop.set()
        thread.join()


def parse_stream(nlp: Language, pairs: Iterable[tuple[str, Any]], batch_size: int,
                 ahead: bool | str | None = None) -> Iterator[tuple[Any, Any]]:
    """The coder's parse, as :func:`parse_ahead_mode` says: in a child process, a thread, or ``nlp.pipe``.

    The process needs the coder's own model (``coding.nlp.load_nlp``): the child loads the
    same. Where it cannot be had, the thread parses.
    """
    mode = parse_ahead_mode(ahead)
    if mode == PROCESS and nlp is load_nlp():
        return pipe_process(nlp, pairs, batch_size, fallback=pipe_ahead)
    if mode in {PROCESS, THREAD}:
        return pipe_ahead(nlp, pairs, batch_size)
    return nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
