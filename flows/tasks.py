"""Prefect tasks of the eventcoder flow: each one calls a library function and logs counts.

No coding, validation or storage logic lives here; it is in ``coding`` and ``schemas``.
These tasks neither cache nor persist results: their inputs are large in-memory tables and
documents, and re-running a flow is already idempotent at the store. The coding task, the
one worth caching, is in ``flows.batches``.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from coding.document import Document, Rejected
from coding.ingest import read_documents
from coding.store import (DocumentPlan, StagedDataset, dataset_stats, rejected_record, stage_dataset, write_dataset,
                          write_quarantine, write_rejected)
from schemas.quality import load_quality
from schemas.summary import build_summary, render_summary
from schemas.validation import ValidationOutcome, validate_rows, validation_results

ARTIFACT_KEY = "eventcoder-summary"
REPORT_ARTIFACT_KEY = "eventcoder-report"
_OPTS: dict[str, Any] = {"cache_policy": NO_CACHE, "persist_result": False}


def _io_error(_task: Any, _run: Any, state: Any) -> bool:
    """Retry only what retrying can fix: OS-level I/O errors (a busy disk, a network share)."""
    try:
        state.result()
    except OSError:
        return True
    except BaseException:
        return False
    return False


# I/O steps: three retries with exponential backoff (1, 2, 4 s, jittered); parsing has none.
_IO_RETRIES: dict[str, Any] = {"retries": 3, "retry_delay_seconds": exponential_backoff(backoff_factor=1),
                               "retry_jitter_factor": 0.5, "retry_condition_fn": _io_error}


@task(name="read inputs", **_OPTS, **_IO_RETRIES)
def read_inputs(inputs: list[str]) -> tuple[list[Document], list[Rejected]]:
    """Documents to code, and the inputs rejected on the way (kept for the report)."""
    documents: list[Document] = []
    rejected: list[Rejected] = []
    for item in read_documents(inputs):
        (rejected if isinstance(item, Rejected) else documents).append(item)
    logger = get_run_logger()
    logger.info("read %d documents, rejected %d inputs", len(documents), len(rejected))
    for item in rejected:
        logger.warning("rejected %s: [%s] %s", item.source, item.code.value, item.reason)
    return documents, rejected


@task(name="validate rows", **_OPTS)
def validate(table: pa.Table, reports_dir: Path, run_id: str, documents: int | None = None,
             docs_in_background: bool = False) -> ValidationOutcome:
    """The GX suite and the quality gates (``$EVENTCODER_QUALITY``); ``documents`` coded sets the row range.

    ``docs_in_background``: the Data Docs are built while the caller goes on (the flow writes
    the dataset); it calls ``outcome.wait_for_docs()`` before it needs them.
    """
    outcome = validate_rows(table, reports_dir, run_id, load_quality(), documents, docs_in_background)
    logger = get_run_logger()
    logger.info("validation %s: %d rows passed, %d quarantined",
                "passed" if outcome.success else "failed", outcome.passed.num_rows, outcome.failed.num_rows)
    for failure in outcome.table_failures:
        logger.warning("table-level expectation failed: %s", failure)
    return outcome


class StagedWrite(threading.Thread):
    """The new dataset version built with every row of the run (``coding.store.stage_dataset``) in a
    thread, while Great Expectations validates the same rows.

    Rows normally all pass: then the writer only swaps the staged version in (:meth:`take`).
    When some rows fail, the staged version is discarded and the passed rows are written as
    before, so the dataset holds exactly the rows that passed either way. The staged version is
    not visible until committed; a crash leaves a ``.building-`` folder the next write removes.
    The writer lock is held from the staging to the commit or discard (:meth:`close`).
    """

    def __init__(self, table: pa.Table, output_dir: Path, run_id: str, documents: list[Document],
                 removed: list[str] | None = None) -> None:
        super().__init__(name="eventcoder-stage-dataset", daemon=True)
        self.table, self.output_dir, self.run_id = table, output_dir, run_id
        self.documents, self.removed = documents, removed
        self.staged: StagedDataset | None = None
        self.error: BaseException | None = None
        self.seconds: float | None = None
        self.start()

    def run(self) -> None:
        started = time.perf_counter()
        try:
            self.staged = stage_dataset(self.table, self.output_dir, self.run_id, self.removed, self.documents)
            self.seconds = time.perf_counter() - started
        except BaseException as exc:  # noqa: BLE001 - the writer then writes the rows itself (and raises there)
            self.error = exc

    def take(self, passed: pa.Table) -> StagedDataset | None:
        """The staged version when ``passed`` is every staged row (no row failed), else None."""
        self.join()
        staged, self.staged = self.staged, None
        if staged is None:
            return None
        if passed.num_rows == self.table.num_rows and passed.equals(self.table):
            return staged
        staged.discard()
        return None

    def close(self) -> None:
        """Discard a staged version nobody took (the run failed before its write)."""
        self.join()
        staged, self.staged = self.staged, None
        if staged is not None:
            staged.discard()


@task(name="write outputs", **_OPTS, **_IO_RETRIES)
def write_outputs(outcome: ValidationOutcome, documents: list[Document], rejected: list[Rejected],
                  output_dir: Path, run_id: str, removed: list[str] | None = None,
                  staging: StagedWrite | None = None) -> dict[str, Any]:
    """Dataset, quarantine and rejected files; every coded document's old rows are replaced,
    and the rows of ``removed`` documents (mirror runs) dropped. ``staging``: the dataset built
    while the rows were validated, committed when every row passed."""
    staged = staging.take(outcome.passed) if staging is not None else None
    if staged is not None:
        files = staged.commit()
    else:
        files = write_dataset(outcome.passed, output_dir, run_id=run_id, documents=documents, replace_docs=removed)
    quarantine = write_quarantine(outcome.failed, output_dir, run_id=run_id)
    rejected_file = write_rejected(rejected, output_dir, run_id=run_id)
    get_run_logger().info("wrote %d partition files under %s", len(files), output_dir / "events")
    return {
        "events": str(output_dir / "events"),
        "partition_files": [str(p) for p in files],
        "quarantine": None if quarantine is None else str(quarantine),
        "rejected": None if rejected_file is None else str(rejected_file),
        "dataset": dataset_stats(output_dir),
    }


@task(name="report", **_OPTS)
def report(summary: dict[str, Any], path: Path) -> str:
    """Write summary.md and publish it as a Prefect markdown artifact."""
    markdown = render_summary(summary)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(markdown, encoding="utf-8")
    tmp.replace(path)
    create_markdown_artifact(markdown=markdown, key=ARTIFACT_KEY, description="eventcoder run summary")
    return markdown


@task(name="run report page", **_OPTS)
def publish_report(outcome: ValidationOutcome, summary: dict[str, Any], path: Path) -> str:
    """Write reports/index.html (charts, map, quality results), make the Data Docs readable offline,
    and publish a link to the page as a Prefect artifact."""
    from reporting.datadocs import make_offline  # Altair and Jinja load here, not at the flow's start-up
    from reporting.page import write_report

    outputs = summary["outputs"]
    if outcome.data_docs_index is not None:
        make_offline(outcome.data_docs_index.parent)
    links = {"Great Expectations Data Docs": outputs.get("data_docs"), "dataset (Parquet)": outputs.get("events"),
             "summary.md": outputs.get("summary"), "run manifest": outputs.get("manifest"),
             "quarantined rows": outputs.get("quarantine"), "rejected inputs": outputs.get("rejected")}
    page = write_report(path, outcome.passed, summary, validation_results(outcome), links)
    uri = page.resolve().as_uri()
    create_link_artifact(link=uri, link_text="run report (charts, map, data quality)", key=REPORT_ARTIFACT_KEY,
                         description=f"eventcoder run report {summary['run_id']}: {page}")
    get_run_logger().info("run report: %s", page)
    return uri


def summarise(run_id: str, documents: list[Document], rejected: list[Rejected], rows: int,
              outcome: ValidationOutcome, outputs: dict[str, Any], plan: DocumentPlan | None = None) -> dict[str, Any]:
    """The run summary (``schemas.summary``); ``documents`` are the coded ones, ``plan`` says what was skipped."""
    read = len(documents) if plan is None else len(documents) + len(plan.unchanged) + len(plan.duplicates)
    return build_summary(run_id, read, documents, [rejected_record(r) for r in rejected], rows, outcome, outputs,
                         None if plan is None else plan.counts(), load_quality().as_dict())
