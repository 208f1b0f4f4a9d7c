"""petr_gsr format on a tiny gold file, predictions written as a hive-partitioned dataset."""

import json

import pyarrow.parquet as pq
import pytest

from coding.evaluation import evaluate, format_report
from schemas.events import to_table
from tests.evaluation.helpers import make_row, write_jsonl

GOLD = [
    {"id": "p1", "text": "t", "expected": [{"source": "USA", "target": "CHN", "code": "042"}]},
    {"id": "p2", "text": "t", "expected": [{"source": "USAGOV", "target": "IRN", "code": "1014"},
                                           {"source": "---REB", "target": "SYR", "code": "190"}]},
    {"id": "p3", "text": "t", "expected": [], "expected_flags": ["noevents"]},
    {"id": "p4", "text": "t", "expected": [{"source": "RUSGOV", "target": "", "code": "0841"}]},
    {"id": "p5", "text": "t", "expected": [{"source": "---LEG", "target": "USAGOV", "code": "100"}]},
]
ROWS = [
    make_row("p1", cameo_code="043", actor1_code="USAGOV", actor2_code="CHN"),  # same root and prefixes: found
    make_row("p2", cameo_code="1012", actor1_code="USA", actor2_code="IRN"),  # found
    make_row("p2", cameo_code="190", actor1_code="SYR", actor2_code="REB"),  # actors swapped: root only
    make_row("p3", cameo_code="010", actor1_code="FRA"),  # a row where no event is expected
    make_row("p4", cameo_code="0841", actor1_code="RUSGOV"),  # empty target matches no actor2
    make_row("p4", cameo_code="0841", actor1_code="RUS", actor2_code="UKR"),  # target where none expected
    make_row("p5", cameo_code="100", actor1_code="LEG", actor2_code="USA"),  # '---LEG' compares as LEG
    make_row("not-in-gold", cameo_code="042", actor1_code="USA", actor2_code="CHN"),  # ignored
]


@pytest.fixture
def report(tmp_path):
    gold = write_jsonl(tmp_path / "petr.gold.jsonl", GOLD)
    table = to_table(ROWS)
    pred = tmp_path / "events"
    pq.write_to_dataset(table.append_column("event_year", table.column("doc_id")), pred, partition_cols=["event_year"])
    return evaluate(gold, pred)


def test_recall_root_recall_and_precision(report):
    s = report["summary"]
    assert report["format"] == "petr_gsr"
    assert (s["found"], s["expected"], s["recall"]) == (4, 5, 0.8)
    assert (s["found_root"], s["recall_root"]) == (5, 1.0)
    assert (s["rows_correct"], s["rows"]) == (4, 7) and s["precision"] == pytest.approx(4 / 7)
    assert (s["records"], s["records_no_event"], s["rows_on_no_event_records"]) == (5, 1, 1)


def test_missed_and_false_positives_are_listed(report):
    assert [(m["id"], m["code"]) for m in report["missed"]] == [("p2", "190")]
    assert sorted((r["doc_id"], r["cameo_code"]) for r in report["false_positive_rows"]) == [
        ("p2", "190"), ("p3", "010"), ("p4", "0841")]


def test_report_text_and_json(report):
    json.dumps(report)
    text = format_report(report)
    assert "recall_root" in text and "---REB" in text
