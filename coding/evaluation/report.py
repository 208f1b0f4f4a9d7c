"""``format_report``: the JSON report as plain text for a terminal."""

from __future__ import annotations

from typing import Any

from coding.evaluation.formats import FORMATS
from coding.evaluation.table import Table, render


def format_report(report: dict[str, Any]) -> str:
    """Header, the headline metrics, the format's own tables, then the scoring conventions."""
    fmt = report.get("format", "?")
    half = f" ({report['half']} half)" if report.get("half") else ""
    parts = [f"eventcoder evaluate: {fmt} gold{half}",
             f"  gold: {report.get('gold_path', '?')}\n  pred: {report.get('pred_path', '?')}"]
    parts.append(render(Table("Summary", ("metric", "value"), list(report.get("summary", {}).items()))))
    module = FORMATS.get(fmt)
    if module is not None:
        parts += [render(t) for t in module.tables(report)]
    if report.get("notes"):
        parts.append("Conventions\n" + "\n".join(f"- {n}" for n in report["notes"]))
    return "\n\n".join(parts) + "\n"
