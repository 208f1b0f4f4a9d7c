"""Parse ahead in a child process: spaCy runs on its own core, the coder reads the parsed batches.

The parse-ahead thread (``coding.ahead.pipe_ahead``) shares the GIL with the coder, and spaCy
holds it for much of its parse, so the coder's plain-Python work still slows the parser. Here
a child process runs ``nlp.pipe`` batch by batch and sends each batch back as a
``spacy.tokens.DocBin`` (the token attributes the coder reads: words and spaces, norm, lemma,
tag, POS, morphology, dependency and head, entities, sentence starts); this process rebuilds
the docs on its own vocabulary. The parse keeps a whole core and the coder works on the other.

Every batch is the same ``batch_size`` texts that ``nlp.pipe`` would have batched together,
parsed by the same model loaded the same way (``coding.nlp.load_nlp``), so the docs, and the
rows, are the same as with the plain parse (tests compare them).

One parser child per process, started on first use with the ``spawn`` method (safe with
Prefect's and GX's threads, and the same on every platform) and kept for the next streams:
a flow codes several batches, ``eventcoder serve`` runs every few minutes. While it starts
(about two seconds: imports and the model) the caller parses the first batches itself, so the
start costs little. The child is a daemon (ended with this process) and ends by itself when
this process dies. If it dies while parsing, the stream raises E413 and the next stream
starts a new child; no batch is silently lost.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import itertools
import logging
import multiprocessing
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
    from coding.nlp import load_nlp

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

    def forget(self) -> None:
        """Drop results kept for earlier streams (a new stream starts)."""
        self._early.clear()

    def receive(self, key: Any) -> tuple[Any, float]:
        """The payload and parse seconds of batch ``key``; results of abandoned streams are dropped."""
        while key not in self._early:
            message = self._get(block=True)
            got, payload, seconds = message
            if got == "ready":
                self.ready = True
                if isinstance(payload, _Failure):
                    raise payload.exc
                continue
            if got[0] == key[0]:  # this stream's; older streams' results are thrown away
                self._early[got] = (payload, seconds)
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


_LOCK = threading.Lock()  # one stream at a time uses the child
_SERVER: ParserProcess | None = None
_STREAMS = itertools.count()


def shutdown() -> None:
    """Stop this process's parser child, if any (also run at exit).

    Does not wait for the stream lock: at exit a stream interrupted in the coder (Ctrl-C)
    may still hold it, suspended, and its child must end all the same.
    """
    global _SERVER
    server, _SERVER = _SERVER, None
    if server is not None:
        server.stop()


atexit.register(shutdown)


def current_pid() -> int | None:
    """The pid of this process's parser child while one runs (tests, diagnostics)."""
    server = _SERVER
    return server.pid if server is not None and server.owner == os.getpid() and server.alive() else None


def available() -> bool:
    """Whether this process may start a child: a daemonic process (a Dask worker) may not."""
    return not multiprocessing.current_process().daemon


def start() -> ParserProcess | None:
    """Start this process's parser child now and return at once: it loads its model while the
    caller reads its inputs (the flow). None when none can start here or a stream uses it."""
    if not _lock_stream():
        return None
    try:
        return _running() or _start()
    except Exception as exc:  # noqa: BLE001 - the stream will parse in this process
        log.warning("eventcoder: cannot start the parser process (%s); parsing in this process", exc)
        return None
    finally:
        _LOCK.release()


def _lock_stream() -> bool:
    """Whether this stream may use the child: not in a daemonic process, not while another stream does."""
    return available() and _LOCK.acquire(blocking=False)


def _running() -> ParserProcess | None:
    """This process's child when it is running (a stopped one is cleaned up)."""
    global _SERVER
    if _SERVER is not None and _SERVER.owner == os.getpid() and _SERVER.alive():
        return _SERVER
    if _SERVER is not None and _SERVER.owner == os.getpid():
        _SERVER.stop()
    _SERVER = None
    return None


def _start() -> ParserProcess:
    """Start this process's child (the caller holds the stream lock)."""
    global _SERVER
    _SERVER = ParserProcess()
    return _SERVER


Fallback = Callable[[Language, Iterable[tuple[str, Any]], int], Iterator[tuple[Any, Any]]]


def _plain(nlp: Language, pairs: Iterable[tuple[str, Any]], batch_size: int) -> Iterator[tuple[Any, Any]]:
    return nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)


def pipe_process(nlp: Language, pairs: Iterable[tuple[str, Any]], batch_size: int, depth: int = DEPTH,
                 fallback: Fallback = _plain) -> Iterator[tuple[Any, Any]]:
    """``nlp.pipe(pairs, as_tuples=True)`` with the parse in this process's child, ``depth`` batches ahead.

    ``fallback`` parses instead when the child is not to be had (another stream of this process
    uses it; a daemonic process may not start one). A stream of one batch is parsed here and
    starts no child; a longer one starts it if none runs, and parses here until it has loaded
    its model (or for good, if it cannot start). An error reading ``pairs`` is raised after the
    documents read before it, an error in the child's parse at its batch, E413 when the child
    dies while batches are out.
    """
    if not _lock_stream():
        yield from fallback(nlp, pairs, batch_size)
        return
    server = _running()
    stream = next(_STREAMS)
    if server is not None:
        server.forget()
    batches = _batched(pairs, batch_size)
    pending: collections.deque[tuple[Any, list[Any] | None, list[Any]]] = collections.deque()
    seq = itertools.count()
    input_error: BaseException | None = None
    finished = False
    local = False  # the child could not start: parse the rest here
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

    def give_up(exc: BaseException) -> None:
        nonlocal local, server
        log.warning("eventcoder: the parser process did not start (%s); parsing in this process", exc)
        if server is not None:
            _drop(server)
        server, local = None, True

    def fill() -> None:
        """Send batches to the child up to ``depth``; until it is ready, parse the next one here."""
        nonlocal server
        if server is not None and not server.ready:
            try:
                server.poll_ready()
            except Exception as exc:  # noqa: BLE001 - nothing was sent to it yet: nothing is lost
                give_up(exc)
        if server is None or not server.ready:
            chunk = None if pending else read()
            if chunk is None:
                return
            if server is None and not local and read_count >= 2:
                try:
                    server = _start()  # a second batch: worth a child
                except Exception as exc:  # noqa: BLE001 - no child: parse here
                    give_up(exc)
            with timing.stage("parse (here)"):
                docs = list(nlp.pipe(chunk[0], batch_size=batch_size))
            pending.append((None, docs, chunk[1]))
            return
        while sum(1 for key, _, _ in pending if key is not None) < depth:
            chunk = read()
            if chunk is None:
                return
            key = (stream, next(seq))
            server.send(key, chunk[0], batch_size)
            pending.append((key, None, chunk[1]))

    try:
        fill()
        while pending:
            key, docs, contexts = pending.popleft()
            if docs is None:
                docs = _receive(server, key, nlp)
            fill()  # the child starts on the next batch before this one is coded
            yield from zip(docs, contexts)
        if input_error is not None:
            raise input_error
    except ParserProcessError:
        if server is not None:
            _drop(server)
        raise
    except (Exception, GeneratorExit):
        raise  # the child stays for the next stream; what it still parses for this one is dropped
    except BaseException:
        if server is not None:
            _drop(server)  # KeyboardInterrupt, SystemExit: end the child now
        raise
    finally:
        _LOCK.release()


def _receive(server: ParserProcess, key: Any, nlp: Language) -> list[Any]:
    """Batch ``key`` back from the child, rebuilt on ``nlp``'s vocabulary."""
    payload, seconds = server.receive(key)
    if isinstance(payload, _Failure):
        raise payload.exc
    if timing.ENABLED:
        timing.add("parse (ahead)", seconds)  # the child's own parse time, as the thread reports it
    with timing.stage("parse (receive)"):
        return list(DocBin().from_bytes(payload).get_docs(nlp.vocab))


def _drop(server: ParserProcess) -> None:
    """Stop ``server`` (its stream holds the lock); the next stream starts a new child."""
    global _SERVER
    server.stop()
    if _SERVER is server:
        _SERVER = None


def _batched(pairs: Iterable[tuple[str, Any]], size: int) -> Iterator[list[tuple[str, Any]]]:
    """Consecutive batches of ``size`` pairs: the batches ``nlp.pipe`` makes of the same stream."""
    it = iter(pairs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
