"""Batches of documents as the unit of work: a cached Prefect task that writes a Parquet shard.

A worker (thread, process or Dask worker) codes one batch and writes its rows to
``<output>/.flow-cache/shards/<key>.parquet``; the flow reads the shards back and commits
them to the dataset in one atomic write (``coding.store.write_dataset``). Only the small
shard record is returned through Prefect, never the rows.

The task's cache key is the batch's document hashes (id, text hash and metadata) plus the
coder fingerprint (version, lexicons, code tables). Its result (the shard record) is
persisted under ``<output>/.flow-cache/results/``, so a flow that failed after coding some
batches (a write error, a killed worker) and is run again does not recode them. The whole
``.flow-cache`` folder is removed once the dataset is committed.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
from pathlib import Path
from typing import Any, Sequence

import pyarrow as pa
import pyarrow.parquet as pq
from prefect import get_run_logger, task

from coding import timing
from coding.fingerprint import coder_fingerprint
from coding.coder import code_documents
from coding.document import Document
from coding.errors import ErrorCode, EventCoderError
from schemas.events import arrow_schema, empty_table, to_table

CACHE_DIR = ".flow-cache"
MIN_CHUNK = 200  # documents per task at least: ~2 s of parsing, so Prefect's per-task overhead stays small
MAX_CHUNK = 1000  # and at most: a failed run recodes no more than this, and progress moves every ~10 s
TASKS_PER_WORKER = 2  # batches per worker: one can be read back while the next is coded
DEFAULT_CHUNK = MIN_CHUNK


def batch_key(documents: Sequence[Document]) -> str:
    """Stable key of one batch: coder fingerprint plus each document's id, text hash and metadata."""
    digest = hashlib.sha256(coder_fingerprint().encode())
    for d in documents:
        meta = (d.doc_id, d.content_hash, d.doc_date, d.source, d.title, d.url, d.dateline_place)
        digest.update(repr(meta).encode("utf-8"))
    return digest.hexdigest()[:32]


def cache_key(_context: Any, parameters: dict[str, Any]) -> str:
    """Prefect cache key of ``code_batch`` (batch size does not change the rows, so it is left out)."""
    return f"eventcoder-batch-{batch_key(parameters['documents'])}"


def chunked(documents: Sequence[Document], size: int = DEFAULT_CHUNK) -> list[list[Document]]:
    """Split documents into batches of at most ``size``, in input order (deterministic keys)."""
    size = max(1, int(size))
    return [list(documents[i:i + size]) for i in range(0, len(documents), size)]


def chunk_size_for(n_docs: int, workers: int) -> int:
    """Documents per task, from the input size: about ``TASKS_PER_WORKER`` tasks per worker.

    One worker: between MIN_CHUNK and MAX_CHUNK, so a small input is one or two tasks and a
    large one is not one task per document. Several: no lower bound, so every worker gets a
    batch even from a small input.
    """
    if n_docs == 0:
        return MIN_CHUNK
    per_task = math.ceil(n_docs / (TASKS_PER_WORKER * max(1, workers)))
    if workers <= 1:
        return max(MIN_CHUNK, min(MAX_CHUNK, per_task))
    return max(1, min(MAX_CHUNK, per_task))


def cache_root(output_dir: str | Path) -> Path:
    return Path(output_dir) / CACHE_DIR


def _write_shard(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.partial")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)  # a shard is either complete or absent


@task(name="code documents", cache_key_fn=cache_key, persist_result=True, retries=0)
def code_batch(documents: list[Document], batch_size: int, shard_dir: str,
               parse_ahead: bool | None = None) -> dict[str, Any]:
    """Code one batch and write its shard; no retries: re-parsing the same text fails the same way.

    ``parse_ahead`` as in ``code_documents`` (the flow turns it off when every core has a worker).
    """
    before = timing.snapshot() if timing.ENABLED else {}
    rows = code_documents(documents, batch_size=batch_size, parse_ahead=parse_ahead)
    table = to_table(rows) if documents else empty_table()
    path = Path(shard_dir) / f"{batch_key(documents)}.parquet"
    with timing.stage("shard"):
        _write_shard(table, path)
    stages = {k: v - before.get(k, 0.0) for k, v in timing.snapshot().items()} if timing.ENABLED else {}
    get_run_logger().info("coded %d documents into %d event rows (shard %s)", len(documents), table.num_rows, path.name)
    return {"shard": str(path), "documents": len(documents), "rows": table.num_rows, "pid": os.getpid(),
            "stages": stages}


def read_shards(records: Sequence[dict[str, Any]]) -> pa.Table:
    """The rows of all shards, in batch order; E412 if a shard has gone missing."""
    tables = []
    for record in records:
        path = Path(record["shard"])
        if not path.is_file():
            raise EventCoderError(ErrorCode.E412_SHARD_MISSING, f"shard {path} of a coded batch is missing")
        tables.append(pq.read_table(path).cast(arrow_schema()))
    return pa.concat_tables(tables) if tables else empty_table()


def clear_cache(output_dir: str | Path) -> None:
    """Remove shards and cached batch results once the dataset holds their rows."""
    shutil.rmtree(cache_root(output_dir), ignore_errors=True)
