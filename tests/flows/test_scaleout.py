"""Scale-out and restart: a two-process Dask cluster gives the same rows as one process, and a
run that failed after coding does not recode its batches when run again."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coding.errors import EventCoderError
from flows.batches import CACHE_DIR
from flows.observe import EVENTS_TABLE_KEY, PROGRESS_KEY
from flows.pipeline import run_flow
from flows.runners import make_task_runner

pytestmark = pytest.mark.flow

SEEDS = Path(__file__).parents[2] / "seeds"
STORIES = [
    ("s1", "Russian forces shelled Kharkiv on Saturday, killing three civilians.", "2022-09-10"),
    ("s2", "Police fired tear gas at protesters in Nairobi on Tuesday.", "2024-06-25"),
    ("s3", "The foreign minister of France met his German counterpart in Berlin on Monday.", "2023-01-16"),
    ("s4", "Israel and Hamas agreed to a ceasefire on Friday after talks in Cairo.", "2023-11-24"),
    ("s5", "Gunmen attacked a village in Zamfara state, the army said on Sunday.", "2023-05-14"),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("scaleout-inputs")
    lines = [json.dumps({"id": i, "text": t, "date": d}) for i, t, d in STORIES]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [SEEDS, folder]


def dataset(out: Path) -> pa.Table:
    table = pq.read_table(out / "events")
    return table.sort_by([("event_id", "ascending")])


def documents(inputs: list[Path]) -> list:
    from coding.document import Document
    from coding.ingest import read_documents

    return [d for d in read_documents(inputs) if isinstance(d, Document)]


@pytest.fixture(scope="module")
def resumed(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A single-process run whose write fails after coding, then the same run again."""
    import flows.tasks

    out = tmp_path_factory.mktemp("resumed") / "out"

    def broken_write(*_args, **_kwargs):
        raise RuntimeError("simulated failure after coding")  # not an OSError: no retries

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flows.tasks, "write_dataset", broken_write)
        patch.setattr(flows.tasks, "stage_dataset", broken_write)  # the write staged while validating, too
        with pytest.raises(RuntimeError, match="simulated failure"):
            run_flow(inputs, out, chunk_size=2)
    shards = sorted((out / CACHE_DIR / "shards").glob("*.parquet"))
    events_after_failure = (out / "events").exists()
    summary = run_flow(inputs, out, chunk_size=2)
    return {"out": out, "summary": summary, "shards": shards, "events_after_failure": events_after_failure}


def test_a_failed_run_is_resumed_from_cached_batches(resumed: dict):
    assert len(resumed["shards"]) == 3 and not resumed["events_after_failure"]
    summary, out = resumed["summary"], resumed["out"]
    assert summary["batches"]["total"] == summary["batches"]["cached"] == 3
    assert summary["batches"]["worker_pids"] == [os.getpid()]
    assert summary["rows_passed"] == dataset(out).num_rows > 0
    assert not (out / CACHE_DIR).exists()  # committed: shards and cached results are gone


def test_progress_and_events_artifacts(resumed: dict):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        def latest(key: str):
            return client.read_latest_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))[0]
        progress, table = latest(PROGRESS_KEY), latest(EVENTS_TABLE_KEY)
    assert progress.type == "progress" and float(progress.data) == 100.0
    rows = json.loads(table.data) if isinstance(table.data, str) else table.data
    assert sum(r["events"] for r in rows) == resumed["summary"]["rows_passed"]
    assert {"cameo_root", "acled_event_type", "events"} <= set(rows[0])


def test_dask_two_workers_match_one_process(inputs: list[Path], resumed: dict, tmp_path: Path):
    summary = run_flow(inputs, tmp_path / "dask", batch_size=4, chunk_size=2, task_runner="dask", workers=2)
    assert summary["batches"]["total"] == 3 and summary["batches"]["cached"] == 0  # 6 documents, 2 per batch
    assert os.getpid() not in summary["batches"]["worker_pids"]  # coded in the cluster's worker processes
    one, two = dataset(resumed["out"]), dataset(tmp_path / "dask")
    assert one.num_rows == two.num_rows == summary["rows_passed"] > 0
    assert one.column("event_id").to_pylist() == two.column("event_id").to_pylist()
    assert one.equals(two)  # every column, every value


def test_batch_key_follows_text_metadata_and_coder(inputs: list[Path], monkeypatch):
    import dataclasses

    import flows.batches as batches

    docs = documents(inputs)[:2]
    key = batches.batch_key(docs)
    assert batches.batch_key(list(docs)) == key
    assert batches.batch_key([dataclasses.replace(docs[0], text=docs[0].text + " More.", content_hash=""), docs[1]]) != key
    assert batches.batch_key([dataclasses.replace(docs[0], doc_date=None), docs[1]]) != key
    assert batches.batch_key(docs[::-1]) != key
    monkeypatch.setattr(batches, "coder_fingerprint", lambda: "another-coder")
    assert batches.batch_key(docs) != key


def test_bad_runner_options_have_codes():
    with pytest.raises(EventCoderError, match="E410"):
        make_task_runner("gpu")
    with pytest.raises(EventCoderError, match="E410"):
        make_task_runner("threads", dask_address="tcp://127.0.0.1:8786")
    with pytest.raises(EventCoderError, match="E410"):
        make_task_runner("dask", dask_address="127.0.0.1:8786")


def test_batch_size_follows_the_input_size():
    from flows.batches import MAX_CHUNK, MIN_CHUNK, chunk_size_for, chunked

    # One worker: a small input is one task, a large one a few large tasks, never one per document.
    assert len(chunked(range(150), chunk_size_for(150, 1))) == 1
    assert len(chunked(range(713), chunk_size_for(713, 1))) == 2
    assert chunk_size_for(2000, 1) == MAX_CHUNK == chunk_size_for(50_000, 1)
    assert chunk_size_for(10, 1) == MIN_CHUNK
    # Several workers: each gets at least one batch, even of a small input.
    assert len(chunked(range(5), chunk_size_for(5, 2))) >= 2
    assert len(chunked(range(2000), chunk_size_for(2000, 2))) == 4
