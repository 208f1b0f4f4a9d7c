"""The dataset staged while the rows are validated (flows.tasks.StagedWrite): the dataset ends up
holding exactly the rows that passed, never a half-written or extra version."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from coding.store import VERSIONS_DIR, stage_dataset, write_dataset
from flows.tasks import StagedWrite
from tests.store.test_store import sample


def stored_ids(out: Path) -> list[tuple[str, int]]:
    return duckdb.sql(f"select doc_id, sentence_index from read_parquet('{out}/events/**/*.parquet', "
                      "hive_partitioning=true) order by all").fetchall()


def versions(out: Path) -> list[str]:
    return sorted(p.name for p in (out / VERSIONS_DIR).iterdir())


def test_every_row_passed_commits_the_staged_version(tmp_path: Path):
    table = sample()
    staging = StagedWrite(table, tmp_path, "run-1", [])
    staged = staging.take(table.take(pa.array(range(table.num_rows))))  # as validate_rows hands it on
    assert staged is not None and not (tmp_path / "events").exists()  # not visible before the commit
    files = staged.commit()
    staging.close()
    assert files and all(f.is_file() for f in files)
    assert stored_ids(tmp_path) == sorted((r["doc_id"], r["sentence_index"]) for r in table.to_pylist())
    assert len(versions(tmp_path)) == 1


def test_a_failed_row_discards_the_staged_version_and_only_passed_rows_are_written(tmp_path: Path):
    table = sample()
    write_dataset(table.slice(0, 1), tmp_path, run_id="earlier")
    before = versions(tmp_path)
    passed = table.slice(1)  # the first row failed validation
    staging = StagedWrite(table, tmp_path, "run-2", [])
    assert staging.take(passed) is None
    assert versions(tmp_path) == before  # the staged version is gone, the dataset untouched
    write_dataset(passed, tmp_path, run_id="run-2")  # the writer lock was released
    # doc-a's rows are replaced by its passed row: the failed one is not stored
    assert stored_ids(tmp_path) == sorted((r["doc_id"], r["sentence_index"]) for r in passed.to_pylist())
    assert not any(name.startswith(".building-") for name in versions(tmp_path))


def test_a_run_that_fails_before_its_write_leaves_the_dataset_as_it_was(tmp_path: Path):
    table = sample()
    write_dataset(table.slice(0, 2), tmp_path, run_id="earlier")
    before = (stored_ids(tmp_path), versions(tmp_path))
    StagedWrite(table, tmp_path, "run-3", []).close()  # validation raised: nobody took it
    assert (stored_ids(tmp_path), versions(tmp_path)) == before
    stage_dataset(table, tmp_path, "run-4").commit()  # and the lock is free for the next writer
    assert len(stored_ids(tmp_path)) == table.num_rows
