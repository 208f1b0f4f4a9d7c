"""The parser child process: the same rows as the plain parse, errors reach the caller, no child left behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coding import parser_process
from coding.coder import code_documents
from coding.document import Document
from coding.errors import ErrorCode, EventCoderError
from coding.ingest import read_documents
from coding.nlp import load_nlp

ROOT = Path(__file__).parents[2]
STORIES = [
    Document(doc_id="a", text="Russian forces shelled Kharkiv on Saturday. Ukraine condemned the attack."),
    Document(doc_id="b", text="Police fired tear gas at protesters in Nairobi on Tuesday."),
    Document(doc_id="c", text="The French president met the German chancellor in Berlin."),
]


@pytest.fixture
def child(monkeypatch: pytest.MonkeyPatch):
    """One ready parser child for the test (streams use one); stopped afterwards, whatever the test did to it."""
    monkeypatch.setenv(parser_process.PARSERS_VAR, "1")
    parser_process.shutdown()
    (server,) = parser_process.start()
    assert server.poll_ready(block=True)
    yield server
    parser_process.shutdown()
    assert not _parser_children()


def _parser_children() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == parser_process.PROCESS_NAME]


def _gone(pid: int, wait: float = 30.0) -> bool:
    """Whether process ``pid`` has ended (waiting up to ``wait`` seconds: the end is not instant)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # our own child: reap it
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:
            pass
        time.sleep(0.1)
    return False


def test_same_rows_as_the_plain_parse_over_several_streams(child):
    docs = [d for d in read_documents([ROOT / "seeds"]) if isinstance(d, Document)] + STORIES * 3
    plain = list(code_documents(docs, batch_size=2, parse_ahead="off"))
    first = list(code_documents(docs, batch_size=2, parse_ahead="process"))
    again = list(code_documents(docs, batch_size=2, parse_ahead="process"))  # the same child, a second stream
    assert plain and first == plain and again == plain
    assert parser_process.current_pid() == child.pid


def test_docs_keep_every_attribute_the_coder_reads(child):
    texts = [d.text for d in STORIES] + ["KYIV, Sept 11 (Reuters) - Ukraine's army retook Izium, officials said."]
    nlp = load_nlp()
    plain = list(nlp.pipe(texts, batch_size=2))
    via_child = [doc for doc, _ in parser_process.pipe_process(nlp, ((t, None) for t in texts), batch_size=2)]

    def attributes(doc):
        return ([(t.text, t.idx, t.whitespace_, t.norm_, t.lemma_, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i,
                  t.ent_iob_, t.ent_type_, t.is_sent_start, t.is_stop, t.like_num) for t in doc],
                [(s.start, s.end) for s in doc.sents], [(e.start, e.end, e.label_) for e in doc.ents])

    assert [attributes(d) for d in via_child] == [attributes(d) for d in plain]


def test_a_killed_child_is_an_error_with_its_code_and_the_next_stream_starts_a_new_one(child):
    pairs = ((d.text, d) for d in STORIES * 200)
    stream = parser_process.pipe_process(load_nlp(), pairs, batch_size=2)
    next(stream)  # the child is parsing the next batches
    os.kill(child.pid, signal.SIGKILL)
    with pytest.raises(EventCoderError) as error:
        for _ in stream:
            pass
    assert error.value.code is ErrorCode.E413_PARSER_DIED and "signal 9" in str(error.value)
    assert _gone(child.pid) and not _parser_children()
    rows = list(code_documents(STORIES, batch_size=2, parse_ahead="process"))
    assert rows == list(code_documents(STORIES, batch_size=2, parse_ahead="off"))
    assert parser_process.current_pid() not in {None, child.pid}


def test_while_the_child_is_busy_this_process_parses_later_batches_in_input_order(child, monkeypatch):
    """The coder does not wait for the child: it parses the next unread batch itself, same docs, same order."""
    texts = [f"{d.text} ({i})" for i, d in enumerate(STORIES * 8)]
    nlp = load_nlp()
    plain = [doc.to_json() for doc in nlp.pipe(texts, batch_size=2)]
    polls = []
    real_poll = parser_process.ParserProcess.poll

    def slow_child(self, key):  # as if the child had not finished: every second look says "not yet"
        polls.append(key)
        return len(polls) % 2 == 0 and real_poll(self, key)

    monkeypatch.setattr(parser_process.ParserProcess, "poll", slow_child)
    here = []
    real_pipe = nlp.pipe

    def counting_pipe(batch, **kwargs):
        here.append(len(batch))
        return real_pipe(batch, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    got = [(doc.to_json(), i) for doc, i in parser_process.pipe_process(nlp, ((t, i) for i, t in enumerate(texts)),
                                                                         batch_size=2)]
    assert [i for _, i in got] == list(range(len(texts)))
    assert [j for j, _ in got] == plain
    assert polls and len(here) > 1  # the first batch and at least one taken while the child was busy
    assert parser_process.current_pid() == child.pid


def test_an_error_in_the_input_comes_after_the_documents_before_it(child):
    def broken():
        for d in STORIES:
            yield d.text, d
        raise ValueError("unreadable input")

    seen = []
    with pytest.raises(ValueError, match="unreadable input"):
        for _doc, document in parser_process.pipe_process(load_nlp(), broken(), batch_size=2):
            seen.append(document.doc_id)
    assert seen == ["a", "b"]  # the third story was in the batch being read when the input failed
    assert parser_process.current_pid() == child.pid  # the child is fine and stays for the next stream


def test_stopping_early_keeps_the_child_for_the_next_stream(child):
    stream = parser_process.pipe_process(load_nlp(), ((d.text, d) for d in STORIES * 50), batch_size=2)
    doc, document = next(stream)
    assert document.doc_id == "a" and doc.text == STORIES[0].text
    stream.close()
    assert parser_process.current_pid() == child.pid
    # the batches parsed for the abandoned stream are dropped, not handed to the next one
    again = [d.doc_id for _doc, d in parser_process.pipe_process(load_nlp(), ((d.text, d) for d in STORIES), 2)]
    assert again == ["a", "b", "c"]


def test_an_exception_in_the_caller_leaves_a_usable_child(child):
    with pytest.raises(RuntimeError, match="coder failed"):
        for _doc, _document in parser_process.pipe_process(load_nlp(), ((d.text, d) for d in STORIES * 20), 2):
            raise RuntimeError("coder failed")
    assert parser_process.current_pid() == child.pid
    assert len(list(parser_process.pipe_process(load_nlp(), ((d.text, d) for d in STORIES), 2))) == 3


def test_keyboard_interrupt_ends_the_child(child):
    stream = parser_process.pipe_process(load_nlp(), ((d.text, d) for d in STORIES * 50), batch_size=2)
    next(stream)
    with pytest.raises(KeyboardInterrupt):
        stream.throw(KeyboardInterrupt)  # as if Ctrl-C arrived while the stream waited for the child
    assert _gone(child.pid) and not _parser_children() and parser_process.current_pid() is None


def test_busy_child_means_the_fallback_parses(child):
    """A second stream in the same process while the first holds the child is parsed by the fallback."""
    nlp = load_nlp()
    first = parser_process.pipe_process(nlp, ((d.text, d) for d in STORIES), batch_size=2)
    next(first)
    used = []

    def fallback(nlp_, pairs, batch_size):
        used.append(True)
        return nlp_.pipe(pairs, as_tuples=True, batch_size=batch_size)

    second = [d.doc_id for _doc, d in parser_process.pipe_process(nlp, ((d.text, d) for d in STORIES), 2,
                                                                  fallback=fallback)]
    assert used and second == ["a", "b", "c"]
    assert [d.doc_id for _doc, d in first] == ["b", "c"]


def _script(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "script.py"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT)] + sys.path))


def test_a_killed_parent_takes_its_parser_with_it(tmp_path: Path):
    script = _script(tmp_path, """
        import sys, time
        from coding.coder import code_documents
        from coding.document import Document
        from coding import parser_process
        docs = [Document(doc_id=str(i), text="Police fired tear gas at protesters in Nairobi.") for i in range(20)]
        list(code_documents(docs, batch_size=4, parse_ahead="process"))
        print(*parser_process.current_pids(), flush=True)
        time.sleep(120)
    """)
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=_env())
    try:
        child_pids = [int(pid) for pid in parent.stdout.readline().split()]
    finally:
        parent.kill()
        parent.wait()
    assert child_pids and all(_gone(pid) for pid in child_pids)  # each child sees its parent gone and ends


def test_an_interrupted_parent_leaves_no_parser(tmp_path: Path):
    script = _script(tmp_path, """
        from coding.coder import code_documents
        from coding.document import Document
        from coding import parser_process
        docs = [Document(doc_id=str(i), text="Police fired tear gas at protesters in Nairobi.") for i in range(100000)]
        for i, row in enumerate(code_documents(docs, batch_size=4, parse_ahead="process")):
            if i == 100:
                print(*parser_process.current_pids(), flush=True)
    """)
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=_env())
    try:
        child_pids = [int(pid) for pid in parent.stdout.readline().split()]
        parent.send_signal(signal.SIGINT)
        _out, err = parent.communicate(timeout=60)
    finally:
        parent.kill()
    assert "KeyboardInterrupt" in err
    assert child_pids and all(_gone(pid) for pid in child_pids)


def test_a_script_without_a_main_guard_is_not_run_again_by_its_parser(tmp_path: Path):
    runs = tmp_path / "runs.txt"
    script = _script(tmp_path, f"""
        from coding.coder import code_documents
        from coding.document import Document
        with open({str(runs)!r}, "a") as fh:
            fh.write("ran\\n")
        docs = [Document(doc_id="a", text="Police fired tear gas at protesters in Nairobi.")]
        rows = list(code_documents(docs * 10, batch_size=2, parse_ahead="process"))
        print(len(rows))
    """)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=_env(), timeout=300)
    assert out.returncode == 0, out.stderr
    assert runs.read_text().splitlines() == ["ran"]
    assert "parsing in this process" not in out.stderr


def _code_in_daemon(queue) -> None:
    docs = STORIES
    queue.put((parser_process.available(),
               list(code_documents(docs, batch_size=2, parse_ahead="process")) == list(
                   code_documents(docs, batch_size=2, parse_ahead="off"))))


def test_a_daemonic_process_parses_itself():
    """A Dask worker is daemonic and may not start a child: the stream falls back, with the same rows."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_code_in_daemon, args=(queue,), daemon=True)
    proc.start()
    try:
        available, same = queue.get(timeout=300)
    finally:
        proc.join(60)
    assert available is False and same is True


def test_a_stream_of_one_batch_starts_no_child(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(parser_process.PARSERS_VAR, "2")
    parser_process.shutdown()
    rows = list(code_documents(STORIES[:2], batch_size=2, parse_ahead="process"))
    assert rows == list(code_documents(STORIES[:2], batch_size=2, parse_ahead="off"))
    assert parser_process.current_pid() is None and not _parser_children()


def test_a_longer_stream_starts_its_parsers_and_parses_here_until_they_are_ready(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(parser_process.PARSERS_VAR, "2")
    parser_process.shutdown()
    docs = [d for d in read_documents([ROOT / "seeds"]) if isinstance(d, Document)] + STORIES * 6
    try:
        rows = list(code_documents(docs, batch_size=2, parse_ahead="process"))
        plain = list(code_documents(docs, batch_size=2, parse_ahead="off"))
        assert rows == plain
        assert len(parser_process.current_pids()) == 2
        for server in parser_process._running():
            server.poll_ready(block=True)
        # both ready now: the batches go to one and the other, and come back in input order
        assert list(code_documents(docs, batch_size=2, parse_ahead="process")) == plain
    finally:
        parser_process.shutdown()
    assert not _parser_children()


def test_one_parser_per_cpu_but_the_coders_at_most_four_unless_set(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(parser_process.PARSERS_VAR, raising=False)
    assert [parser_process.parser_count(n) for n in (1, 2, 3, 8)] == [1, 1, 2, 4]
    monkeypatch.setenv(parser_process.PARSERS_VAR, "3")
    assert parser_process.parser_count(2) == 3


def test_ctrl_c_to_the_process_group_is_left_to_the_parent(child):
    """A terminal's Ctrl-C reaches the children too: they leave the ending to their parent."""
    os.kill(child.pid, signal.SIGINT)
    rows = list(code_documents(STORIES, batch_size=2, parse_ahead="process"))
    assert rows and parser_process.current_pid() == child.pid


def _abandon_a_stream_in_a_pool_worker() -> list[int]:
    docs = STORIES * 40
    stream = code_documents(docs, batch_size=2, parse_ahead="process")
    for _ in range(30):  # the children are started and have batches queued when the stream is dropped
        next(stream)
    stream.close()
    return parser_process.current_pids()


def test_a_pool_worker_ends_its_parsers_when_the_pool_shuts_down():
    """A process pool's worker ends without atexit: its children still end, and it does not hang."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pids = pool.submit(_abandon_a_stream_in_a_pool_worker).result(timeout=300)
    assert pids and all(_gone(pid) for pid in pids)
