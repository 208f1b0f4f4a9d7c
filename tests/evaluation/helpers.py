"""Build prediction Parquet files and gold JSONL files for the evaluation tests."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any, Iterable

import pyarrow.parquet as pq

from schemas.events import to_table

SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
_ids = itertools.count(1)


def make_row(doc_id: str, **values: Any) -> dict[str, Any]:
    """A contract row with the non-nullable columns filled; ``values`` set what the test is about."""
    row: dict[str, Any] = {
        "event_id": f"{next(_ids):016x}", "doc_id": doc_id, "sentence_index": 0, "sentence_text": "",
        "evidence_start": 0, "evidence_end": 1, "trigger": "x", "cameo_code": "010", "cameo_label": "x",
        "quad_class": 1, "goldstein": 0.0, "modality": "asserted", "confidence": 0.5, "rule_id": "test",
        "coder_version": "test",
    }
    row.update(values)
    row["cameo_root"] = row["cameo_code"][:2]
    return row


def write_pred(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    pq.write_table(to_table(rows), path)
    return path


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
