"""Parse-ahead: the same rows as the plain parse, errors reach the caller, the thread ends."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from coding import ahead
from coding.coder import code_documents
from coding.document import Document
from coding.ingest import read_documents
from coding.nlp import load_nlp

SEEDS = Path(__file__).parents[2] / "seeds"
STORIES = [
    Document(doc_id="a", text="Russian forces shelled Kharkiv on Saturday. Ukraine condemned the attack."),
    Document(doc_id="b", text="Police fired tear gas at protesters in Nairobi on Tuesday."),
    Document(doc_id="c", text="The French president met the German chancellor in Berlin."),
]


def _threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "eventcoder-parse-ahead"]


def rows(monkeypatch: pytest.MonkeyPatch, flag: str, docs: list[Document]) -> list[dict]:
    monkeypatch.setenv(ahead.ENV_VAR, flag)
    return list(code_documents(docs, batch_size=2))


def test_same_rows_with_and_without_parse_ahead(monkeypatch: pytest.MonkeyPatch):
    docs = [d for d in read_documents([SEEDS]) if isinstance(d, Document)] + STORIES
    plain, ahead_rows = rows(monkeypatch, "0", docs), rows(monkeypatch, "1", docs)
    assert plain and ahead_rows == plain
    assert not _threads()


def test_environment_switches_it(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(ahead.ENV_VAR, "0")
    assert not ahead.parse_ahead_enabled()
    monkeypatch.setenv(ahead.ENV_VAR, "1")
    assert ahead.parse_ahead_enabled()
    monkeypatch.delenv(ahead.ENV_VAR)
    monkeypatch.setattr(ahead, "usable_cpus", lambda: 2)
    monkeypatch.setattr(ahead, "load_average", lambda: 1.1)  # this process alone on two cores
    assert ahead.parse_ahead_enabled()
    monkeypatch.setattr(ahead, "load_average", lambda: 6.0)  # other work on every core
    monkeypatch.setattr(ahead, "_busy_now", lambda: 2.0)  # and still now
    assert not ahead.parse_ahead_enabled()
    monkeypatch.setattr(ahead, "_busy_now", lambda: 0.1)  # the load was this process's own, a minute ago
    assert ahead.parse_ahead_enabled()
    monkeypatch.setattr(ahead, "usable_cpus", lambda: 1)
    monkeypatch.setattr(ahead, "load_average", lambda: 0.0)
    assert not ahead.parse_ahead_enabled()


def test_error_in_the_input_reaches_the_caller():
    def broken():
        yield STORIES[0].text, STORIES[0]
        raise ValueError("unreadable input")

    with pytest.raises(ValueError, match="unreadable input"):
        list(ahead.pipe_ahead(load_nlp(), broken(), batch_size=1))
    assert not _threads()


def test_stopping_early_ends_the_parser_thread():
    pairs = ((d.text, d) for d in STORIES * 20)
    stream = ahead.pipe_ahead(load_nlp(), pairs, batch_size=2, depth=2)
    doc, document = next(stream)
    assert document.doc_id == "a" and doc.text == STORIES[0].text
    stream.close()
    assert not _threads()


def test_the_mode_defaults_to_a_process_and_the_environment_chooses(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ahead, "usable_cpus", lambda: 2)
    monkeypatch.setattr(ahead, "load_average", lambda: 0.2)
    monkeypatch.delenv(ahead.ENV_VAR, raising=False)
    assert ahead.parse_ahead_mode() == ahead.PROCESS
    assert ahead.parse_ahead_mode(False) == ahead.OFF and ahead.parse_ahead_mode(True) == ahead.PROCESS
    for flag, mode in (("0", ahead.OFF), ("1", ahead.PROCESS), ("thread", ahead.THREAD), ("process", ahead.PROCESS)):
        monkeypatch.setenv(ahead.ENV_VAR, flag)
        assert ahead.parse_ahead_mode() == mode
    monkeypatch.setenv(ahead.ENV_VAR, "thread")
    assert ahead.parse_ahead_mode(True) == ahead.THREAD  # forced on, the way the environment asks
    assert ahead.parse_ahead_mode("process") == ahead.PROCESS  # an explicit mode wins


def test_same_rows_in_a_thread(monkeypatch: pytest.MonkeyPatch):
    docs = [d for d in read_documents([SEEDS]) if isinstance(d, Document)] + STORIES
    assert rows(monkeypatch, "thread", docs) == rows(monkeypatch, "0", docs)
    assert not _threads()


def test_busy_elsewhere_leaves_out_this_process_own_work():
    """A busy loop here for the whole sample is this process's work, not other work."""
    import time as clock

    stop = clock.perf_counter() + 3 * ahead.SAMPLE_SECONDS
    done = threading.Event()

    def spin() -> None:
        while clock.perf_counter() < stop and not done.is_set():
            pass

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        busy = ahead.busy_elsewhere()
    finally:
        done.set()
        spinner.join()
    if busy is None:
        pytest.skip("no /proc/stat here")
    assert busy < ahead.usable_cpus()  # what other work there is, never this thread
