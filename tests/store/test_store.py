"""The Parquet store as a reader sees it: DuckDB over the hive-partitioned files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coding.document import Rejected
from coding.errors import ErrorCode
from coding.store import safe_name, write_dataset, write_quarantine, write_rejected
from schemas.events import COLUMN_NAMES, COLUMNS, to_table
from tests.schemas.rows import good_row

DEDUP_COLUMNS = {"event_cluster_id", "num_sources", "num_stories"}


def read_events(out_dir: Path) -> list[dict]:
    con = duckdb.connect()
    rel = con.sql(f"select * from read_parquet('{out_dir}/events/**/*.parquet', hive_partitioning=true) "
                  "order by doc_id, sentence_index")
    names = rel.columns
    return [dict(zip(names, r)) for r in rel.fetchall()]


def sample() -> pa.Table:
    return to_table([
        good_row("doc-a", 0),
        good_row("doc-a", 1, event_date=date(2022, 10, 1)),
        good_row("doc-b", 0, event_date=None),  # falls back to doc_date 2022-09-11
        good_row("doc-c", 0, event_date=None, doc_date=None),  # undated: partition 0/0
    ])


def test_round_trip_through_duckdb(tmp_path: Path):
    table = sample()
    written = write_dataset(table, tmp_path)
    assert written and all(p.is_file() and p.suffix == ".parquet" for p in written)
    rows = read_events(tmp_path)
    assert len(rows) == table.num_rows
    expected = sorted(table.to_pylist(), key=lambda r: (r["doc_id"], r["sentence_index"]))
    for got, want in zip(rows, expected):
        for name in COLUMN_NAMES:
            if name in DEDUP_COLUMNS:  # derived by the store (tests/dataset/test_dedup.py)
                continue
            value = got[name]
            if isinstance(want[name], float):
                assert value == pytest.approx(want[name], rel=1e-6), name
            else:
                assert value == want[name], name
    assert {(r["doc_id"], r["event_year"], r["event_month"]) for r in rows} == {
        ("doc-a", 2022, 9), ("doc-a", 2022, 10), ("doc-b", 2022, 9), ("doc-c", 0, 0)}
    assert not (tmp_path / ".staging").exists()


def test_partition_folders_are_hive_named(tmp_path: Path):
    write_dataset(sample(), tmp_path)
    folders = sorted(str(p.relative_to(tmp_path / "events")) for p in (tmp_path / "events").glob("*/*") if p.is_dir())
    assert folders == ["event_year=0/event_month=0", "event_year=2022/event_month=10", "event_year=2022/event_month=9"]
    for folder in (tmp_path / "events").glob("*/*"):
        assert [f.name.startswith("part-") for f in folder.glob("*.parquet")] == [True]


def test_rewriting_the_same_rows_does_not_duplicate(tmp_path: Path):
    write_dataset(sample(), tmp_path)
    first = read_events(tmp_path)
    write_dataset(sample(), tmp_path)
    assert read_events(tmp_path) == first
    assert len(list((tmp_path / "events").rglob("*.parquet"))) == 3


def test_recoded_document_replaces_its_rows_everywhere(tmp_path: Path):
    write_dataset(sample(), tmp_path)
    # doc-a is re-coded: one row, now in 2023-01; its old rows in 2022-09 and 2022-10 must go.
    write_dataset(to_table([good_row("doc-a", 5, event_date=date(2023, 1, 2))]), tmp_path)
    rows = read_events(tmp_path)
    assert [(r["doc_id"], r["sentence_index"], r["event_year"], r["event_month"]) for r in rows] == [
        ("doc-a", 5, 2023, 1), ("doc-b", 0, 2022, 9), ("doc-c", 0, 0, 0)]
    assert not (tmp_path / "events" / "event_year=2022" / "event_month=10").exists()
    # A document that now yields no rows loses its old ones when named in replace_docs.
    write_dataset(to_table([]), tmp_path, replace_docs=["doc-c"])
    assert [r["doc_id"] for r in read_events(tmp_path)] == ["doc-a", "doc-b"]
    assert not (tmp_path / "events" / "event_year=0").exists()


def test_field_descriptions_are_parquet_field_metadata(tmp_path: Path):
    written = write_dataset(sample(), tmp_path)
    schema = pq.read_schema(written[0])
    for column in COLUMNS:
        field = schema.field(column.name)
        assert field.metadata[b"description"].decode() == column.description
        assert field.nullable == column.nullable
    assert pq.ParquetFile(written[0]).metadata.row_group(0).column(0).compression == "ZSTD"


def test_contract_violation_is_refused_before_anything_is_written(tmp_path: Path):
    from tests.schemas.rows import loose_table

    for table in (loose_table([good_row(event_id=None)]), to_table([good_row(event_id=None)])):
        with pytest.raises(ValueError, match="event_id"):
            write_dataset(table, tmp_path)
    assert not (tmp_path / "events").exists()


def test_quarantine_keeps_failed_rows_and_reasons(tmp_path: Path):
    from tests.schemas.rows import loose_table

    bad = loose_table([good_row(event_id=None)])
    bad = bad.append_column("failed_expectations", pa.array(["expect_column_values_to_not_be_null(event_id)"]))
    path = write_quarantine(bad, tmp_path, run_id="run-1")
    assert path == tmp_path / "quarantine" / "run-1.parquet"
    back = pq.read_table(path)
    assert back.column("event_id").to_pylist() == [None]
    assert back.column("failed_expectations").to_pylist() == ["expect_column_values_to_not_be_null(event_id)"]
    assert write_quarantine(bad.slice(0, 0), tmp_path, run_id="run-2") is None


def test_rejected_inputs_are_written_as_jsonl(tmp_path: Path):
    items = [Rejected("feed.jsonl:2", ErrorCode.E104_MALFORMED_JSON, "malformed JSON"),
             Rejected("feed.jsonl:3", ErrorCode.E105_MISSING_TEXT, "no text", doc_id="x1")]
    path = write_rejected(items, tmp_path, run_id="run-1")
    assert path is not None and path.parent == tmp_path / "rejected"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"source": "feed.jsonl:2", "code": "E104", "reason": "malformed JSON", "doc_id": None},
        {"source": "feed.jsonl:3", "code": "E105", "reason": "no text", "doc_id": "x1"},
    ]
    assert write_rejected([], tmp_path) is None


@pytest.mark.parametrize("hostile", ["../../etc/passwd", "/abs/path", "..", "a/../../b", "\x00nul"])
def test_ids_cannot_escape_the_output_folder(tmp_path: Path, hostile: str):
    out = tmp_path / "out"
    name = safe_name(hostile)
    assert "/" not in name and not name.startswith(".")
    path = write_rejected([Rejected("x", ErrorCode.E101_UNREADABLE, "r", doc_id=hostile)], out, run_id=hostile)
    assert path is not None and path.resolve().is_relative_to(out.resolve())
    table = to_table([good_row(doc_id=hostile)])
    for file in write_dataset(table, out):
        assert file.resolve().is_relative_to((out / "events").resolve())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
