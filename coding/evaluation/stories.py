"""Score a folder of hand-written wire stories, each with seed-format gold, summed over the folder.

Each ``<name>.txt`` is read like any plain-text story, coded, and scored against
``<name>.gold.json`` with the seed scorer (one story at a time); the figures are summed:
required recall, precision, negatives asserted, per-field accuracy on the found events.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from coding.coder import code_documents
from coding.evaluation.gold import load_gold
from coding.evaluation.seed import score
from coding.ingest import read_documents
from schemas.events import to_table


def score_stories(folder: Path) -> dict[str, Any]:
    """Summed figures over every ``*.gold.json`` in ``folder`` and the per-story reports."""
    import pyarrow.parquet as pq

    texts = sorted(folder.glob("*.txt"))
    docs = [d for d in read_documents(texts) if not hasattr(d, "reason")]
    rows = list(code_documents(docs))
    totals: Counter[str] = Counter()
    fields: dict[str, list[int]] = {}
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "stories.parquet"
        pq.write_table(to_table(rows), pred)
        for gold_path in sorted(folder.glob("*.gold.json")):
            report = score(load_gold(gold_path), pred)
            reports[gold_path.name.removesuffix(".gold.json")] = report
            s = report["summary"]
            for key in ("required_found", "required_total", "rows_correct", "rows", "negatives_asserted", "negatives"):
                totals[key] += s[key]
            for name, f in report["fields"].items():
                acc = fields.setdefault(name, [0, 0])
                acc[0] += f["correct"]
                acc[1] += f["total"]
    summary = {
        "stories": len(reports),
        "required_recall": round(totals["required_found"] / max(totals["required_total"], 1), 3),
        "precision": round(totals["rows_correct"] / max(totals["rows"], 1), 3),
        "negatives_asserted": totals["negatives_asserted"],
        **{k: totals[k] for k in ("required_found", "required_total", "rows_correct", "rows", "negatives")},
        **{f"{name}_accuracy": round(c / t, 3) if t else None for name, (c, t) in fields.items()},
    }
    return {"summary": summary, "stories": reports}
