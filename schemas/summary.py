"""The one-page run summary: what was read, coded, written, quarantined and rejected, and why.

Built from plain values (no Prefect, no GX) so the flow, the CLI and tests share it; the
flow writes the Markdown to ``reports/summary.md`` and publishes it as a Prefect artifact.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

import pyarrow as pa

from schemas.validation import FAILED_COLUMN

TOP = 15  # rows per breakdown table; the rest are summed as "other"


def quarantine_reasons(failed: pa.Table) -> dict[str, int]:
    """How many quarantined rows failed each expectation."""
    if FAILED_COLUMN not in failed.column_names:
        return {}
    counts: Counter[str] = Counter()
    for value in failed.column(FAILED_COLUMN).to_pylist():
        counts.update(part for part in (value or "").split("; ") if part)
    return dict(counts.most_common())


def rejected_reasons(rejected: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Rejected inputs per error code, e.g. ``{"E104": 2}``."""
    return dict(Counter(r["code"] for r in rejected).most_common())


def _count(table: pa.Table, column: str) -> dict[str, int]:
    if column not in table.column_names or table.num_rows == 0:
        return {}
    counts = Counter("(none)" if v is None else str(v) for v in table.column(column).to_pylist())
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _months(table: pa.Table) -> dict[str, int]:
    if "event_date" not in table.column_names or table.num_rows == 0:
        return {}
    counts = Counter("(no date)" if d is None else f"{d:%Y-%m}" for d in table.column("event_date").to_pylist())
    return dict(sorted(counts.items()))


def breakdowns(table: pa.Table) -> dict[str, dict[str, int]]:
    """Row counts by CAMEO root, ACLED event type, country of the event and month of the event."""
    return {
        "cameo_root": _count(table, "cameo_root"),
        "acled_event_type": _count(table, "acled_event_type"),
        "country_iso3": _count(table, "country_iso3"),
        "event_month": _months(table),
    }


def _table(title: str, header: str, counts: dict[str, int], limit: int = TOP) -> list[str]:
    if not counts:
        return []
    items = list(counts.items())
    shown, rest = items[:limit], items[limit:]
    lines = [f"### {title}", "", f"| {header} | rows |", "|---|---|"]
    lines += [f"| {k.replace('|', '/')} | {v} |" for k, v in shown]
    if rest:
        lines.append(f"| other ({len(rest)}) | {sum(v for _, v in rest)} |")
    return lines + [""]


def render_summary(summary: dict[str, Any]) -> str:
    """The run summary as Markdown (same text in summary.md and the Prefect artifact)."""
    ok = "passed" if summary["validation_success"] else "FAILED"
    stats = summary.get("statistics", {})
    plan = summary.get("plan") or {}
    lines = [
        f"# eventcoder run {summary['run_id']}",
        "",
        "| | |", "|---|---|",
        f"| documents read | {summary['documents']} |",
        f"| documents coded | {summary.get('documents_coded', summary['documents'])} |",
    ]
    if plan:
        lines += [f"| new / changed / unchanged (skipped) | {plan.get('new', 0)} / {plan.get('changed', 0)} / "
                  f"{plan.get('unchanged', 0)} |"]
        if plan.get("duplicates"):
            lines.append(f"| duplicate ids in the input (coded once) | {plan['duplicates']} |")
        if plan.get("removed"):
            lines.append(f"| documents no longer in the inbox (rows removed) | {plan['removed']} |")
    lines += [
        f"| inputs rejected | {len(summary['rejected'])} |",
        f"| event rows coded | {summary['rows']} |",
        f"| rows written | {summary['rows_passed']} |",
        f"| rows quarantined | {summary['rows_quarantined']} |",
    ]
    if summary.get("dataset"):
        ds = summary["dataset"]
        lines.append(f"| dataset after the run | {ds.get('rows', 0)} rows, {ds.get('documents', 0)} documents, "
                     f"{ds.get('multi_story_clusters', 0)} events reported by several stories |")
    lines += [
        f"| validation | {ok} ({stats.get('successful_expectations', 0)}"
        f"/{stats.get('evaluated_expectations', 0)} expectations) |",
        "",
    ]
    if summary["table_failures"]:
        lines += ["## Table-level expectations failed", ""] + [f"- `{f}`" for f in summary["table_failures"]] + [""]
    if summary["quarantine_reasons"]:
        lines += ["## Quarantined rows by expectation", "", "| expectation | rows |", "|---|---|"]
        lines += [f"| `{k}` | {v} |" for k, v in summary["quarantine_reasons"].items()] + [""]
    if summary["rejected"]:
        lines += ["## Rejected inputs", "", "| code | inputs |", "|---|---|"]
        lines += [f"| {code} | {n} |" for code, n in rejected_reasons(summary["rejected"]).items()] + [""]
        lines += ["| input | code | reason |", "|---|---|---|"]
        lines += [f"| `{r['source']}` | {r['code']} | {r['reason'].replace('|', '/')} |" for r in summary["rejected"]]
        lines.append("")
    counts = summary.get("counts") or {}
    if any(counts.values()):
        lines += ["## Rows written in this run", ""]
        lines += _table("By CAMEO root", "cameo_root", counts.get("cameo_root", {}))
        lines += _table("By ACLED event type", "acled_event_type", counts.get("acled_event_type", {}))
        lines += _table("By country of the event", "country_iso3", counts.get("country_iso3", {}))
        lines += _table("By month of the event", "month", counts.get("event_month", {}), limit=24)
    out = summary["outputs"]
    lines += ["## Outputs", "", f"- dataset: `{out['events']}` ({len(out['partition_files'])} partition files written)"]
    for label in ("report", "quarantine", "rejected", "manifest", "data_docs", "summary"):
        if out.get(label):
            lines.append(f"- {label.replace('_', ' ')}: `{out[label]}`")
    return "\n".join(lines) + "\n"


def build_summary(run_id: str, documents_read: int, coded: list[Any], rejected: list[dict[str, Any]], rows: int,
                  outcome: Any, outputs: dict[str, Any], plan: dict[str, int] | None = None,
                  quality: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON-ready run summary returned by the flow (and printed by ``eventcoder run``).

    ``coded`` are the documents parsed in this run; ``documents_read`` counts every document
    of the input, including those skipped as unchanged; ``outcome`` is a ValidationOutcome.
    """
    return {
        "run_id": run_id,
        "documents": documents_read,
        "documents_coded": len(coded),
        "plan": dict(plan or {}),
        "rejected": list(rejected),
        "rejected_reasons": rejected_reasons(rejected),
        "rows": rows,
        "rows_passed": outcome.passed.num_rows,
        "rows_quarantined": outcome.failed.num_rows,
        "validation_success": outcome.success,
        # The CI gate: table-level expectations only (rows failing a column rule are quarantined instead).
        "table_checks_passed": not outcome.table_failures,
        "table_failures": list(outcome.table_failures),
        "quarantine_reasons": quarantine_reasons(outcome.failed),
        "statistics": dict(outcome.statistics),
        "quality": dict(quality or {}),
        "counts": breakdowns(outcome.passed),
        "dataset": dict(outputs.get("dataset") or {}),
        "data_docs": None if outcome.data_docs_index is None else str(outcome.data_docs_index),
        "outputs": dict(outputs),
    }
