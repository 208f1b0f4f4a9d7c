"""Validate event rows against the contract's GX suite and split them into passed / failed.

Row-level expectations (not-null, in-set, between, regex) put the offending rows in
``failed`` with a ``failed_expectations`` column naming what they broke; table-level
expectations (column exists, uniqueness) cannot blame a single row, so they are reported
in ``table_failures`` and leave the rows where they are. Great Expectations is imported
inside :func:`validate_rows` only: the library path must not pay its import cost.
"""

from __future__ import annotations

import os
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa

from schemas.expectations import build_suite, describe, is_row_level
from schemas.quality import QualityConfig, derived_columns

FAILED_COLUMN = "failed_expectations"
DATA_DOCS_DIR = "data_docs"
RESULTS_DIR = "validations"  # GX validation results of every run, so the Data Docs index keeps the history
SUITE_NAME = "events"


@dataclass
class ValidationOutcome:
    """What the validation step hands to the writer and the run summary."""

    passed: pa.Table
    failed: pa.Table
    success: bool
    statistics: dict[str, Any] = field(default_factory=dict)
    table_failures: list[str] = field(default_factory=list)
    data_docs_index: Path | None = None


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


def validate_rows(table: pa.Table, reports_dir: Path | None, run_name: str,
                  quality: QualityConfig | None = None, documents: int | None = None) -> ValidationOutcome:
    """Run the suite over ``table``; build Data Docs under ``reports_dir`` when given.

    ``quality`` sets the table-level gates (defaults when None); ``documents`` is the number
    of documents coded into ``table``, which sets the allowed row count (unchecked when None).
    """
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction
    from great_expectations.core.run_identifier import RunIdentifier

    ctx = _context(reports_dir)
    batch_def = (ctx.data_sources.add_pandas("eventcoder")
                 .add_dataframe_asset("events")
                 .add_batch_definition_whole_dataframe("all_rows"))
    suite = ctx.suites.add(build_suite(SUITE_NAME, quality, documents, table.num_rows))
    vdef = ctx.validation_definitions.add(gx.ValidationDefinition(name="events", data=batch_def, suite=suite))
    actions = [UpdateDataDocsAction(name="data_docs")] if reports_dir is not None else []
    checkpoint = ctx.checkpoints.add(gx.Checkpoint(
        name="events", validation_definitions=[vdef], actions=actions,
        result_format={"result_format": "COMPLETE"},
    ))
    frame = table.to_pandas().reset_index(drop=True)  # positional index: unexpected indices are row numbers
    for name, values in derived_columns(table).items():  # validation-only columns of the quality gates
        frame[name] = values.to_pandas() if hasattr(values, "to_pandas") else list(values)
    run_id = RunIdentifier(run_name=run_name, run_time=datetime.now(timezone.utc))
    with warnings.catch_warnings():
        # pandas warns for every regex with a capture group (the country pattern has one).
        warnings.filterwarnings("ignore", message="This pattern is interpreted as a regular expression",
                                category=UserWarning)
        result = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=run_id)
    (vresult,) = result.run_results.values()

    failures: dict[int, list[str]] = defaultdict(list)
    table_failures: list[str] = []
    for res in vresult.results:
        label = describe(res.expectation_config.type, res.expectation_config.kwargs)
        error = _raised(res)
        if error is not None:
            table_failures.append(f"{label}: could not be evaluated: {error}")
        elif res.success:
            continue
        elif (is_row_level(res.expectation_config.type, res.expectation_config.kwargs)
              and res.result.get("unexpected_index_list")):
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
    index = None
    if reports_dir is not None:
        candidate = Path(reports_dir) / DATA_DOCS_DIR / "index.html"
        index = candidate if candidate.is_file() else None
    return ValidationOutcome(
        passed=table.take(pa.array(passed_idx, pa.int64())),
        failed=failed,
        success=bool(vresult.success),
        statistics=stats,
        table_failures=table_failures,
        data_docs_index=index,
    )
