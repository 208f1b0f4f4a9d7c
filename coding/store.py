"""Write the outputs of a run: the partitioned event dataset, quarantined rows and rejected inputs.

Plain pyarrow (no Prefect, no Great Expectations), so the library can write datasets too.

Layout under ``out_dir``::

    events -> .events/<version>/data    a symbolic link: the dataset readers open
    .events/<version>/data/event_year=2022/event_month=9/part-<hash of doc ids>.parquet
    .events/<version>/documents.arrow   the document index (doc id, content hash, partitions)
    quarantine/<run-id>.parquet         rows that failed validation, with ``failed_expectations``
    rejected/<run-id>.jsonl             inputs that never became documents, with their reason
    .staging/<run-id>/                  scratch space of a quarantine / rejected write
    .lock                               held (flock) by the one writer at a time

Partitions come from ``event_date``, falling back to ``doc_date``; a row with neither goes to
``event_year=0/event_month=0`` so it is kept and easy to find rather than dropped.

Writes are atomic. A write builds a complete new version of the dataset beside the current
one: partitions it does not touch are hard links to the current files (no copy), the
partitions it touches are rewritten (old rows of re-coded documents dropped, new rows added,
dedup clusters recounted). Only then is the ``events`` link replaced, with one
``rename``: a reader, or a writer killed at any point, sees the old dataset or the new one,
never a mix. The previous version is kept until the next write, so a reader that listed its
files just before the swap can still open them.

Re-running the same documents replaces their rows instead of appending them; the document
index lets :func:`plan_documents` skip documents whose text has not changed.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import sys
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.feather as feather
import pyarrow.parquet as pq

from coding.fingerprint import coder_build
from coding.dedup import assign_clusters
from coding.document import Document, Rejected
from schemas.events import COLUMN_NAMES, DEDUP_COLUMNS, PARTITION_COLUMNS, arrow_schema, dictionary_columns

EVENTS_DIR = "events"
VERSIONS_DIR = ".events"
BUILDING_PREFIX = ".building-"
NEXT_LINK = ".events-next"
DATA_DIR = "data"  # inside a version: only partitions, so readers can open the folder whole
DOC_INDEX = "documents.arrow"
QUARANTINE_DIR = "quarantine"
REJECTED_DIR = "rejected"
STAGING_DIR = ".staging"
LOCK_FILE = ".lock"
COMPRESSION = "zstd"
UNDATED = 0  # event_year / event_month of rows with neither event_date nor doc_date
SORT_KEYS = [("doc_id", "ascending"), ("sentence_index", "ascending"),
             ("evidence_start", "ascending"), ("event_id", "ascending")]
# Test hook: "<step>:pause" prints "PAUSED <step>" and waits to be killed; "<step>:crash" kills
# the process at that step. Steps: partition, staged, linked, swapped.
FAULT_ENV = "EVENTCODER_STORE_FAULT"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

YEAR, MONTH = PARTITION_COLUMNS  # event_year, event_month

INDEX_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("content_hash", pa.string()),
    pa.field("fingerprint", pa.string()),  # text and the metadata coding reads (see document_fingerprint)
    pa.field("coder_version", pa.string()),
    pa.field("run_id", pa.string()),
    pa.field("source", pa.string()),
    pa.field("rows", pa.int32(), nullable=False),
    pa.field("partitions", pa.string(), nullable=False),  # "2022-9;2022-10": where the document's rows are
])


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


def _fault(step: str) -> None:
    """The kill-test hook (see FAULT_ENV); a no-op unless the variable names this step."""
    wanted = os.environ.get(FAULT_ENV, "")
    if not wanted.startswith(f"{step}:"):
        return
    if wanted.endswith(":crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    print(f"PAUSED {step}", flush=True)
    sys.stdout.flush()
    while True:  # wait for the test to kill us
        time.sleep(1)


@contextmanager
def writer_lock(out_dir: Path) -> Iterator[None]:
    """One writer per ``out_dir``: an flock the kernel releases when the process dies."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_FILE, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# ---------------------------------------------------------------- partitions and rows

def partition_keys(table: pa.Table) -> tuple[pa.ChunkedArray, pa.ChunkedArray]:
    """(event_year, event_month) of every row: event_date, else doc_date, else 0 / 0."""
    when = pc.coalesce(table.column("event_date"), table.column("doc_date"))
    year = pc.fill_null(pc.year(when), UNDATED).cast(pa.int16())
    month = pc.fill_null(pc.month(when), UNDATED).cast(pa.int8())
    return year, month


def _partition_dir(events: Path, year: int, month: int) -> Path:
    return events / f"{YEAR}={year}" / f"{MONTH}={month}"


def _partition_label(year: int, month: int) -> str:
    return f"{year}-{month}"


def _parse_label(label: str) -> tuple[int, int]:
    year, month = label.split("-")
    return int(year), int(month)


def _read_partition(folder: Path) -> pa.Table:
    """Rows already stored in a partition (files read one by one: no hive columns added)."""
    tables = []
    for file in sorted(folder.glob("*.parquet")):
        with pq.ParquetFile(file) as reader:
            tables.append(_upgrade(reader.read()))
    return pa.concat_tables(tables) if tables else arrow_schema().empty_table()


def _upgrade(table: pa.Table) -> pa.Table:
    """Rows written under an older contract: columns added since then are filled with nulls
    (the dedup columns are computed), so old partitions merge with new rows."""
    missing = [f for f in arrow_schema() if f.name not in table.column_names]
    for field in missing:
        table = table.append_column(field.name, pa.nulls(table.num_rows, field.type))
    table = table.select(list(COLUMN_NAMES))
    if any(table.column(name).null_count for name in DEDUP_COLUMNS):
        table = assign_clusters(table)
    return table.cast(arrow_schema())


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


def prepare_rows(table: pa.Table, documents: Iterable[Document] = ()) -> pa.Table:
    """Fill the dataset columns the coder leaves empty: ``content_hash`` and the dedup clusters.

    Call it on a run's rows before validation so the suite checks them; the store calls it
    again when merging, where cluster counts take the rows already stored into account.
    """
    hashes = {d.doc_id: d.content_hash for d in documents}
    if hashes and "content_hash" in table.column_names:
        current = table.column("content_hash").to_pylist()
        filled = [h if h is not None else hashes.get(doc) for h, doc in
                  zip(current, table.column("doc_id").to_pylist())]
        index = table.column_names.index("content_hash")
        table = table.set_column(index, table.schema.field(index), pa.array(filled, pa.string()))
    return assign_clusters(table)


def _file_name(table: pa.Table) -> str:
    docs = sorted(set(table.column("doc_id").to_pylist()))
    digest = hashlib.sha256("\n".join(docs).encode("utf-8")).hexdigest()[:16]
    return f"part-{digest}.parquet"


def _write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression=COMPRESSION, use_dictionary=list(dictionary_columns()),
                   write_statistics=True)
    _fsync(path)


def _fsync(path: Path) -> None:
    """Flush a file or folder to disk: the swap must not reach the disk before the data it points to."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- versions and the events link

def _versions(out_dir: Path) -> Path:
    return out_dir / VERSIONS_DIR


def current_version(out_dir: Path) -> Path | None:
    """The version folder whose ``data`` the ``events`` link points to; None when there is no dataset."""
    link = Path(out_dir) / EVENTS_DIR
    if link.is_symlink():
        target = link.resolve()
        return target.parent if target.is_dir() else None
    return None


def _recover(out_dir: Path) -> None:
    """Finish or undo what a killed writer left: a half-built version, a pending link, a plain folder."""
    versions = _versions(out_dir)
    link = out_dir / EVENTS_DIR
    pending = out_dir / NEXT_LINK
    if pending.is_symlink() or pending.exists():
        if not link.exists() and not link.is_symlink() and pending.resolve().is_dir():
            os.replace(pending, link)  # killed between moving a legacy folder away and linking
        else:
            pending.unlink()  # killed before the swap: the old dataset stands
    if versions.is_dir():
        for child in versions.iterdir():
            if child.name.startswith(BUILDING_PREFIX):
                shutil.rmtree(child, ignore_errors=True)
    if link.is_dir() and not link.is_symlink():  # a dataset written before versions existed
        versions.mkdir(parents=True, exist_ok=True)
        legacy = versions / f"{new_run_id()}-legacy"
        legacy.mkdir()
        os.symlink(Path(VERSIONS_DIR) / legacy.name / DATA_DIR, pending)
        os.rename(link, legacy / DATA_DIR)
        os.replace(pending, link)


def _prune(out_dir: Path, keep: Sequence[Path]) -> None:
    """Remove versions other than ``keep`` (the new one and the one it replaced)."""
    versions = _versions(out_dir)
    kept = {p.resolve() for p in keep}
    for child in versions.iterdir():
        if child.resolve() not in kept:
            shutil.rmtree(child, ignore_errors=True)


def _link_tree(src: Path, dst: Path) -> None:
    """Hard-link every file of partition ``src`` into ``dst`` (copy where links are refused)."""
    dst.mkdir(parents=True, exist_ok=True)
    for file in src.iterdir():
        if file.is_file():
            try:
                os.link(file, dst / file.name)
            except OSError:
                shutil.copy2(file, dst / file.name)


def _existing_partitions(version: Path | None) -> list[tuple[int, int]]:
    if version is None:
        return []
    found = []
    for folder in (version / DATA_DIR).glob(f"{YEAR}=*/{MONTH}=*"):
        if folder.is_dir():
            found.append((int(folder.parent.name.split("=", 1)[1]), int(folder.name.split("=", 1)[1])))
    return sorted(found)


# ---------------------------------------------------------------- the document index

def read_doc_index(out_dir: Path) -> pa.Table:
    """The document index of the current dataset version (empty when there is none)."""
    version = current_version(Path(out_dir))
    path = None if version is None else version / DOC_INDEX
    if path is None or not path.is_file():
        return INDEX_SCHEMA.empty_table()
    table = feather.read_table(path)
    for f in INDEX_SCHEMA:  # an index written by an older version: unknown fields are null
        if f.name not in table.column_names:
            table = table.append_column(f.name, pa.nulls(table.num_rows, f.type))
    return table.select(INDEX_SCHEMA.names).cast(INDEX_SCHEMA)


def document_fingerprint(doc: Document) -> str:
    """What decides a document's rows besides the coder: its text and the metadata coding reads.

    A corrected date or source with the same text changes the rows (event dates, source_name),
    so it counts as a change even though ``content_hash`` (the text's hash) is the same.
    """
    parts = [doc.content_hash, str(doc.doc_date or ""), doc.source or "", doc.dateline_place or "",
             getattr(doc, "language", None) or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _index_from_files(version: Path) -> pa.Table:
    """The document index of a dataset written without one (before versions), read from its files."""
    rows: dict[str, int] = {}
    parts: dict[str, set[tuple[int, int]]] = {}
    hashes: dict[str, str | None] = {}
    for file in sorted((version / DATA_DIR).glob(f"{YEAR}=*/{MONTH}=*/*.parquet")):
        year = int(file.parent.parent.name.split("=", 1)[1])
        month = int(file.parent.name.split("=", 1)[1])
        with pq.ParquetFile(file) as reader:
            names = [n for n in ("doc_id", "content_hash") if n in reader.schema_arrow.names]
            part = reader.read(columns=names)
        docs = part.column("doc_id").to_pylist()
        found = part.column("content_hash").to_pylist() if "content_hash" in names else [None] * len(docs)
        for doc, h in zip(docs, found):
            rows[doc] = rows.get(doc, 0) + 1
            parts.setdefault(doc, set()).add((year, month))
            hashes.setdefault(doc, h)
    entries = [{"doc_id": doc, "content_hash": hashes[doc], "fingerprint": None, "coder_version": None,
                "run_id": None, "source": None, "rows": rows[doc],
                "partitions": ";".join(_partition_label(y, m) for y, m in sorted(parts[doc]))} for doc in sorted(rows)]
    return pa.Table.from_pylist(entries, schema=INDEX_SCHEMA)


@dataclass
class DocumentPlan:
    """Which documents of an input need coding, given the dataset's document index."""

    to_code: list[Document] = field(default_factory=list)  # new and changed, in input order
    unchanged: list[Document] = field(default_factory=list)  # same text and coder version: skipped
    changed: list[Document] = field(default_factory=list)  # coded before from another text or coder
    new: list[Document] = field(default_factory=list)
    duplicates: list[Document] = field(default_factory=list)  # a doc_id seen earlier in the same input
    removed: list[str] = field(default_factory=list)  # mirror: stored doc ids the input no longer has

    def counts(self) -> dict[str, int]:
        return {"to_code": len(self.to_code), "new": len(self.new), "changed": len(self.changed),
                "unchanged": len(self.unchanged), "duplicates": len(self.duplicates), "removed": len(self.removed)}


def plan_documents(documents: Iterable[Document], output_dir: Path,
                   coder_version: str | None = None, mirror: bool = False) -> DocumentPlan:
    """Split ``documents`` into those to code and those whose rows are already in the dataset.

    A document is unchanged when the index holds its ``doc_id`` with the same fingerprint
    (content hash and metadata) and coder version; then neither parsing nor writing it again
    would change the dataset. With ``mirror`` the input is the whole of the dataset: stored
    documents it no longer holds (a file removed, a record now rejected) are ``removed``, and
    writing them as ``replace_docs`` drops their rows.
    """
    coder_version = coder_version or coder_build()
    index = read_doc_index(Path(output_dir))
    known = {doc: (f, v) for doc, f, v in zip(index.column("doc_id").to_pylist(),
                                              index.column("fingerprint").to_pylist(),
                                              index.column("coder_version").to_pylist())}
    plan = DocumentPlan()
    seen: set[str] = set()
    for doc in documents:
        if doc.doc_id in seen:
            plan.duplicates.append(doc)
            continue
        seen.add(doc.doc_id)
        previous = known.get(doc.doc_id)
        if previous is None:
            plan.new.append(doc)
            plan.to_code.append(doc)
        elif previous == (document_fingerprint(doc), coder_version):
            plan.unchanged.append(doc)
        else:
            plan.changed.append(doc)
            plan.to_code.append(doc)
    if mirror:
        plan.removed = sorted(known.keys() - seen)
    return plan


def _updated_index(old: pa.Table, table: pa.Table, replaced: set[str], documents: Sequence[Document],
                   run_id: str) -> pa.Table:
    """The index after a write: entries of replaced documents rewritten from the new rows."""
    keep = old.filter(pc.invert(pc.is_in(old.column("doc_id"), value_set=pa.array(sorted(replaced), pa.string()))))
    years, months = partition_keys(table)
    rows: dict[str, int] = {}
    parts: dict[str, set[tuple[int, int]]] = {}
    hashes: dict[str, str | None] = {}
    for doc, h, y, m in zip(table.column("doc_id").to_pylist(), table.column("content_hash").to_pylist(),
                            years.to_pylist(), months.to_pylist()):
        rows[doc] = rows.get(doc, 0) + 1
        parts.setdefault(doc, set()).add((y, m))
        hashes.setdefault(doc, h)
    by_id = {d.doc_id: d for d in documents}
    entries = []
    for doc in sorted(replaced):
        document = by_id.get(doc)
        if document is None and doc not in rows:
            continue  # named in replace_docs, never coded, no rows: nothing to remember
        entries.append({
            "doc_id": doc,
            "content_hash": document.content_hash if document else hashes.get(doc),
            "fingerprint": document_fingerprint(document) if document else None,
            "coder_version": coder_build() if document else None,
            "run_id": run_id,
            "source": (document.path or document.source) if document else None,
            "rows": rows.get(doc, 0),
            "partitions": ";".join(_partition_label(y, m) for y, m in sorted(parts.get(doc, ()))),
        })
    new = pa.Table.from_pylist(entries, schema=INDEX_SCHEMA)
    return pa.concat_tables([keep.cast(INDEX_SCHEMA), new]).sort_by("doc_id")


# ---------------------------------------------------------------- the dataset write

def write_dataset(table: pa.Table, out_dir: Path, run_id: str | None = None,
                  replace_docs: Iterable[str] | None = None,
                  documents: Iterable[Document] | None = None) -> list[Path]:
    """Merge ``table`` into ``out_dir/events/`` atomically and return the partition files written.

    Rows of every document in ``replace_docs`` and ``documents`` (and of the documents in
    ``table``) that are already stored are replaced, so writing the same input twice does
    not duplicate it. Pass every coded document as ``documents``: a document that now yields
    no row then loses its old rows too, and the index records its content hash so that the
    next run can skip it (:func:`plan_documents`).
    """
    return stage_dataset(table, out_dir, run_id, replace_docs, documents).commit()


class StagedDataset:
    """A new version of the dataset, written and flushed to disk but not yet what ``events`` shows.

    :func:`stage_dataset` builds it under ``.events/.building-<name>`` holding the writer lock;
    :meth:`commit` renames it and swaps the ``events`` link (the one atomic step), :meth:`discard`
    removes it. Either releases the lock. A process killed in between leaves a ``.building-``
    folder, which the next writer removes (``_recover``): the dataset is never half-written.
    """

    def __init__(self, out_dir: Path, lock: Any, building: Path | None, name: str,
                 current: Path | None, written: list[tuple[int, int, str]]) -> None:
        self.out_dir, self._lock, self.building, self.name = out_dir, lock, building, name
        self.current, self.written = current, written

    def commit(self) -> list[Path]:
        """Make the staged version the dataset; the partition files written."""
        try:
            if self.building is None:
                return []
            return _swap(self.out_dir, self.building, self.name, self.current, self.written)
        finally:
            self.building = None
            self._release()

    def discard(self) -> None:
        """Drop the staged version: the dataset stays as it was."""
        try:
            if self.building is not None:
                shutil.rmtree(self.building, ignore_errors=True)
        finally:
            self.building = None
            self._release()

    def _release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            _unlock(lock)


def stage_dataset(table: pa.Table, out_dir: Path, run_id: str | None = None,
                  replace_docs: Iterable[str] | None = None,
                  documents: Iterable[Document] | None = None) -> StagedDataset:
    """The first half of :func:`write_dataset`: the new version built and flushed, the writer lock
    held until the returned :class:`StagedDataset` is committed or discarded."""
    out_dir = Path(out_dir)
    run_id = run_id or new_run_id()
    documents = list(documents or ())
    table = conform(prepare_rows(table, documents))
    docs = set(table.column("doc_id").to_pylist()) | {d.doc_id for d in documents}
    if replace_docs is not None:
        docs |= set(replace_docs)
    lock = _lock(out_dir)
    try:
        _recover(out_dir)
        return StagedDataset(out_dir, lock, *_build_version(table, out_dir, run_id, docs, documents))
    except BaseException:
        _unlock(lock)
        raise


def _lock(out_dir: Path) -> Any:
    """Open and flock ``out_dir/.lock`` (see :func:`writer_lock`)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fh = open(out_dir / LOCK_FILE, "a+b")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX)
    except BaseException:
        fh.close()
        raise
    return fh


def _unlock(fh: Any) -> None:
    try:
        fcntl.flock(fh, fcntl.LOCK_UN)
    finally:
        fh.close()


def _build_version(table: pa.Table, out_dir: Path, run_id: str, docs: set[str], documents: list[Document]
                   ) -> tuple[Path | None, str, Path | None, list[tuple[int, int, str]]]:
    """(building folder or None when nothing changes, version name, current version, files written)."""
    current = current_version(out_dir)
    old_index = read_doc_index(out_dir)
    if current is not None and not (current / DOC_INDEX).is_file():
        old_index = _index_from_files(current)  # a dataset from before the index: every stored document
    years, months = partition_keys(table)
    affected = set(zip(years.to_pylist(), months.to_pylist()))
    indexed = dict(zip(old_index.column("doc_id").to_pylist(), old_index.column("partitions").to_pylist()))
    for doc in docs & indexed.keys():  # the index knows where every stored document's rows are
        affected |= {_parse_label(p) for p in indexed[doc].split(";") if p}
    name = new_run_id()
    if not affected and not documents:
        return None, name, current, []

    versions = _versions(out_dir)
    versions.mkdir(parents=True, exist_ok=True)
    building = versions / f"{BUILDING_PREFIX}{name}"
    (building / DATA_DIR).mkdir(parents=True)
    written: list[tuple[int, int, str]] = []
    doc_set = pa.array(sorted(docs), pa.string())
    try:
        for year, month in _existing_partitions(current):
            if (year, month) not in affected:
                _link_tree(_partition_dir(current / DATA_DIR, year, month),
                           _partition_dir(building / DATA_DIR, year, month))
        for year, month in sorted(affected):
            folder = None if current is None else _partition_dir(current / DATA_DIR, year, month)
            old = _read_partition(folder) if folder is not None and folder.is_dir() else arrow_schema().empty_table()
            kept = old.filter(pc.invert(pc.is_in(old.column("doc_id"), value_set=doc_set)))
            mask = pc.and_(pc.equal(years, year), pc.equal(months, month))
            merged = pa.concat_tables([kept, table.filter(mask)])
            if merged.num_rows == 0:
                continue
            merged = conform(assign_clusters(merged)).sort_by(SORT_KEYS)  # counts over every stored row
            target = _partition_dir(building / DATA_DIR, year, month)
            target.mkdir(parents=True, exist_ok=True)
            file_name = _file_name(merged)
            _write_parquet(merged, target / file_name)
            written.append((year, month, file_name))
            _fault("partition")
        feather.write_feather(_updated_index(old_index, table, docs, documents, run_id), building / DOC_INDEX,
                              compression="zstd")
        _fsync(building / DOC_INDEX)
        for folder in {building / DATA_DIR / f"{YEAR}={y}" / f"{MONTH}={m}" for y, m, _ in written}:
            _fsync(folder)
        _fault("staged")
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)  # nothing was swapped: the dataset is untouched
        raise
    return building, name, current, written


def _swap(out_dir: Path, building: Path, name: str, current: Path | None,
          written: list[tuple[int, int, str]]) -> list[Path]:
    """Rename the built version to its name and point ``events`` at it (the one atomic step)."""
    versions = _versions(out_dir)
    final = versions / name
    try:
        os.rename(building, final)
        _fsync(versions)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)  # nothing was swapped: the dataset is untouched
        raise

    pending = out_dir / NEXT_LINK
    if pending.is_symlink() or pending.exists():
        pending.unlink()
    os.symlink(Path(VERSIONS_DIR) / name / DATA_DIR, pending)
    _fault("linked")
    os.replace(pending, out_dir / EVENTS_DIR)  # the one atomic step: readers now see the new version
    _fsync(out_dir)
    _fault("swapped")
    _prune(out_dir, [final] + ([current] if current is not None else []))
    events = out_dir / EVENTS_DIR
    return [_partition_dir(events, y, m) / f for y, m, f in written]


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
    # backslashreplace: a file name's undecodable bytes (lone surrogates in the path) become JSON escapes
    return _atomic_write(path, out_dir, run_id,
                         lambda tmp: tmp.write_text(text, encoding="utf-8", errors="backslashreplace"))


def dataset_stats(out_dir: Path) -> dict[str, int]:
    """Rows, documents and multi-story events of the current dataset (for the run summary)."""
    version = current_version(Path(out_dir))
    if version is None:
        return {"rows": 0, "documents": 0, "partitions": 0, "clusters": 0, "multi_story_clusters": 0}
    clusters: dict[str, int] = {}
    rows = 0
    files = sorted((version / DATA_DIR).glob(f"{YEAR}=*/{MONTH}=*/*.parquet"))
    for file in files:
        with pq.ParquetFile(file) as reader:
            wanted = ["event_cluster_id", "num_stories"]
            if set(wanted) <= set(reader.schema_arrow.names):
                part = reader.read(columns=wanted)
            else:  # written before the dedup columns existed
                part = _upgrade(reader.read()).select(wanted)
        rows += part.num_rows
        for cid, n in zip(part.column("event_cluster_id").to_pylist(), part.column("num_stories").to_pylist()):
            clusters[cid] = n or 0
    index = read_doc_index(Path(out_dir))
    return {"rows": rows, "documents": index.num_rows, "partitions": len({f.parent for f in files}),
            "clusters": len(clusters), "multi_story_clusters": sum(1 for n in clusters.values() if n > 1)}
