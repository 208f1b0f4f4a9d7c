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

from schemas.expectations import ROW_LEVEL, build_suite, describe

FAILED_COLUMN = "failed_expectations"
DATA_DOCS_DIR = "data_docs"
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
    names survive between runs; the default temporary docs site is not created at all.
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
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
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


def validate_rows(table: pa.Table, reports_dir: Path | None, run_name: str) -> ValidationOutcome:
    """Run the suite over ``table``; build Data Docs under ``reports_dir`` when given."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction
    from great_expectations.core.run_identifier import RunIdentifier

    ctx = _context(reports_dir)
    batch_def = (ctx.data_sources.add_pandas("eventcoder")
                 .add_dataframe_asset("events")
                 .add_batch_definition_whole_dataframe("all_rows"))
    suite = ctx.suites.add(build_suite(SUITE_NAME))
    vdef = ctx.validation_definitions.add(gx.ValidationDefinition(name="events", data=batch_def, suite=suite))
    actions = [UpdateDataDocsAction(name="data_docs")] if reports_dir is not None else []
    checkpoint = ctx.checkpoints.add(gx.Checkpoint(
        name="events", validation_definitions=[vdef], actions=actions,
        result_format={"result_format": "COMPLETE"},
    ))
    frame = table.to_pandas().reset_index(drop=True)  # positional index: unexpected indices are row numbers
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
        elif res.expectation_config.type in ROW_LEVEL and res.result.get("unexpected_index_list"):
            for index in res.result["unexpected_index_list"]:
                failures[int(index)].append(label)
        else:
            count = res.result.get("unexpected_count")
            table_failures.append(label if count is None else f"{label}: {count} rows")

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
