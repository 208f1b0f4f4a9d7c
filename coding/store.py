"""Write the outputs of a run: the partitioned event dataset, quarantined rows and rejected inputs.

Plain pyarrow (no Prefect, no Great Expectations), so the library can write datasets too.

Layout under ``out_dir``::

    events/event_year=2022/event_month=9/part-<hash of doc ids>.parquet
    quarantine/<run-id>.parquet      rows that failed validation, with ``failed_expectations``
    rejected/<run-id>.jsonl          inputs that never became documents, with their reason
    .staging/<run-id>/               scratch space of a write in progress (same file system)

Partitions come from ``event_date``, falling back to ``doc_date``; a row with neither goes to
``event_year=0/event_month=0`` so it is kept and easy to find rather than dropped.

Re-running the same documents replaces their rows instead of appending: every partition
holding rows of a re-coded document is rewritten without them, the new rows are added, and
the partition folder is swapped into place with ``os.rename``. Readers therefore never see
a half-written file or the same row twice; during the swap (two renames) a reader may
briefly miss that one partition. One writer per ``out_dir`` at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from coding.document import Rejected
from schemas.events import COLUMN_NAMES, PARTITION_COLUMNS, arrow_schema

EVENTS_DIR = "events"
QUARANTINE_DIR = "quarantine"
REJECTED_DIR = "rejected"
STAGING_DIR = ".staging"
COMPRESSION = "zstd"
UNDATED = 0  # event_year / event_month of rows with neither event_date nor doc_date
SORT_KEYS = [("doc_id", "ascending"), ("sentence_index", "ascending"),
             ("evidence_start", "ascending"), ("event_id", "ascending")]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


YEAR, MONTH = PARTITION_COLUMNS  # event_year, event_month


def partition_schema() -> pa.Schema:
    """Types of the hive partition columns (values live in folder names, not in the files)."""
    return pa.schema([
        pa.field(YEAR, pa.int16(), nullable=False,
                 metadata={"description": "Year of event_date (doc_date when unknown); 0 when neither is known."}),
        pa.field(MONTH, pa.int8(), nullable=False,
                 metadata={"description": "Month of event_date (doc_date when unknown); 0 when neither is known."}),
    ])


def dataset_schema() -> pa.Schema:
    """The whole dataset as readers see it: the contract's columns plus the partition columns."""
    base = arrow_schema()
    return pa.schema(list(base) + list(partition_schema()), metadata=base.metadata)


def safe_name(value: str, default: str = "run") -> str:
    """A file-name-safe form of an id: no separators, no leading dots, bounded length."""
    cleaned = _UNSAFE.sub("_", str(value)).strip("._")[:100]
    return cleaned or default


def new_run_id() -> str:
    """A sortable, unique run id (UTC time plus a random suffix)."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def _inside(root: Path, path: Path) -> Path:
    """Refuse any path that would resolve outside ``root`` (defence in depth after safe_name)."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ValueError(f"refusing to write outside {root}: {path}")
    return path


def _staging(out_dir: Path, run_id: str) -> Path:
    path = _inside(out_dir, out_dir / STAGING_DIR / safe_name(run_id))
    path.mkdir(parents=True, exist_ok=True)
    return path


def partition_keys(table: pa.Table) -> tuple[pa.ChunkedArray, pa.ChunkedArray]:
    """(event_year, event_month) of every row: event_date, else doc_date, else 0 / 0."""
    when = pc.coalesce(table.column("event_date"), table.column("doc_date"))
    year = pc.fill_null(pc.year(when), UNDATED).cast(pa.int16())
    month = pc.fill_null(pc.month(when), UNDATED).cast(pa.int8())
    return year, month


def _partition_dir(events: Path, year: int, month: int) -> Path:
    return events / f"{YEAR}={year}" / f"{MONTH}={month}"


def _read_partition(folder: Path) -> pa.Table:
    """Rows already stored in a partition (files read one by one: no hive columns added)."""
    tables = []
    for file in sorted(folder.glob("*.parquet")):
        with pq.ParquetFile(file) as reader:
            tables.append(reader.read().cast(arrow_schema()))
    return pa.concat_tables(tables) if tables else arrow_schema().empty_table()


def _partitions_holding(events: Path, doc_ids: set[str]) -> set[tuple[int, int]]:
    """Existing partitions that hold rows of any of ``doc_ids`` (reads only the doc_id column)."""
    found: set[tuple[int, int]] = set()
    if not doc_ids or not events.is_dir():
        return found
    wanted = pa.array(sorted(doc_ids), pa.string())
    for file in events.glob(f"{YEAR}=*/{MONTH}=*/*.parquet"):
        with pq.ParquetFile(file) as reader:
            column = reader.read(columns=["doc_id"]).column("doc_id")
        if pc.any(pc.is_in(column, value_set=wanted)).as_py():
            year = int(file.parent.parent.name.split("=", 1)[1])
            month = int(file.parent.name.split("=", 1)[1])
            found.add((year, month))
    return found


def conform(table: pa.Table) -> pa.Table:
    """The table in the contract's column order and types; ValueError if a required column has nulls.

    Checked explicitly because pyarrow keeps nulls in a field declared non-nullable when the
    table already carries that schema (``to_table`` does), and would write them.
    """
    table = table.select(list(COLUMN_NAMES))
    for field in arrow_schema():
        if not field.nullable and table.column(field.name).null_count:
            raise ValueError(f"column {field.name!r} is required but has nulls; validate rows before writing")
    return table.cast(arrow_schema())


def _file_name(table: pa.Table) -> str:
    docs = sorted(set(table.column("doc_id").to_pylist()))
    digest = hashlib.sha256("\n".join(docs).encode("utf-8")).hexdigest()[:16]
    return f"part-{digest}.parquet"


def _swap_in(new: Path | None, target: Path, trash: Path) -> None:
    """Replace folder ``target`` by ``new`` (or remove it when ``new`` is None) with renames."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        trash.parent.mkdir(parents=True, exist_ok=True)
        os.rename(target, trash)
    if new is not None:
        os.rename(new, target)
    elif not any(target.parent.iterdir()):
        target.parent.rmdir()  # last month of a year removed: drop the empty year folder


def write_dataset(table: pa.Table, out_dir: Path, run_id: str | None = None,
                  replace_docs: Iterable[str] | None = None) -> list[Path]:
    """Merge ``table`` into ``out_dir/events/`` and return the partition files written.

    Rows of every document in ``replace_docs`` (default: the documents in ``table``) that
    are already stored are replaced, so writing the same input twice does not duplicate it.
    Pass the ids of all coded documents as ``replace_docs`` so that a document that now
    yields no row loses its old rows too.
    """
    out_dir = Path(out_dir)
    run_id = run_id or new_run_id()
    table = conform(table)
    docs = set(table.column("doc_id").to_pylist())
    if replace_docs is not None:
        docs |= set(replace_docs)
    events = out_dir / EVENTS_DIR
    years, months = partition_keys(table)
    new_parts = set(zip(years.to_pylist(), months.to_pylist()))
    affected = sorted(new_parts | _partitions_holding(events, docs))
    if not affected:
        return []

    staging = _staging(out_dir, run_id)
    staged: dict[tuple[int, int], Path | None] = {}
    doc_set = pa.array(sorted(docs), pa.string())
    try:
        for year, month in affected:
            folder = _partition_dir(events, year, month)
            old = _read_partition(folder) if folder.is_dir() else arrow_schema().empty_table()
            kept = old.filter(pc.invert(pc.is_in(old.column("doc_id"), value_set=doc_set)))
            mask = pc.and_(pc.equal(years, year), pc.equal(months, month))
            merged = pa.concat_tables([kept, table.filter(mask)]).sort_by(SORT_KEYS)
            if merged.num_rows == 0:
                staged[(year, month)] = None
                continue
            target = _partition_dir(staging / EVENTS_DIR, year, month)
            target.mkdir(parents=True, exist_ok=True)
            pq.write_table(merged, target / _file_name(merged), compression=COMPRESSION)
            staged[(year, month)] = target
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # nothing was swapped yet: the dataset is untouched
        raise

    # Every new file is complete before the first swap. Should a swap fail half-way, the
    # partition it removed is kept under .staging/<run-id>/replaced/ for recovery.
    written: list[Path] = []
    trash = staging / "replaced"
    for (year, month), new in staged.items():
        final = _partition_dir(events, year, month)
        _swap_in(new, final, _partition_dir(trash, year, month))
        if new is not None:
            written.extend(sorted(final.glob("*.parquet")))
    shutil.rmtree(staging, ignore_errors=True)
    _remove_if_empty(out_dir / STAGING_DIR)
    return written


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _relaxed(schema: pa.Schema) -> pa.Schema:
    """The same schema with every field nullable: quarantined rows may break not-null rules."""
    return pa.schema([f.with_nullable(True) for f in schema], metadata=schema.metadata)


def _atomic_write(path: Path, out_dir: Path, run_id: str, write) -> Path:
    """Write via a staged file and ``os.replace`` so a reader never sees a partial file."""
    _inside(out_dir, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = _staging(out_dir, run_id)
    tmp = staging / path.name
    write(tmp)
    os.replace(tmp, path)
    _remove_if_empty(staging)
    _remove_if_empty(out_dir / STAGING_DIR)
    return path


def write_quarantine(table: pa.Table, out_dir: Path, run_id: str | None = None) -> Path | None:
    """Write failed rows (with ``failed_expectations``) to ``quarantine/<run-id>.parquet``; None if none."""
    if table.num_rows == 0:
        return None
    out_dir = Path(out_dir)
    run_id = run_id or new_run_id()
    table = table.cast(_relaxed(table.schema))
    path = out_dir / QUARANTINE_DIR / f"{safe_name(run_id)}.parquet"
    return _atomic_write(path, out_dir, run_id,
                         lambda tmp: pq.write_table(table, tmp, compression=COMPRESSION))


def rejected_record(item: Rejected) -> dict[str, str | None]:
    """The JSON form of a rejected input (also used by the run summary)."""
    return {"source": item.source, "code": item.code.value, "reason": item.reason, "doc_id": item.doc_id}


def write_rejected(rejected: list[Rejected], out_dir: Path, run_id: str | None = None) -> Path | None:
    """Write one JSON object per rejected input to ``rejected/<run-id>.jsonl``; None if none."""
    if not rejected:
        return None
    out_dir = Path(out_dir)
    run_id = run_id or new_run_id()
    path = out_dir / REJECTED_DIR / f"{safe_name(run_id)}.jsonl"
    text = "".join(json.dumps(rejected_record(r), ensure_ascii=False) + "\n" for r in rejected)
    return _atomic_write(path, out_dir, run_id, lambda tmp: tmp.write_text(text, encoding="utf-8"))
