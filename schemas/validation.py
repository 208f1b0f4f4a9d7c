"""Validate event rows against the contract's GX suite and split them into passed / failed.

Row-level expectations (not-null, in-set, between, regex) put the offending rows in
``failed`` with a ``failed_expectations`` column naming what they broke; table-level
expectations (column exists, uniqueness) cannot blame a single row, so they are reported
in ``table_failures`` and leave the rows where they are. Great Expectations is imported
inside :func:`validate_rows` only: the library path must not pay its import cost.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa

from schemas.expectations import all_specs, build_suite, describe, is_row_level
from schemas.quality import QualityConfig, derived_columns

FAILED_COLUMN = "failed_expectations"
DATA_DOCS_DIR = "data_docs"
RESULTS_DIR = "validations"  # GX validation results of every run, so the Data Docs index keeps the history
SUITE_NAME = "events"
MAX_IDS = 50  # blamed row ids kept per expectation for the report


@dataclass
class ValidationOutcome:
    """What the validation step hands to the writer and the run summary."""

    passed: pa.Table
    failed: pa.Table
    success: bool
    statistics: dict[str, Any] = field(default_factory=dict)
    table_failures: list[str] = field(default_factory=list)
    data_docs_index: Path | None = None
    # One entry per expectation: label, level ('row' or 'table'), success, unexpected count,
    # observed value and the ids of the rows it blamed (for the run report).
    expectations: list[dict[str, Any]] = field(default_factory=list)
    # The Data Docs still being built (``validate_rows(docs_in_background=True)``).
    docs_build: "_DocsBuild | None" = field(default=None, repr=False, compare=False)

    def wait_for_docs(self) -> Path | None:
        """Wait for the Data Docs built in the background (raising what stopped them); their index."""
        build, self.docs_build = self.docs_build, None
        if build is not None:
            self.data_docs_index = build.wait()
        return self.data_docs_index


class _DocsBuild(threading.Thread):
    """Build this run's Data Docs pages and index (GX's UpdateDataDocsAction, called directly)."""

    def __init__(self, context: Any, result_id: Any, suite_name: str, reports_dir: Path) -> None:
        super().__init__(name="eventcoder-data-docs", daemon=True)
        self.context, self.result_id, self.suite_name, self.reports_dir = context, result_id, suite_name, reports_dir
        self.error: BaseException | None = None

    def run(self) -> None:
        from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

        try:
            with _RUN_LOCK:  # the next validation in this process waits for these pages
                self.context.build_data_docs(resource_identifiers=[
                    self.result_id, ExpectationSuiteIdentifier(name=self.suite_name)], build_index=True)
        except BaseException as exc:  # noqa: BLE001 - raised by wait()
            self.error = exc

    def wait(self) -> Path | None:
        self.join()
        if self.error is not None:
            raise self.error
        index = Path(self.reports_dir) / DATA_DOCS_DIR / "index.html"
        return index if index.is_file() else None


def _context(reports_dir: Path | None):
    """An in-memory GX context whose only Data Docs site (if any) is ``reports_dir/data_docs``.

    Ephemeral rather than file-based so that no ``gx/`` project folder or stale datasource
    names survive between runs; the default temporary docs site is not created at all. Only
    the validation results are kept on disk (``reports_dir/validations``), so the Data Docs
    index lists every earlier run next to the new one.
    """
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    sites: dict[str, Any] = {}
    if reports_dir is not None:
        sites["eventcoder"] = {
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(Path(reports_dir).resolve() / DATA_DOCS_DIR),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
    defaults = InMemoryStoreBackendDefaults(init_temp_docs_sites=False)
    if reports_dir is not None:
        defaults.stores[defaults.validation_results_store_name]["store_backend"] = {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(Path(reports_dir).resolve() / RESULTS_DIR),
        }
    config = DataContextConfig(
        store_backend_defaults=defaults,
        data_docs_sites=sites,
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _raised(result: Any) -> str | None:
    """The exception message of an expectation that could not be evaluated, else None."""
    info = result.exception_info or {}
    candidates = [info] + [v for v in info.values() if isinstance(v, dict)]
    for item in candidates:
        if item.get("raised_exception"):
            return str(item.get("exception_message") or "error")
    return None


def _table_failure(label: str, result: dict[str, Any]) -> str:
    """``label: what was seen`` for a failed table-level expectation."""
    if result.get("observed_value") is not None:
        return f"{label}: observed {result['observed_value']}"
    count = result.get("unexpected_count")
    if count is None:
        return label
    percent = result.get("unexpected_percent")
    return f"{label}: {count} rows" + ("" if percent is None else f" ({percent:.1f}% unexpected)")


def _expectation_entry(label: str, row_level: bool, res: Any, error: str | None,
                       event_ids: list[str]) -> dict[str, Any]:
    """One expectation's outcome as plain values; the blamed rows by ``event_id`` (at most MAX_IDS)."""
    result = res.result or {}
    indices = result.get("unexpected_index_list") or []
    ids = [event_ids[int(i)] for i in indices
           if not isinstance(i, (dict, str, bool)) and 0 <= int(i) < len(event_ids)]  # dicts: multi-column
    observed = result.get("observed_value")
    return {
        "expectation": label,
        "level": "row" if row_level else "table",
        "success": bool(res.success) and error is None,
        "unexpected_count": result.get("unexpected_count"),
        "observed": None if observed is None else str(observed),
        "error": error,
        "failing_ids": sorted(set(ids))[:MAX_IDS],
        "failing_total": len(set(ids)),
    }


_LOCK = threading.Lock()
_RUN_LOCK = threading.Lock()
_CHECKPOINTS: dict[tuple[str, str], tuple[Any, Any]] = {}  # (reports dir, suite specs) -> (GX checkpoint, context)
MAX_CHECKPOINTS = 4


def prepare(reports_dir: Path | None, quality: QualityConfig | None = None, documents: int | None = None,
            rows: int | None = None) -> Any:
    """The GX checkpoint validating against the suite for these settings, built once per process.

    Its context, data source, suite and validation definition are kept for later runs with the
    same Data Docs folder and the same expectations (``serve`` runs, the benchmark). The flow
    calls this from a background thread while batches are coded, so the first validation of a
    run does not wait for Great Expectations to import and assemble the suite.
    """
    return _prepared(reports_dir, quality, documents, rows)[0]


def _prepared(reports_dir: Path | None, quality: QualityConfig | None, documents: int | None,
              rows: int | None) -> tuple[Any, Any]:
    """(checkpoint, its GX context) for these settings, built once per process (see :func:`prepare`)."""
    key = (str(Path(reports_dir).resolve()) if reports_dir is not None else "",
           repr(all_specs(quality, documents, rows)))
    with _LOCK:
        prepared = _CHECKPOINTS.get(key)
        if prepared is None:
            prepared = _build_checkpoint(reports_dir, quality, documents, rows)
            while len(_CHECKPOINTS) >= MAX_CHECKPOINTS:
                _CHECKPOINTS.pop(next(iter(_CHECKPOINTS)))
            _CHECKPOINTS[key] = prepared
    return prepared


def _build_checkpoint(reports_dir: Path | None, quality: QualityConfig | None, documents: int | None,
                      rows: int | None) -> tuple[Any, Any]:
    """The checkpoint has no actions: :func:`validate_rows` builds the Data Docs itself, as GX's
    UpdateDataDocsAction does, so that it can do so while the flow writes the dataset."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx

    ctx = _context(reports_dir)
    batch_def = (ctx.data_sources.add_pandas("eventcoder")
                 .add_dataframe_asset("events")
                 .add_batch_definition_whole_dataframe("all_rows"))
    suite = ctx.suites.add(build_suite(SUITE_NAME, quality, documents, rows))
    vdef = ctx.validation_definitions.add(gx.ValidationDefinition(name="events", data=batch_def, suite=suite))
    checkpoint = ctx.checkpoints.add(gx.Checkpoint(
        name="events", validation_definitions=[vdef], actions=[],
        result_format={"result_format": "COMPLETE"},
    ))
    return checkpoint, ctx


def validate_rows(table: pa.Table, reports_dir: Path | None, run_name: str,
                  quality: QualityConfig | None = None, documents: int | None = None,
                  docs_in_background: bool = False) -> ValidationOutcome:
    """Run the suite over ``table``; build Data Docs under ``reports_dir`` when given.

    ``quality`` sets the table-level gates (defaults when None); ``documents`` is the number
    of documents coded into ``table``, which sets the allowed row count (unchecked when None).
    ``docs_in_background``: return as soon as the rows are split and build the Data Docs in a
    thread (the flow writes the dataset meanwhile); ``ValidationOutcome.wait_for_docs`` joins it.
    """
    from great_expectations.core.run_identifier import RunIdentifier

    checkpoint, context = _prepared(reports_dir, quality, documents, table.num_rows)
    frame = table.to_pandas().reset_index(drop=True)  # positional index: unexpected indices are row numbers
    for name, values in derived_columns(table).items():  # validation-only columns of the quality gates
        frame[name] = values.to_pandas() if hasattr(values, "to_pandas") else list(values)
    run_id = RunIdentifier(run_name=run_name, run_time=datetime.now(timezone.utc))
    with warnings.catch_warnings():
        # pandas warns for every regex with a capture group (the country pattern has one).
        warnings.filterwarnings("ignore", message="This pattern is interpreted as a regular expression",
                                category=UserWarning)
        with _RUN_LOCK:  # one run at a time through the shared GX objects
            result = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=run_id)
    ((result_id, vresult),) = result.run_results.items()
    docs = None
    if reports_dir is not None:
        docs = _DocsBuild(context, result_id, vresult.suite_name, Path(reports_dir))
        docs.start()

    failures: dict[int, list[str]] = defaultdict(list)
    table_failures: list[str] = []
    expectations: list[dict[str, Any]] = []
    event_ids = table.column("event_id").to_pylist() if "event_id" in table.column_names else []
    for res in vresult.results:
        label = describe(res.expectation_config.type, res.expectation_config.kwargs)
        row_level = is_row_level(res.expectation_config.type, res.expectation_config.kwargs)
        error = _raised(res)
        expectations.append(_expectation_entry(label, row_level, res, error, event_ids))
        if error is not None:
            table_failures.append(f"{label}: could not be evaluated: {error}")
        elif res.success:
            continue
        elif row_level and res.result.get("unexpected_index_list"):
            for index in res.result["unexpected_index_list"]:
                failures[int(index)].append(label)
        else:
            table_failures.append(_table_failure(label, res.result))

    failed_idx = sorted(failures)
    failed_set = set(failed_idx)
    passed_idx = [i for i in range(table.num_rows) if i not in failed_set]
    failed = table.take(pa.array(failed_idx, pa.int64())).append_column(
        pa.field(FAILED_COLUMN, pa.string(), nullable=False,
                 metadata={"description": "Expectations the row failed, separated by '; '."}),
        pa.array(["; ".join(failures[i]) for i in failed_idx], pa.string()),
    )
    stats = dict(vresult.statistics)
    stats.update(rows=table.num_rows, rows_passed=len(passed_idx), rows_failed=len(failed_idx))
    outcome = ValidationOutcome(
        passed=table.take(pa.array(passed_idx, pa.int64())),
        failed=failed,
        success=bool(vresult.success),
        statistics=stats,
        table_failures=table_failures,
        expectations=expectations,
        docs_build=docs,
    )
    if not docs_in_background:
        outcome.wait_for_docs()
    return outcome


def validation_results(outcome: ValidationOutcome, limit: int = 200) -> dict[str, Any]:
    """The outcome as plain values for the run report: every expectation, and the quarantined rows' ids.

    ``limit`` quarantined rows are listed (all are counted); their ``event_id`` finds them in
    ``quarantine/``.
    """
    stats = outcome.statistics
    failed = outcome.failed
    cols = [c for c in ("event_id", "doc_id", FAILED_COLUMN) if c in failed.column_names]
    quarantined = failed.select(cols).slice(0, limit).to_pylist() if failed.num_rows else []
    return {
        "success": outcome.success,
        "evaluated": int(stats.get("evaluated_expectations", len(outcome.expectations))),
        "successful": int(stats.get("successful_expectations", sum(e["success"] for e in outcome.expectations))),
        "expectations": [dict(e) for e in outcome.expectations],
        "table_failures": list(outcome.table_failures),
        "quarantined": quarantined,
        "quarantined_total": failed.num_rows,
    }
