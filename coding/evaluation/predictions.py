"""Read only the prediction columns a format needs, from a Parquet file or a hive-partitioned dataset."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

import pyarrow as pa
import pyarrow.dataset as ds

from coding.errors import ErrorCode, GoldFormatError


def fail(path: Path, message: str) -> GoldFormatError:
    return GoldFormatError(ErrorCode.E302_PRED_FORMAT, f"prediction file {path}: {message}")


def read_rows(pred_path: str | Path, columns: Sequence[str], doc_ids: Iterable[str] | None = None,
              purpose: str = "scoring") -> list[dict[str, Any]]:
    """Rows (as dicts of ``columns``) for the given documents; E302 when a column is missing.

    Filtering on ``doc_id`` inside the scan keeps memory small when a large dataset is scored
    against a small gold set.
    """
    path = Path(pred_path)
    if not path.exists():
        raise fail(path, "does not exist")
    try:
        dataset = ds.dataset(path, format="parquet", partitioning="hive", exclude_invalid_files=path.is_dir())
        names = set(dataset.schema.names)
    except (pa.ArrowInvalid, OSError) as exc:
        raise fail(path, f"is not a Parquet file or dataset ({exc})") from None
    wanted = list(dict.fromkeys(["doc_id", *columns]))
    missing = [c for c in wanted if c not in names]
    if missing:
        raise fail(path, f"lacks column(s) {', '.join(missing)} needed for {purpose}")
    row_filter = None
    if doc_ids is not None:
        row_filter = ds.field("doc_id").isin(pa.array(sorted({str(d) for d in doc_ids}), pa.string()))
    try:
        table = dataset.to_table(columns=wanted, filter=row_filter)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OSError) as exc:
        raise fail(path, f"cannot be read ({exc})") from None
    return table.to_pylist()


def rows_by_doc(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Group prediction rows by their document id, keeping row order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["doc_id"], []).append(row)
    return grouped
