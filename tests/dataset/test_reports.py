"""The run summary (Markdown) and the run manifest, built from plain values without the flow."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow as pa

from coding.document import Rejected
from coding.errors import ErrorCode
from coding.manifest import manifest_path, read_manifest, run_manifest, write_manifest
from coding.store import rejected_record
from schemas.events import to_table
from schemas.summary import breakdowns, build_summary, render_summary
from schemas.validation import FAILED_COLUMN, ValidationOutcome
from tests.schemas.rows import good_row


def outcome() -> ValidationOutcome:
    passed = to_table([good_row("a", 0), good_row("a", 1, acled_event_type=None, cameo_root="04"),
                       good_row("b", 0, event_date=date(2022, 10, 2), country_iso3="RUS")])
    failed = to_table([good_row("c", 0)]).append_column(
        FAILED_COLUMN, pa.array(["expect_column_values_to_be_in_set(cameo_code); expect_column_values_to_be_between(latitude)"]))
    return ValidationOutcome(passed=passed, failed=failed, success=False,
                             statistics={"evaluated_expectations": 10, "successful_expectations": 8},
                             table_failures=["expect_column_values_to_be_unique(event_id): 2 rows"])


def summary() -> dict:
    rejected = [rejected_record(r) for r in (
        Rejected("in/empty.txt", ErrorCode.E103_EMPTY, "empty file"),
        Rejected("in/feed.jsonl:2", ErrorCode.E104_MALFORMED_JSON, "malformed JSON | line 2"),
        Rejected("in/feed.jsonl:5", ErrorCode.E104_MALFORMED_JSON, "malformed JSON"))]
    outputs = {"events": "out/events", "partition_files": ["x"], "dataset": {"rows": 9, "documents": 4,
                                                                           "multi_story_clusters": 1}}
    plan = {"to_code": 3, "new": 2, "changed": 1, "unchanged": 5, "duplicates": 1}
    return build_summary("20240102T030405Z-abcdef12", 9, ["a", "b", "c"], rejected, 4, outcome(), outputs, plan,
                         {"min_both_actors_share": 0.2})


def test_breakdowns_count_rows_by_root_type_country_and_month():
    counts = breakdowns(outcome().passed)
    assert counts["cameo_root"] == {"19": 2, "04": 1}
    assert counts["acled_event_type"] == {"Battles": 2, "(none)": 1}
    assert counts["country_iso3"] == {"UKR": 2, "RUS": 1}
    assert counts["event_month"] == {"2022-09": 2, "2022-10": 1}


def test_summary_markdown_shows_outcome_reasons_and_counts():
    s = summary()
    assert s["rejected_reasons"] == {"E104": 2, "E103": 1}
    assert s["quarantine_reasons"] == {"expect_column_values_to_be_in_set(cameo_code)": 1,
                                       "expect_column_values_to_be_between(latitude)": 1}
    text = render_summary(s)
    assert s["table_checks_passed"] is False  # the CI gate (tools/quality_gate.py)
    assert "| validation | FAILED (8/10 expectations) |" in text
    assert "| new / changed / unchanged (skipped) | 2 / 1 / 5 |" in text
    assert "| duplicate ids in the input (coded once) | 1 |" in text
    assert "| E104 | 2 |" in text and "| E103 | 1 |" in text
    assert "malformed JSON / line 2" in text  # a pipe in a reason does not break the table
    assert "- `expect_column_values_to_be_unique(event_id): 2 rows`" in text
    assert "| `expect_column_values_to_be_between(latitude)` | 1 |" in text
    assert "### By CAMEO root" in text and "| 19 | 2 |" in text
    assert "### By month of the event" in text and "| 2022-10 | 1 |" in text
    assert "9 rows, 4 documents, 1 events reported by several stories" in text


def test_manifest_is_written_beside_the_data(tmp_path: Path):
    s = summary()
    s["stage_seconds"] = {"read": 0.1, "validate": 2.5}
    path = write_manifest(run_manifest(s, ["seeds/", "feed.jsonl"]), tmp_path)
    assert path == manifest_path(tmp_path, s["run_id"]) == tmp_path / "manifests" / f"{s['run_id']}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == read_manifest(tmp_path) == read_manifest(tmp_path, s["run_id"])
    assert data["started_at"] == "2024-01-02T03:04:05+00:00"
    assert data["inputs"] == ["seeds/", "feed.jsonl"]
    assert data["counts"]["documents_unchanged"] == 5 and data["counts"]["rows_quarantined"] == 1
    assert data["counts"]["rejected_by_code"] == {"E104": 2, "E103": 1}
    assert data["validation"]["success"] is False and data["validation"]["table_failures"]
    assert data["timings"] == {"read": 0.1, "validate": 2.5}
    assert data["quality"] == {"min_both_actors_share": 0.2}
    assert not list(tmp_path.rglob(".*.partial"))
