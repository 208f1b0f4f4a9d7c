"""The eventcoder Prefect flow: read -> code -> validate -> write -> report.

Thin wiring of library functions (``coding.ingest``, ``coding.coder``,
``schemas.validation``, ``coding.store``) through the tasks in ``flows.tasks``.
``eventcoder run`` calls :func:`run_flow`; with no Prefect server configured, Prefect
starts a temporary local one for the run.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.futures import as_completed

from coding import timing
from coding import parser_process
from coding.ahead import PROCESS, parse_ahead_mode, usable_cpus
from coding.errors import ErrorCode, InputError
from coding.manifest import manifest_path, run_manifest, write_manifest
from coding.store import new_run_id, plan_documents, prepare_rows
from flows.batches import cache_root, chunk_size_for, chunked, clear_cache, code_batch, read_shards
from flows.observe import RunProgress, publish_events_table
from flows.runners import default_workers, make_task_runner
from flows.tasks import StagedWrite, publish_report, read_inputs, report, summarise, validate, write_outputs
from schemas.quality import load_quality
from schemas.validation import prepare


@flow(name="eventcoder", persist_result=False)
def eventcoder_flow(inputs: list[str], output_dir: str = "output", batch_size: int = 64,
                    chunk_size: int | None = None, workers: int = 1, mirror: bool = False) -> dict[str, Any]:
    """Code ``inputs`` into ``output_dir``; return the run summary (also in reports/summary.md).

    ``chunk_size`` documents per task (default: chosen from the document count and ``workers``,
    the number of workers of the task runner). ``mirror``: the inputs are the whole dataset,
    so the rows of stored documents they no longer hold are dropped (``eventcoder serve --mirror``).
    """
    logger = get_run_logger()
    out = Path(output_dir)
    run_id = new_run_id()
    logger.info("run %s: %d inputs -> %s", run_id, len(inputs), out)
    stages: dict[str, float] = {}

    t = time.perf_counter()
    documents, rejected = read_inputs(inputs)
    stages["read"] = time.perf_counter() - t
    if not documents and not rejected:
        raise InputError(ErrorCode.E401_NO_INPUT, f"no documents found in {', '.join(inputs) or 'the inputs'}")
    plan = plan_documents(documents, out, mirror=mirror)  # documents already stored, unchanged, are not parsed again
    documents = plan.to_code
    logger.info("documents: %s", plan.counts())
    # A worker per core leaves no core for a parser process: then each worker parses in turn.
    parse_ahead = None if workers < usable_cpus() else False
    start_parser(len(documents), batch_size, parse_ahead)
    prepare_validation(out / "reports", len(documents))  # GX and the suite get ready while batches are coded

    t = time.perf_counter()
    table, batch_stages, batches = code_all(documents, out, batch_size,
                                            chunk_size or chunk_size_for(len(documents), workers), parse_ahead)
    stages["code (wall)"] = time.perf_counter() - t
    timing.merge(stages, batch_stages)

    t = time.perf_counter()
    table = prepare_rows(table, documents)  # content hashes and dedup clusters, checked by the suite
    staging = StagedWrite(table, out, run_id, documents, plan.removed)  # the dataset's files, while GX runs
    try:
        outcome = validate(table, out / "reports", run_id, len(documents), docs_in_background=True)
        stages["validate"] = time.perf_counter() - t
        t = time.perf_counter()
        outputs = write_outputs(outcome, documents, rejected, out, run_id, plan.removed,
                                staging)  # while the Data Docs build
        stages["write"] = time.perf_counter() - t
    finally:
        staging.close()
    if staging.seconds is not None:
        stages["write, staged while validating"] = staging.seconds
    t = time.perf_counter()
    outcome.wait_for_docs()
    stages["data docs (after the write)"] = time.perf_counter() - t
    clear_cache(out)  # the dataset now holds every batch's rows
    publish_events_table(outcome.passed)

    summary_path = out / "reports" / "summary.md"
    report_path = out / "reports" / "index.html"
    outputs.update(data_docs=None if outcome.data_docs_index is None else str(outcome.data_docs_index),
                   summary=str(summary_path), manifest=str(manifest_path(out, run_id)), report=str(report_path))
    summary = summarise(run_id, documents, rejected, table.num_rows, outcome, outputs, plan)
    report(summary, summary_path)
    summary["stage_seconds"] = {k: round(v, 3) for k, v in stages.items()}
    write_manifest(run_manifest(summary, inputs), out)  # beside the data: inputs, counts, timings, validation
    publish_report(outcome, summary, report_path)  # the page analysts open: charts, map, quality results
    summary["batches"] = batches
    logger.info("run %s: %d documents, %d rejected, %d rows (%d written, %d quarantined)", run_id,
                summary["documents"], len(rejected), summary["rows"], summary["rows_passed"],
                summary["rows_quarantined"])
    return summary


def prepare_validation(reports_dir: Path, documents: int) -> threading.Thread:
    """Build this run's GX checkpoint in a background thread (``schemas.validation.prepare``).

    The row count is not known yet; the document count stands in for it (it only decides
    whether the share floors apply). A failure here is left for the validation step to report.
    """
    def build() -> None:
        try:
            prepare(reports_dir, load_quality(), documents, documents)
        except Exception:  # noqa: BLE001 - the validate task builds it again and raises there
            pass

    thread = threading.Thread(target=build, name="eventcoder-prepare-validation", daemon=True)
    thread.start()
    return thread


def start_parser(documents: int, batch_size: int, parse_ahead: bool | None) -> bool:
    """Start this process's parser children now, so they load the model while the flow gets ready.

    Only where the batches are coded in this process (the threads task runner), with more
    than two parse batches to code and the parse ahead in a process (``coding.ahead``).
    """
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    context = FlowRunContext.get()
    if context is None or not isinstance(context.task_runner, ThreadPoolTaskRunner):
        return False
    if documents <= 2 * batch_size or parse_ahead_mode(parse_ahead) != PROCESS:
        return False
    return bool(parser_process.start())


def code_all(documents: list, out: Path, batch_size: int, chunk_size: int,
             parse_ahead: bool | None = None) -> tuple[pa.Table, dict[str, float], dict[str, Any]]:
    """Submit one task per batch to the flow's task runner; read their shards back in batch order.

    Batches finished by an earlier, failed run of the same output folder come back from the
    cache. A cached record whose shard is gone is coded again (E412 otherwise).
    """
    logger = get_run_logger()
    cache = cache_root(out)
    # A Path (not a str, which would name a saved block) is local result storage; shards and
    # cached records live in the output folder, so a retried run of that folder finds them.
    coder = code_batch.with_options(result_storage=(cache / "results").resolve())
    shard_dir = str((cache / "shards").resolve())
    chunks = chunked(documents, chunk_size)
    progress = RunProgress(len(documents))
    futures = [coder.submit(chunk, batch_size, shard_dir, parse_ahead) for chunk in chunks]
    index = {f.task_run_id: i for i, f in enumerate(futures)}
    records: list[dict[str, Any] | None] = [None] * len(chunks)
    cached = 0
    for future in as_completed(futures):
        record = future.result()
        i = index[future.task_run_id]
        if future.state.name == "Cached":
            cached += 1
            if not Path(record["shard"]).is_file():
                record = coder.with_options(refresh_cache=True)(chunks[i], batch_size, shard_dir, parse_ahead)
        records[i] = record
        progress.advance(record["documents"], record["rows"])
        logger.info("batch %d/%d done: %d documents, %d rows (%d/%d documents)", i + 1, len(chunks),
                    record["documents"], record["rows"], progress.done, progress.total)
    if cached:
        logger.info("%d of %d batches came from the cache of an earlier run", cached, len(chunks))
    stages: dict[str, float] = {}
    for record in records:
        timing.merge(stages, record.get("stages") or {})
    pids = sorted({r["pid"] for r in records})
    logger.info("%d batches on %d worker process(es)", len(chunks), len(pids))
    return read_shards(records), stages, {"total": len(chunks), "cached": cached, "worker_pids": pids}


def run_flow(inputs: Iterable[str | Path], output_dir: str | Path = "output", batch_size: int = 64,
             task_runner: str = "threads", workers: int | None = None, dask_address: str | None = None,
             chunk_size: int | None = None, mirror: bool = False) -> dict[str, Any]:
    """Run the flow on the chosen task runner and return its summary (``eventcoder run``)."""
    n = workers or default_workers(task_runner)
    runner = make_task_runner(task_runner, n, dask_address)
    configured = eventcoder_flow.with_options(task_runner=runner)
    return configured([str(p) for p in inputs], str(output_dir), int(batch_size), chunk_size, n, mirror)
