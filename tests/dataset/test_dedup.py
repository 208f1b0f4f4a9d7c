"""Cross-story deduplication: rows of several stories about one event share a cluster, none is dropped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from coding.dedup import assign_clusters
from coding.store import write_dataset
from schemas.events import to_table
from tests.schemas.rows import good_row


def clusters(table: pa.Table) -> list[tuple[str, str, int, int]]:
    t = assign_clusters(table)
    return list(zip(t.column("doc_id").to_pylist(), t.column("event_cluster_id").to_pylist(),
                    t.column("num_sources").to_pylist(), t.column("num_stories").to_pylist()))


def test_same_event_in_two_stories_is_one_cluster_and_both_rows_stay():
    rows = clusters(to_table([
        good_row("afp-1", 0, source_name="AFP"),
        good_row("reuters-1", 3, source_name="Reuters", location_name=" KHARKIV "),  # place: case and spaces
        good_row("afp-1", 4, source_name="AFP"),  # the same story repeating the event is one story
        good_row("ap-1", 0, source_name="AP", event_date=date(2022, 9, 9)),  # another day: another event
        good_row("ap-2", 0, source_name="AP", actor2_code="POL", actor2_country="POL"),  # another target: another event
        # the same target named in more detail by another story: the same event
        good_row("bbc-1", 0, source_name="BBC", actor2_code="UKRCVL", actor2_sector="CVL"),
    ]))
    assert len(rows) == 6
    (a, ca, sa, na), (r, cr, sr, nr), (a2, ca2, _, _), (_, cd, sd, nd), (_, ct, st, nt), (_, cb, sb, nb) = rows
    assert ca == cr == ca2 == cb
    assert (sa, na) == (sr, nr) == (sb, nb) == (3, 3)
    assert len({ca, cd, ct}) == 3
    assert (sd, nd) == (st, nt) == (1, 1)


def test_cluster_ids_do_not_depend_on_the_other_rows():
    alone = clusters(to_table([good_row("afp-1", 0)]))[0][1]
    together = clusters(to_table([good_row("x", 0, event_date=date(2020, 1, 1)), good_row("afp-1", 0)]))[1][1]
    assert alone == together


def test_rows_without_event_date_or_source_are_counted_safely():
    rows = clusters(to_table([
        good_row("a", 0, event_date=None), good_row("b", 0, event_date=None),  # no date: no claim of sameness
        good_row("c", 0, source_name=None), good_row("d", 0, source_name="AFP"),
    ]))
    assert rows[0][1] != rows[1][1] and rows[0][3] == rows[1][3] == 1
    assert rows[2][1] == rows[3][1]
    assert (rows[2][2], rows[2][3]) == (1, 2)  # one known source, two stories


def test_negated_report_is_not_the_same_event():
    rows = clusters(to_table([good_row("a", 0), good_row("b", 0, modality="negated")]))
    assert rows[0][1] != rows[1][1]


def read(out: Path) -> dict[str, tuple[str, int, int]]:
    got = duckdb.sql(f"select doc_id, event_cluster_id, num_sources, num_stories from "
                     f"read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)").fetchall()
    return {doc: (cid, ns, nst) for doc, cid, ns, nst in got}


def test_clusters_span_runs_and_follow_replaced_documents(tmp_path: Path):
    write_dataset(to_table([good_row("afp-1", 0, source_name="AFP")]), tmp_path, run_id="r1")
    assert read(tmp_path)["afp-1"][1:] == (1, 1)
    write_dataset(to_table([good_row("reuters-1", 0, source_name="Reuters")]), tmp_path, run_id="r2")
    after = read(tmp_path)
    assert after["afp-1"][0] == after["reuters-1"][0]
    assert after["afp-1"][1:] == after["reuters-1"][1:] == (2, 2)  # the stored row was recounted too
    # reuters-1 is corrected: the event was on another day. The AFP row is alone again.
    write_dataset(to_table([good_row("reuters-1", 0, source_name="Reuters", event_date=date(2022, 9, 9))]),
                  tmp_path, run_id="r3")
    final = read(tmp_path)
    assert final["afp-1"][1:] == final["reuters-1"][1:] == (1, 1)
    assert final["afp-1"][0] != final["reuters-1"][0]


def test_two_stories_of_one_event_through_the_coder():
    """Two short stories, written for this test, of one shelling reported by two agencies."""
    from coding.coder import code_documents
    from coding.document import Document

    day = date(2022, 9, 11)
    stories = [
        Document("afp-kharkiv", "Russian forces shelled Kharkiv on Saturday, killing two civilians, "
                 "the regional governor said.", doc_date=day, source="AFP"),
        Document("reuters-kharkiv", "Russian troops shelled the city of Kharkiv on Saturday, Ukrainian "
                 "officials said. Residents fled to shelters.", doc_date=day, source="Reuters"),
        Document("ap-odesa", "Russian forces shelled Odesa on Tuesday.", doc_date=date(2022, 9, 15), source="AP"),
    ]
    coded = to_table(list(code_documents(stories)))
    table = assign_clusters(coded)
    assert table.num_rows == coded.num_rows  # every source row is kept
    rows = table.to_pylist()
    shelling = {r["doc_id"]: r for r in rows if r["trigger"] == "shelled"}
    assert set(shelling) == {"afp-kharkiv", "reuters-kharkiv", "ap-odesa"}
    afp, reuters, ap = shelling["afp-kharkiv"], shelling["reuters-kharkiv"], shelling["ap-odesa"]
    assert afp["event_cluster_id"] == reuters["event_cluster_id"] != ap["event_cluster_id"]
    assert (afp["num_sources"], afp["num_stories"]) == (reuters["num_sources"], reuters["num_stories"]) == (2, 2)
    assert (ap["num_sources"], ap["num_stories"]) == (1, 1)
