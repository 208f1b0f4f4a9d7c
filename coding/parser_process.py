"""Parse ahead in child processes: spaCy parses on other cores, the coder reads the parsed batches.

The parse-ahead thread (``coding.ahead.pipe_ahead``) shares the GIL with the coder, and spaCy
holds it for much of its parse, so the coder's plain-Python work still slows the parser. Here
child processes run ``nlp.pipe`` batch by batch and send each batch back as a
``spacy.tokens.DocBin`` (the token attributes the coder reads: words and spaces, norm, lemma,
tag, POS, morphology, dependency and head, entities, sentence starts); this process rebuilds
the docs on its own vocabulary (about 0.1 ms a story) and codes them in input order.

Every batch is the same ``batch_size`` texts that ``nlp.pipe`` would have batched together,
parsed by the same model loaded the same way (``coding.nlp.load_nlp``), so the docs, and the
rows, are the same as with the plain parse (tests compare them).

While the next batch is still in a child, the caller does not wait: it parses the next unread
batch itself (the coder's core is otherwise idle for most of a stream: coding takes about a
quarter of the parse time), so the parse has the coder's core too, and the children are sent
the batches after it. Measured on 2 CPUs, 2,000 documents: the library path went from 0.89 to
about 1.1 of spaCy alone (cold children), the coder's wait from 7 s to under 1 s.

Children: one per usable CPU but one, the coder's (at least one, at most four;
``EVENTCODER_PARSERS`` sets the number), each sent the next batch when it has fewer than
``DEPTH`` waiting. They start with the ``spawn`` method (safe with Prefect's and GX's threads,
and the same on every platform) when a stream has a second batch, and are kept for the next
streams: a flow codes several batches, ``eventcoder serve`` runs every few minutes. While they
start (about two seconds: imports and the model) the caller parses the first batches itself.
They are daemons (ended with this process) and end by themselves when this process dies. If
one dies while it has batches, the stream raises E413 and the next stream starts new ones; no
batch is silently lost.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import itertools
import logging
import multiprocessing
import multiprocessing.util
import os
import queue
import sys
import threading
import time
from typing import Any, Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import DocBin

from coding import timing
from coding.errors import ErrorCode, EventCoderError

log = logging.getLogger(__name__)

# What the coder reads from a token; DocBin also keeps the words and their trailing spaces.
ATTRS = ("ORTH", "NORM", "LEMMA", "TAG", "POS", "MORPH", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE",
         "ENT_KB_ID", "ENT_ID", "SENT_START")
DEPTH = 3  # batches sent ahead of the one being coded: enough to keep the child busy
POLL_SECONDS = 0.5  # how often a wait checks that the other process is still there
START_METHOD = "spawn"
PROCESS_NAME = "eventcoder-parser"
STOP_SECONDS = 5.0


class ParserProcessError(EventCoderError):
    """The parser child process ended (killed, out of memory, crashed) while parsing a stream."""


class _Failure:
    """An exception raised in the child, carried back to be raised in the caller."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def _picklable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError with its text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any pickling failure: keep the message
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _serve(requests: Any, results: Any) -> None:
    """The child's loop: parse each request's texts, send back (key, DocBin bytes, seconds)."""
    import signal

    from coding.nlp import load_nlp

    # Ctrl-C reaches the whole process group: the parent decides (it ends the children), so the
    # children do not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    parent = multiprocessing.parent_process()

    def orphaned() -> bool:
        return parent is not None and not parent.is_alive()

    try:
        nlp = load_nlp()
    except BaseException as exc:  # noqa: BLE001 - reported to the caller, which raises it
        results.put(("ready", _Failure(_picklable(exc)), 0.0))
        return
    results.put(("ready", os.getpid(), 0.0))
    while True:
        try:
            request = requests.get(timeout=1.0)
        except queue.Empty:
            if orphaned():
                break
            continue
        if request is None or orphaned():
            break
        key, texts, batch_size = request
        started = time.perf_counter()
        try:
            batch = DocBin(attrs=list(ATTRS), store_user_data=False)
            for doc in nlp.pipe(texts, batch_size=batch_size):
                batch.add(doc)
            payload: Any = batch.to_bytes()
        except Exception as exc:  # noqa: BLE001 - handed to the caller, which raises it
            payload = _Failure(_picklable(exc))
        results.put((key, payload, time.perf_counter() - started))
    results.cancel_join_thread()  # nobody may read what is left: do not wait on it at exit


@contextlib.contextmanager
def _main_hidden() -> Iterator[None]:
    """Start a child that does not import this process's main module.

    ``spawn`` runs the parent's main script again in the child (as ``__mp_main__``) so that
    functions defined there can be targets; the parser's target lives here, and a script
    that codes documents without an ``if __name__ == "__main__":`` guard would otherwise be
    run again, side effects and all, by its own parser. The preparation data that names the
    main module is taken when the child starts, in this thread, so it is hidden just then.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {k: main.__dict__[k] for k in ("__spec__", "__file__") if k in main.__dict__}
    with _MAIN_LOCK:
        main.__dict__.pop("__file__", None)
        main.__spec__ = None
        try:
            yield
        finally:
            main.__dict__.pop("__spec__", None)
            main.__dict__.update(saved)


_MAIN_LOCK = threading.Lock()


class ParserProcess:
    """One parser child and its two queues: batches of texts in, serialized docs out."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context(START_METHOD)
        self.requests = ctx.Queue(maxsize=DEPTH + 1)
        self.results = ctx.Queue()
        self.process = ctx.Process(target=_serve, args=(self.requests, self.results),
                                   name=PROCESS_NAME, daemon=True)
        with _main_hidden():
            self.process.start()
        self.ready = False
        self.owner = os.getpid()
        self._early: dict[Any, tuple[Any, float]] = {}  # results read while waiting for another key

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.is_alive()

    def _died(self) -> ParserProcessError:
        self.process.join(timeout=STOP_SECONDS)
        code = self.process.exitcode
        how = "still running" if code is None else f"signal {-code}" if code < 0 else f"exit code {code}"
        if not self.ready:
            return ParserProcessError(ErrorCode.E413_PARSER_DIED,
                                      f"the parser process (pid {self.pid}) ended ({how}) before its model was loaded")
        return ParserProcessError(ErrorCode.E413_PARSER_DIED,
                                  f"the parser process (pid {self.pid}) ended ({how}) while it had documents "
                                  "to parse; they were not coded")

    def _get(self, block: bool) -> tuple[Any, Any, float] | None:
        """The next message, or None when there is none (``block``: until one comes or the child dies)."""
        while True:
            try:
                return self.results.get(timeout=POLL_SECONDS) if block else self.results.get_nowait()
            except queue.Empty:
                if not self.alive():
                    try:  # its last message may have arrived as it ended
                        return self.results.get(timeout=POLL_SECONDS)
                    except queue.Empty:
                        raise self._died() from None
                if not block:
                    return None

    def poll_ready(self, block: bool = False) -> bool:
        """Whether the child has loaded the model (``block``: wait for it)."""
        while not self.ready:
            message = self._get(block)
            if message is None:
                return False
            key, payload, seconds = message
            if key != "ready":
                self._early[key] = (payload, seconds)
                continue
            if isinstance(payload, _Failure):
                raise payload.exc
            self.ready = True
        return True

    def send(self, key: Any, texts: list[str], batch_size: int) -> None:
        """Queue one batch for the child (blocks while DEPTH + 1 batches wait)."""
        while True:
            if not self.alive():
                raise self._died()
            try:
                self.requests.put((key, texts, batch_size), timeout=POLL_SECONDS)
                return
            except queue.Full:
                continue

    def poll(self, key: Any) -> bool:
        """Whether batch ``key`` has come back (without waiting); results of abandoned streams are dropped."""
        while key not in self._early:
            message = self._get(block=False)
            if message is None:
                return False
            self._keep(message, key)
        return True

    def _keep(self, message: tuple[Any, Any, float], key: Any) -> None:
        """File one message from the child: the ready signal (raising a start-up failure), or a batch of the
        stream of ``key`` (older streams' results are thrown away)."""
        got, payload, seconds = message
        if got == "ready":
            self.ready = True
            if isinstance(payload, _Failure):
                raise payload.exc
        elif got[0] == key[0]:
            self._early[got] = (payload, seconds)

    def forget(self) -> None:
        """Drop results kept for earlier streams (a new stream starts)."""
        self._early.clear()

    def receive(self, key: Any) -> tuple[Any, float]:
        """The payload and parse seconds of batch ``key``; results of abandoned streams are dropped."""
        while key not in self._early:
            self._keep(self._get(block=True), key)
        return self._early.pop(key)

    def stop(self, timeout: float = STOP_SECONDS) -> None:
        """End the child (terminate, then kill): it holds nothing worth waiting for."""
        if os.getpid() != self.owner:
            return  # a forked copy of this object: the child is not ours
        if self.alive():
            self.process.terminate()
            self.process.join(timeout)
        if self.alive():
            self.process.kill()
            self.process.join(timeout)
        for q in (self.requests, self.results):
            q.cancel_join_thread()  # a full pipe nobody reads must not block this process's exit
            q.close()


_LOCK = threading.Lock()  # one stream at a time uses the children
_SERVERS: list[ParserProcess] = []
_STREAMS = itertools.count()
PARSERS_VAR = "EVENTCODER_PARSERS"
MAX_PARSERS = 4  # beyond about four parsers the coder, one core, is the limit (parse ~6 ms a story, code ~1.5 ms)


def parser_count(cpus: int | None = None) -> int:
    """Parser children a stream uses: ``EVENTCODER_PARSERS``, else one per usable CPU but one (1 to MAX_PARSERS).

    The coder keeps a core. On a near-idle two-CPU machine two parsers and the coder finished
    sooner (the coder needs about a quarter of a core per parser: make bench, 2,000 documents,
    1.08 of spaCy alone against 0.89 for one parser started cold, 1.01 warm), but in a run
    where other work took a core, three processes on two cores fell to 0.63 while one parser
    kept 0.91; ``EVENTCODER_PARSERS=2`` is for a machine known to be idle.
    """
    flag = os.environ.get(PARSERS_VAR, "").strip()
    if flag.isdigit() and int(flag) >= 1:
        return int(flag)
    if cpus is None:
        try:
            cpus = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cpus = os.cpu_count() or 1
    return max(1, min(MAX_PARSERS, cpus - 1))


def shutdown() -> None:
    """Stop this process's parser children, if any (also run at exit).

    Does not wait for the stream lock: at exit a stream interrupted in the coder (Ctrl-C)
    may still hold it, suspended, and its children must end all the same.
    """
    servers = list(_SERVERS)
    _SERVERS.clear()
    for server in servers:
        server.stop()


atexit.register(shutdown)
# A multiprocessing worker (a process pool's) ends without running atexit: multiprocessing's own
# exit step runs this first, before it ends the children and joins the queues' feeder threads.
multiprocessing.util.Finalize(None, shutdown, exitpriority=10)


def current_pids() -> list[int]:
    """The pids of this process's running parser children (tests, diagnostics)."""
    return [s.pid for s in _SERVERS if s.owner == os.getpid() and s.alive() and s.pid is not None]


def current_pid() -> int | None:
    """The pid of this process's first running parser child, if any."""
    pids = current_pids()
    return pids[0] if pids else None


def available() -> bool:
    """Whether this process may start a child: a daemonic process (a Dask worker) may not."""
    return not multiprocessing.current_process().daemon


def start(count: int | None = None) -> list[ParserProcess]:
    """Start this process's parser children now (``count``, default :func:`parser_count`) and return
    at once: they load the model while the caller reads its inputs (the flow). Empty when none can
    start here or a stream uses them."""
    if not _lock_stream():
        return []
    try:
        return _ensure(count or parser_count())
    except Exception as exc:  # noqa: BLE001 - the stream will parse in this process
        log.warning("eventcoder: cannot start the parser process (%s); parsing in this process", exc)
        return []
    finally:
        _LOCK.release()


def _lock_stream() -> bool:
    """Whether this stream may use the children: not in a daemonic process, not while another stream does."""
    return available() and _LOCK.acquire(blocking=False)


def _running() -> list[ParserProcess]:
    """This process's running children (stopped ones are cleaned up)."""
    keep = []
    for server in _SERVERS:
        if server.owner != os.getpid():
            continue  # a forked copy: not ours
        if server.alive():
            keep.append(server)
        else:
            server.stop()
    _SERVERS[:] = keep
    return list(keep)


def _ensure(count: int) -> list[ParserProcess]:
    """At least ``count`` running children (the caller holds the stream lock)."""
    running = _running()
    while len(running) < count:
        server = ParserProcess()
        _SERVERS.append(server)
        running.append(server)
    return running


Fallback = Callable[[Language, Iterable[tuple[str, Any]], int], Iterator[tuple[Any, Any]]]


def _plain(nlp: Language, pairs: Iterable[tuple[str, Any]], batch_size: int) -> Iterator[tuple[Any, Any]]:
    return nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)


def pipe_process(nlp: Language, pairs: Iterable[tuple[str, Any]], batch_size: int, depth: int = DEPTH,
                 fallback: Fallback = _plain, parsers: int | None = None) -> Iterator[tuple[Any, Any]]:
    """``nlp.pipe(pairs, as_tuples=True)`` with the parse in ``parsers`` child processes (default
    :func:`parser_count`), each ``depth`` batches ahead; the batches come back in input order.

    ``fallback`` parses instead when the children are not to be had (another stream of this
    process uses them; a daemonic process may not start one). A stream of one batch is parsed
    here and starts no child; a longer one starts them if they do not run, and parses here
    until one has loaded its model (or for good, if none can start). An error reading ``pairs``
    is raised after the documents read before it, an error in a child's parse at its batch,
    E413 when a child dies while it has batches.
    """
    if not _lock_stream():
        yield from fallback(nlp, pairs, batch_size)
        return
    wanted = parsers or parser_count()
    servers = _running()[:wanted]
    stream = next(_STREAMS)
    for server in servers:
        server.forget()
    batches = _batched(pairs, batch_size)
    # (child or None when parsed here, key, docs once parsed here, contexts), in input order
    pending: collections.deque[tuple[ParserProcess | None, Any, list[Any] | None, list[Any]]] = collections.deque()
    seq = itertools.count()
    input_error: BaseException | None = None
    finished = False
    local = False  # no child could start: parse the rest here
    read_count = 0

    def read() -> tuple[list[str], list[Any]] | None:
        nonlocal input_error, finished, read_count
        if finished:
            return None
        try:
            chunk = next(batches)
        except StopIteration:
            finished = True
            return None
        except Exception as exc:  # noqa: BLE001 - raised once the documents before it are out
            input_error, finished = exc, True
            return None
        read_count += 1
        return [t for t, _ in chunk], [c for _, c in chunk]

    def not_started(server: ParserProcess, exc: BaseException) -> None:
        nonlocal local
        log.warning("eventcoder: a parser process did not start (%s); parsing without it", exc)
        _drop(server)
        servers.remove(server)
        local = local or not servers

    def ready() -> list[ParserProcess]:
        for server in [s for s in servers if not s.ready]:
            try:
                server.poll_ready()
            except Exception as exc:  # noqa: BLE001 - nothing was sent to it yet: nothing is lost
                not_started(server, exc)
        return [s for s in servers if s.ready]

    def fill() -> None:
        """Send batches to the ready children, ``depth`` each; until one is ready, parse the next one here."""
        nonlocal local
        ready_now = ready()
        if not ready_now:
            chunk = None if pending else read()
            if chunk is None:
                return
            if len(servers) < wanted and not local and read_count >= 2:
                try:
                    servers[:] = _ensure(wanted)  # a second batch: worth the children
                except Exception as exc:  # noqa: BLE001 - the ones that started are used
                    log.warning("eventcoder: cannot start a parser process (%s)", exc)
                    servers[:] = _running()
                    local = not servers
            with timing.stage("parse (here)"):
                docs = list(nlp.pipe(chunk[0], batch_size=batch_size))
            pending.append((None, None, docs, chunk[1]))
            return
        first = read() if read_count == 0 else None  # the stream starts with its children ready
        out = collections.Counter(id(s) for s, _, _, _ in pending if s is not None)
        while True:
            server = min(ready_now, key=lambda s: out[id(s)])
            if out[id(server)] >= depth:
                break
            chunk = read()
            if chunk is None:
                break
            key = (stream, next(seq))
            server.send(key, chunk[0], batch_size)
            pending.append((server, key, None, chunk[1]))
            out[id(server)] += 1
        if first is not None:
            # This process would only wait for the children's first batch: it parses the first
            # batch itself while they parse the next ones.
            with timing.stage("parse (here)"):
                docs = list(nlp.pipe(first[0], batch_size=batch_size))
            pending.appendleft((None, None, docs, first[1]))

    def steal() -> bool:
        """Parse the next unread batch here (the coder would only wait); False when none is left."""
        chunk = read()
        if chunk is None:
            return False
        with timing.stage("parse (here)"):
            docs = list(nlp.pipe(chunk[0], batch_size=batch_size))
        pending.append((None, None, docs, chunk[1]))  # after every batch read before it: input order
        fill()  # the children get the batches after it
        return True

    try:
        fill()
        while pending:
            server, key, docs, contexts = pending[0]
            if docs is None:
                # While a child still parses the next batch, this process parses a later one instead
                # of waiting: the parse then has this core too whenever coding leaves it idle.
                while not finished and not server.poll(key) and steal():
                    pass
            pending.popleft()
            if docs is None:
                docs = _receive(server, key, nlp)
            fill()  # the children go on with the next batches before this one is coded
            yield from zip(docs, contexts)
        if input_error is not None:
            raise input_error
    except ParserProcessError:
        for server in servers:
            _drop(server)
        raise
    except (Exception, GeneratorExit):
        raise  # the children stay for the next stream; what they still parse for this one is dropped
    except BaseException:
        for server in servers:
            _drop(server)  # KeyboardInterrupt, SystemExit: end the children now
        raise
    finally:
        _LOCK.release()


def _receive(server: ParserProcess, key: Any, nlp: Language) -> list[Any]:
    """Batch ``key`` back from its child, rebuilt on ``nlp``'s vocabulary."""
    payload, seconds = server.receive(key)
    if isinstance(payload, _Failure):
        raise payload.exc
    if timing.ENABLED:
        timing.add("parse (ahead)", seconds)  # the children's own parse time, as the thread reports its own
    with timing.stage("parse (receive)"):
        return list(DocBin().from_bytes(payload).get_docs(nlp.vocab))


def _drop(server: ParserProcess) -> None:
    """Stop ``server`` (its stream holds the lock); the next stream starts a new child."""
    server.stop()
    if server in _SERVERS:
        _SERVERS.remove(server)


def _batched(pairs: Iterable[tuple[str, Any]], size: int) -> Iterator[list[tuple[str, Any]]]:
    """Consecutive batches of ``size`` pairs: the batches ``nlp.pipe`` makes of the same stream."""
    it = iter(pairs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
