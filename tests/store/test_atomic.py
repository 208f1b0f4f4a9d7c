"""A writer killed (SIGKILL) at any point leaves the old dataset or the new one, never a mix.

The child process writes a 20,000-row dataset update; ``EVENTCODER_STORE_FAULT`` makes it
pause at a chosen step of the write, where the test kills it. Readers (DuckDB over the hive
partitions) must then see exactly the old rows, or exactly the new ones once the swap is done,
and the next write must clean up after the dead one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.compute as pc
import pytest

from coding.store import FAULT_ENV, VERSIONS_DIR, write_dataset
from tests.store.writer_job import new_batch, old_batch, other_batch

ROOT = Path(__file__).resolve().parents[2]


def snapshot(out: Path) -> list[tuple[str, str, int, int]]:
    return duckdb.sql(
        f"select event_id, doc_id, event_year, event_month from "
        f"read_parquet('{out}/events/**/*.parquet', hive_partitioning=true) order by all").fetchall()


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The old dataset (a folder to copy) and the rows before and after a complete write."""
    base = tmp_path_factory.mktemp("atomic")
    old_dir = base / "old"
    write_dataset(old_batch(), old_dir, run_id="old")
    before = snapshot(old_dir)
    done = base / "done"
    subprocess.run(["cp", "-a", str(old_dir), str(done)], check=True)
    write_dataset(new_batch(), done, run_id="new")
    after = snapshot(done)
    return {"old_dir": old_dir, "before": before, "after": after}


def run_writer(out: Path, fault: str | None, batch: str = "new") -> subprocess.Popen:
    env = dict(os.environ)
    env.pop(FAULT_ENV, None)
    if fault:
        env[FAULT_ENV] = fault
    return subprocess.Popen([sys.executable, "-m", "tests.store.writer_job", str(out), batch], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, text=True)


def test_the_update_changes_rows_in_many_partitions(expected):
    before, after = expected["before"], expected["after"]
    assert len(before) == 20_000
    assert before != after
    changed = {(y, m) for *_, y, m in set(before) ^ set(after)}
    assert len(changed) >= 12 and any(y == 2023 for y, _ in changed)  # many partitions, some new


@pytest.mark.parametrize("step, sees_new", [
    ("partition", False),  # killed while writing the new partition files
    ("staged", False),  # every new file and the index written, nothing swapped
    ("linked", False),  # the new link made, not yet swapped in
    ("swapped", True),  # swapped, old version not yet pruned
])
def test_killed_writer_leaves_old_or_new_dataset(expected, tmp_path: Path, step: str, sees_new: bool):
    out = tmp_path / "out"
    subprocess.run(["cp", "-a", str(expected["old_dir"]), str(out)], check=True)
    proc = run_writer(out, f"{step}:pause")
    try:
        line = proc.stdout.readline()
        assert line.strip() == f"PAUSED {step}", line
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
    assert snapshot(out) == (expected["after"] if sees_new else expected["before"])

    # The next writer recovers: leftovers of the dead one are removed, the update lands whole.
    write_dataset(new_batch(), out, run_id="retry")
    assert snapshot(out) == expected["after"]
    leftovers = [p.name for p in (out / VERSIONS_DIR).iterdir() if p.name.startswith(".")]
    assert leftovers == [] and len(list((out / VERSIONS_DIR).iterdir())) <= 2


def test_writer_crashing_by_itself_mid_write(expected, tmp_path: Path):
    out = tmp_path / "out"
    subprocess.run(["cp", "-a", str(expected["old_dir"]), str(out)], check=True)
    proc = run_writer(out, "partition:crash")
    assert proc.wait(timeout=60) == -signal.SIGKILL
    proc.stdout.close()
    assert snapshot(out) == expected["before"]


def test_rows_of_the_update_are_what_the_batch_says(expected):
    after_ids = {row[0] for row in expected["after"]}
    new_ids = set(new_batch().column("event_id").to_pylist())
    old = old_batch()
    recoded = {f"doc-{d}" for d in range(0, 400, 4)}
    kept = old.filter(pc.invert(pc.is_in(old.column("doc_id"), value_set=__import__("pyarrow").array(sorted(recoded)))))
    assert after_ids == new_ids | set(kept.column("event_id").to_pylist())


def test_a_second_writer_waits_for_the_first_and_loses_nothing(expected, tmp_path: Path):
    """Writer A pauses holding the lock; writer B must wait, then land its rows on A's outcome."""
    out = tmp_path / "out"
    subprocess.run(["cp", "-a", str(expected["old_dir"]), str(out)], check=True)
    first = run_writer(out, "staged:pause")
    second = None
    try:
        assert first.stdout.readline().strip() == "PAUSED staged"
        second = run_writer(out, None, batch="other")
        with pytest.raises(subprocess.TimeoutExpired):
            second.wait(timeout=3)  # blocked on the lock, not writing over A's half-done work
        assert snapshot(out) == expected["before"]
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert second.wait(timeout=120) == 0
    finally:
        for proc in (first, second):
            if proc is not None:
                if proc.poll() is None:
                    proc.kill()
                proc.stdout.close()
    other = other_batch()
    want = sorted(expected["before"] + [(e, d, 2022, 6) for e, d in zip(other.column("event_id").to_pylist(),
                                                                          other.column("doc_id").to_pylist())])
    assert snapshot(out) == want
