"""Incremental, idempotent writes: the document index, plan_documents and replaced documents."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from coding.document import Document
from coding.store import (EVENTS_DIR, current_version, dataset_stats, plan_documents, read_doc_index,
                          write_dataset)
from schemas.events import dictionary_columns, to_table
from tests.schemas.rows import good_row


def docs(*pairs: tuple[str, str]) -> list[Document]:
    return [Document(doc_id, text, doc_date=date(2022, 9, 11)) for doc_id, text in pairs]


def rows_of(*documents: Document, per_doc: int = 2):
    return to_table([good_row(d.doc_id, s, content_hash=None) for d in documents for s in range(per_doc)])


def stored(out: Path) -> list[tuple[str, str, str]]:
    return duckdb.sql(f"select doc_id, event_id, content_hash from "
                      f"read_parquet('{out}/events/**/*.parquet', hive_partitioning=true) order by all").fetchall()


def test_plan_on_a_new_folder_codes_everything(tmp_path: Path):
    plan = plan_documents(docs(("a", "x"), ("b", "y")), tmp_path)
    assert [d.doc_id for d in plan.to_code] == ["a", "b"] == [d.doc_id for d in plan.new]
    assert plan.counts() == {"to_code": 2, "new": 2, "changed": 0, "unchanged": 0, "duplicates": 0, "removed": 0}


def test_rerun_skips_unchanged_and_codes_changed_new_and_once_only(tmp_path: Path):
    first = docs(("a", "text a"), ("b", "text b"), ("empty", "no events here"))
    write_dataset(rows_of(first[0], first[1]), tmp_path, documents=first)  # "empty" coded to no rows
    index = read_doc_index(tmp_path)
    assert index.column("doc_id").to_pylist() == ["a", "b", "empty"]
    assert index.column("rows").to_pylist() == [2, 2, 0]
    assert index.column("content_hash").to_pylist() == [d.content_hash for d in first]

    again = docs(("a", "text a"), ("b", "text b, corrected"), ("empty", "no events here"), ("c", "new"),
                 ("a", "text a"))
    plan = plan_documents(again, tmp_path)
    assert [d.doc_id for d in plan.unchanged] == ["a", "empty"]
    assert [d.doc_id for d in plan.changed] == ["b"]
    assert [d.doc_id for d in plan.new] == ["c"]
    assert [d.doc_id for d in plan.to_code] == ["b", "c"]
    assert [d.doc_id for d in plan.duplicates] == ["a"]


def test_corrected_metadata_with_the_same_text_recodes(tmp_path: Path):
    first = docs(("a", "text a"), ("b", "text b"))
    write_dataset(rows_of(*first), tmp_path, documents=first)
    redated = [Document("a", "text a", doc_date=date(2022, 9, 12)), Document("b", "text b", doc_date=date(2022, 9, 11))]
    plan = plan_documents(redated, tmp_path)
    assert [d.doc_id for d in plan.changed] == ["a"] and [d.doc_id for d in plan.unchanged] == ["b"]
    assert redated[0].content_hash == first[0].content_hash  # the text did not change


def test_new_coder_version_recodes(tmp_path: Path):
    first = docs(("a", "text a"))
    write_dataset(rows_of(*first), tmp_path, documents=first)
    assert plan_documents(first, tmp_path).unchanged == first
    assert plan_documents(first, tmp_path, coder_version="99.0").changed == first


def test_same_input_twice_adds_no_rows_and_keeps_ids(tmp_path: Path):
    first = docs(("a", "text a"), ("b", "text b"))
    write_dataset(rows_of(*first), tmp_path, documents=first)
    before = stored(tmp_path)
    write_dataset(rows_of(*first), tmp_path, documents=first)
    assert stored(tmp_path) == before
    assert len(before) == 4 and {h for _, _, h in before} == {d.content_hash for d in first}


def test_changed_document_replaces_its_rows(tmp_path: Path):
    first = docs(("a", "text a"), ("b", "text b"))
    write_dataset(rows_of(*first), tmp_path, documents=first)
    old_b = {e for d, e, _ in stored(tmp_path) if d == "b"}
    changed = docs(("b", "text b, corrected"))
    new_rows = to_table([good_row("b", 7, trigger="attacked", event_date=date(2023, 2, 1), content_hash=None)])
    write_dataset(new_rows, tmp_path, documents=changed)
    after = stored(tmp_path)
    b_rows = [(e, h) for d, e, h in after if d == "b"]
    assert b_rows == [(new_rows.column("event_id")[0].as_py(), changed[0].content_hash)]
    assert not old_b & {e for _, e, _ in after}
    assert [d for d, _, _ in after].count("a") == 2
    index = read_doc_index(tmp_path).to_pylist()
    assert [(r["doc_id"], r["partitions"]) for r in index] == [("a", "2022-9"), ("b", "2023-2")]
    # and a document that now yields nothing loses its rows but stays known
    write_dataset(to_table([]), tmp_path, documents=docs(("a", "text a, emptied")))
    assert [d for d, _, _ in stored(tmp_path)] == ["b"]
    assert read_doc_index(tmp_path).column("rows").to_pylist() == [0, 1]
    assert dataset_stats(tmp_path)["rows"] == 1 and dataset_stats(tmp_path)["documents"] == 2


def test_codes_are_dictionary_encoded_and_text_is_not(tmp_path: Path):
    written = write_dataset(rows_of(*docs(("a", "x"))), tmp_path)
    meta = pq.ParquetFile(written[0]).metadata
    names = [meta.schema.column(i).name for i in range(meta.num_columns)]
    encodings = {name: meta.row_group(0).column(i).encodings for i, name in enumerate(names)}
    assert "cameo_code" in dictionary_columns() and "sentence_text" not in dictionary_columns()
    assert any("DICTIONARY" in e for e in encodings["cameo_code"])
    assert not any("DICTIONARY" in e for e in encodings["sentence_text"])


def test_a_dataset_written_as_a_plain_folder_is_taken_over(tmp_path: Path):
    first = docs(("a", "text a"))
    other = to_table([good_row("b", 0, event_date=date(2021, 5, 1))])
    write_dataset(pa.concat_tables([rows_of(*first), other]), tmp_path, documents=first)
    rows = stored(tmp_path)
    # The layout before versioned writes: events/ was a real folder (and had no document index).
    data = current_version(tmp_path) / "data"
    (tmp_path / EVENTS_DIR).unlink()
    shutil.copytree(data, tmp_path / EVENTS_DIR)
    shutil.rmtree(tmp_path / ".events")
    assert stored(tmp_path) == rows
    write_dataset(rows_of(*first), tmp_path, documents=first)
    assert (tmp_path / EVENTS_DIR).is_symlink()
    assert stored(tmp_path) == rows
    assert read_doc_index(tmp_path).column("doc_id").to_pylist() == ["a", "b"]  # b indexed from the files
    write_dataset(to_table([good_row("b", 0, event_date=date(2021, 6, 1))]), tmp_path)  # b moves: no duplicate
    assert stored(tmp_path) == rows
    assert dict(zip(*read_doc_index(tmp_path).select(["doc_id", "partitions"]).to_pydict().values())) == {
        "a": "2022-9", "b": "2021-6"}


def test_index_records_the_coder_build_so_an_upgraded_coder_recodes(tmp_path: Path, monkeypatch):
    from coding import store
    from coding.fingerprint import coder_build
    first = docs(("a", "text a"))
    write_dataset(rows_of(*first), tmp_path, documents=first)
    assert read_doc_index(tmp_path).column("coder_version").to_pylist() == [coder_build()]
    monkeypatch.setattr(store, "coder_build", lambda: "0.1.0+another-build")  # a new lexicon or coding module
    assert plan_documents(first, tmp_path).changed == first


def test_mirror_plan_removes_what_the_input_no_longer_holds(tmp_path: Path):
    """`eventcoder serve --mirror`: stored documents missing from the input lose their rows and index entries."""
    first = docs(("a", "text a"), ("b", "text b"), ("c", "text c"))
    write_dataset(rows_of(*first), tmp_path, documents=first)
    again = docs(("a", "text a"), ("c", "text c, corrected"))
    assert plan_documents(again, tmp_path).removed == []  # without mirror nothing is removed
    plan = plan_documents(again, tmp_path, mirror=True)
    assert plan.removed == ["b"] and plan.counts()["removed"] == 1
    assert [d.doc_id for d in plan.to_code] == ["c"]
    write_dataset(rows_of(plan.to_code[0]), tmp_path, documents=plan.to_code, replace_docs=plan.removed)
    assert sorted({doc for doc, _, _ in stored(tmp_path)}) == ["a", "c"]
    assert read_doc_index(tmp_path).column("doc_id").to_pylist() == ["a", "c"]
    assert plan_documents(again, tmp_path, mirror=True).counts()["to_code"] == 0
